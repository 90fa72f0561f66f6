; sound_driver.s - Z80 side of sound_test (sdasz80 syntax). Plays a scripted
; YM2612 + PSG sequence timed by VBlank interrupts, and
; leaves its results in Z80 RAM for the 68000 to read.
; YM2612 register map and busy flag: Yamaha YM2612 application manual;
; PSG bytes: TI SN76489 data sheet; Z80 interrupt mode 1: Zilog Z80 manual.
    .module sound_driver
    .area _CODE

PSG         = 0x7F11
; Results read by the 68000 (see sound_test.s).
DONE        = 0x1FF0    ; 0x5A when the script has ended
STEPS       = 0x1FF2    ; 16-bit: script commands executed
FRAMES      = 0x1FF4    ; 16-bit: VBlank interrupts seen
TIMER_SET   = 0x1FF6    ; 1 if timer A raised its status flag
TIMER_CLEAR = 0x1FF7    ; 1 if resetting the flag cleared it
END_FRAMES  = 0x1FF8    ; 16-bit: FRAMES when the script ended

; Script commands.
CMD_YM0     = 0         ; reg, value: YM2612 part I
CMD_YM1     = 1         ; reg, value: YM2612 part II
CMD_PSG     = 2         ; value: one PSG byte
CMD_WAIT    = 3         ; n: wait n frames
CMD_END     = 0xFF

start:
    di
    ld sp,#0x1F00
    im 1
    jp main

    .ds 0x38 - (. - start)
    .include "z80_vblank.inc"

; wait_frame: sleep until the next VBlank, then outlast the INT pulse
; (about 228 Z80 clocks) before anything can enable interrupts again.
wait_frame:
    ei
    halt
    push bc
    ld b,#48            ; 48 * 13 clocks
1$: djnz 1$
    pop bc
    ret

    .include "ym_io.inc"

; Timer A: load a short period, wait for status bit 0, then reset it.
timer_check:
    ld a,#0x24
    ld c,#0xFF          ; period (1024 - 1020) * 72 clocks
    call ym_write0
    ld a,#0x25
    ld c,#0x00
    call ym_write0
    ld a,#0x27
    ld c,#0x15          ; reset flag A, enable flag A, load A
    call ym_write0
    ld de,#0x4000
1$: ld a,(YM_ADDR0)
    and #0x01
    jr nz,2$
    dec de
    ld a,d
    or e
    jr nz,1$
    jr 3$
2$: ld a,#1
    ld (TIMER_SET),a
3$: ld a,#0x27
    ld c,#0x10          ; reset flag A, stop timer A
    call ym_write0
    ld a,(YM_ADDR0)
    and #0x01
    jr nz,4$
    ld a,#1
    ld (TIMER_CLEAR),a
4$: ret

main:
    xor a
    ld (DONE),a
    ld (TIMER_SET),a
    ld (TIMER_CLEAR),a
    ld hl,#0
    ld (STEPS),hl
    ld (FRAMES),hl
    call timer_check
    ld hl,#script
next:
    ld a,(hl)
    inc hl
    cp #CMD_END
    jr z,finished
    push hl
    ld hl,(STEPS)
    inc hl
    ld (STEPS),hl
    pop hl
    cp #CMD_YM0
    jr z,do_ym0
    cp #CMD_YM1
    jr z,do_ym1
    cp #CMD_PSG
    jr z,do_psg
    ; CMD_WAIT
    ld b,(hl)
    inc hl
1$: call wait_frame
    djnz 1$
    jr next
do_ym0:
    ld a,(hl)
    inc hl
    ld c,(hl)
    inc hl
    call ym_write0
    jr next
do_ym1:
    ld a,(hl)
    inc hl
    ld c,(hl)
    inc hl
    call ym_write1
    jr next
do_psg:
    ld a,(hl)
    inc hl
    ld (PSG),a
    jr next
finished:
    ld hl,(FRAMES)
    ld (END_FRAMES),hl
    ld a,#0x5A
    ld (DONE),a
2$: call wait_frame
    jr 2$

