| font.s - our own 8x8 glyphs for printable ASCII 0x20-0x7E, one byte per row,
| bit 7 = leftmost pixel. The binary literals are the drawing: 1 = ink.
| font_load expands them to 4bpp tiles.
    .section .rodata
    .global font_glyphs, font_glyphs_end
font_glyphs:
| 0x20 ' '
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x21 '!'
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00000000
| 0x22 '"'
    .byte 0b01101100
    .byte 0b01101100
    .byte 0b01001000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x23 '#'
    .byte 0b01101100
    .byte 0b01101100
    .byte 0b11111110
    .byte 0b01101100
    .byte 0b11111110
    .byte 0b01101100
    .byte 0b01101100
    .byte 0b00000000
| 0x24 '$'
    .byte 0b00010000
    .byte 0b01111100
    .byte 0b10010000
    .byte 0b01111000
    .byte 0b00010100
    .byte 0b11111000
    .byte 0b00010000
    .byte 0b00000000
| 0x25 '%'
    .byte 0b11000100
    .byte 0b11001000
    .byte 0b00010000
    .byte 0b00100000
    .byte 0b01001100
    .byte 0b10001100
    .byte 0b00000000
    .byte 0b00000000
| 0x26 '&'
    .byte 0b01110000
    .byte 0b11011000
    .byte 0b01110000
    .byte 0b01110110
    .byte 0b11011100
    .byte 0b11001100
    .byte 0b01110110
    .byte 0b00000000
| 0x27 "'"
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x28 '('
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00000000
| 0x29 ')'
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b00000000
| 0x2A '*'
    .byte 0b00000000
    .byte 0b01100110
    .byte 0b00111100
    .byte 0b11111111
    .byte 0b00111100
    .byte 0b01100110
    .byte 0b00000000
    .byte 0b00000000
| 0x2B '+'
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b01111110
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00000000
| 0x2C ','
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00110000
| 0x2D '-'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x2E '.'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
| 0x2F '/'
    .byte 0b00000011
    .byte 0b00000110
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b01100000
    .byte 0b11000000
    .byte 0b00000000
| 0x30 '0'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11001110
    .byte 0b11010110
    .byte 0b11100110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x31 '1'
    .byte 0b00011000
    .byte 0b00111000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b01111110
    .byte 0b00000000
| 0x32 '2'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b00000110
    .byte 0b00011100
    .byte 0b01110000
    .byte 0b11000000
    .byte 0b11111110
    .byte 0b00000000
| 0x33 '3'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b00000110
    .byte 0b00111100
    .byte 0b00000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x34 '4'
    .byte 0b00001110
    .byte 0b00011110
    .byte 0b00110110
    .byte 0b01100110
    .byte 0b11111110
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b00000000
| 0x35 '5'
    .byte 0b11111110
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x36 '6'
    .byte 0b00111100
    .byte 0b01100000
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x37 '7'
    .byte 0b11111110
    .byte 0b00000110
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00000000
| 0x38 '8'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x39 '9'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000110
    .byte 0b00001100
    .byte 0b01111000
    .byte 0b00000000
| 0x3A ':'
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00000000
| 0x3B ';'
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b00000000
| 0x3C '<'
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b01100000
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00000000
| 0x3D '='
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x3E '>'
    .byte 0b01100000
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b01100000
    .byte 0b00000000
| 0x3F '?'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00011000
    .byte 0b00000000
| 0x40 '@'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11011110
    .byte 0b11010110
    .byte 0b11011110
    .byte 0b11000000
    .byte 0b01111100
    .byte 0b00000000
| 0x41 'A'
    .byte 0b00111000
    .byte 0b01101100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x42 'B'
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b00000000
| 0x43 'C'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x44 'D'
    .byte 0b11111000
    .byte 0b11001100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11001100
    .byte 0b11111000
    .byte 0b00000000
| 0x45 'E'
    .byte 0b11111110
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111110
    .byte 0b00000000
| 0x46 'F'
    .byte 0b11111110
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b00000000
| 0x47 'G'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000000
    .byte 0b11011110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000000
| 0x48 'H'
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x49 'I'
    .byte 0b01111110
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b01111110
    .byte 0b00000000
| 0x4A 'J'
    .byte 0b00001110
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x4B 'K'
    .byte 0b11000110
    .byte 0b11001100
    .byte 0b11011000
    .byte 0b11110000
    .byte 0b11011000
    .byte 0b11001100
    .byte 0b11000110
    .byte 0b00000000
| 0x4C 'L'
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111110
    .byte 0b00000000
| 0x4D 'M'
    .byte 0b11000110
    .byte 0b11101110
    .byte 0b11111110
    .byte 0b11010110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x4E 'N'
    .byte 0b11000110
    .byte 0b11100110
    .byte 0b11110110
    .byte 0b11011110
    .byte 0b11001110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x4F 'O'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x50 'P'
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b00000000
| 0x51 'Q'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11010110
    .byte 0b11001100
    .byte 0b01110110
    .byte 0b00000000
