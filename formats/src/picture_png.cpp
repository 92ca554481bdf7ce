// The display list as a PNG: rasterised into an RGB buffer here (shapes by their distance
// fields, one sample per pixel with a one-pixel soft edge; text with stb_truetype), written with
// stb_image_write.
#include <stb_image_write.h>
#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::formats {

using engine::Vec2;

namespace {

// [SECTION] Fonts

struct Font {
    FileBuffer bytes;
    stbtt_fontinfo info{};
};

// The regular and bold faces, read once; throws when either is missing.
const Font& font(bool bold) {
    static std::once_flag once;
    static std::unique_ptr<Font> faces[2];
    std::call_once(once, [] {
        for (int b = 0; b < 2; ++b) {
            const char* path = b ? k_picture_bold_font : k_picture_font;
            auto f = std::make_unique<Font>();
            try {
                f->bytes = read_file(path);
            } catch (const engine::Error&) {
                continue;  // reported below, every time it is asked for
            }
            const auto* data = reinterpret_cast<const unsigned char*>(f->bytes.data.get());
            if (!stbtt_InitFont(&f->info, data, stbtt_GetFontOffsetForIndex(data, 0))) continue;
            faces[b] = std::move(f);
        }
    });
    const int b = bold && faces[1] ? 1 : 0;
    if (!faces[b]) {
        engine::Diagnostic d;
        d.file = k_picture_font;
        d.code = "font-missing";
        d.message = std::string("cannot draw text into a png: the font '") + k_picture_font +
                    "' cannot be read (install Debian's fonts-dejavu-core)";
        throw engine::Error(std::move(d));
    }
    return *faces[b];
}

// The next code point of UTF-8 text (a bad byte reads as U+FFFD).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i++]);
    int more = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if (b >= 0x80 && more == 0) return 0xFFFD;
    std::uint32_t cp = more == 3 ? b & 0x07u : more == 2 ? b & 0x0Fu : more == 1 ? b & 0x1Fu : b;
    for (; more > 0; --more) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3Fu);
    }
    return cp;
}

// [SECTION] Canvas

class Canvas {
public:
    Canvas(int w, int h) : m_w(w), m_h(h), m_rgb(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3, 0xFF) {}

    [[nodiscard]] int width() const { return m_w; }
    [[nodiscard]] int height() const { return m_h; }
    [[nodiscard]] const unsigned char* data() const { return m_rgb.data(); }

    // Blends colour over the pixel with coverage a (0..1).
    void blend(int x, int y, std::uint32_t colour, float a) {
        if (x < 0 || y < 0 || x >= m_w || y >= m_h || a <= 0) return;
        a = std::min(a, 1.0f);
        unsigned char* p = &m_rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(m_w) + static_cast<std::size_t>(x)) * 3];
        const float c[3] = {static_cast<float>((colour >> 16) & 0xFF), static_cast<float>((colour >> 8) & 0xFF),
                            static_cast<float>(colour & 0xFF)};
        for (int k = 0; k < 3; ++k)
            p[k] = static_cast<unsigned char>(std::lround(static_cast<float>(p[k]) * (1 - a) + c[k] * a));
    }

    // Calls cover(px, py) (pixel centre, pixels) for each pixel of the box and blends what it gives.
    template <class Cover>
    void shade(float x0, float y0, float x1, float y1, std::uint32_t colour, float opacity, Cover cover) {
        const int ix0 = std::max(0, static_cast<int>(std::floor(x0)) - 1);
        const int iy0 = std::max(0, static_cast<int>(std::floor(y0)) - 1);
        const int ix1 = std::min(m_w - 1, static_cast<int>(std::ceil(x1)) + 1);
        const int iy1 = std::min(m_h - 1, static_cast<int>(std::ceil(y1)) + 1);
        for (int y = iy0; y <= iy1; ++y)
            for (int x = ix0; x <= ix1; ++x) {
                const float a = cover(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
                if (a > 0) blend(x, y, colour, a * opacity);
            }
    }

private:
    int m_w, m_h;
    std::vector<unsigned char> m_rgb;
};

