; music_driver.s - the demo's Z80 music driver (sdasz80 syntax). The 68000
; copies this program (linked with music_song.s) into Z80 RAM and lets it
; run; from then on the Z80 plays the song alone, one step per VBlank, so
; the 68000 stays free for the picture. Song format: music_format.inc.
; YM2612 registers and busy flag: Yamaha YM2612 application manual;
; PSG bytes: TI SN76489 data sheet; Z80 interrupt mode 1: Zilog Z80 manual.
    .module music_driver
    .include "music_format.inc"
    .globl song_channels, fm_patches, psg_envelopes, drum_kit
    .area _CODE

PSG         = 0x7F11

; Z80 RAM use: the program from 0, channel states, the stack, then a few
; bytes the 68000 (or a debugger) may read.
CHANNELS    = 0x1E00
STACK_TOP   = 0x1FE0
FRAMES      = 0x1FF0    ; 16-bit: VBlank interrupts seen
LOOPS       = 0x1FF2    ; times the first channel went back to its start
CH_COUNT    = 0x1FF3    ; channels in the song

; One channel's state (CH_SIZE bytes at ix).
C_PTR       = 0         ; word: next event
C_START     = 2         ; word: stream start, for CMD_LOOP
C_WAIT      = 4         ; frames until the next event
C_LEN       = 5         ; length of notes, rests and ties
C_KIND      = 6         ; KIND_*
C_GATE      = 7         ; key off when C_WAIT reaches this
C_NOTE      = 8         ; current note
C_ARP1      = 9         ; arpeggio intervals (PSG tones)
C_ARP2      = 10
C_ARPPOS    = 11        ; 0-2
C_ENVBASE   = 12        ; word: PSG envelope of the instrument
C_ENVPTR    = 14        ; word: next envelope step
CH_SIZE     = 16

start:
    di
    ld sp,#STACK_TOP
    im 1
    jp main

    .ds 0x38 - (. - start)
    .include "z80_vblank.inc"

; wait_frame: sleep until the next VBlank, then outlast the INT pulse
; (about 228 Z80 clocks) before anything can enable interrupts again.
wait_frame:
    ei
    halt
    ld b,#48            ; 48 * 13 clocks
1$: djnz 1$
    ret

main:
    ld hl,#0
    ld (FRAMES),hl
    xor a
    ld (LOOPS),a
    call hardware_init
    call channels_init
play:
    call wait_frame
    ld ix,#CHANNELS
    ld a,(CH_COUNT)
    ld b,a
1$: push bc
    call channel_frame
    pop bc
    ld de,#CH_SIZE
    add ix,de
    djnz 1$
    jr play

; Everything quiet: LFO, timers and DAC off, all FM keys off, PSG muted.
hardware_init:
    ld hl,#hardware_init_regs
1$: ld a,(hl)
    cp #0xFF
    jr z,2$
    inc hl
    ld c,(hl)
    inc hl
    call ym_write0
    jr 1$
2$: ld hl,#psg_mute
    ld b,#4
3$: ld a,(hl)
    ld (PSG),a
    inc hl
    djnz 3$
    ret
hardware_init_regs:
    .db 0x22,0x00, 0x27,0x00, 0x2B,0x00
    .db 0x28,0x00, 0x28,0x01, 0x28,0x02, 0x28,0x04, 0x28,0x05, 0x28,0x06
    .db 0xFF
psg_mute:
    .db 0x9F, 0xBF, 0xDF, 0xFF

; Channel states from the song's channel list.
channels_init:
    ld hl,#song_channels
    ld ix,#CHANNELS
    ld b,#0
1$: ld a,(hl)
    cp #CHANNELS_END
    jr z,2$
    inc hl
    ld C_KIND(ix),a
    ld e,(hl)
    inc hl
    ld d,(hl)
    inc hl
    ld C_PTR(ix),e
    ld C_PTR+1(ix),d
    ld C_START(ix),e
    ld C_START+1(ix),d
    ld C_WAIT(ix),#1
    ld C_LEN(ix),#1
    ld C_GATE(ix),#0
    ld C_NOTE(ix),#0
    ld C_ARP1(ix),#0
    ld C_ARP2(ix),#0
    ld C_ARPPOS(ix),#0
    ld de,#env_silent
    ld C_ENVBASE(ix),e
    ld C_ENVBASE+1(ix),d
    ld C_ENVPTR(ix),e
    ld C_ENVPTR+1(ix),d
    inc b
    ld de,#CH_SIZE
    add ix,de
    jr 1$