| 0x52 'R'
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b11011000
    .byte 0b11001100
    .byte 0b11000110
    .byte 0b00000000
| 0x53 'S'
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000000
    .byte 0b01111100
    .byte 0b00000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x54 'T'
    .byte 0b01111110
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
| 0x55 'U'
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x56 'V'
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01101100
    .byte 0b00111000
    .byte 0b00010000
    .byte 0b00000000
| 0x57 'W'
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11010110
    .byte 0b11111110
    .byte 0b11101110
    .byte 0b11000110
    .byte 0b00000000
| 0x58 'X'
    .byte 0b11000110
    .byte 0b01101100
    .byte 0b00111000
    .byte 0b00111000
    .byte 0b00111000
    .byte 0b01101100
    .byte 0b11000110
    .byte 0b00000000
| 0x59 'Y'
    .byte 0b01100110
    .byte 0b01100110
    .byte 0b01100110
    .byte 0b00111100
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
| 0x5A 'Z'
    .byte 0b11111110
    .byte 0b00000110
    .byte 0b00001100
    .byte 0b00011000
    .byte 0b00110000
    .byte 0b01100000
    .byte 0b11111110
    .byte 0b00000000
| 0x5B '['
    .byte 0b00111100
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00111100
    .byte 0b00000000
| 0x5C backslash
    .byte 0b11000000
    .byte 0b01100000
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00000110
    .byte 0b00000011
    .byte 0b00000000
| 0x5D ']'
    .byte 0b00111100
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00001100
    .byte 0b00111100
    .byte 0b00000000
| 0x5E '^'
    .byte 0b00010000
    .byte 0b00111000
    .byte 0b01101100
    .byte 0b11000110
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x5F '_'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11111111
| 0x60 '`'
    .byte 0b00110000
    .byte 0b00011000
    .byte 0b00001100
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
| 0x61 'a'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111100
    .byte 0b00000110
    .byte 0b01111110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000000
| 0x62 'b'
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b00000000
| 0x63 'c'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111100
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b01111100
    .byte 0b00000000
| 0x64 'd'
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b01111110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000000
| 0x65 'e'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11111110
    .byte 0b11000000
    .byte 0b01111100
    .byte 0b00000000
| 0x66 'f'
    .byte 0b00011100
    .byte 0b00110000
    .byte 0b01111100
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00000000
| 0x67 'g'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000110
    .byte 0b01111100
| 0x68 'h'
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x69 'i'
    .byte 0b00011000
    .byte 0b00000000
    .byte 0b00111000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00111100
    .byte 0b00000000
| 0x6A 'j'
    .byte 0b00000110
    .byte 0b00000000
    .byte 0b00001110
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b00000110
    .byte 0b11000110
    .byte 0b01111100
| 0x6B 'k'
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11001100
    .byte 0b11011000
    .byte 0b11110000
    .byte 0b11011000
    .byte 0b11001100
    .byte 0b00000000
| 0x6C 'l'
    .byte 0b00111000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00111100
    .byte 0b00000000
| 0x6D 'm'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11011000
    .byte 0b11111110
    .byte 0b11010110
    .byte 0b11010110
    .byte 0b11000110
    .byte 0b00000000
| 0x6E 'n'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b00000000
| 0x6F 'o'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111100
    .byte 0b00000000
| 0x70 'p'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11111100
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11111100
    .byte 0b11000000
    .byte 0b11000000
| 0x71 'q'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000110
    .byte 0b00000110
| 0x72 'r'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11011100
    .byte 0b11100110
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b11000000
    .byte 0b00000000
| 0x73 's'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b01111110
    .byte 0b11000000
    .byte 0b01111100
    .byte 0b00000110
    .byte 0b11111100
    .byte 0b00000000
| 0x74 't'
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b11111100
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00110000
    .byte 0b00011100
    .byte 0b00000000
| 0x75 'u'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000000
| 0x76 'v'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01101100
    .byte 0b00111000
    .byte 0b00000000
| 0x77 'w'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11000110
    .byte 0b11010110
    .byte 0b11010110
    .byte 0b11111110
    .byte 0b01101100
    .byte 0b00000000
| 0x78 'x'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11000110
    .byte 0b01101100
    .byte 0b00111000
    .byte 0b01101100
    .byte 0b11000110
    .byte 0b00000000
| 0x79 'y'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b11000110
    .byte 0b01111110
    .byte 0b00000110
    .byte 0b01111100
| 0x7A 'z'
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b11111110
    .byte 0b00001100
    .byte 0b00111000
    .byte 0b01100000
    .byte 0b11111110
    .byte 0b00000000
| 0x7B '{'
    .byte 0b00001110
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b01110000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00001110
    .byte 0b00000000
| 0x7C bar
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00000000
| 0x7D '}'
    .byte 0b01110000
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b00001110
    .byte 0b00011000
    .byte 0b00011000
    .byte 0b01110000
    .byte 0b00000000
| 0x7E '~'
    .byte 0b01110010
    .byte 0b11011100
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
    .byte 0b00000000
font_glyphs_end:
