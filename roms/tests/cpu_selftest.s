| cpu_selftest.s - 68000 instruction checks with results worked out from
| the MC68000 Programmer's Reference Manual (flag rules per instruction,
| exception vectors and stack frames). Each check has a unique id; failures
| print "FAIL id=..." on the test port and are listed in the result block.
    .include "md.inc"
    ROM_HEADER "MDEMU CPU SELFTEST", "GM MDEMU010-00"

    .equ CCR_X, 0x10
    .equ CCR_N, 0x08
    .equ CCR_Z, 0x04
    .equ CCR_V, 0x02
    .equ CCR_C, 0x01

| FLAGS id, expected [, mask]: compare the CCR (masked) right now; the CCR
| itself is left as it was (d7 is scratch).
.macro FLAGS id, expected, mask=0x1F
    move.w sr, -(sp)
    move.w (sp), d7
    andi.l #\mask, d7
    CHECK \id, d7, #\expected
    move.w (sp)+, ccr
.endm

    .text
    .global main
main:
    lea title, a0
    jsr test_begin
    jsr text_init
    lea title, a0
    moveq #1, d0
    moveq #1, d1
    moveq #0, d2
    jsr print_at
    jsr vdp_display_on

    bsr arithmetic
    bsr bcd
    bsr shifts
    bsr moves
    bsr bits_and_logic
    bsr multiply_divide
    bsr branches
    bsr more_modes
    bsr exceptions

    lea -40(sp), sp             | summary on screen, then report and stop
    move.l sp, a0
    jsr test_summary_string
    moveq #1, d0
    moveq #3, d1
    moveq #0, d2
    jsr print_at
    lea 40(sp), sp
    jmp test_end

| ---------------------------------------------------------------------------
arithmetic:
    move.l #0x7FFFFFFF, d0      | signed overflow into the sign bit
    moveq #1, d1
    add.l d1, d0
    FLAGS 0x101, CCR_N + CCR_V
    CHECK 0x102, d0, #0x80000000

    move.l #0x123456FF, d0      | byte carry out, upper bytes untouched
    addi.b #1, d0
    FLAGS 0x103, CCR_X + CCR_Z + CCR_C
    CHECK 0x104, d0, #0x12345600

    move.l #0xABCD0000, d0      | borrow
    subq.w #1, d0
    FLAGS 0x105, CCR_X + CCR_N + CCR_C
    CHECK 0x106, d0, #0xABCDFFFF

    moveq #5, d0                | CMP leaves X alone
    move.w #0, ccr
    cmpi.l #7, d0
    FLAGS 0x107, CCR_N + CCR_C
    move.w #CCR_X, ccr
    cmpi.l #5, d0
    FLAGS 0x108, CCR_X + CCR_Z

    moveq #-1, d0               | ADDX: carry in, Z only cleared, never set
    moveq #0, d1
    move.w #CCR_X + CCR_Z, ccr
    addx.l d1, d0
    FLAGS 0x109, CCR_X + CCR_Z + CCR_C
    CHECK 0x10A, d0, #0

    moveq #0, d0                | SUBX: borrow in makes 0xFF and clears Z
    moveq #0, d1
    move.w #CCR_X + CCR_Z, ccr
    subx.b d1, d0
    FLAGS 0x10B, CCR_X + CCR_N + CCR_C
    CHECK 0x10C, d0, #0xFF

    move.l #0x00008000, d0      | NEG of the most negative word
    neg.w d0
    FLAGS 0x10D, CCR_X + CCR_N + CCR_V + CCR_C
    CHECK 0x10E, d0, #0x00008000

    moveq #0, d0                | NEG 0: no carry
    neg.l d0
    FLAGS 0x10F, CCR_Z

    lea 0x10000, a0             | address arithmetic: word source sign-extended,
    adda.w #-1, a0              | no flags touched
    move.l a0, d0
    CHECK 0x110, d0, #0xFFFF
    suba.w #0x8000, a0
    move.l a0, d0
    CHECK 0x111, d0, #0x17FFF
    move.w #CCR_C, ccr
    addq.l #8, a0
    FLAGS 0x112, CCR_C

    move.l #0x0000FFFF, d0      | CLR / NOT / EXT / SWAP
    not.w d0
    FLAGS 0x113, CCR_Z
    move.b #0x80, d0
    ext.w d0
    CHECK 0x114, d0, #0xFF80
    ext.l d0
    CHECK 0x115, d0, #0xFFFFFF80
    move.l #0x12345678, d0
    swap d0
    CHECK 0x116, d0, #0x56781234
    move.l #0x11111111, d1
    exg d0, d1
    CHECK 0x117, d1, #0x56781234
    move.w #CCR_X + CCR_C, ccr
    clr.w d1
    FLAGS 0x118, CCR_X + CCR_Z
    CHECK 0x119, d1, #0x56780000
    rts

