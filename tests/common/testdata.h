/* testdata.h - where the conformance data lives, and the skip convention. */
#ifndef MDEMU_TESTDATA_H
#define MDEMU_TESTDATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ctest's SKIP_RETURN_CODE for every mdemu test. */
#define MDEMU_TEST_SKIP 77

/* $MDEMU_TESTDATA if set, else ../shared/testdata beside the source tree. */
static inline const char *mdemu_testdata_dir(void)
{
    const char *env = getenv("MDEMU_TESTDATA");
    return (env && *env) ? env : MDEMU_TESTDATA_DEFAULT;
}

/* Join the data folder and a relative path into buf. */
static inline const char *mdemu_testdata_path(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", mdemu_testdata_dir(), rel);
    return buf;
}

#endif
