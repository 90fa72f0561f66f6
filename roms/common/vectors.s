| vectors.s - the 68000 exception vector table at address 0 (64 longs).
| Every handler is a weak symbol (exceptions.s) that a ROM may override by
| defining a global label of the same name.
    .section .vectors, "a"
    .long __stack_top           | 0 initial SSP
    .long _start                | 1 initial PC
    .long exc_bus_error         | 2
    .long exc_address_error     | 3
    .long exc_illegal           | 4
    .long exc_zero_divide       | 5
    .long exc_chk               | 6
    .long exc_trapv             | 7
    .long exc_privilege         | 8
    .long exc_trace             | 9
    .long exc_line_a            | 10
    .long exc_line_f            | 11
    .rept 3
    .long exc_reserved          | 12-14
    .endr
    .long exc_uninitialized     | 15
    .rept 8
    .long exc_reserved          | 16-23
    .endr
    .long exc_spurious          | 24
    .long irq_level1            | 25
    .long irq_external          | 26 level 2: pad TH pin
    .long irq_level3            | 27
    .long irq_hblank            | 28 level 4
    .long irq_level5            | 29
    .long irq_vblank            | 30 level 6
    .long irq_level7            | 31
    .long exc_trap0, exc_trap1, exc_trap2, exc_trap3     | 32-35
    .long exc_trap4, exc_trap5, exc_trap6, exc_trap7     | 36-39
    .long exc_trap8, exc_trap9, exc_trap10, exc_trap11   | 40-43
    .long exc_trap12, exc_trap13, exc_trap14, exc_trap15 | 44-47
    .rept 16
    .long exc_reserved          | 48-63
    .endr