| ---------------------------------------------------------------------------
bcd:
    move.l #0x45, d0            | 45 + 38 + X = 84
    move.l #0x38, d1
    move.w #CCR_X + CCR_Z, ccr
    abcd d1, d0
    FLAGS 0x201, 0, CCR_X + CCR_Z + CCR_C
    CHECK 0x202, d0, #0x84

    move.l #0x99, d0            | 99 + 01 = 00 carry; Z stays set
    moveq #1, d1
    move.w #CCR_Z, ccr
    abcd d1, d0
    FLAGS 0x203, CCR_X + CCR_Z + CCR_C, CCR_X + CCR_Z + CCR_C
    CHECK 0x204, d0, #0x00

    moveq #0x10, d0             | 10 - 01 - X = 08
    moveq #1, d1
    move.w #CCR_X + CCR_Z, ccr
    sbcd d1, d0
    FLAGS 0x205, 0, CCR_X + CCR_Z + CCR_C
    CHECK 0x206, d0, #0x08

    moveq #0, d0                | 00 - 01 = 99 borrow
    moveq #1, d1
    move.w #CCR_Z, ccr
    sbcd d1, d0
    FLAGS 0x207, CCR_X + CCR_C, CCR_X + CCR_Z + CCR_C
    CHECK 0x208, d0, #0x99

    moveq #0x25, d0             | 0 - 25 = 75 borrow
    move.w #CCR_Z, ccr
    nbcd d0
    FLAGS 0x209, CCR_X + CCR_C, CCR_X + CCR_Z + CCR_C
    CHECK 0x20A, d0, #0x75

    lea bcd_buf + 2, a0         | memory form, predecrement: 0199 + 0299
    lea bcd_buf + 4, a1
    move.w #0x0199, bcd_buf
    move.w #0x0299, bcd_buf + 2
    move.w #CCR_Z, ccr
    abcd -(a0), -(a1)
    abcd -(a0), -(a1)
    FLAGS 0x20B, 0, CCR_X + CCR_Z + CCR_C
    moveq #0, d0
    move.w bcd_buf + 2, d0
    CHECK 0x20C, d0, #0x0498
    rts

| ---------------------------------------------------------------------------
shifts:
    move.l #0x12345678, d0
    move.w #0, ccr
    lsl.l #4, d0                | last bit out = original bit 28 = 1
    FLAGS 0x301, CCR_X + CCR_C
    CHECK 0x302, d0, #0x23456780

    moveq #1, d0
    lsr.w #1, d0
    FLAGS 0x303, CCR_X + CCR_Z + CCR_C
    CHECK 0x304, d0, #0

    move.l #0x81, d0            | -127 >> 2 = -32, last bit out 0
    asr.b #2, d0
    FLAGS 0x305, CCR_N
    CHECK 0x306, d0, #0xE0

    moveq #0x40, d0             | sign change sets V
    asl.b #1, d0
    FLAGS 0x307, CCR_N + CCR_V
    CHECK 0x308, d0, #0x80

    moveq #1, d0                | count 17 > 16: result 0, last bit out 0,
    moveq #17, d1               | MSB changed on the way
    asl.w d1, d0
    FLAGS 0x309, CCR_Z + CCR_V
    CHECK 0x30A, d0, #0

    move.l #0x12345678, d0      | ROL: X untouched
    move.w #CCR_X, ccr
    rol.l #8, d0
    FLAGS 0x30B, CCR_X
    CHECK 0x30C, d0, #0x34567812

    moveq #1, d0
    move.w #0, ccr
    ror.w #1, d0
    FLAGS 0x30D, CCR_N + CCR_C
    CHECK 0x30E, d0, #0x8000

    move.l #0x80, d0            | ROXL through X
    move.w #CCR_X, ccr
    roxl.b #1, d0
    FLAGS 0x30F, CCR_X + CCR_C
    CHECK 0x310, d0, #0x01

    move.l #0x1234, d0          | ROXR by 0: C = X, data unchanged
    moveq #0, d1
    move.w #CCR_X, ccr
    roxr.w d1, d0
    FLAGS 0x311, CCR_X + CCR_C
    CHECK 0x312, d0, #0x1234

    move.l #0x80000000, d0      | shift counts in a register are modulo 64
    moveq #65, d1
    lsr.l d1, d0
    CHECK 0x313, d0, #0x40000000

    move.w #0x8001, shift_mem   | memory shifts are by one, word only
    lsr.w shift_mem
    FLAGS 0x314, CCR_X + CCR_C
    moveq #0, d0
    move.w shift_mem, d0
    CHECK 0x315, d0, #0x4000
    rts