; ---------------------------------------------------------------------------
; The sequence: an FM arpeggio (A4 C5 E5 G5) on channel 1, the same notes on
; PSG tone 0, a chord, a noise burst, silence.
; FM: algorithm 7 with only operator 4 audible = a sine. F-numbers for
; block 4 at the NTSC FM clock (7670453 / 144 Hz sample rate):
; A4 0x43B, C5 0x508, E5 0x656, G5 0x789. PSG dividers (3579545 / 32 / f):
; A4 254, C5 214, E5 170, G5 143.
script:
    .db CMD_PSG,0x9F, CMD_PSG,0xBF, CMD_PSG,0xDF, CMD_PSG,0xFF  ; PSG silent
    .db CMD_YM0,0x22,0x00       ; LFO off
    .db CMD_YM0,0x27,0x00       ; channel 3 normal, timers off
    .db CMD_YM0,0x2B,0x00       ; DAC off
    .db CMD_YM0,0x28,0x00       ; key off channel 1
    .db CMD_YM0,0x30,0x01, CMD_YM0,0x34,0x01, CMD_YM0,0x38,0x01, CMD_YM0,0x3C,0x01 ; MUL 1
    .db CMD_YM0,0x40,0x7F, CMD_YM0,0x44,0x7F, CMD_YM0,0x48,0x7F, CMD_YM0,0x4C,0x08 ; TL
    .db CMD_YM0,0x50,0x1F, CMD_YM0,0x54,0x1F, CMD_YM0,0x58,0x1F, CMD_YM0,0x5C,0x1F ; AR
    .db CMD_YM0,0x60,0x05, CMD_YM0,0x64,0x05, CMD_YM0,0x68,0x05, CMD_YM0,0x6C,0x05 ; D1R
    .db CMD_YM0,0x70,0x02, CMD_YM0,0x74,0x02, CMD_YM0,0x78,0x02, CMD_YM0,0x7C,0x02 ; D2R
    .db CMD_YM0,0x80,0x26, CMD_YM0,0x84,0x26, CMD_YM0,0x88,0x26, CMD_YM0,0x8C,0x26 ; SL/RR
    .db CMD_YM0,0x90,0x00, CMD_YM0,0x94,0x00, CMD_YM0,0x98,0x00, CMD_YM0,0x9C,0x00 ; SSG-EG off
    .db CMD_YM0,0xB0,0x07       ; feedback 0, algorithm 7
    .db CMD_YM0,0xB4,0xC0       ; both speakers
    ; FM arpeggio
    .db CMD_YM0,0xA4,0x24, CMD_YM0,0xA0,0x3B, CMD_YM0,0x28,0xF0, CMD_WAIT,16, CMD_YM0,0x28,0x00, CMD_WAIT,4
    .db CMD_YM0,0xA4,0x25, CMD_YM0,0xA0,0x08, CMD_YM0,0x28,0xF0, CMD_WAIT,16, CMD_YM0,0x28,0x00, CMD_WAIT,4
    .db CMD_YM0,0xA4,0x26, CMD_YM0,0xA0,0x56, CMD_YM0,0x28,0xF0, CMD_WAIT,16, CMD_YM0,0x28,0x00, CMD_WAIT,4
    .db CMD_YM0,0xA4,0x27, CMD_YM0,0xA0,0x89, CMD_YM0,0x28,0xF0, CMD_WAIT,16, CMD_YM0,0x28,0x00, CMD_WAIT,4
    ; PSG arpeggio on tone 0 (attenuation 2)
    .db CMD_PSG,0x8E, CMD_PSG,0x0F, CMD_PSG,0x92, CMD_WAIT,12, CMD_PSG,0x9F, CMD_WAIT,3
    .db CMD_PSG,0x86, CMD_PSG,0x0D, CMD_PSG,0x92, CMD_WAIT,12, CMD_PSG,0x9F, CMD_WAIT,3
    .db CMD_PSG,0x8A, CMD_PSG,0x0A, CMD_PSG,0x92, CMD_WAIT,12, CMD_PSG,0x9F, CMD_WAIT,3
    .db CMD_PSG,0x8F, CMD_PSG,0x08, CMD_PSG,0x92, CMD_WAIT,12, CMD_PSG,0x9F, CMD_WAIT,3
    ; chord: FM A4 + PSG E5, then part II channel 4 (= channel 1 of part II) silent write
    .db CMD_YM0,0xA4,0x24, CMD_YM0,0xA0,0x3B, CMD_YM0,0x28,0xF0
    .db CMD_PSG,0x8A, CMD_PSG,0x0A, CMD_PSG,0x94
    .db CMD_YM1,0xB4,0xC0       ; part II register write path
    .db CMD_WAIT,30
    .db CMD_YM0,0x28,0x00, CMD_PSG,0x9F
    ; white noise burst
    .db CMD_PSG,0xE4, CMD_PSG,0xF3, CMD_WAIT,10, CMD_PSG,0xFF
    .db CMD_WAIT,10
    .db CMD_END
