/* mdemu_scheduler.c - the master-clock scheduler: the 68000 runs in slices
 * of at most one line; the other chips are caught up to the accessing CPU's
 * time before each access. Interrupt changes reach the CPUs with the clock
 * at which they happened, so slice boundaries do not move them.
 * All times are absolute master clocks: 68000 = /7, Z80 and PSG = /15,
 * YM2612 = /7 (Sega Genesis technical overview: master clock divisions). */
#include "mdemu_internal.h"

static bool z80_running(const Mdemu *md)
{
    return !md->sys.z80_reset && !md->sys.z80_busreq;
}

/* Move the Z80's clock to `target` T-states: it executes while it owns its
 * bus, otherwise time just passes. Not from inside the Z80's own accesses. */
static void z80_advance(Mdemu *md, uint64_t target)
{
    uint64_t now = z80_tstates(&md->z80);
    if (target <= now || md->z80_active)
        return;
    if (z80_running(md)) {
        md->z80_active = true;
        z80_run(&md->z80, target);
        md->z80_active = false;
    } else {
        z80_add_tstates(&md->z80, (uint32_t)(target - now));
    }
}

/* The VDP's interrupt outputs changed at master clock `event`: hand the new
 * levels to the CPUs with that time, so each takes the interrupt at the
 * instruction boundary the hardware would, whatever the slice boundaries.
 * The 68000 samples IPL in its last bus cycle; the Z80 samples /INT on the
 * last clock of an instruction (MC68000 UM fig. 5-11; Zilog UM0080). */
static void vdp_lines_changed(Mdemu *md, uint64_t event)
{
    mdemu_vdp_ipl_follow(md, event);
    z80_set_int_line_at(&md->z80, vdp_z80_irq(&md->vdp), (event + 14) / 15);
}

/* The VDP stops at each change of its interrupt lines on the way to
 * `master`. The Z80 is brought to each such change first, so that the one
 * change its /INT remembers is never overwritten before it was due. */
void mdemu_catch_up_vdp(Mdemu *md, uint64_t master)
{
    uint64_t last = 0;
    for (;;) {
        uint64_t event = vdp_next_event(&md->vdp);
        if (event > master || event <= last)
            break;
        last = event;
        z80_advance(md, (event + 14) / 15);
        /* The Z80's own VDP accesses may have taken the VDP past it already. */
        if (vdp_next_event(&md->vdp) != event)
            continue;
        vdp_run(&md->vdp, event);
        vdp_lines_changed(md, event);
    }
    vdp_run(&md->vdp, master);
}

/* The VDP's interrupt output follows its internal state (pending flags,
 * enable bits) that changed at master clock `change`, after the VDP's
 * output delay; the 68000 sees the new level from then on. */
void mdemu_vdp_ipl_follow(Mdemu *md, uint64_t change)
{
    int level = vdp_irq_level(&md->vdp);
    if (level == m68k_ipl_pins(&md->cpu))
        return; /* nothing changed, or the change is already on its way */
    uint64_t at = change + vdp_irq_output_delay(&md->vdp);
    m68k_set_ipl_at(&md->cpu, level, (at + 6) / 7);
}

/* The sound chips run behind and are caught up at each access that
 * concerns them; their samples gather in buffers that go to the mixer when
 * full and at the end of every frame (so they are empty between frames). */
void mdemu_flush_audio(Mdemu *md)
{
    if (md->fm_count) {
        audio_mixer_push_fm(&md->mixer, md->fm_buf, md->fm_count);
        md->fm_count = 0;
    }
    if (md->psg_count) {
        audio_mixer_push_psg(&md->mixer, md->psg_buf, md->psg_count);
        md->psg_count = 0;
    }
}

void mdemu_catch_up_audio(Mdemu *md, uint64_t master)
{
    uint64_t ym_target = master / 7;
    while (md->sys.ym_clock < ym_target) {
        /* Room for (clock_in_sample + step) / 144 samples: keep one spare. */
        if (MDEMU_FM_BUF - md->fm_count < 2)
            mdemu_flush_audio(md);
        uint64_t left = ym_target - md->sys.ym_clock;
        uint64_t room = (uint64_t)(MDEMU_FM_BUF - md->fm_count - 1) * YM2612_CLOCKS_PER_SAMPLE;
        uint32_t step = (uint32_t)(left < room ? left : room);
        md->fm_count += ym2612_run(&md->ym, step, md->fm_buf + 2 * md->fm_count);
        md->sys.ym_clock += step;
    }
    uint64_t psg_target = master / 15;
    while (md->sys.psg_clock < psg_target) {
        if (MDEMU_PSG_BUF - md->psg_count < 2)
            mdemu_flush_audio(md);
        uint64_t left = psg_target - md->sys.psg_clock;
        uint64_t room = (uint64_t)(MDEMU_PSG_BUF - md->psg_count - 1) * PSG_CLOCKS_PER_SAMPLE;
        uint32_t step = (uint32_t)(left < room ? left : room);
        md->psg_count += psg_run(&md->psg, step, md->psg_buf + md->psg_count);
        md->sys.psg_clock += step;
    }
}