// Coverage of a pixel whose centre is at signed distance d (pixels) from an edge (inside < 0).
float coverage(float d) { return std::clamp(0.5f - d, 0.0f, 1.0f); }

float rounded_rect_distance(float px, float py, float cx, float cy, float hx, float hy, float r) {
    r = std::min({r, hx, hy});
    const float qx = std::abs(px - cx) - (hx - r), qy = std::abs(py - cy) - (hy - r);
    const float outside = std::hypot(std::max(qx, 0.0f), std::max(qy, 0.0f));
    return outside + std::min(std::max(qx, qy), 0.0f) - r;
}

// Distance from p to segment ab, and where along it (pixels from a) the nearest point lies.
float segment_distance(Vec2 p, Vec2 a, Vec2 b, float& along) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float len2 = dx * dx + dy * dy;
    float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = std::clamp(t, 0.0f, 1.0f);
    along = t * std::sqrt(len2);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

// Whether a point `along` a stroke (in stroke widths... pixels) falls on a dash.
bool on_dash(Dash d, float along, float unit) {
    static constexpr float k_dashed[] = {8, 4}, k_short[] = {4, 3}, k_dotted[] = {1, 3.5f}, k_dash_dot[] = {7, 3, 1, 3};
    std::span<const float> pattern;
    switch (d) {
        case Dash::Solid: return true;
        case Dash::Dashed: pattern = k_dashed; break;
        case Dash::ShortDashed: pattern = k_short; break;
        case Dash::Dotted: pattern = k_dotted; break;
        case Dash::DashDot: pattern = k_dash_dot; break;
    }
    float total = 0;
    for (float v : pattern) total += v * unit;
    float pos = std::fmod(along, total);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const float len = pattern[i] * unit;
        if (pos < len) return i % 2 == 0;
        pos -= len;
    }
    return true;
}

// [SECTION] Shapes

void stroke_path(Canvas& cv, const std::vector<Vec2>& pts, bool closed, const Paint& p, float s) {
    if (p.stroke == k_no_colour || p.stroke_width <= 0 || pts.size() < 2) return;
    const float half = std::max(p.stroke_width * s, 1.0f) / 2;
    std::vector<Vec2> px;
    for (const Vec2& v : pts) px.push_back({v.x * s, v.y * s});
    if (closed) px.push_back(px.front());
    float x0 = px[0].x, y0 = px[0].y, x1 = x0, y1 = y0;
    for (const Vec2& v : px) {
        x0 = std::min(x0, v.x), y0 = std::min(y0, v.y), x1 = std::max(x1, v.x), y1 = std::max(y1, v.y);
    }
    // The length of the path before each segment, for dashes running on across corners.
    std::vector<float> before(px.size(), 0);
    for (std::size_t i = 1; i < px.size(); ++i) before[i] = before[i - 1] + std::hypot(px[i].x - px[i - 1].x, px[i].y - px[i - 1].y);
    cv.shade(x0 - half, y0 - half, x1 + half, y1 + half, p.stroke, p.opacity, [&](float x, float y) {
        float best = 0;
        for (std::size_t i = 1; i < px.size(); ++i) {
            float along = 0;
            const float d = segment_distance({x, y}, px[i - 1], px[i], along);
            if (d - half > 1) continue;
            if (!on_dash(p.dash, before[i - 1] + along, s)) continue;
            best = std::max(best, coverage(d - half));
        }
        return best;
    });
}

