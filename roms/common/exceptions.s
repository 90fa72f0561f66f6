| exceptions.s - default (weak) handlers for every vector. Interrupts the
| ROM did not ask for are ignored; any other exception is a bug in the ROM,
| so it is reported on the test port and ends a --test-port run with 0xEE.
    .include "md.inc"
    .text

| Each default handler pushes its vector number and joins exc_fatal.
.macro FATAL_HANDLER name, vector
    .weak \name
\name:
    move.w #\vector, -(sp)
    bra.w exc_fatal
.endm

    FATAL_HANDLER exc_bus_error, 2
    FATAL_HANDLER exc_address_error, 3
    FATAL_HANDLER exc_illegal, 4
    FATAL_HANDLER exc_zero_divide, 5
    FATAL_HANDLER exc_chk, 6
    FATAL_HANDLER exc_trapv, 7
    FATAL_HANDLER exc_privilege, 8
    FATAL_HANDLER exc_trace, 9
    FATAL_HANDLER exc_line_a, 10
    FATAL_HANDLER exc_line_f, 11
    FATAL_HANDLER exc_reserved, 12
    FATAL_HANDLER exc_uninitialized, 15
    FATAL_HANDLER exc_spurious, 24
    FATAL_HANDLER exc_trap0, 32
    FATAL_HANDLER exc_trap1, 33
    FATAL_HANDLER exc_trap2, 34
    FATAL_HANDLER exc_trap3, 35
    FATAL_HANDLER exc_trap4, 36
    FATAL_HANDLER exc_trap5, 37
    FATAL_HANDLER exc_trap6, 38
    FATAL_HANDLER exc_trap7, 39
    FATAL_HANDLER exc_trap8, 40
    FATAL_HANDLER exc_trap9, 41
    FATAL_HANDLER exc_trap10, 42
    FATAL_HANDLER exc_trap11, 43
    FATAL_HANDLER exc_trap12, 44
    FATAL_HANDLER exc_trap13, 45
    FATAL_HANDLER exc_trap14, 46
    FATAL_HANDLER exc_trap15, 47

| Interrupts nobody enabled: return at once.
    .weak irq_level1, irq_external, irq_level3, irq_hblank, irq_level5, irq_level7
irq_level1:
irq_external:
irq_level3:
irq_hblank:
irq_level5:
irq_level7:
    rte

| VBlank: count frames for vdp_wait_vblank, then run the ROM's per-frame hook.
    .weak irq_vblank
irq_vblank:
    movem.l d0-d1/a0-a1, -(sp)
    addq.l #1, vint_count
    jsr vblank_hook
    movem.l (sp)+, d0-d1/a0-a1
    rte

    .weak vblank_hook
vblank_hook:
    rts

| Stack: vector word, then the exception frame. Prints the vector and the
| long after the stacked SR (the PC for most exceptions) and stops.
    .global exc_fatal
exc_fatal:
    ori.w #0x0700, sr
    TP_PRINT "\nUNEXPECTED EXCEPTION vector="
    moveq #0, d0
    move.w (sp), d0
    moveq #2, d1
    jsr tp_puthex
    TP_PRINT " pc="
    move.l 4(sp), d0
    moveq #6, d1
    jsr tp_puthex
    moveq #'\n', d0
    jsr tp_putc
    addq.l #1, TR_FAIL
    move.w #0xEE, TR_EXIT
    move.w #1, TR_DONE
    move.b #0xEE, TEST_PORT_EXIT
1:  bra 1b

    .bss
    .even
    .global vint_count
vint_count:
    .long 0
