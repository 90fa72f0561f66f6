/* audio_state.c - save/restore of the sound chips' and mixer's emulated state. */
#include <string.h>

#include "audio_mixer.h"
#include "psg.h"
#include "ym2612.h"

void ym2612_save_state(const Ym2612 *ym, void *out) { memcpy(out, &ym->state, sizeof ym->state); }
void ym2612_load_state(Ym2612 *ym, const void *in)
{
    memcpy(&ym->state, in, sizeof ym->state);
    ym2612_sanitize_state(ym);
}

void psg_save_state(const Psg *psg, void *out) { memcpy(out, &psg->state, sizeof psg->state); }
void psg_load_state(Psg *psg, const void *in) { memcpy(&psg->state, in, sizeof psg->state); }

void audio_mixer_save_state(const AudioMixer *m, void *out) { memcpy(out, &m->state, sizeof m->state); }
void audio_mixer_load_state(AudioMixer *m, const void *in) { memcpy(&m->state, in, sizeof m->state); }
