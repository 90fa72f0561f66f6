/* demo.c - the bundled demo: "mdemu" in large letters on plane A over a
 * wavy, scrolling plane B (line horizontal scroll + full vertical scroll),
 * a ring of bouncing balls and one ball steered with pad 1, with a palette
 * cycle on the letters, and a looping tune the Z80 plays on its own
 * (demo_music.c). Runs forever. */
#include "demo_music.h"
#include "md.h"

#define SPRITE_COUNT 9  /* sprite 0 is the player's ball */
#define SCREEN_W 320
#define SCREEN_H 224
#define SPRITE_OFFSET 128 /* sprite coordinates are screen + 128 */

enum { TILE_BLOCK = 1, TILE_STRIPE_A = 2, TILE_STRIPE_B = 3, TILE_BALL = 4, TILE_PLAYER = 8 };

static const int8_t sine64[64] = {
    0, 12, 25, 37, 49, 60, 71, 81, 90, 98, 106, 112, 117, 122, 125, 126,
    127, 126, 125, 122, 117, 112, 106, 98, 90, 81, 71, 60, 49, 37, 25, 12,
    0, -12, -25, -37, -49, -60, -71, -81, -90, -98, -106, -112, -117, -122, -125, -126,
    -127, -126, -125, -122, -117, -112, -106, -98, -90, -81, -71, -60, -49, -37, -25, -12};

/* Letter colour cycle: a warm-to-cool ramp. */
static const uint16_t letter_colours[8] = {
    MD_RGB(7, 2, 1), MD_RGB(7, 4, 1), MD_RGB(7, 6, 1), MD_RGB(4, 7, 2),
    MD_RGB(1, 7, 5), MD_RGB(1, 5, 7), MD_RGB(3, 2, 7), MD_RGB(6, 2, 6)};

static const uint16_t palettes[4][16] = {
    {MD_RGB(0, 0, 1), [15] = MD_RGB(7, 7, 7)},
    {0, MD_RGB(7, 2, 1), MD_RGB(7, 7, 6), MD_RGB(2, 0, 1)},
    {0, MD_RGB(0, 1, 4), MD_RGB(0, 0, 2), MD_RGB(2, 0, 4), MD_RGB(1, 0, 2)},
    {0, MD_RGB(7, 1, 1), MD_RGB(7, 6, 6), MD_RGB(1, 6, 1), MD_RGB(6, 7, 6)}};

/* Bevelled block: highlight top/left (2), body (1), shadow bottom/right (3). */
static const uint32_t block_tile[8] = {
    0x22222223, 0x21111113, 0x21111113, 0x21111113,
    0x21111113, 0x21111113, 0x21111113, 0x33333333};

static void load_palettes(void)
{
    md_cram_write_at(0);
    for (int p = 0; p < 4; p++)
        for (int c = 0; c < 16; c++)
            MD_VDP_DATA = palettes[p][c];
}

static void load_tile(uint16_t tile, const uint32_t rows[8])
{
    md_vram_write_at((uint16_t)(tile * 32));
    for (int r = 0; r < 8; r++)
        MD_VDP_DATA32 = rows[r];
}

/* Diagonal stripes of colours a and b, four pixels wide. */
static void load_stripe_tile(uint16_t tile, uint32_t a, uint32_t b)
{
    uint32_t rows[8];
    for (int r = 0; r < 8; r++) {
        uint32_t row = 0;
        for (int x = 0; x < 8; x++)
            row = (row << 4) | ((((x + r) & 7) < 4) ? a : b);
        rows[r] = row;
    }
    load_tile(tile, rows);
}

/* A 16x16 ball (four tiles in sprite column order) with a highlight. */
static void load_ball_tiles(uint16_t first_tile, uint32_t body, uint32_t shine)
{
    for (int t = 0; t < 4; t++) {
        uint32_t rows[8];
        for (int r = 0; r < 8; r++) {
            uint32_t row = 0;
            for (int c = 0; c < 8; c++) {
                int16_t dx = (int16_t)(2 * ((t >> 1) * 8 + c) - 15);
                int16_t dy = (int16_t)(2 * ((t & 1) * 8 + r) - 15);
                int16_t hx = (int16_t)(dx + 6), hy = (int16_t)(dy + 6);
                uint32_t colour = 0;
                if (dx * dx + dy * dy <= 225)
                    colour = (hx * hx + hy * hy <= 20) ? shine : body;
                row = (row << 4) | colour;
            }
            rows[r] = row;
        }
        load_tile((uint16_t)(first_tile + t), rows);
    }
}

/* Each pixel of a font glyph becomes one block cell: 8x8 cells per letter. */
static void draw_big_text(const char *text, uint16_t col, uint16_t row)
{
    for (; *text; text++, col = (uint16_t)(col + 8)) {
        const uint8_t *glyph = &font_glyphs[(*text - 0x20) * 8];
        for (int y = 0; y < 8; y++) {
            md_vram_write_at((uint16_t)(MD_VRAM_PLANE_A + ((row + y) * MD_PLANE_WIDTH + col) * 2));
            for (int x = 0; x < 8; x++)
                MD_VDP_DATA = (glyph[y] & (0x80 >> x)) ? MD_TILE_ATTR(0, 1, 0, 0, TILE_BLOCK) : 0;
        }
    }
}

