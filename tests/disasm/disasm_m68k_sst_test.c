/* disasm_m68k_sst_test.c - the 68000 disassembler against the instruction
 * names in the SingleStepTests m68000 data (317,500 opcodes in 127 files).
 *
 * Each test is named like "000 ADD.b D3, (d16, A2) d72a": the file gives the
 * instruction family and size, the name lists the operands' addressing modes.
 * For every test opcode the disassembly must belong to that family, carry
 * that size and show the same addressing modes and registers. Skipped (77)
 * when the data is absent. */
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "m68k.h"
#include "testdata.h"

#define SST_FILE_MAGIC 0x1A3F5D71u
#define SST_TEST_MAGIC 0xABC12367u

typedef struct Reader {
    const uint8_t *data;
    size_t size, pos;
    bool bad;
} Reader;

static uint32_t rd32(Reader *r)
{
    if (r->pos + 4 > r->size) {
        r->bad = true;
        return 0;
    }
    const uint8_t *p = r->data + r->pos;
    r->pos += 4;
    return p[0] | (p[1] << 8) | (p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint8_t *gz_read_all(const char *path, size_t *size)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t capacity = 1 << 20, used = 0;
    uint8_t *buf = malloc(capacity);
    while (buf) {
        int n = gzread(f, buf + used, (unsigned)(capacity - used));
        if (n <= 0)
            break;
        used += (size_t)n;
        if (used == capacity) {
            capacity *= 2;
            uint8_t *grown = realloc(buf, capacity);
            if (!grown) {
                free(buf);
                buf = NULL;
            } else {
                buf = grown;
            }
        }
    }
    gzclose(f);
    *size = used;
    return buf;
}

/* Opcode words for the disassembler: IR, IRC, then the RAM the test lists. */
typedef struct Words {
    uint32_t start;
    uint16_t w[8];
} Words;

static uint16_t words_read(void *ctx, uint32_t addr)
{
    const Words *ws = ctx;
    uint32_t i = (addr - ws->start) / 2;
    return i < 8 ? ws->w[i] : 0;
}

/* Families whose file name is not the mnemonic. */
typedef struct Family {
    const char *file;
    const char *mnemonics; /* space-separated accepted mnemonics (without size) */
} Family;

static const Family families[] = {
    { "ADD", "add addq addi" }, { "SUB", "sub subq subi" }, { "CMP", "cmp cmpm cmpi" },
    { "AND", "and andi" }, { "OR", "or ori" }, { "EOR", "eor eori" }, { "MOVE.q", "moveq" },
    { "Bcc", "bra bhi bls bcc bcs bne beq bvc bvs bpl bmi bge blt bgt ble" },
    { "DBcc", "dbt dbra dbhi dbls dbcc dbcs dbne dbeq dbvc dbvs dbpl dbmi dbge dblt dbgt dble" },
    { "Scc", "st sf shi sls scc scs sne seq svc svs spl smi sge slt sgt sle" },
    { "CHK", "chk" }, { "DIVS", "divs" }, { "DIVU", "divu" }, { "MULS", "muls" }, { "MULU", "mulu" },
    { "UNLINK", "unlk" }, { "MOVEfromSR", "move" }, { "MOVEtoSR", "move" }, { "MOVEtoCCR", "move" },
    { "MOVEfromUSP", "move" }, { "MOVEtoUSP", "move" }, { "ANDItoCCR", "andi" }, { "ANDItoSR", "andi" },
    { "ORItoCCR", "ori" }, { "ORItoSR", "ori" }, { "EORItoCCR", "eori" }, { "EORItoSR", "eori" },
    { "ILLEGAL_LINEA", "dc" }, { "ILLEGAL_LINEF", "dc" },
};

static bool word_in_list(const char *word, size_t len, const char *list)
{
    const char *p = list;
    while (*p) {
        const char *end = strchr(p, ' ');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n == len && !strncmp(p, word, len))
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}

/* Family name of a file "ADD.b" -> accepted mnemonics; size letter or 0. */
static void family_of(const char *file, char *mnemonics, size_t size, char *size_letter)
{
    char base[256];
    snprintf(base, sizeof base, "%s", file);
    *size_letter = 0;
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        if (!strcmp(families[i].file, base)) {
            snprintf(mnemonics, size, "%s", families[i].mnemonics);
            return;
        }
    }
    char *dot = strchr(base, '.');
    if (dot && strlen(dot) == 2 && strchr("bwl", dot[1])) {
        *size_letter = dot[1];
        *dot = '\0';
    }
    for (char *c = base; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        char fam[256];
        snprintf(fam, sizeof fam, "%s", families[i].file);
        for (char *c = fam; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        if (!strcmp(fam, base)) {
            snprintf(mnemonics, size, "%s", families[i].mnemonics);
            return;
        }
    }
    snprintf(mnemonics, size, "%s", base);
}

/* Split operands at top-level commas. Returns the count. */
static int split_operands(const char *text, char out[4][64])
{
    int n = 0, depth = 0;
    size_t len = 0;
    for (const char *p = text;; p++) {
        if (*p == '\0' || (*p == ',' && depth == 0)) {
            if (len || *p == ',') {
                if (n == 4)
                    return -1;
                while (len && out[n][len - 1] == ' ')
                    len--;
                out[n][len] = '\0';
                n++;
                len = 0;
            }
            if (*p == '\0')
                break;
            continue;
        }
        if (*p == '(')
            depth++;
        if (*p == ')')
            depth--;
        if (len == 0 && *p == ' ')
            continue;
        if (len < 63)
            out[n < 4 ? n : 3][len++] = *p;
    }
    return n;
}

static void reg_name(const char *r, char *out)
{
    if (!strncmp(r, "sp", 2)) {
        strcpy(out, "A7");
    } else {
        out[0] = (char)toupper((unsigned char)r[0]);
        out[1] = r[1];
        out[2] = '\0';
    }
}

static bool is_reg(const char *s) { return (s[0] == 'd' || s[0] == 'a') && s[1] >= '0' && s[1] <= '7'; }

/* One of our operands in the data's notation: "D3", "(d16, A2)", "#", or a
 * number for quick values and branch displacements ("" when not comparable). */
static void abstract_operand(const char *op, char *out, size_t size)
{
    char r[3];
    size_t len = strlen(op);
    const char *paren = strchr(op, '(');
    if (!strcmp(op, "sp") || ((is_reg(op)) && len == 2)) {
        reg_name(op, r);
        snprintf(out, size, "%s", r);
    } else if (op[0] == '#') {
        const char *v = op + 1;
        bool neg = *v == '-';
        if (neg)
            v++;
        if (*v == '$')
            snprintf(out, size, "#");
        else
            snprintf(out, size, "%s%s", neg ? "-" : "", v); /* quick value in decimal */
    } else if (op[0] == '(' && strstr(op, ").w")) {
        snprintf(out, size, "(xxx).w");
    } else if (op[0] == '(' && strstr(op, ").l")) {
        snprintf(out, size, "(xxx).l");
    } else if (op[0] == '(' || (op[0] == '-' && op[1] == '(')) {
        const char *reg = strchr(op, '(') + 1;
        reg_name(reg, r);
        if (op[0] == '-')
            snprintf(out, size, "-(%s)", r);
        else if (op[len - 1] == '+')
            snprintf(out, size, "(%s)+", r);
        else
            snprintf(out, size, "(%s)", r);
    } else if (paren && !strncmp(paren, "(pc)", 4)) {
        snprintf(out, size, "(d16, PC)");
    } else if (paren && !strncmp(paren, "(pc,", 4)) {
        snprintf(out, size, "(d8, PC, Xn)");
    } else if (paren) {
        reg_name(paren + 1, r);
        snprintf(out, size, strchr(paren, ',') ? "(d8, %s, Xn)" : "(d16, %s)", r);
    } else if (op[0] == '$') {
        snprintf(out, size, "%s", ""); /* branch target: checked separately */
    } else {
        /* a MOVEM register list */
        snprintf(out, size, "#");
    }
}

static bool is_number(const char *s)
{
    if (*s == '-')
        s++;
    if (!isdigit((unsigned char)*s))
        return false;
    while (isdigit((unsigned char)*s))
        s++;
    return *s == '\0';
}

/* Value of "#$1f", "#-$1", "#8". */
static long immediate_value(const char *op)
{
    const char *v = op + 1;
    bool neg = *v == '-';
    if (neg)
        v++;
    long value = *v == '$' ? strtol(v + 1, NULL, 16) : strtol(v, NULL, 10);
    return neg ? -value : value;
}

typedef struct Tally {
    long tests, mismatches;
} Tally;

static void check_test(const char *file, const char *name, const Words *ws, Tally *t)
{
    char expected_mnems[256], size_letter;
    family_of(file, expected_mnems, sizeof expected_mnems, &size_letter);
    char text[128];
    int len = m68k_disasm(ws->start, words_read, (void *)ws, text, sizeof text);
    t->tests++;

    const char *space = strchr(text, ' ');
    size_t mlen = space ? (size_t)(space - text) : strlen(text);
    const char *dot = memchr(text, '.', mlen);
    size_t base_len = dot ? (size_t)(dot - text) : mlen;
    bool ok = len >= 2 && word_in_list(text, base_len, expected_mnems);
    if (ok && size_letter && !(dot && dot[1] == size_letter && (size_t)(dot - text) + 2 == mlen))
        ok = false;

    /* operands: the part of the name between the mnemonic and the opcode */
    char ops_text[128] = "";
    const char *first = strchr(name, ' ');
    const char *second = first ? strchr(first + 1, ' ') : NULL;
    const char *last = strrchr(name, ' ');
    if (second && last > second) {
        size_t n = (size_t)(last - second - 1);
        if (n >= sizeof ops_text)
            n = sizeof ops_text - 1;
        memcpy(ops_text, second + 1, n);
        ops_text[n] = '\0';
    }
    char theirs[4][64], ours_raw[4][64];
    int nt = ops_text[0] ? split_operands(ops_text, theirs) : 0;
    int no = 0;
    if (space) {
        while (*space == ' ')
            space++;
        no = split_operands(space, ours_raw);
    }
    /* ccr/sr/usp are implicit in the data's names */
    char ours[4][64];
    const char *ours_text[4];
    int kept = 0;
    for (int i = 0; i < no; i++) {
        if (!strcmp(ours_raw[i], "ccr") || !strcmp(ours_raw[i], "sr") || !strcmp(ours_raw[i], "usp"))
            continue;
        abstract_operand(ours_raw[i], ours[kept], sizeof ours[kept]);
        ours_text[kept] = ours_raw[i];
        kept++;
    }
    bool line_af = !strncmp(file, "ILLEGAL_LINE", 12);
    if (ok && !line_af) {
        if (kept != nt) {
            ok = false;
        } else {
            for (int i = 0; i < nt && ok; i++) {
                if (ours[i][0] == '\0')
                    continue; /* branch target */
                /* a one-register MOVEM list reads like a register */
                bool movem_single = !strncmp(text, "movem", 5) && !strcmp(theirs[i], "#");
                if (!strcmp(ours[i], theirs[i]) || movem_single)
                    continue;
                if (ours_text[i][0] == '#' && !strcmp(theirs[i], "#"))
                    continue; /* immediate data of any notation */
                /* the data writes MOVEQ's value in decimal */
                if (ours_text[i][0] == '#' && is_number(theirs[i]) &&
                    immediate_value(ours_text[i]) == strtol(theirs[i], NULL, 10))
                    continue;
                ok = false;
            }
        }
    }
    if (!ok) {
        if (t->mismatches < 20)
            printf("%s: \"%s\" disassembles as \"%s\"\n", file, name, text);
        t->mismatches++;
    }
}

static bool check_file(const char *dir, const char *entry, Tally *t)
{
    char path[4096 + 256], file[256];
    snprintf(path, sizeof path, "%s/%s", dir, entry);
    snprintf(file, sizeof file, "%s", entry);
    *strstr(file, ".json.bin.gz") = '\0';
    size_t size = 0;
    uint8_t *data = gz_read_all(path, &size);
    if (!data)
        return false;
    Reader r = { data, size, 0, false };
    uint32_t count = 0;
    if (rd32(&r) != SST_FILE_MAGIC || r.bad) {
        free(data);
        return false;
    }
    count = rd32(&r);
    for (uint32_t i = 0; i < count && !r.bad; i++) {
        size_t test_start = r.pos;
        uint32_t test_bytes = rd32(&r);
        if (rd32(&r) != SST_TEST_MAGIC)
            break;
        size_t name_start = r.pos;
        uint32_t name_bytes = rd32(&r);
        rd32(&r); /* name magic */
        uint32_t name_len = rd32(&r);
        char name[256];
        if (r.bad || name_len >= sizeof name || r.pos + name_len > size)
            break;
        memcpy(name, data + r.pos, name_len);
        name[name_len] = '\0';
        r.pos = name_start + name_bytes;
        /* initial state: 19 registers, then IR, IRC, then RAM words */
        rd32(&r);
        rd32(&r);
        uint32_t regs[19];
        for (int k = 0; k < 19; k++)
            regs[k] = rd32(&r);
        Words ws;
        memset(&ws, 0, sizeof ws);
        ws.start = regs[18] - 4; /* PC is the next prefetch */
        ws.w[0] = (uint16_t)rd32(&r);
        ws.w[1] = (uint16_t)rd32(&r);
        uint32_t ram_count = rd32(&r);
        for (uint32_t k = 0; k < ram_count && !r.bad; k++) {
            uint32_t addr = rd32(&r);
            if (r.pos + 2 > size) {
                r.bad = true;
                break;
            }
            uint16_t word = (uint16_t)(data[r.pos] | (data[r.pos + 1] << 8));
            r.pos += 2;
            uint32_t index = (addr - ws.start) / 2;
            if (addr >= ws.start + 4 && index < 8)
                ws.w[index] = word;
        }
        if (r.bad)
            break;
        check_test(file, name, &ws, t);
        r.pos = test_start + test_bytes;
    }
    free(data);
    return !r.bad;
}

int main(void)
{
    char dir[4096];
    mdemu_testdata_path(dir, sizeof dir, "m68000");
    DIR *d = opendir(dir);
    if (!d) {
        printf("no 68000 test data at %s: skipped\n", dir);
        return MDEMU_TEST_SKIP;
    }
    Tally t = { 0, 0 };
    int files = 0, broken = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strstr(e->d_name, ".json.bin.gz"))
            continue;
        files++;
        if (!check_file(dir, e->d_name, &t)) {
            printf("%s: unreadable\n", e->d_name);
            broken++;
        }
    }
    closedir(d);
    printf("%d files, %ld opcodes, %ld disagree with the test names\n", files, t.tests, t.mismatches);
    return (files > 0 && broken == 0 && t.mismatches == 0) ? 0 : 1;
}
