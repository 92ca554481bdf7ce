// Checks that a screenshot is a real picture, not a blank or single-colour window:
// png_check FILE [--width W --height H] [--same OTHER X,Y,W,H] [--changed OTHER X,Y,W,H]
// prints the figures and exits 1 if it looks blank, or if a part of the window (a panel, in
// pixels) differs from the same part of another screenshot (--same) or is the same (--changed).
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace {

// A part of a screenshot to compare with another.
struct RegionCheck {
    std::string other;
    int x = 0, y = 0, w = 0, h = 0;
    bool same = true;  // --same: must not differ; --changed: must differ
};

// Pixels that differ between two pictures of the same size within a rectangle, or -1 when
// the other cannot be read or is not the same size.
long differing(const unsigned char* px, int w, int h, const RegionCheck& r) {
    int ow = 0, oh = 0, on = 0;
    unsigned char* other = stbi_load(r.other.c_str(), &ow, &oh, &on, 3);
    if (!other) return -1;
    long count = ow == w && oh == h ? 0 : -1;
    for (int y = r.y; count >= 0 && y < r.y + r.h && y < h; ++y)
        for (int x = r.x; x < r.x + r.w && x < w; ++x) {
            const long i = (static_cast<long>(y) * w + x) * 3;
            if (std::memcmp(px + i, other + i, 3) != 0) ++count;
        }
    stbi_image_free(other);
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE [--width W --height H] [--same OTHER X,Y,W,H] [--changed OTHER X,Y,W,H]\n");
        return 64;
    }
    int want_w = 0, want_h = 0;
    std::vector<RegionCheck> regions;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--width") == 0) want_w = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--height") == 0) want_h = std::atoi(argv[i + 1]);
        if ((std::strcmp(argv[i], "--same") == 0 || std::strcmp(argv[i], "--changed") == 0) && i + 2 < argc) {
            RegionCheck r;
            r.other = argv[i + 1];
            r.same = std::strcmp(argv[i], "--same") == 0;
            if (std::sscanf(argv[i + 2], "%d,%d,%d,%d", &r.x, &r.y, &r.w, &r.h) != 4) {
                std::fprintf(stderr, "png_check: '%s' is not a region X,Y,W,H\n", argv[i + 2]);
                return 64;
            }
            regions.push_back(r);
            ++i;
        }
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
    int failed = 0;
    for (const RegionCheck& r : regions) {
        const long diff = differing(px, w, h, r);
        std::printf("%s: %ld pixels differ from %s in %d,%d,%d,%d\n", argv[1], diff, r.other.c_str(), r.x, r.y, r.w, r.h);
        if (diff < 0) {
            std::fprintf(stderr, "png_check: cannot compare with '%s' (unreadable, or not %dx%d)\n", r.other.c_str(), w, h);
            failed = 1;
        } else if (r.same != (diff == 0)) {
            std::fprintf(stderr, "png_check: %d,%d,%d,%d %s %s\n", r.x, r.y, r.w, r.h,
                         r.same ? "differs from" : "is unchanged from", r.other.c_str());
            failed = 1;
        }
    }
    stbi_image_free(px);
    if (failed) return 1;
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