| ---------------------------------------------------------------------------
moves:
    move.l #0x11111111, d0      | MOVEM round trip keeps register order
    move.l #0x22222222, d1
    move.l #0x33333333, d2
    move.l #0x44444444, d3
    lea movem_buf + 16, a0
    movem.l d0-d3, -(a0)
    move.l a0, d4
    CHECK 0x401, d4, #movem_buf
    CHECK 0x402, movem_buf, #0x11111111
    CHECK 0x403, movem_buf + 12, #0x44444444
    movem.l (a0)+, d4-d7
    CHECK 0x404, d7, #0x44444444
    CHECK 0x405, d5, #0x22222222
    move.l a0, d4
    CHECK 0x406, d4, #movem_buf + 16

    move.w #0x8001, movem_buf   | MOVEM.W sign-extends into data registers
    movem.w movem_buf, d0
    CHECK 0x407, d0, #0xFFFF8001

    lea movem_buf + 16, a0      | 68000 stores the register's initial value
    movem.l a0, -(a0)
    CHECK 0x408, movem_buf + 12, #movem_buf + 16

    lea movep_buf, a0           | MOVEP: every other byte, high byte first
    move.l #-1, (a0)
    move.l #-1, 4(a0)
    move.l #0x11223344, d0
    movep.l d0, 0(a0)
    CHECK 0x409, movep_buf, #0x11FF22FF
    CHECK 0x40A, movep_buf + 4, #0x33FF44FF
    move.l #0xAAAAAAAA, d1
    movep.w 2(a0), d1
    CHECK 0x40B, d1, #0xAAAA2233
    movep.w d1, 1(a0)
    CHECK 0x40C, movep_buf, #0x11222233

    move.l sp, a1               | byte push on A7 keeps it even
    move.b d0, -(sp)
    move.l sp, d1
    move.l a1, sp
    sub.l d1, a1
    move.l a1, d1
    CHECK 0x40D, d1, #2

    move.l sp, a1               | LINK / UNLK frame
    link a6, #-8
    move.l sp, d1
    move.l a6, d2
    unlk a6
    sub.l d1, d2
    CHECK 0x40E, d2, #8
    move.l sp, d1
    move.l a1, d2
    CHECK 0x40F, d1, d2

    lea index_table, a0         | indexed addressing with a negative word index
    move.w #-2, d0
    moveq #0, d1
    move.w 4(a0, d0.w), d1
    CHECK 0x410, d1, #0x2222
    moveq #2, d0
    lea 2(a0, d0.l), a1
    moveq #0, d1
    move.w (a1), d1
    CHECK 0x411, d1, #0x3333

    pea 0x00123456              | PEA pushes the address
    move.l (sp)+, d0
    CHECK 0x412, d0, #0x00123456

    move.w #CCR_X + CCR_C, ccr  | MOVE clears V and C, keeps X
    move.w #0, d0
    FLAGS 0x413, CCR_X + CCR_Z
    rts

