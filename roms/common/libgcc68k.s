| libgcc68k.s - the few runtime helpers gcc calls for C on a plain 68000
| (Debian's libgcc is built for the 68020 and must not be linked), plus
| memcpy/memset which gcc may emit for struct copies and clears.
| Arguments are on the stack (gcc m68k ABI), results in d0.
    .text

| __mulsi3(a, b): low 32 bits of a * b from three 16x16 products.
    .global __mulsi3
__mulsi3:
    move.w 4(sp), d0            | a high
    mulu.w 10(sp), d0           | * b low
    move.w 8(sp), d1            | b high
    mulu.w 6(sp), d1            | * a low
    add.w d1, d0
    swap d0
    clr.w d0
    move.w 6(sp), d1            | a low
    mulu.w 10(sp), d1           | * b low
    add.l d1, d0
    rts

| udivmod32: d0 dividend, d1 divisor -> d0 quotient, d1 remainder.
| Restoring shift-and-subtract; clobbers d2/d3.
udivmod32:
    moveq #0, d2
    moveq #31, d3
1:  add.l d0, d0                | next dividend bit into X
    addx.l d2, d2
    bcs 2f                    | remainder overflowed 32 bits: surely >= divisor
    cmp.l d1, d2
    bcs 3f
2:  sub.l d1, d2
    addq.l #1, d0
3:  dbra d3, 1b
    move.l d2, d1
    rts

    .global __udivsi3
__udivsi3:
    movem.l d2-d3, -(sp)
    move.l 12(sp), d0
    move.l 16(sp), d1
    bsr udivmod32
    movem.l (sp)+, d2-d3
    rts

    .global __umodsi3
__umodsi3:
    movem.l d2-d3, -(sp)
    move.l 12(sp), d0
    move.l 16(sp), d1
    bsr udivmod32
    move.l d1, d0
    movem.l (sp)+, d2-d3
    rts

| Signed versions: divide magnitudes; the quotient is negative when the
| signs differ, the remainder takes the dividend's sign (C semantics).
    .global __divsi3
__divsi3:
    movem.l d2-d4, -(sp)
    move.l 16(sp), d0
    move.l 20(sp), d1
    move.l d0, d4
    eor.l d1, d4
    tst.l d0
    bpl 1f
    neg.l d0
1:  tst.l d1
    bpl 2f
    neg.l d1
2:  bsr udivmod32
    tst.l d4
    bpl 3f
    neg.l d0
3:  movem.l (sp)+, d2-d4
    rts

    .global __modsi3
__modsi3:
    movem.l d2-d4, -(sp)
    move.l 16(sp), d0
    move.l 20(sp), d1
    move.l d0, d4
    tst.l d0
    bpl 1f
    neg.l d0
1:  tst.l d1
    bpl 2f
    neg.l d1
2:  bsr udivmod32
    move.l d1, d0
    tst.l d4
    bpl 3f
    neg.l d0
3:  movem.l (sp)+, d2-d4
    rts

| memcpy(dst, src, n) -> dst
    .global memcpy
memcpy:
    move.l 4(sp), d0
    move.l d0, a0
    move.l 8(sp), a1
    move.l 12(sp), d1
    bra 2f
1:  move.b (a1)+, (a0)+
2:  subq.l #1, d1
    bcc 1b
    rts

| memset(dst, c, n) -> dst
    .global memset
memset:
    move.l 4(sp), d0
    move.l d0, a0
    move.l 12(sp), d1
    bra 2f
1:  move.b 11(sp), (a0)+
2:  subq.l #1, d1
    bcc 1b
    rts
