/* mdemu_eeprom.c - X24C01 serial EEPROM (128 bytes) on a two-wire bus
 * (Xicor X24C01 datasheet): START = SDA falling while SCL high, STOP = SDA
 * rising while SCL high; bits are sampled on SCL rising edges, the device
 * changes SDA after SCL falls. The first byte after START is A6..A0 and R/W;
 * each byte is acknowledged by the receiver pulling SDA low on the 9th clock.
 * Writes fill a 4-byte page (the address wraps within it). */
#include "mdemu_internal.h"

enum { EE_IDLE, EE_ADDRESS, EE_WRITE, EE_READ };

void mdemu_eeprom_reset(MdemuEepromState *e)
{
    *e = (MdemuEepromState){.scl = 1, .sda_in = 1, .sda_out = 1, .phase = EE_IDLE};
}

int mdemu_eeprom_sda(const Mdemu *md)
{
    /* Open-drain line: low if either side pulls it low. */
    return md->sys.eeprom.sda_out & md->sys.eeprom.sda_in;
}

static void received_byte(Mdemu *md, MdemuEepromState *e)
{
    uint32_t mask = (uint32_t)md->sram_size - 1;
    if (e->phase == EE_ADDRESS) {
        e->address = (uint8_t)((e->shift >> 1) & mask);
        if (e->shift & 1) {
            e->phase = EE_READ;
            e->shift = md->sram[e->address];
            e->sda_out = (e->shift >> 7) & 1;
            e->bit_count = 1;
            return;
        }
        e->phase = EE_WRITE;
    } else if (e->phase == EE_WRITE) {
        e->address = (uint8_t)(e->address & mask); /* a loaded state may hold any address */
        if (md->sram[e->address] != e->shift) {
            md->sram[e->address] = e->shift;
            md->sram_dirty = true;
        }
        e->address = (uint8_t)(((e->address & ~3u) | ((e->address + 1u) & 3u)) & mask);
    }
    e->bit_count = 0;
    e->shift = 0;
}

void mdemu_eeprom_lines(Mdemu *md, int scl, int sda)
{
    MdemuEepromState *e = &md->sys.eeprom;
    int old_scl = e->scl, old_sda = e->sda_in;
    e->scl = (uint8_t)scl;
    e->sda_in = (uint8_t)sda;
    if (!md->sram)
        return;
    if (old_scl && scl && old_sda != sda) {
        if (!sda) { /* START */
            e->phase = EE_ADDRESS;
            e->bit_count = 0;
            e->shift = 0;
        } else { /* STOP */
            e->phase = EE_IDLE;
        }
        e->sda_out = 1;
        return;
    }
    if (!old_scl && scl) { /* rising edge: sample */
        if ((e->phase == EE_ADDRESS || e->phase == EE_WRITE) && e->bit_count < 8) {
            e->shift = (uint8_t)(e->shift << 1 | (sda & 1));
            e->bit_count++;
        } else if (e->phase == EE_READ && e->bit_count == 9) {
            if (sda) { /* no acknowledge from the master: read ends */
                e->phase = EE_IDLE;
            } else {
                e->address = (uint8_t)((e->address + 1u) & (md->sram_size - 1));
                e->shift = md->sram[e->address];
                e->bit_count = 0;
            }
        }
        return;
    }
    if (old_scl && !scl) { /* falling edge: the EEPROM drives SDA */
        if (e->phase == EE_ADDRESS || e->phase == EE_WRITE) {
            if (e->bit_count == 8) {
                e->sda_out = 0; /* acknowledge */
                e->bit_count = 9;
            } else if (e->bit_count == 9) {
                e->sda_out = 1;
                received_byte(md, e);
            }
        } else if (e->phase == EE_READ) {
            if (e->bit_count < 8) {
                e->sda_out = (e->shift >> (7 - e->bit_count)) & 1;
                e->bit_count++;
            } else if (e->bit_count == 8) {
                e->sda_out = 1; /* release for the master's acknowledge */
                e->bit_count = 9;
            }
        }
    }
}