| ---------------------------------------------------------------------------
bits_and_logic:
    moveq #0, d0
    bset #3, d0
    FLAGS 0x501, CCR_Z, CCR_Z
    CHECK 0x502, d0, #8
    bchg #3, d0
    FLAGS 0x503, 0, CCR_Z
    CHECK 0x504, d0, #0
    moveq #2, d0                | register bit numbers are modulo 32
    btst #33, d0
    FLAGS 0x505, 0, CCR_Z
    move.b #0x81, bit_mem       | memory bit numbers are modulo 8
    bclr #8, bit_mem
    FLAGS 0x506, 0, CCR_Z
    moveq #0, d0
    move.b bit_mem, d0
    CHECK 0x507, d0, #0x80

    move.l #0xF0F0F0F0, d0
    move.w #CCR_X + CCR_V + CCR_C, ccr
    andi.l #0x0FF00FF0, d0
    FLAGS 0x508, CCR_X
    CHECK 0x509, d0, #0x00F000F0
    eori.w #0xFFFF, d0
    FLAGS 0x50A, CCR_X + CCR_N
    CHECK 0x50B, d0, #0x00F0FF0F
    ori.b #0xF0, d0
    CHECK 0x50C, d0, #0x00F0FFFF

    move.w #0, ccr              | Scc
    move.w #CCR_N, ccr
    slt d0
    CHECK 0x50D, d0, #0x00F0FFFF
    move.w #CCR_N + CCR_V, ccr
    slt d0
    CHECK 0x50E, d0, #0x00F0FF00
    move.w #CCR_C, ccr
    shi d1
    move.w #0, ccr
    shi d1
    andi.l #0xFF, d1
    CHECK 0x50F, d1, #0xFF

    move.w #0x1F, ccr           | logic ops on the CCR
    andi.b #CCR_X + CCR_Z, ccr
    FLAGS 0x510, CCR_X + CCR_Z
    eori.b #CCR_N + CCR_Z, ccr
    FLAGS 0x511, CCR_X + CCR_N
    rts

| ---------------------------------------------------------------------------
multiply_divide:
    move.l #0xFFFF, d0
    move.w #0, ccr
    mulu.w #0xFFFF, d0
    FLAGS 0x601, CCR_N
    CHECK 0x602, d0, #0xFFFE0001

    move.l #0x1234FFFE, d0      | -2 * 3 (upper word of d0 ignored)
    muls.w #3, d0
    FLAGS 0x603, CCR_N
    CHECK 0x604, d0, #0xFFFFFFFA

    move.l #100000, d0          | 100000 / 7 = 14285 r 5
    divu.w #7, d0
    FLAGS 0x605, 0
    CHECK 0x606, d0, #0x000537CD

    move.l #0x00100000, d0      | quotient too big: V, destination unchanged
    divu.w #1, d0
    FLAGS 0x607, CCR_V, CCR_V + CCR_C
    CHECK 0x608, d0, #0x00100000

    moveq #-100, d0             | -100 / 7 = -14 r -2 (remainder has the dividend's sign)
    divs.w #7, d0
    FLAGS 0x609, CCR_N
    CHECK 0x60A, d0, #0xFFFEFFF2

    move.l #0x8000, d0          | 32768 does not fit a signed word
    divs.w #1, d0
    FLAGS 0x60B, CCR_V, CCR_V + CCR_C
    CHECK 0x60C, d0, #0x8000

    move.l #-32768, d0          | -32768 / -1 = 32768: overflow too
    divs.w #-1, d0
    FLAGS 0x60D, CCR_V, CCR_V + CCR_C

    move.l #-32768, d0          | -32768 / 1 fits
    divs.w #1, d0
    FLAGS 0x60E, CCR_N
    CHECK 0x60F, d0, #0x00008000
    rts

| ---------------------------------------------------------------------------
branches:
    moveq #4, d0                | DBRA runs count + 1 times, ends at -1
    moveq #0, d1
1:  addq.w #1, d1
    dbra d0, 1b
    CHECK 0x701, d1, #5
    CHECK 0x702, d0, #0xFFFF

    moveq #10, d0               | DBcc stops early when the condition holds
    moveq #0, d1
