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
    moveq #0, d0                | one real check: 10 + 9 + ... + 1 = 55
    moveq #10, d1
1:  add.w d1, d0
    dbra d1, 1b
    CHECK 1, d0, #55            | check id 1: actual d0, expected 55
    jmp test_end                | prints PASS, exits with code 0

    .section .rodata
name:
    .asciz "testport_example"