void draw_rect(Canvas& cv, const Item& it, float s) {
    const float x0 = it.points[0].x * s, y0 = it.points[0].y * s, x1 = it.points[1].x * s, y1 = it.points[1].y * s;
    const float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = std::abs(x1 - x0) / 2, hy = std::abs(y1 - y0) / 2;
    const float r = it.radius * s;
    if (it.paint.fill != k_no_colour)
        cv.shade(cx - hx, cy - hy, cx + hx, cy + hy, it.paint.fill, it.paint.opacity,
                 [&](float x, float y) { return coverage(rounded_rect_distance(x, y, cx, cy, hx, hy, r)); });
    if (it.paint.stroke != k_no_colour && it.paint.stroke_width > 0) {
        const float half = std::max(it.paint.stroke_width * s, 1.0f) / 2;
        cv.shade(cx - hx - half, cy - hy - half, cx + hx + half, cy + hy + half, it.paint.stroke, it.paint.opacity,
                 [&](float x, float y) { return coverage(std::abs(rounded_rect_distance(x, y, cx, cy, hx, hy, r)) - half); });
    }
}

void draw_circle(Canvas& cv, const Item& it, float s) {
    const float cx = it.points[0].x * s, cy = it.points[0].y * s, r = it.radius * s;
    if (it.paint.fill != k_no_colour)
        cv.shade(cx - r, cy - r, cx + r, cy + r, it.paint.fill, it.paint.opacity,
                 [&](float x, float y) { return coverage(std::hypot(x - cx, y - cy) - r); });
    if (it.paint.stroke != k_no_colour && it.paint.stroke_width > 0) {
        const float half = std::max(it.paint.stroke_width * s, 1.0f) / 2;
        cv.shade(cx - r - half, cy - r - half, cx + r + half, cy + r + half, it.paint.stroke, it.paint.opacity,
                 [&](float x, float y) { return coverage(std::abs(std::hypot(x - cx, y - cy) - r) - half); });
    }
}

// A convex polygon: inside every edge.
void draw_polygon(Canvas& cv, const Item& it, float s) {
    std::vector<Vec2> px;
    for (const Vec2& v : it.points) px.push_back({v.x * s, v.y * s});
    if (px.size() >= 3 && it.paint.fill != k_no_colour) {
        float area = 0;
        for (std::size_t i = 0; i < px.size(); ++i) {
            const Vec2 a = px[i], b = px[(i + 1) % px.size()];
            area += a.x * b.y - b.x * a.y;
        }
        const float sign = area >= 0 ? 1.0f : -1.0f;
        float x0 = px[0].x, y0 = px[0].y, x1 = x0, y1 = y0;
        for (const Vec2& v : px) {
            x0 = std::min(x0, v.x), y0 = std::min(y0, v.y), x1 = std::max(x1, v.x), y1 = std::max(y1, v.y);
        }
        cv.shade(x0, y0, x1, y1, it.paint.fill, it.paint.opacity, [&](float x, float y) {
            float d = -1e9f;
            for (std::size_t i = 0; i < px.size(); ++i) {
                const Vec2 a = px[i], b = px[(i + 1) % px.size()];
                const float len = std::hypot(b.x - a.x, b.y - a.y);
                if (len <= 0) continue;
                // Outward distance: the edge's normal points away from the inside.
                const float cross = ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x)) / len;
                d = std::max(d, -sign * cross);
            }
            return coverage(d);
        });
    }
    stroke_path(cv, it.points, true, it.paint, s);
}

// [SECTION] Text

struct Glyphs {
    const Font* face;
    float scale;       // font units to pixels
    float width = 0;   // pixels
};

Glyphs measure(std::string_view text, const TextStyle& st, float s) {
    Glyphs g{&font(st.bold), 0};
    g.scale = stbtt_ScaleForMappingEmToPixels(&g.face->info, st.size * s);
    int prev = 0;
    for (std::size_t i = 0; i < text.size();) {
        const int cp = static_cast<int>(next_code_point(text, i));
        int advance = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&g.face->info, cp, &advance, &lsb);
        if (prev) g.width += g.scale * static_cast<float>(stbtt_GetCodepointKernAdvance(&g.face->info, prev, cp));
        g.width += g.scale * static_cast<float>(advance);
        prev = cp;
    }
    return g;
}