2:  addq.w #1, d1
    cmpi.w #3, d1
    dbeq d0, 2b
    CHECK 0x703, d1, #3
    CHECK 0x704, d0, #8

    suba.l a1, a1               | signed vs unsigned conditions; the counter
    moveq #-1, d0               | is an address register so flags survive
    cmpi.l #1, d0
    bgt 3f
    addq.w #1, a1               | -1 > 1 is false signed...
3:  bhi 4f
    addq.w #8, a1               | ...and 0xFFFFFFFF > 1 is true unsigned
4:  move.l a1, d1
    CHECK 0x705, d1, #1

    lea subroutine_result, a0   | BSR/JSR/RTS and RTR
    clr.l (a0)
    bsr sub_sets_result
    CHECK 0x706, (a0), #0x5A5A
    move.w #0, ccr
    jsr rtr_target
    FLAGS 0x707, CCR_X + CCR_C
    rts

sub_sets_result:
    move.l #0x5A5A, (a0)
    rts

rtr_target:                     | RTR restores the CCR pushed here
    move.w #CCR_X + CCR_C, -(sp)
    rtr

| ---------------------------------------------------------------------------
more_modes:
    moveq #0, d0                | NEGX: 0 - 0 - X = 0xFF, Z cleared
    move.w #CCR_X + CCR_Z, ccr
    negx.b d0
    FLAGS 0x901, CCR_X + CCR_N + CCR_C
    CHECK 0x902, d0, #0xFF

    movea.w #0x8000, a0         | MOVEA.W sign-extends to 32 bits
    move.l a0, d0
    CHECK 0x903, d0, #0xFFFF8000
    lea 0x10000, a0             | SUBQ on An works on all 32 bits, no flags
    move.w #CCR_Z, ccr
    subq.w #1, a0
    FLAGS 0x904, CCR_Z
    move.l a0, d0
    CHECK 0x905, d0, #0xFFFF

    move.w #0xFFF8, word_mem    | ADDQ to memory wraps with carry
    addq.w #8, word_mem
    FLAGS 0x906, CCR_X + CCR_Z + CCR_C
    moveq #0, d0
    move.w word_mem, d0
    CHECK 0x907, d0, #0

    move.l #0x80000000, d0      | TST clears V and C, keeps X
    move.w #CCR_X + CCR_V + CCR_C, ccr
    tst.l d0
    FLAGS 0x908, CCR_X + CCR_N

    lea cmpm_a, a0              | CMPM (a0)+,(a1)+ compares (a1) - (a0)
    lea cmpm_b, a1
    move.w #CCR_X, ccr          | X is not touched by compares
    cmpm.b (a0)+, (a1)+
    FLAGS 0x909, CCR_X + CCR_N + CCR_C  | 0x10 - 0x20
    cmpm.b (a0)+, (a1)+
    FLAGS 0x90A, CCR_X + CCR_Z  | 0x30 - 0x30
    move.l a1, d0
    CHECK 0x90B, d0, #cmpm_b + 2

    move.l sp, a1               | byte postincrement on A7 steps by 2
    move.w #0x1234, -(sp)
    move.b (sp)+, d0
    move.l sp, d1
    move.l a1, sp
    sub.l d1, a1
    move.l a1, d1
    CHECK 0x90C, d1, #0
    andi.l #0xFF, d0
    CHECK 0x90D, d0, #0x12

    moveq #2, d0                | PC-relative indexed read
    move.w pc_table(pc, d0.w), d1
    bra.s 1f
pc_table:
    .word 0xCAFE, 0xBEEF
1:  andi.l #0xFFFF, d1
    CHECK 0x90E, d1, #0xBEEF

    move.w #-3, d0              | MULS: negative * negative
    muls.w #-5, d0
    CHECK 0x90F, d0, #15
    move.l #0xFFFF, d0          | DIVU: largest remainder
    divu.w #0x100, d0
    CHECK 0x910, d0, #0x00FF00FF

    move.b #0x01, byte_mem      | bit number in a register, memory operand
    moveq #8 + 7, d1            | modulo 8 -> bit 7
    bset d1, byte_mem
    moveq #0, d0
    move.b byte_mem, d0
    CHECK 0x911, d0, #0x81

    lea 0x123456, a0            | MOVE USP both ways
    move.l usp, a1
    move.l a0, usp
    move.l usp, a2
    move.l a1, usp
    move.l a2, d0
    CHECK 0x912, d0, #0x123456

    ori.w #CCR_N, sr            | ORI/ANDI to SR reach the CCR
    FLAGS 0x913, CCR_N, CCR_N
    andi.w #0xFFE0, sr
    FLAGS 0x914, 0

    pea rte_target              | RTE pops SR then PC
    move.w #0x2700 + CCR_Z + CCR_V, -(sp)
    rte
