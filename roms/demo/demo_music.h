/* demo_music.h - the demo's background music, played by the Z80. */
#ifndef DEMO_MUSIC_H
#define DEMO_MUSIC_H

/* Loads the Z80 music driver and its song into Z80 RAM and starts it; the
 * Z80 then plays the tune in a loop on its own. */
void demo_music_start(void);

#endif