static void fill_plane_b(void)
{
    md_vram_write_at(MD_VRAM_PLANE_B);
    for (int y = 0; y < 32; y++)
        for (int x = 0; x < MD_PLANE_WIDTH; x++)
            MD_VDP_DATA = MD_TILE_ATTR(0, 2, 0, 0, (((x >> 1) + (y >> 1)) & 1) ? TILE_STRIPE_B : TILE_STRIPE_A);
}

typedef struct Player {
    int16_t x, y; /* screen coordinates of the ball's top-left */
} Player;

static void move_player(Player *p, uint16_t pad)
{
    int16_t speed = (pad & MD_PAD_A) ? 4 : 2;
    if (pad & MD_PAD_LEFT) p->x = (int16_t)(p->x - speed);
    if (pad & MD_PAD_RIGHT) p->x = (int16_t)(p->x + speed);
    if (pad & MD_PAD_UP) p->y = (int16_t)(p->y - speed);
    if (pad & MD_PAD_DOWN) p->y = (int16_t)(p->y + speed);
    if (p->x < 0) p->x = 0;
    if (p->x > SCREEN_W - 16) p->x = SCREEN_W - 16;
    if (p->y < 0) p->y = 0;
    if (p->y > SCREEN_H - 16) p->y = SCREEN_H - 16;
}

static void write_sprite(int index, int16_t x, int16_t y, uint16_t attr)
{
    uint16_t link = (index + 1 < SPRITE_COUNT) ? (uint16_t)(index + 1) : 0;
    MD_VDP_DATA = (uint16_t)((y + SPRITE_OFFSET) & 0x3FF);
    MD_VDP_DATA = (uint16_t)(0x0500 | link); /* 2x2 cells */
    MD_VDP_DATA = attr;
    MD_VDP_DATA = (uint16_t)((x + SPRITE_OFFSET) & 0x1FF);
}

static void update_sprites(const Player *p, uint16_t frame)
{
    md_vram_write_at(MD_VRAM_SPRITES);
    write_sprite(0, p->x, p->y, MD_TILE_ATTR(1, 3, 0, 0, TILE_PLAYER));
    for (int i = 1; i < SPRITE_COUNT; i++) {
        int16_t sx = sine64[(frame + i * 8) & 63];
        int16_t sy = sine64[(frame * 2 + i * 5 + 16) & 63];
        write_sprite(i, (int16_t)(152 + ((sx * 15) >> 4)), (int16_t)(104 + ((sy * 13) >> 4)),
                     MD_TILE_ATTR(0, 3, 0, 0, TILE_BALL));
    }
}

/* Plane A wobbles a little, plane B drifts left with a sine wave per line.
 * Building the table takes longer than a VBlank, so it is prepared in RAM
 * for the next frame and sent at the start of VBlank with one DMA. */
static void build_scroll_table(uint16_t frame, uint16_t table[SCREEN_H * 2])
{
    for (int y = 0; y < SCREEN_H; y++) {
        table[y * 2] = (uint16_t)(sine64[(y + frame * 2) & 63] >> 5);
        table[y * 2 + 1] = (uint16_t)(-(frame >> 1) + (sine64[(y + frame) & 63] >> 3));
    }
}

static void send_scroll(uint16_t frame, const uint16_t table[SCREEN_H * 2])
{
    md_dma_vram(table, MD_VRAM_HSCROLL, SCREEN_H * 2);
    md_vsram_write_at(0);
    MD_VDP_DATA32 = (uint32_t)((frame >> 2) & 0x3FF); /* plane A 0, plane B frame/4 */
}

int main(void)
{
    load_palettes();
    md_font_load(15);
    load_tile(TILE_BLOCK, block_tile);
    load_stripe_tile(TILE_STRIPE_A, 1, 2);
    load_stripe_tile(TILE_STRIPE_B, 3, 4);
    load_ball_tiles(TILE_BALL, 1, 2);
    load_ball_tiles(TILE_PLAYER, 3, 4);
    fill_plane_b();
    draw_big_text("mdemu", 0, 6);
    md_print_at("Sega Genesis / Mega Drive emulator", 3, 19, 0);
    md_print_at("D-pad: move the green ball  A: faster", 1, 22, 0);
    md_set_reg(11, 0x03); /* line horizontal scroll, full vertical scroll */

    Player player = {SCREEN_W / 2 - 8, SCREEN_H - 40};
    uint16_t frame = 0;
    uint16_t hscroll[SCREEN_H * 2];
    build_scroll_table(frame, hscroll);
    send_scroll(frame, hscroll);
    update_sprites(&player, frame);
    demo_music_start();
    md_display_on();
    for (;;) {
        build_scroll_table((uint16_t)(frame + 1), hscroll);
        md_wait_vblank();
        frame++;
        send_scroll(frame, hscroll);
        move_player(&player, md_pad_read(0));
        update_sprites(&player, frame);
        if ((frame & 7) == 0) {
            md_cram_write_at((16 + 1) * 2);
            MD_VDP_DATA = letter_colours[(frame >> 3) & 7];
        }
    }
}
