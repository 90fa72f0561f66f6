/* mdemu_log.c - log lines through cfg.log (stderr when unset) and the
 * one-line error messages of the file functions. */
#include "mdemu_internal.h"

#include <stdarg.h>
#include <stdio.h>

static void log_va(const Mdemu *md, int level, const char *fmt, va_list ap)
{
    char line[256];
    vsnprintf(line, sizeof line, fmt, ap);
    if (md->cfg.log)
        md->cfg.log(md->cfg.log_ctx, level, line);
    else
        fprintf(stderr, "mdemu: %s\n", line);
}

void mdemu_log(const Mdemu *md, int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    log_va(md, level, fmt, ap);
    va_end(ap);
}

/* Unmapped-access reports: useful while debugging a game, noise in release
 * builds where some games poke unmapped space every frame. */
void mdemu_debug_log(Mdemu *md, const char *fmt, ...)
{
#ifdef NDEBUG
    (void)md;
    (void)fmt;
#else
    /* A game polling unmapped space would otherwise flood the log. */
    if (md->debug_log_count >= 32)
        return;
    if (++md->debug_log_count == 32) {
        mdemu_log(md, 2, "further unmapped-access messages suppressed");
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    log_va(md, 2, fmt, ap);
    va_end(ap);
#endif
}

void mdemu_set_error(char *err, size_t err_size, const char *name, const char *fmt, ...)
{
    if (!err || err_size == 0)
        return;
    char reason[192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(reason, sizeof reason, fmt, ap);
    va_end(ap);
    snprintf(err, err_size, "%s: %s", name && *name ? name : "(memory)", reason);
}
