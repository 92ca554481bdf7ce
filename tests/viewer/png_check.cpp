// Checks that a screenshot is a real picture, not a blank or single-colour window:
// png_check FILE [--width W --height H]  prints the figures and exits 1 if it looks blank.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE [--width W --height H]\n");
        return 64;
    }
    int want_w = 0, want_h = 0;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--width") == 0) want_w = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--height") == 0) want_h = std::atoi(argv[i + 1]);
    }
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
    if (!px) {
        std::fprintf(stderr, "png_check: cannot read '%s' as an image\n", argv[1]);
        return 1;
    }
    std::set<unsigned> colours;
    long dark = 0, coloured = 0;
    for (long i = 0; i < static_cast<long>(w) * h; ++i) {
        const unsigned r = px[i * 3], g = px[i * 3 + 1], b = px[i * 3 + 2];
        colours.insert((r << 16) | (g << 8) | b);
        if (r + g + b < 200) ++dark;                                          // text and lines
        if ((r > g + 40 && r > b + 40) || (g > r + 40) || (b > r + 40)) ++coloured;  // marks, bands
    }
    stbi_image_free(px);
    const double total = static_cast<double>(w) * h;
    std::printf("%s: %dx%d, %zu colours, %.2f%% dark, %.2f%% coloured\n", argv[1], w, h, colours.size(), 100.0 * dark / total,
                100.0 * coloured / total);
    if ((want_w && w != want_w) || (want_h && h != want_h)) {
        std::fprintf(stderr, "png_check: expected %dx%d\n", want_w, want_h);
        return 1;
    }
    // A real screen of the viewer has text, lines and coloured marks in many shades.
    if (colours.size() < 50 || dark / total < 0.002 || coloured / total < 0.002) {
        std::fprintf(stderr, "png_check: the picture looks blank\n");
        return 1;
    }
    return 0;
}