2$: ld a,b
    ld (CH_COUNT),a
    ret

; One frame of the channel at ix: count down, read events when due, then
; the per-frame PSG envelope and arpeggio.
channel_frame:
    dec C_WAIT(ix)
    jr z,read_events
    ld a,C_WAIT(ix)
    cp C_GATE(ix)
    call z,key_off
    jp frame_effects
read_events:
    ld l,C_PTR(ix)
    ld h,C_PTR+1(ix)
event:
    ld a,(hl)
    inc hl
    cp #CMD_REST
    jr c,ev_note
    jr z,ev_rest
    cp #CMD_TIE
    jr z,ev_tie
    cp #CMD_LOOP
    jr z,ev_loop
    cp #CMD_INSTR
    jr c,ev_length
    cp #CMD_ARP
    jr c,ev_instrument
    cp #CMD_GATE
    jr c,ev_arpeggio
    cp #CMD_PAN
    jr nc,ev_pan
    ld a,(hl)           ; CMD_GATE n
    inc hl
    ld C_GATE(ix),a
    jr event
ev_pan:
    ld c,(hl)
    inc hl
    bit 7,C_KIND(ix)
    jr nz,event         ; the PSG is mono
    ld a,#0xB4
    call fm_write
    jr event
ev_length:
    and #0x3F
    inc a
    ld C_LEN(ix),a
    jr event
ev_instrument:
    and #0x0F
    push hl
    call set_instrument
    pop hl
    jr event
ev_arpeggio:
    ld a,(hl)
    inc hl
    ld C_ARP1(ix),a
    ld a,(hl)
    inc hl
    ld C_ARP2(ix),a
    jr event
ev_loop:
    ld l,C_START(ix)
    ld h,C_START+1(ix)
    push ix
    pop de
    ld a,e
    cp #<CHANNELS       ; the first channel counts the song's loops
    jr nz,event
    ld a,(LOOPS)
    inc a
    ld (LOOPS),a
    jr event
ev_note:
    ld C_NOTE(ix),a
    call store_position
    call key_off
    call note_on
    jr frame_effects
ev_rest:
    call store_position
    call key_off
    jr frame_effects
ev_tie:
    call store_position
    jr frame_effects

; Remember where the stream goes on, and wait the current length.
store_position:
    ld C_PTR(ix),l
    ld C_PTR+1(ix),h
    ld a,C_LEN(ix)
    ld C_WAIT(ix),a
    ret

frame_effects:
    bit 7,C_KIND(ix)
    ret z
    ld l,C_ENVPTR(ix)
    ld h,C_ENVPTR+1(ix)
    ld a,(hl)
    cp #ENV_HOLD
    jr z,1$
    inc hl
    ld C_ENVPTR(ix),l
    ld C_ENVPTR+1(ix),h
    call psg_volume
1$: ld a,C_KIND(ix)
    cp #KIND_NOISE
    ret z
    ld a,C_ARP1(ix)
    or C_ARP2(ix)
    ret z
    ld a,C_ARPPOS(ix)
    inc a
    cp #3
    jr c,2$
    xor a
2$: ld C_ARPPOS(ix),a
    or a
    jr z,4$
    dec a
    jr nz,3$
    ld a,C_ARP1(ix)
    jr 5$
3$: ld a,C_ARP2(ix)
    jr 5$
4$: xor a
5$: add a,C_NOTE(ix)
    jp psg_tone

key_off:
    ld a,C_KIND(ix)
    bit 7,a
    jr nz,1$
    call fm_keycode
    ld a,#0x28
    jp ym_write0
1$: ld de,#env_silent
    ld C_ENVPTR(ix),e
    ld C_ENVPTR+1(ix),d
    ret

note_on:
    ld a,C_KIND(ix)
    bit 7,a
    jr nz,psg_note_on
    ld a,C_NOTE(ix)
    call split_octave
    ld hl,#fm_fnums
    add hl,de
    ld a,b
    add a,a
    add a,a
    add a,a
    inc hl
    or (hl)             ; block in bits 3-5, F-number bits 8-10
    ld c,a
    dec hl
    ld a,(hl)
    push af
    ld a,#0xA4          ; the high byte first: it takes effect with A0
    call fm_write
    pop af
    ld c,a
    ld a,#0xA0
    call fm_write
    ld a,C_KIND(ix)
    call fm_keycode
    ld a,c
    or #0xF0            ; all four operators
    ld c,a
    ld a,#0x28
    jp ym_write0

