/* mdemu_console.c - creating the console, power-on and reset, settings. */
#include "mdemu_internal.h"

#include <stdlib.h>
#include <string.h>

void mdemu_config_default(MdemuConfig *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->audio_rate = 48000;
    cfg->region = MDEMU_REGION_AUTO;
    cfg->tmss = false;
    cfg->ym3438 = false;
    cfg->sprite_limit = true;
    cfg->audio_lowpass = false;
    cfg->pad[0] = MDEMU_PAD_AUTO;
    cfg->pad[1] = MDEMU_PAD_AUTO;
}

static void resolve_pads(Mdemu *md)
{
    for (int p = 0; p < 2; p++) {
        MdemuPadType t = md->pad_setting[p];
        if (t == MDEMU_PAD_AUTO)
            t = (md->rom && strchr(md->info.devices, '6')) ? MDEMU_PAD_6BUTTON : MDEMU_PAD_3BUTTON;
        md->pad_type[p] = t;
    }
}

static void resolve_settings(Mdemu *md)
{
    MdemuRegion r = md->region_setting;
    if (r == MDEMU_REGION_AUTO)
        r = md->rom ? mdemu_region_from_header(&md->info) : MDEMU_REGION_US;
    md->region = r;
    md->pal = r == MDEMU_REGION_EU;
    resolve_pads(md);
}

static uint32_t clamp_rate(uint32_t rate)
{
    if (rate < 8000)
        return 8000;
    if (rate > 192000)
        return 192000;
    return rate;
}

Mdemu *mdemu_create(const MdemuConfig *cfg)
{
    Mdemu *md = calloc(1, sizeof *md);
    if (!md)
        return NULL;
    if (cfg)
        md->cfg = *cfg;
    else
        mdemu_config_default(&md->cfg);
    md->cfg.audio_rate = clamp_rate(md->cfg.audio_rate ? md->cfg.audio_rate : 48000);
    md->region_setting = md->cfg.region;
    md->pad_setting[0] = md->cfg.pad[0];
    md->pad_setting[1] = md->cfg.pad[1];
    md->breakpoint = -1;
    md->test_exit = -1;
    mdemu_power_on(md);
    return md;
}

void mdemu_destroy(Mdemu *md)
{
    if (!md)
        return;
    free(md->rom);
    free(md->sram);
    free(md);
}

/* Power cycle: every chip from scratch, clocks back to zero. Work RAM powers
 * up as zeros so that runs are reproducible. Battery memory survives. */
void mdemu_power_on(Mdemu *md)
{
    resolve_settings(md);
    memset(&md->sys, 0, sizeof md->sys);

    M68kBus bus68;
    mdemu_bus68k_init(&bus68, md);
    m68k_init(&md->cpu, &bus68);
    m68k_map_pages(&md->cpu, 0xE0, 0x20, md->sys.work_ram, md->sys.work_ram, MDEMU_WORK_RAM_SIZE);
    mdemu_setup_refresh(md);

    Z80Bus busz;
    mdemu_busz80_init(&busz, md);
    z80_init(&md->z80, &busz);
    /* 8 KiB of RAM at 0x0000, mirrored at 0x2000. */
    z80_map_pages(&md->z80, 0, 16, md->sys.z80_ram, md->sys.z80_ram, MDEMU_Z80_RAM_SIZE);

    VdpBus vbus = { .ctx = md, .dma_read16 = mdemu_vdp_dma_read };
    vdp_init(&md->vdp, &vbus, md->pal);
    md->vdp.sprite_limit = md->cfg.sprite_limit;

    ym2612_init(&md->ym, md->cfg.ym3438 ? YM2612_MODEL_YM3438 : YM2612_MODEL_DISCRETE);
    psg_init(&md->psg);
    md->ym.mute_mask = md->fm_mute;
    md->psg.mute_mask = md->psg_mute;
    audio_mixer_init(&md->mixer, md->pal ? MDEMU_MASTER_HZ_PAL : MDEMU_MASTER_HZ_NTSC,
                     md->cfg.audio_rate);
    md->mixer.lowpass = md->cfg.audio_lowpass;
    md->audio_frames = 0;
    md->fm_count = 0;
    md->psg_count = 0;

    mdemu_install_hooks(md);
    mdemu_ports_reset(md);
    mdemu_cart_reset(md);
    /* The Z80 starts held in reset until the 68000 releases it (0xA11200). */
    md->sys.z80_reset = 1;
    md->sys.tmss_unlocked = md->cfg.tmss ? 0 : 1;
    md->stop_requested = false;
    md->breakpoint_hit = false;
    md->breakpoint_skip = false;
    md->test_exit = -1;
    if (md->rom)
        m68k_reset(&md->cpu);
}