/* Bring the Z80 to the 68000's time, through the VDP's interrupt changes
 * on the way. While it is held (reset or bus granted to the 68000) its
 * clock just moves on. The 68000 bus time the Z80 used through its window
 * is charged to the 68000 afterwards. */
void mdemu_catch_up_z80(Mdemu *md)
{
    if (md->z80_active)
        return; /* reached from the Z80's own access: it is the one running */
    uint64_t master = mdemu_now_68k(md);
    mdemu_catch_up_vdp(md, master);
    z80_advance(md, master / 15);
    if (md->sys.z80_stall_master >= 7) {
        uint64_t clocks = md->sys.z80_stall_master / 7;
        md->sys.z80_stall_master -= clocks * 7;
        m68k_add_cycles(&md->cpu, (uint32_t)clocks);
    }
}

static uint64_t frame_length(const Mdemu *md)
{
    return (uint64_t)(md->pal ? MDEMU_LINES_PAL : MDEMU_LINES_NTSC) * VDP_MASTER_CLOCKS_PER_LINE;
}

/* With a breakpoint set the 68000 goes one instruction at a time so that it
 * stops before the instruction at the breakpoint runs. */
static void run_68k_checked(Mdemu *md, uint64_t until)
{
    while (m68k_cycles(&md->cpu) < until && !md->stop_requested) {
        uint32_t pc = (m68k_get_reg(&md->cpu, M68K_REG_PC) - 4u) & 0xFFFFFFu;
        /* A stopped CPU is not about to execute anything: its idle slots are no
         * new arrival at the breakpoint. */
        if (md->breakpoint_skip) {
            md->breakpoint_skip = false;
        } else if (!m68k_stopped(&md->cpu) && (int64_t)pc == md->breakpoint) {
            md->breakpoint_hit = true;
            md->breakpoint_skip = true;
            md->stop_requested = true;
            break;
        }
        m68k_step(&md->cpu);
    }
}

void mdemu_run_frame(Mdemu *md)
{
    md->audio_frames = 0;
    md->breakpoint_hit = false;
    md->stop_requested = false;
    if (!md->rom || md->test_exit >= 0)
        return;

    uint64_t now = mdemu_now_68k(md);
    mdemu_catch_up_vdp(md, now);
    uint64_t frame_end = vdp_frame_end(&md->vdp);
    /* A VDP that reports no sensible end must not stall or run away. */
    if (frame_end <= now || frame_end > now + frame_length(md))
        frame_end = now + frame_length(md);

    while (!md->stop_requested) {
        now = mdemu_now_68k(md);
        if (now >= frame_end)
            break;
        mdemu_catch_up_vdp(md, now);
        if (md->cheat_count)
            mdemu_cheats_apply_ram(md);

        uint64_t slice_end = now + VDP_MASTER_CLOCKS_PER_LINE;
        uint64_t event = vdp_next_event(&md->vdp);
        if (event > now && event < slice_end)
            slice_end = event;
        if (frame_end < slice_end)
            slice_end = frame_end;
        uint64_t until = (slice_end + 6) / 7; /* first 68000 clock at or after the slice end */
        if (md->breakpoint >= 0)
            run_68k_checked(md, until);
        else
            m68k_run(&md->cpu, until);
        mdemu_catch_up_z80(md);
    }
    now = mdemu_now_68k(md);
    mdemu_catch_up_vdp(md, now);
    mdemu_catch_up_audio(md, now);
    mdemu_flush_audio(md);
    if (now >= frame_end)
        md->sys.frame_count++;
    int n = audio_mixer_read(&md->mixer, md->audio_out, MDEMU_AUDIO_OUT_MAX);
    md->audio_frames = n > 0 ? (size_t)n : 0;
}