rte_target:
    FLAGS 0x915, CCR_Z + CCR_V
    move.w sr, d0
    andi.l #0x0700, d0
    CHECK 0x916, d0, #0x0700
    move.w #0x2000, sr          | interrupts back on

    move.w #0x0102, word_mem    | ADD Dn to memory, word
    move.w #0x7FFF, d0
    add.w d0, word_mem
    FLAGS 0x917, CCR_N + CCR_V
    moveq #0, d0
    move.w word_mem, d0
    CHECK 0x918, d0, #0x8101
    rts

| ---------------------------------------------------------------------------
| Exceptions: the handlers below override the weak defaults in exceptions.s.
exceptions:
    moveq #0, d0
    move.l #0x1234, d0
    divu.w #0, d0               | vector 5, returns after the instruction
after_divide:
    CHECK 0x801, zero_divide_count, #1
    CHECK 0x802, d0, #0x1234
    CHECK 0x803, last_exception_pc, #after_divide

    trap #3
after_trap:
    CHECK 0x804, trap3_count, #1
    CHECK 0x805, last_exception_pc, #after_trap

    moveq #5, d0                | CHK: in range, above, below
    chk.w #10, d0
    CHECK 0x806, chk_count, #0
    moveq #11, d0
    chk.w #10, d0
    CHECK 0x807, chk_count, #1
    CHECK 0x808, chk_n_flag, #0
    moveq #-1, d0
    chk.w #10, d0
    CHECK 0x809, chk_count, #2
    CHECK 0x80A, chk_n_flag, #CCR_N

    move.w #0, ccr              | TRAPV only with V set
    trapv
    CHECK 0x80B, trapv_count, #0
    move.w #CCR_V, ccr
    trapv
    CHECK 0x80C, trapv_count, #1

illegal_at:
    illegal                     | vectors 4, 10, 11 stack the faulting PC
    CHECK 0x80D, illegal_count, #1
    CHECK 0x80E, last_exception_pc, #illegal_at
line_a_at:
    .word 0xA123
    CHECK 0x80F, line_a_count, #1
    CHECK 0x810, last_exception_pc, #line_a_at
line_f_at:
    .word 0xF456
    CHECK 0x811, line_f_count, #1
    CHECK 0x812, last_exception_pc, #line_f_at

    lea odd_buf + 1, a0         | word read from an odd address: vector 3
    move.w (a0), d0
address_error_resume:
    CHECK 0x813, address_error_count, #1
    CHECK 0x814, address_error_address, #odd_buf + 1
    CHECK 0x815, address_error_ir, #0x3010
    CHECK 0x816, address_error_status, #0x15    | read, data, supervisor

    lea user_stack_top, a0      | privileged instruction in user mode: vector 8
    move.l a0, usp
    andi.w #0xDFFF, sr
privileged_at:
    move.w #0x2700, sr
    trap #1                     | handler puts us back in supervisor mode
    move.w sr, d0
    andi.l #0x2000, d0
    CHECK 0x817, d0, #0x2000
    CHECK 0x818, privilege_count, #1
    CHECK 0x819, last_exception_pc, #privileged_at
    move.l usp, a0
    move.l a0, d0
    CHECK 0x81A, d0, #user_stack_top

    | Trace: T set by ORI takes effect from the next instruction, which is
    | then followed by vector 9 with the PC after it (the handler clears T).
    ori.w #0x8000, sr
    nop
after_traced_nop:
    nop
    CHECK 0x81B, trace_count, #1
    CHECK 0x81C, last_exception_pc, #after_traced_nop

    | Jumping to an odd address: address error on the instruction fetch.
    lea odd_jump_target + 1, a0
    jmp (a0)
