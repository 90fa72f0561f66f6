/* headless_run.h - one unattended run of a ROM, as configured by the options. */
#ifndef MDEMU_HEADLESS_RUN_H
#define MDEMU_HEADLESS_RUN_H

#include "headless_options.h"

/* Runs, prints the report (last line "frames=N frame_hash=HEX audio_hash=HEX")
 * and returns the process exit code. */
int headless_run(const HeadlessOptions *opts);

#endif
