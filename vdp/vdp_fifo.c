/* vdp_fifo.c - the 4-entry write FIFO and the external access slots that drain it.
 *
 * The 68000 writes into the FIFO; each external access slot (vdp_timing.c)
 * commits the oldest entry. With the FIFO empty a slot goes to a running DMA.
 * FIFO size and behaviour: genvdp.txt (Charles MacDonald), section on the FIFO.
 */
#include "vdp_internal.h"

static void fifo_commit_oldest(Vdp *v)
{
    VdpState *s = &v->state;
    const VdpFifoEntry *e = &s->fifo[s->fifo_head];
    vdp_write_target(v, e->code, e->addr, e->data);
    s->fifo_head = (uint8_t)((s->fifo_head + 1) & 3);
    s->fifo_count--;
}

void vdp_access_slot(Vdp *v)
{
    if (v->state.fifo_count > 0)
        fifo_commit_oldest(v);
    else
        vdp_dma_slot(v);
}

void vdp_fifo_push(Vdp *v, uint16_t data)
{
    VdpState *s = &v->state;
    VdpFifoEntry *e = &s->fifo[(s->fifo_head + s->fifo_count) & 3];
    e->addr = s->addr;
    e->data = data;
    e->code = s->code;
    s->fifo_count++;
}