fetch_error_resume:
    CHECK 0x81D, address_error_count, #2
    CHECK 0x81E, address_error_address, #odd_jump_target + 1
    CHECK 0x81F, address_error_status, #0x16    | read, supervisor program
    rts
odd_jump_target:
    nop
    nop

| Handlers: count, remember the stacked PC (at 2(sp) in a group 1/2 frame).
    .global exc_zero_divide, exc_trap3, exc_chk, exc_trapv, exc_illegal
    .global exc_line_a, exc_line_f, exc_address_error, exc_privilege, exc_trap1
exc_zero_divide:
    addq.l #1, zero_divide_count
    move.l 2(sp), last_exception_pc
    rte
exc_trap3:
    addq.l #1, trap3_count
    move.l 2(sp), last_exception_pc
    rte
exc_chk:
    addq.l #1, chk_count
    moveq #0, d7
    move.w (sp), d7             | CCR as CHK left it
    andi.w #CCR_N, d7
    move.l d7, chk_n_flag
    rte
exc_trapv:
    addq.l #1, trapv_count
    rte
| Only the planted opcodes are expected here: any other instruction the CPU
| rejects has an unknown length, so the run stops with exc_fatal's report.
exc_illegal:
    cmpi.l #illegal_at, 2(sp)
    bne.s 1f
    addq.l #1, illegal_count
    bra.s skip_faulting_word
1:  move.w #4, -(sp)
    jmp exc_fatal
exc_line_a:
    cmpi.l #line_a_at, 2(sp)
    bne.s 1f
    addq.l #1, line_a_count
    bra.s skip_faulting_word
1:  move.w #10, -(sp)
    jmp exc_fatal
exc_line_f:
    cmpi.l #line_f_at, 2(sp)
    bne.s 1f
    addq.l #1, line_f_count
    bra.s skip_faulting_word
1:  move.w #11, -(sp)
    jmp exc_fatal
skip_faulting_word:
    move.l 2(sp), last_exception_pc
    addq.l #2, 2(sp)
    rte
exc_privilege:
    addq.l #1, privilege_count
    move.l 2(sp), last_exception_pc
    addq.l #4, 2(sp)            | skip the 4-byte move to SR
    rte
exc_trap1:
    ori.w #0x2000, (sp)         | return in supervisor mode
    rte
    .global exc_trace
exc_trace:
    addq.l #1, trace_count
    move.l 2(sp), last_exception_pc
    andi.w #0x7FFF, (sp)        | trace off after the return
    rte
| Group 0 frame: status word, access address, instruction register, SR, PC.
| The stacked PC is only approximate, so resume at a fixed label: the first
| address error is the data read, the second the odd jump.
exc_address_error:
    addq.l #1, address_error_count
    moveq #0, d7
    move.w (sp), d7
    andi.w #0x17, d7            | R/W and function code (I/N left out)
    move.l d7, address_error_status
    move.l 2(sp), address_error_address
    moveq #0, d7
    move.w 6(sp), d7
    move.l d7, address_error_ir
    addq.l #8, sp
    move.l #address_error_resume, 2(sp)
    cmpi.l #1, address_error_count
    beq.s 1f
    move.l #fetch_error_resume, 2(sp)
1:  rte

    .section .rodata
title:
    .asciz "cpu_selftest"
    .even
index_table:
    .word 0x1111, 0x2222, 0x3333, 0x4444
cmpm_a:
    .byte 0x20, 0x30
cmpm_b:
    .byte 0x10, 0x30

    .bss
    .even
bcd_buf:            .space 4
word_mem:           .space 2
byte_mem:           .space 2
shift_mem:          .space 2
bit_mem:            .space 2
movem_buf:          .space 16
movep_buf:          .space 8
odd_buf:            .space 4
subroutine_result:  .space 4
zero_divide_count:  .space 4
trap3_count:        .space 4
chk_count:          .space 4
chk_n_flag:         .space 4
trapv_count:        .space 4
illegal_count:      .space 4
line_a_count:       .space 4
line_f_count:       .space 4
privilege_count:    .space 4
address_error_count:    .space 4
address_error_address:  .space 4
address_error_ir:       .space 4
address_error_status:   .space 4
last_exception_pc:  .space 4
trace_count:        .space 4
user_stack:         .space 256
user_stack_top:
