/* m68k_program.h - a small looping 68000 program (hand-assembled) used by
 * the bus and state tests: arithmetic, post-increment stores, MOVEM and DBRA. */
#ifndef MDEMU_M68K_PROGRAM_H
#define MDEMU_M68K_PROGRAM_H

#include <stdint.h>

static const uint16_t m68k_test_program[] = {
    0x41F9, 0x0000, 0x3000, /* lea     $3000,a0 */
    0x7000,                 /* moveq   #0,d0 */
    0x323C, 0x0063,         /* move.w  #99,d1 */
    /* loop: */
    0xD041,                 /* add.w   d1,d0 */
    0x30C0,                 /* move.w  d0,(a0)+ */
    0x20C0,                 /* move.l  d0,(a0)+ */
    0x48E7, 0xC000,         /* movem.l d0-d1,-(a7) */
    0x4CDF, 0x0003,         /* movem.l (a7)+,d0-d1 */
    0x51C9, 0xFFF0,         /* dbra    d1,loop */
    0xC0FC, 0x0007,         /* mulu    #7,d0 */
    0x60FE,                 /* bra.s   * */
};

#endif
