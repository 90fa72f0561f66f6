/* headless_main.c - mdemu-headless entry point. */
#include <stdio.h>

#include "headless_options.h"
#include "headless_run.h"

int main(int argc, char **argv)
{
    HeadlessOptions opts;
    char err[512];
    if (!headless_parse_options(argc, argv, &opts, err, sizeof err)) {
        fprintf(stderr, "mdemu-headless: %s\n", err);
        return HEADLESS_EXIT_USAGE;
    }
    if (opts.help) {
        headless_print_help(argc > 0 ? argv[0] : "mdemu-headless");
        return HEADLESS_EXIT_OK;
    }
    return headless_run(&opts);
}
