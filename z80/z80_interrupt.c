/* z80_interrupt.c - acceptance of NMI and maskable interrupts (IM 0/1/2).
 *
 * Cycle counts from the Zilog Z80 CPU User Manual (UM0080), "Interrupt
 * Response": the acknowledge M1 cycle has two automatic wait states (7 T-states
 * with the internal cycle before a push); NMI's M1 is 5 T-states. In IM 0 the
 * instruction takes its normal time plus those two wait states.
 */
#include "z80_internal.h"

/* What the interrupting device drives onto the data bus; 0xFF when nothing does. */
static uint8_t data_bus(Z80 *z) { return z->bus.int_ack ? z->bus.int_ack(z->bus.ctx) : 0xFF; }

void z80_accept_interrupt(Z80 *z)
{
    Z80State *s = &z->state;
    /* A HALT is left by the interrupt; PC already points past it. */
    s->halted = 0;
    /* NMOS quirk: accepting an interrupt right after LD A,I / LD A,R
     * clears P/V (the instruction copied IFF2 too early). */
    if (s->p)
        REG_F(s) &= (uint8_t)~FLAG_PV;
    s->p = 0;
    s->q = 0;
    s->ei = 0;
    z80_inc_r(s);

    if (s->nmi_pending) {
        s->nmi_pending = 0;
        s->iff1 = 0; /* IFF2 keeps the pre-NMI state for RETN */
        s->tstates += 5;
        z80_push(z, s->pc);
        s->pc = 0x0066;
        s->wz = s->pc;
        return;
    }

    s->iff1 = s->iff2 = 0;
    switch (s->im) {
    case 0: {
        /* The device places an instruction on the data bus (RST n on most
         * systems; PC does not advance over it). CALL nn / JP nn take their
         * operand bytes from the bus as well; other opcodes run as if
         * fetched, any operands coming from memory at PC. */
        uint8_t op = data_bus(z);
        s->tstates += 6;
        if (op == 0xCD || op == 0xC3) {
            uint8_t lo = data_bus(z);
            s->tstates += 3;
            uint8_t hi = data_bus(z);
            s->tstates += op == 0xCD ? 4 : 3;
            uint16_t target = (uint16_t)(lo | (hi << 8));
            if (op == 0xCD)
                z80_push(z, s->pc);
            s->pc = target;
            s->wz = target;
        } else {
            z80_exec_opcode(z, op);
        }
        break;
    }
    case 1:
        s->tstates += 7;
        z80_push(z, s->pc);
        s->pc = 0x0038;
        s->wz = s->pc;
        break;
    default: {
        uint8_t low = data_bus(z);
        s->tstates += 7;
        z80_push(z, s->pc);
        uint16_t vector = (uint16_t)((s->i << 8) | low);
        uint8_t lo = z80_mem_read(z, vector);
        s->pc = (uint16_t)(lo | (z80_mem_read(z, (uint16_t)(vector + 1)) << 8));
        s->wz = s->pc;
        break;
    }
    }
}