void mdemu_reset(Mdemu *md, bool hard)
{
    if (hard) {
        mdemu_power_on(md);
        return;
    }
    /* The reset button drives /VRES: the 68000 restarts, the Z80 and YM2612
     * are held in reset again, the I/O chip and cartridge logic reset. VDP,
     * RAM and the clocks keep running. */
    mdemu_catch_up_z80(md);
    mdemu_catch_up_audio(md, mdemu_now_68k(md));
    mdemu_flush_audio(md);
    md->sys.z80_busreq = 0;
    mdemu_z80_set_reset(md, true);
    mdemu_ports_reset(md);
    mdemu_cart_reset(md);
    md->breakpoint_hit = false;
    md->breakpoint_skip = false;
    md->test_exit = -1;
    if (md->rom)
        m68k_reset(&md->cpu);
}

bool mdemu_has_rom(const Mdemu *md) { return md->rom != NULL; }
const MdemuRomInfo *mdemu_rom_info(const Mdemu *md) { return md->rom ? &md->info : NULL; }
uint64_t mdemu_frame_count(const Mdemu *md) { return md->sys.frame_count; }
bool mdemu_is_pal(const Mdemu *md) { return md->pal; }
MdemuRegion mdemu_region(const Mdemu *md) { return md->region; }

double mdemu_fps(const Mdemu *md)
{
    double lines = md->pal ? MDEMU_LINES_PAL : MDEMU_LINES_NTSC;
    double hz = md->pal ? MDEMU_MASTER_HZ_PAL : MDEMU_MASTER_HZ_NTSC;
    return hz / (lines * VDP_MASTER_CLOCKS_PER_LINE);
}

MdemuFrame mdemu_frame(const Mdemu *md)
{
    MdemuFrame f;
    f.pixels = vdp_framebuffer(&md->vdp, &f.width, &f.height, &f.pitch);
    return f;
}

size_t mdemu_audio(const Mdemu *md, const int16_t **samples)
{
    if (samples)
        *samples = md->audio_out;
    return md->audio_frames;
}

void mdemu_set_audio_rate(Mdemu *md, uint32_t rate)
{
    rate = clamp_rate(rate);
    if (rate == md->cfg.audio_rate)
        return;
    md->cfg.audio_rate = rate;
    /* The resampler's positions depend on the rate: restart it. */
    audio_mixer_init(&md->mixer, md->pal ? MDEMU_MASTER_HZ_PAL : MDEMU_MASTER_HZ_NTSC, rate);
    md->mixer.lowpass = md->cfg.audio_lowpass;
}

void mdemu_set_audio_mute(Mdemu *md, uint32_t fm_channel_mask, uint32_t psg_channel_mask)
{
    md->fm_mute = (uint8_t)(fm_channel_mask & 0x3F);
    md->psg_mute = (uint8_t)(psg_channel_mask & 0x0F);
    md->ym.mute_mask = md->fm_mute;
    md->psg.mute_mask = md->psg_mute;
}

void mdemu_set_ym3438(Mdemu *md, bool ym3438)
{
    md->cfg.ym3438 = ym3438;
    md->ym.model = ym3438 ? YM2612_MODEL_YM3438 : YM2612_MODEL_DISCRETE;
}

void mdemu_set_sprite_limit(Mdemu *md, bool sprite_limit)
{
    md->cfg.sprite_limit = sprite_limit;
    md->vdp.sprite_limit = sprite_limit;
}

void mdemu_set_audio_lowpass(Mdemu *md, bool lowpass)
{
    md->cfg.audio_lowpass = lowpass;
    md->mixer.lowpass = lowpass;
}

void mdemu_set_pad_type(Mdemu *md, int port, MdemuPadType type)
{
    if (port < 0 || port > 1)
        return;
    md->pad_setting[port] = type;
    resolve_pads(md);
}

MdemuPadType mdemu_pad_type(const Mdemu *md, int port)
{
    return (port == 0 || port == 1) ? md->pad_type[port] : MDEMU_PAD_NONE;
}

void mdemu_set_pad(Mdemu *md, int port, uint16_t buttons)
{
    if (port == 0 || port == 1)
        md->sys.port[port].buttons = buttons;
}

void mdemu_set_region(Mdemu *md, MdemuRegion region)
{
    md->region_setting = region;
}
