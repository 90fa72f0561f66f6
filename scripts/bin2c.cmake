# Turns a binary file into a C source with a const byte array (used to bundle the demo ROM).
# cmake -DINPUT=file.bin -DOUTPUT=file.c -DSYMBOL=name -P bin2c.cmake
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}"
  "/* Generated from ${INPUT} by scripts/bin2c.cmake: do not edit. */\n"
  "#include <stddef.h>\n"
  "const unsigned char ${SYMBOL}[] = {\n${bytes}\n};\n"
  "const size_t ${SYMBOL}_size = sizeof ${SYMBOL};\n")
