| testreport.s - results of test ROMs: text on the test port of
| mdemu-headless (byte writes to 0xA13080 print, a byte write to 0xA13081
| ends the run with that exit code) and the result block at TR_BASE.
    .include "md.inc"
    .text

| tp_putc: d0.b character.
    .global tp_putc
tp_putc:
    move.b d0, TEST_PORT_PUTC
    rts

| tp_puts: a0 NUL-terminated string.
    .global tp_puts
tp_puts:
    move.l a0, -(sp)
1:  move.b (a0)+, d0
    beq 2f
    move.b d0, TEST_PORT_PUTC
    bra 1b
2:  move.l (sp)+, a0
    rts

| tp_puthex: d0.l value, d1.w digit count (1-8).
    .global tp_puthex
tp_puthex:
    lea -12(sp), sp
    move.l sp, a0
    jsr hex_string
    move.l sp, a0
    bsr tp_puts
    lea 12(sp), sp
    rts

| test_begin: a0 test name. Initialises the result block and prints the name.
    .global test_begin
test_begin:
    lea TR_BASE, a1
    move.w #TR_SIZE / 4 - 1, d0
1:  clr.l (a1)+
    dbra d0, 1b
    move.l #TR_MAGIC_VALUE, TR_MAGIC
    bsr tp_puts
    moveq #'\n', d0
    bra tp_putc

| test_check: d0.l actual, d1.l expected, d2.w check id. Counts the result;
| a failure records the id and prints "FAIL id got want".
    .global test_check
test_check:
    cmp.l d0, d1
    bne 1f
    addq.l #1, TR_PASS
    rts
1:  movem.l d3/a0, -(sp)
    move.l d1, d3
    move.w d2, d1
    bsr test_fail_quiet
    move.l d0, -(sp)
    TP_PRINT "FAIL id="
    moveq #0, d0
    move.w d2, d0
    moveq #4, d1
    bsr tp_puthex
    TP_PRINT " got="
    move.l (sp)+, d0
    moveq #8, d1
    bsr tp_puthex
    TP_PRINT " want="
    move.l d3, d0
    moveq #8, d1
    bsr tp_puthex
    moveq #'\n', d0
    bsr tp_putc
    movem.l (sp)+, d3/a0
    rts

| test_fail_quiet: d1.w id. Counts a failure and records its id.
    .global test_fail_quiet
test_fail_quiet:
    move.l a0, -(sp)
    move.l d0, -(sp)
    move.l TR_FAIL, d0
    cmpi.l #TR_MAX_IDS, d0
    bcc 1f
    lea TR_FAILED_IDS, a0
    add.w d0, a0
    add.w d0, a0
    move.w d1, (a0)
1:  addq.l #1, TR_FAIL
    move.l (sp)+, d0
    move.l (sp)+, a0
    rts

| test_summary_string: a0 buffer of 40 bytes -> "PASS nnnnnnnn" or
| "FAIL ffffffff OF nnnnnnnn" (hex counts). Returns a0 at the buffer.
    .global test_summary_string
test_summary_string:
    move.l a0, -(sp)
    tst.l TR_FAIL
    bne 1f
    move.b #'P', (a0)+
    move.b #'A', (a0)+
    move.b #'S', (a0)+
    move.b #'S', (a0)+
    move.b #' ', (a0)+
    move.l TR_PASS, d0
    moveq #8, d1
    jsr hex_string
    bra 2f
1:  move.b #'F', (a0)+
    move.b #'A', (a0)+
    move.b #'I', (a0)+
    move.b #'L', (a0)+
    move.b #' ', (a0)+
    move.l TR_FAIL, d0
    moveq #8, d1
    jsr hex_string
    move.b #' ', (a0)+
    move.b #'O', (a0)+
    move.b #'F', (a0)+
    move.b #' ', (a0)+
    move.l TR_PASS, d0
    add.l TR_FAIL, d0
    moveq #8, d1
    jsr hex_string
2:  move.l (sp)+, a0
    rts

| test_end: prints the summary, marks the block done and writes the exit
| code (0 = every check passed, 1 otherwise). Never returns: a run without
| the test port keeps going with the final picture on screen.
    .global test_end
test_end:
    lea -40(sp), sp
    move.l sp, a0
    bsr test_summary_string
    bsr tp_puts
    moveq #'\n', d0
    bsr tp_putc
    lea 40(sp), sp
    moveq #0, d0
    tst.l TR_FAIL
    beq 1f
    moveq #1, d0
1:  move.w d0, TR_EXIT
    move.w #1, TR_DONE
    move.b d0, TEST_PORT_EXIT
2:  stop #0x2000
    bra 2b