void draw_text(Canvas& cv, const Item& it, float s) {
    const TextStyle& st = it.text_style;
    const Glyphs g = measure(it.text, st, s);
    float x = it.points[0].x * s;
    const float baseline = it.points[0].y * s;
    if (st.anchor == Anchor::Middle) x -= g.width / 2;
    if (st.anchor == Anchor::End) x -= g.width;
    const float halo = st.halo != k_no_colour ? st.halo_width * s / 2 : 0;
    int prev = 0;
    std::vector<unsigned char> bitmap;
    for (std::size_t i = 0; i < it.text.size();) {
        const int cp = static_cast<int>(next_code_point(it.text, i));
        if (prev) x += g.scale * static_cast<float>(stbtt_GetCodepointKernAdvance(&g.face->info, prev, cp));
        prev = cp;
        int advance = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&g.face->info, cp, &advance, &lsb);
        const float fx = x - std::floor(x);
        int bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
        stbtt_GetCodepointBitmapBoxSubpixel(&g.face->info, cp, g.scale, g.scale, fx, 0, &bx0, &by0, &bx1, &by1);
        const int w = bx1 - bx0, h = by1 - by0;
        if (w > 0 && h > 0) {
            bitmap.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
            stbtt_MakeCodepointBitmapSubpixel(&g.face->info, bitmap.data(), w, h, w, g.scale, g.scale, fx, 0, cp);
            const int ox = static_cast<int>(std::floor(x)) + bx0;
            const int oy = static_cast<int>(std::lround(baseline)) + by0;
            const auto at = [&](int gx, int gy) -> float {
                if (gx < 0 || gy < 0 || gx >= w || gy >= h) return 0;
                return static_cast<float>(bitmap[static_cast<std::size_t>(gy) * static_cast<std::size_t>(w) + static_cast<std::size_t>(gx)]) / 255.0f;
            };
            if (halo > 0) {
                // The halo: the glyph grown by its radius (the most ink within it).
                const int r = static_cast<int>(std::ceil(halo));
                for (int gy = -r; gy < h + r; ++gy)
                    for (int gx = -r; gx < w + r; ++gx) {
                        float a = 0;
                        for (int dy = -r; dy <= r && a < 1; ++dy)
                            for (int dx = -r; dx <= r; ++dx)
                                if (static_cast<float>(dx * dx + dy * dy) <= halo * halo) a = std::max(a, at(gx + dx, gy + dy));
                        cv.blend(ox + gx, oy + gy, st.halo, a * st.opacity);
                    }
            }
            for (int gy = 0; gy < h; ++gy)
                for (int gx = 0; gx < w; ++gx) cv.blend(ox + gx, oy + gy, st.colour, at(gx, gy) * st.opacity);
        }
        x += g.scale * static_cast<float>(advance);
    }
}

void append_bytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string picture_png(const Picture& p, float scale) {
    const int w = std::max(1, static_cast<int>(std::ceil(p.width() * scale)));
    const int h = std::max(1, static_cast<int>(std::ceil(p.height() * scale)));
    Canvas cv(w, h);
    for (const Item& it : p.items()) {
        switch (it.shape) {
            case Shape::Rect: draw_rect(cv, it, scale); break;
            case Shape::Polyline: stroke_path(cv, it.points, false, it.paint, scale); break;
            case Shape::Polygon: draw_polygon(cv, it, scale); break;
            case Shape::Circle: draw_circle(cv, it, scale); break;
            case Shape::Text: draw_text(cv, it, scale); break;
        }
    }
    std::string png;
    if (!stbi_write_png_to_func(append_bytes, &png, w, h, 3, cv.data(), w * 3)) {
        engine::Diagnostic d;
        d.code = "png-unwritable";
        d.message = "cannot encode a png of " + std::to_string(w) + " x " + std::to_string(h) + " pixels";
        throw engine::Error(std::move(d));
    }
    return png;
}

}  // namespace sightline::formats
