| kernel.s - the 68000 workload of bench_cpu68k: CRC-32, insertion sort and
| an LZ-style decompressor, looping forever. Only PC-relative references to
| labels (the object is turned into a flat binary without linking).
| Results: $20000 = CRC-32 of crc_data, $21000 = 64 sorted words,
| $22000 = decompressed bytes, D7 = completed rounds.

    .text
    .org 0
    .long 0x00F00000            | initial SSP
    .long 0x00000100            | initial PC

    .org 0x100
start:
    moveq   #0,d7
    move.w  #12345,d6           | sort data seed
main_loop:
    bsr     crc32_block
    bsr     sort_block
    bsr     lz_block
    addq.l  #1,d7
    bra.s   main_loop

| CRC-32 (reflected, polynomial $EDB88320), bit at a time, over 256 bytes.
crc32_block:
    lea     crc_data(pc),a0
    move.w  #255,d1
    moveq   #-1,d0
    move.l  #0xEDB88320,d3
.Lcrc_byte:
    moveq   #0,d2
    move.b  (a0)+,d2
    eor.l   d2,d0
    moveq   #7,d4
.Lcrc_bit:
    lsr.l   #1,d0
    bcc.s   .Lcrc_nox
    eor.l   d3,d0
.Lcrc_nox:
    dbra    d4,.Lcrc_bit
    dbra    d1,.Lcrc_byte
    not.l   d0
    move.l  d0,0x20000
    rts

| Fill 64 words from a 16-bit LCG, then insertion-sort them (signed).
sort_block:
    lea     0x21000,a0
    move.w  #63,d1
.Lfill:
    mulu    #25173,d6
    add.w   #13849,d6
    move.w  d6,(a0)+
    dbra    d1,.Lfill
    lea     0x21000,a0
    moveq   #1,d1
.Louter:
    move.w  d1,d2
    add.w   d2,d2
    move.w  0(a0,d2.w),d3
    move.w  d1,d4
.Linner:
    tst.w   d4
    beq.s   .Lplace
    move.w  d4,d5
    add.w   d5,d5
    move.w  -2(a0,d5.w),d0
    cmp.w   d3,d0
    ble.s   .Lplace
    move.w  d0,0(a0,d5.w)
    subq.w  #1,d4
    bra.s   .Linner
.Lplace:
    move.w  d4,d5
    add.w   d5,d5
    move.w  d3,0(a0,d5.w)
    addq.w  #1,d1
    cmp.w   #64,d1
    blt.s   .Louter
    rts

| Tokens: 0 ends; 1..127 = that many literal bytes follow;
| 128..255 = copy (t & 127) + 3 bytes from (next byte + 1) back.
lz_block:
    lea     lz_data(pc),a0
    lea     0x22000,a1
.Ltoken:
    moveq   #0,d0
    move.b  (a0)+,d0
    beq.s   .Ldone
    bmi.s   .Lmatch
    subq.w  #1,d0
.Lliteral:
    move.b  (a0)+,(a1)+
    dbra    d0,.Lliteral
    bra.s   .Ltoken
.Lmatch:
    and.w   #0x7F,d0
    addq.w  #2,d0
    moveq   #0,d1
    move.b  (a0)+,d1
    addq.w  #1,d1
    move.l  a1,a2
    sub.l   d1,a2
.Lcopy:
    move.b  (a2)+,(a1)+
    dbra    d0,.Lcopy
    bra.s   .Ltoken
.Ldone:
    rts

lz_data:
    .byte   16
    .ascii  "0123456789ABCDEF"
    .byte   0x80+127, 15
    .byte   0x80+127, 15
    .byte   0x80+127, 15
    .byte   5
    .ascii  "hello"
    .byte   0x80+17, 4
    .byte   0

| At a fixed offset so that the bench can check the CRC of the first 256 bytes.
    .org 0x400
crc_data:
    .ascii  "The quick brown fox jumps over the lazy dog. 0123456789 "
    .ascii  "Sphinx of black quartz, judge my vow. abcdefghijklmnopqrstuvwxyz "
    .ascii  "Pack my box with five dozen liquor jugs! ABCDEFGHIJKLMNOPQRSTUVWXYZ "
    .ascii  "How vexingly quick daft zebras jump; the five boxing wizards jump quickly."

