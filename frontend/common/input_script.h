/* input_script.h - scripted pad input for unattended runs.
 *
 * Text, one event per line: "FRAME PORT BUTTONS", e.g. "120 1 START" or
 * "300 2 UP+A". FRAME counts from 0 (the first frame run), PORT is 1 or 2,
 * BUTTONS are names joined with '+' (UP DOWN LEFT RIGHT A B C START X Y Z
 * MODE, any case). A line sets that pad's whole state from that frame on; an
 * empty button list releases everything. '#' starts a comment. */
#ifndef MDEMU_INPUT_SCRIPT_H
#define MDEMU_INPUT_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct InputEvent {
    uint64_t frame;
    int port;         /* 0 or 1 */
    uint16_t buttons; /* MDEMU_BTN_* bits */
} InputEvent;

typedef struct InputScript {
    InputEvent *events; /* sorted by frame, file order within a frame */
    size_t count;
} InputScript;

/* Parse text; name is used in error messages ("name:LINE: reason"). */
bool input_script_parse(InputScript *script, const char *text, const char *name, char *err,
                        size_t err_size);
bool input_script_load(InputScript *script, const char *path, char *err, size_t err_size);
void input_script_free(InputScript *script);

/* "A+START" -> bits; "" -> 0. False on an unknown name. */
bool input_script_parse_buttons(const char *text, uint16_t *buttons);

/* Apply, in order, every event from *cursor on whose frame is <= frame to
 * pads[0..1]; *cursor starts at 0 and advances. */
void input_script_apply(const InputScript *script, size_t *cursor, uint64_t frame, uint16_t pads[2]);

#ifdef __cplusplus
}
#endif
#endif