psg_note_on:
    ld e,C_ENVBASE(ix)
    ld d,C_ENVBASE+1(ix)
    ld C_ENVPTR(ix),e
    ld C_ENVPTR+1(ix),d
    ld C_ARPPOS(ix),#2  ; frame_effects steps to 0 in this frame
    cp #KIND_NOISE
    jr z,noise_on
    ld a,C_NOTE(ix)
    jp psg_tone
; A drum: drum_kit entry = noise control (white/periodic, rate), envelope.
noise_on:
    ld a,C_NOTE(ix)
    add a,a
    ld e,a
    ld d,#0
    ld hl,#drum_kit
    add hl,de
    ld a,(hl)
    or #0xE0
    ld (PSG),a
    inc hl
    ld a,(hl)
    call envelope_address
    ld C_ENVPTR(ix),e
    ld C_ENVPTR+1(ix),d
    ret

; a = instrument: an FM patch (29 bytes in register order) or a PSG envelope.
set_instrument:
    ld c,a
    ld a,C_KIND(ix)
    bit 7,a
    jr nz,4$
    ld hl,#fm_patches
    ld de,#FM_PATCH_SIZE
    inc c
1$: dec c
    jr z,2$
    add hl,de
    jr 1$
2$: ld a,#0x30          ; 0x30-0x9C: DT/MUL, TL, RS/AR, AM/D1R, D2R, SL/RR, SSG-EG
3$: ld c,(hl)
    inc hl
    push af
    call fm_write
    pop af
    add a,#4
    cp #0xA0
    jr c,3$
    ld c,(hl)
    ld a,#0xB0          ; feedback, algorithm
    call fm_write
    ld c,#0xC0          ; both speakers, no LFO sensitivity
    ld a,#0xB4
    jp fm_write
4$: ld a,c
    call envelope_address
    ld C_ENVBASE(ix),e
    ld C_ENVBASE+1(ix),d
    ret

; a = envelope number -> de = its address.
envelope_address:
    add a,a
    ld e,a
    ld d,#0
    ld hl,#psg_envelopes
    add hl,de
    ld e,(hl)
    inc hl
    ld d,(hl)
    ret

; a = note -> b = octave, de = 2 * semitone.
split_octave:
    ld b,#0
1$: cp #12
    jr c,2$
    sub #12
    inc b
    jr 1$
2$: add a,a
    ld e,a
    ld d,#0
    ret

; a = attenuation (0 loudest, 15 off) of the PSG channel at ix.
psg_volume:
    ld c,a
    call psg_channel_bits
    or #0x90
    or c
    ld (PSG),a
    ret

; a = note: tone divider of the PSG channel at ix.
psg_tone:
    call split_octave
    ld hl,#psg_dividers
    add hl,de
    ld e,(hl)
    inc hl
    ld d,(hl)
    inc b
    jr 2$
1$: srl d               ; one octave up halves the divider
    rr e
2$: djnz 1$
    call psg_channel_bits
    or #0x80
    ld c,a
    ld a,e
    and #0x0F
    or c
    ld (PSG),a          ; latch: divider bits 0-3
    ld a,e
    rrca
    rrca
    rrca
    rrca
    and #0x0F
    ld c,a
    ld a,d
    rlca
    rlca
    rlca
    rlca
    and #0x30
    or c
    ld (PSG),a          ; data: divider bits 4-9
    ret

; a = PSG channel number (0-3) in bits 5-6.
psg_channel_bits:
    ld a,C_KIND(ix)
    and #3
    rrca
    rrca
    rrca
    ret

; a = FM channel kind -> c = its key-on register channel code.
fm_keycode:
    cp #3
    jr c,1$
    inc a               ; part II channels are 4-6
1$: ld c,a
    ret

; a = register of the part's first channel, c = value: written for the FM
; channel at ix, in part I or II.
fm_write:
    ld e,a
    ld a,C_KIND(ix)
    cp #3
    jr nc,1$
    add a,e
    jp ym_write0
1$: sub #3
    add a,e
    jp ym_write1

    .include "ym_io.inc"

env_silent:
    .db 0x0F, ENV_HOLD

; F-numbers of C..B: f * 2^(21 - block) / (7670453 / 144), NTSC FM clock;
; the block is the octave.
fm_fnums:
    .dw 644, 682, 723, 766, 811, 859, 910, 965, 1022, 1083, 1147, 1215
; PSG dividers of C0..B0: 3579545 / 32 / f; halved per octave.
psg_dividers:
    .dw 6841, 6457, 6095, 5753, 5430, 5125, 4837, 4566, 4310, 4068, 3839, 3624
