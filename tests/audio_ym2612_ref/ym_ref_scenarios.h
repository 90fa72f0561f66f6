/* ym_ref_scenarios.h - timed register-write scripts that drive the library
 * and the reference model identically. */
#ifndef YM_REF_SCENARIOS_H
#define YM_REF_SCENARIOS_H

#include <stddef.h>
#include <stdint.h>

typedef struct YmEvent {
    uint32_t clock; /* YM clocks since reset at which the write happens */
    uint8_t port;   /* A1:A0 */
    uint8_t value;
} YmEvent;

typedef struct YmScript {
    char name[32];
    YmEvent *events; /* sorted by clock */
    size_t count, capacity;
    uint32_t samples; /* samples to compare */
    int discrete;     /* 1: YM2612 with the ladder offset, 0: YM3438 */
    uint32_t cursor;  /* clock at which the builder appends */
} YmScript;

typedef struct YmScriptList {
    YmScript *items;
    size_t count;
} YmScriptList;

/* All named scenarios and the seeded random streams. */
void ym_scripts_build(YmScriptList *list);
void ym_scripts_free(YmScriptList *list);

#endif
