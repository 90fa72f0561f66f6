; music_song.s - the demo's tune (our own composition), in the format of
; music_format.inc: eight bars in A minor, Am F C G | Am F G E, at 16th note
; = 7 frames (about 128 beats per minute at 60 Hz); one bar = 112 frames,
; the whole loop 896 frames. FM 1 bass, FM 2 lead, FM 3 + FM 4 held chord
; tones (left and right), PSG 1 a chord arpeggio, PSG noise the drums.
    .module music_song
    .include "music_format.inc"
    .area _CODE

L16 = CMD_LEN + 7 - 1
L8  = CMD_LEN + 14 - 1
L4  = CMD_LEN + 28 - 1
L4D = CMD_LEN + 42 - 1
L2  = CMD_LEN + 56 - 1

song_channels::
    .db KIND_FM1
    .dw bass
    .db KIND_FM2
    .dw lead
    .db KIND_FM3
    .dw pad_low
    .db KIND_FM4
    .dw pad_high
    .db KIND_PSG1
    .dw arpeggio
    .db KIND_NOISE
    .dw drums
    .db CHANNELS_END

; Bass: eighth notes, root, octave and fifth.
    .macro BASS_BAR root
    .db root, root, root+12, root, root, root+12, root+7, root+12
    .endm
bass:
    .db CMD_INSTR+0, CMD_GATE,3, L8
    BASS_BAR A2
    BASS_BAR F2
    BASS_BAR C3
    BASS_BAR G2
    BASS_BAR A2
    BASS_BAR F2
    BASS_BAR G2
    BASS_BAR E2
    .db CMD_LOOP

lead:
    .db CMD_INSTR+1, CMD_GATE,2
    .db L4,E5, L8,C5,A4, L4,B4,C5                  ; Am
    .db L4,A4, L8,C5,F5, L4D,E5, L8,CMD_REST        ; F
    .db L4,G4, L8,C5,E5, L4,G5,E5                  ; C
    .db L4D,D5, L8,B4, L4,G4,CMD_REST               ; G
    .db L8,E5,E5, L4,A5, L8,G5,E5, L4,C5            ; Am
    .db L8,D5,C5, L4,A4,C5,F5                       ; F
    .db L4,G5, L8,F5,E5, L4,D5,B4                   ; G
    .db L4,Gs4,B4, L2,E5                            ; E
    .db CMD_LOOP

; Held chord tones: one note per bar (a half note tied to another).
    .macro HOLD_BAR note
    .db note, CMD_TIE
    .endm
pad_low:
    .db CMD_INSTR+2, CMD_PAN,PAN_LEFT, CMD_GATE,0, L2
    HOLD_BAR C4
    HOLD_BAR C4
    HOLD_BAR G3
    HOLD_BAR B3
    HOLD_BAR C4
    HOLD_BAR C4
    HOLD_BAR B3
    HOLD_BAR Gs3
    .db CMD_LOOP
pad_high:
    .db CMD_INSTR+2, CMD_PAN,PAN_RIGHT, CMD_GATE,0, L2
    HOLD_BAR E4
    HOLD_BAR F4
    HOLD_BAR E4
    HOLD_BAR D4
    HOLD_BAR E4
    HOLD_BAR F4
    HOLD_BAR D4
    HOLD_BAR B3
    .db CMD_LOOP

; Arpeggio: the chord (root, third, fifth) cycled every frame, plucked on
; each beat.
    .macro ARP_BAR root, third
    .db CMD_ARP,third,7, root,root,root,root
    .endm
arpeggio:
    .db CMD_INSTR+0, L4
    ARP_BAR A4, 3
    ARP_BAR F4, 4
    ARP_BAR C5, 4
    ARP_BAR G4, 4
    ARP_BAR A4, 3
    ARP_BAR F4, 4
    ARP_BAR G4, 4
    ARP_BAR E4, 4
    .db CMD_LOOP

; Drums: kick and snare on the beats, hi-hat between, a snare fill at the end.
KICK  = 0
SNARE = 1
HAT   = 2
    .macro BEAT_BAR
    .db KICK,HAT,SNARE,HAT,KICK,HAT,SNARE,HAT
    .endm
drums:
    .db L8
    BEAT_BAR
    BEAT_BAR
    BEAT_BAR
    BEAT_BAR
    BEAT_BAR
    BEAT_BAR
    BEAT_BAR
    .db KICK,HAT,SNARE,HAT, L16,SNARE,SNARE,SNARE,SNARE,SNARE,SNARE,SNARE,SNARE, L8
    .db CMD_LOOP

; PSG envelopes: attenuation per frame (0 loudest, 15 off).
psg_envelopes::
    .dw env_pluck, env_kick, env_snare, env_hat
env_pluck:
    .db 3, 4, 5, 6, 7, 8, 9, 10, ENV_HOLD
env_kick:
    .db 0, 1, 3, 5, 7, 9, 11, 13, 15, ENV_HOLD
env_snare:
    .db 1, 2, 3, 5, 7, 9, 11, 13, 15, ENV_HOLD
env_hat:
    .db 4, 7, 10, 13, 15, ENV_HOLD

; Drum kit: noise control (bit 2 white, bits 0-1 rate), envelope number.
drum_kit::
    .db 0x06,1          ; kick: low white noise
    .db 0x05,2          ; snare: middle white noise
    .db 0x04,3          ; hi-hat: high white noise

; FM patches, registers in slot order S1 S3 S2 S4 within each group.
fm_patches::
; 0 bass: algorithm 0 (S1 > S2 > S3 > S4), feedback 5; the modulators decay
; fast for a plucked attack.
    .db 0x01, 0x02, 0x01, 0x01  ; DT/MUL
    .db 0x22, 0x30, 0x26, 0x0A  ; TL
    .db 0x1F, 0x1F, 0x1F, 0x1F  ; RS/AR
    .db 0x0C, 0x0A, 0x0A, 0x06  ; AM/D1R
    .db 0x04, 0x04, 0x04, 0x03  ; D2R
    .db 0x38, 0x38, 0x38, 0x2A  ; SL/RR
    .db 0x00, 0x00, 0x00, 0x00  ; SSG-EG
    .db 0x28                    ; FB 5, ALG 0
; 1 lead: algorithm 4 (S1 > S2, S3 > S4), feedback 4; S4 detuned against S2.
    .db 0x02, 0x01, 0x01, 0x31
    .db 0x1E, 0x24, 0x12, 0x14
    .db 0x1F, 0x1F, 0x1C, 0x1C
    .db 0x05, 0x05, 0x03, 0x03
    .db 0x02, 0x02, 0x01, 0x01
    .db 0x27, 0x27, 0x17, 0x17
    .db 0x00, 0x00, 0x00, 0x00
    .db 0x24                    ; FB 4, ALG 4
; 2 pad: algorithm 7 (four sines added: organ-like), slow attack, S2
; detuned against S1 for a slow beat.
    .db 0x01, 0x02, 0x31, 0x04
    .db 0x18, 0x24, 0x18, 0x30
    .db 0x10, 0x10, 0x10, 0x10
    .db 0x02, 0x02, 0x02, 0x02
    .db 0x00, 0x00, 0x00, 0x00
    .db 0x16, 0x16, 0x16, 0x16
    .db 0x00, 0x00, 0x00, 0x00
    .db 0x17                    ; FB 2, ALG 7
