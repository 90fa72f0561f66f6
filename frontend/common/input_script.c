/* input_script.c - parser for "FRAME PORT BUTTONS" pad scripts. */
#include "input_script.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mdemu.h"

typedef struct ButtonName {
    const char *name;
    uint16_t bit;
} ButtonName;

static const ButtonName button_names[] = {
    { "UP", MDEMU_BTN_UP }, { "DOWN", MDEMU_BTN_DOWN }, { "LEFT", MDEMU_BTN_LEFT },
    { "RIGHT", MDEMU_BTN_RIGHT }, { "A", MDEMU_BTN_A }, { "B", MDEMU_BTN_B },
    { "C", MDEMU_BTN_C }, { "START", MDEMU_BTN_START }, { "X", MDEMU_BTN_X },
    { "Y", MDEMU_BTN_Y }, { "Z", MDEMU_BTN_Z }, { "MODE", MDEMU_BTN_MODE },
};

static bool name_equals(const char *a, size_t a_len, const char *b)
{
    if (strlen(b) != a_len)
        return false;
    for (size_t i = 0; i < a_len; i++)
        if (toupper((unsigned char)a[i]) != b[i])
            return false;
    return true;
}

bool input_script_parse_buttons(const char *text, uint16_t *buttons)
{
    uint16_t bits = 0;
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '+');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        bool found = false;
        for (size_t i = 0; i < sizeof button_names / sizeof button_names[0]; i++) {
            if (name_equals(p, len, button_names[i].name)) {
                bits |= button_names[i].bit;
                found = true;
                break;
            }
        }
        if (!found)
            return false;
        if (!end)
            break;
        p = end + 1;
        if (!*p)
            return false; /* trailing '+' */
    }
    *buttons = bits;
    return true;
}

static int compare_events(const void *a, const void *b)
{
    const InputEvent *x = a, *y = b;
    if (x->frame != y->frame)
        return x->frame < y->frame ? -1 : 1;
    return 0;
}

/* Next whitespace-separated token of line, NUL-terminated in place. */
static char *next_token(char **cursor)
{
    char *p = *cursor;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (!*p) {
        *cursor = p;
        return NULL;
    }
    char *start = p;
    while (*p && !isspace((unsigned char)*p))
        p++;
    if (*p)
        *p++ = '\0';
    *cursor = p;
    return start;
}

static bool parse_line(char *line, InputEvent *event, const char **why)
{
    char *cursor = line;
    char *frame_text = next_token(&cursor);
    if (!frame_text)
        return false; /* blank: caller skips */
    char *port_text = next_token(&cursor);
    char *buttons_text = next_token(&cursor);
    char *extra = next_token(&cursor);
    char *end;
    if (!isdigit((unsigned char)frame_text[0])) {
        *why = "frame number expected";
        return false;
    }
    errno = 0;
    unsigned long long frame = strtoull(frame_text, &end, 10);
    if (*end || errno) {
        *why = "bad frame number";
        return false;
    }
    if (!port_text || (strcmp(port_text, "1") != 0 && strcmp(port_text, "2") != 0)) {
        *why = "port must be 1 or 2";
        return false;
    }
    if (extra) {
        *why = "buttons must be joined with '+' (no spaces)";
        return false;
    }
    uint16_t buttons = 0;
    if (buttons_text && !input_script_parse_buttons(buttons_text, &buttons)) {
        *why = "unknown button (expected UP DOWN LEFT RIGHT A B C START X Y Z MODE)";
        return false;
    }
    event->frame = frame;
    event->port = port_text[0] - '1';
    event->buttons = buttons;
    *why = NULL;
    return true;
}

bool input_script_parse(InputScript *script, const char *text, const char *name, char *err,
                        size_t err_size)
{
    memset(script, 0, sizeof *script);
    size_t capacity = 0;
    int line_number = 0;
    const char *p = text;
    while (*p) {
        line_number++;
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char line[512];
        if (len >= sizeof line) {
            snprintf(err, err_size, "%s:%d: line too long", name, line_number);
            input_script_free(script);
            return false;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        InputEvent event;
        const char *why = NULL;
        if (parse_line(line, &event, &why)) {
            if (script->count == capacity) {
                size_t new_capacity = capacity ? capacity * 2 : 16;
                InputEvent *grown = realloc(script->events, new_capacity * sizeof *grown);
                if (!grown) {
                    snprintf(err, err_size, "%s: out of memory", name);
                    input_script_free(script);
                    return false;
                }
                script->events = grown;
                capacity = new_capacity;
            }
            script->events[script->count++] = event;
        } else if (why) {
            snprintf(err, err_size, "%s:%d: %s", name, line_number, why);
            input_script_free(script);
            return false;
        }
        if (!eol)
            break;
        p = eol + 1;
    }
    /* Stable insertion sort by frame: file order decides within a frame, and
     * the usual already-ordered script costs one pass. */
    for (size_t i = 1; i < script->count; i++) {
        InputEvent e = script->events[i];
        size_t j = i;
        while (j > 0 && compare_events(&script->events[j - 1], &e) > 0) {
            script->events[j] = script->events[j - 1];
            j--;
        }
        script->events[j] = e;
    }
    return true;
}

bool input_script_load(InputScript *script, const char *path, char *err, size_t err_size)
{
    memset(script, 0, sizeof *script);
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "%s: cannot open: %s", path, strerror(errno));
        return false;
    }
    size_t size = 0, capacity = 4096;
    char *text = malloc(capacity);
    while (text) {
        size += fread(text + size, 1, capacity - size - 1, f);
        if (size < capacity - 1)
            break;
        capacity *= 2;
        char *grown = realloc(text, capacity);
        if (!grown) {
            free(text);
            text = NULL;
        } else {
            text = grown;
        }
    }
    bool read_error = ferror(f) != 0;
    fclose(f);
    if (!text || read_error) {
        snprintf(err, err_size, "%s: cannot read", path);
        free(text);
        return false;
    }
    text[size] = '\0';
    if (memchr(text, '\0', size)) {
        snprintf(err, err_size, "%s: not a text file", path);
        free(text);
        return false;
    }
    bool ok = input_script_parse(script, text, path, err, err_size);
    free(text);
    return ok;
}

void input_script_free(InputScript *script)
{
    free(script->events);
    script->events = NULL;
    script->count = 0;
}

void input_script_apply(const InputScript *script, size_t *cursor, uint64_t frame, uint16_t pads[2])
{
    while (*cursor < script->count && script->events[*cursor].frame <= frame) {
        const InputEvent *e = &script->events[*cursor];
        pads[e->port] = e->buttons;
        (*cursor)++;
    }
}
