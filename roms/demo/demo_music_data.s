| demo_music_data.s - the Z80 music program (music_driver.s linked with
| music_song.s by sdcc's assembler), embedded for demo_music.c to copy.
    .section .rodata
    .global music_z80_program, music_z80_program_end
music_z80_program:
    .incbin "music_z80.bin"
music_z80_program_end:
    .even
