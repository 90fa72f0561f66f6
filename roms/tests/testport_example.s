| testport_example.s - the smallest useful test ROM: prints "hello" on the
| mdemu test port and ends the run with exit code 0 (see README.md).
    .include "md.inc"
    ROM_HEADER "MDEMU TEST PORT EXAMPLE", "GM MDEMU003-00"

    .text
    .global main
main:
    lea name, a0
    jsr test_begin              | result block + prints the name
    TP_PRINT "hello\n"
    CHECK 1, #5, #5             | one real check so the block shows a pass
    jmp test_end                | prints PASS, exits with code 0

    .section .rodata
name:
    .asciz "testport_example"
