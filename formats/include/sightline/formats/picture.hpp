// Pictures for documents: a small display list (rectangles, lines, polygons, circles, text in
// colours) that the timeline and the genogram are drawn into once, and two back ends that turn
// it into bytes: SVG (for HTML and the `genogram` command) and PNG (for Word documents and the
// viewer's export), the PNG rasterised here with stb_truetype and written with stb_image_write.
//
// [SECTION] Display list
// [SECTION] Pictures of the case
// [SECTION] Back ends
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/engine/model.hpp"
#include "sightline/engine/timeline.hpp"

namespace sightline::formats {

// [SECTION] Display list

// No colour: a shape without fill or without stroke.
inline constexpr std::uint32_t k_no_colour = 0xFF000000;

// Stroke patterns: child lines by kind of parent, unborn people.
enum class Dash : std::uint8_t { Solid, Dashed, ShortDashed, Dotted, DashDot };
enum class Anchor : std::uint8_t { Start, Middle, End };

struct Paint {
    std::uint32_t fill = k_no_colour;      // 0xRRGGBB or k_no_colour
    std::uint32_t stroke = k_no_colour;
    float stroke_width = 0;                // picture units
    Dash dash = Dash::Solid;
    float opacity = 1;                     // 0..1, of the whole shape
};

struct TextStyle {
    float size = 12;                       // picture units (the font's em)
    std::uint32_t colour = 0x222222;
    Anchor anchor = Anchor::Start;
    bool bold = false;
    bool italic = false;
    std::uint32_t halo = k_no_colour;      // a band of this colour round the letters, over lines
    float halo_width = 0;
    float opacity = 1;
};

enum class Shape : std::uint8_t { Rect, Polyline, Polygon, Circle, Text };

// One thing drawn, over those before it.
struct Item {
    Shape shape = Shape::Rect;
    std::vector<engine::Vec2> points;      // Rect: two corners; Polyline, Polygon: vertices;
                                           // Circle: the centre; Text: the anchor on the baseline
    float radius = 0;                      // Rect: corner radius; Circle: radius
    Paint paint;
    std::string text;                      // UTF-8
    TextStyle text_style;
};

// A picture in abstract units (pixels at scale 1), y downwards, white behind everything.
class Picture {
public:
    Picture() = default;
    Picture(float width, float height, std::string title)
        : m_width(width), m_height(height), m_title(std::move(title)) {}

    void rect(const engine::Rect& r, const Paint& p, float radius = 0);
    void line(engine::Vec2 a, engine::Vec2 b, const Paint& p);
    void polyline(std::span<const engine::Vec2> points, const Paint& p);
    // A closed shape; the PNG back end fills convex ones exactly (all that is drawn).
    void polygon(std::span<const engine::Vec2> points, const Paint& p);
    void circle(engine::Vec2 centre, float radius, const Paint& p);
    void text(engine::Vec2 at, std::string_view text, const TextStyle& s);
    // Every later item moved by d (a drawing placed under a title).
    void set_offset(engine::Vec2 d) { m_offset = d; }
    void set_size(float width, float height) {
        m_width = width;
        m_height = height;
    }

    [[nodiscard]] float width() const { return m_width; }
    [[nodiscard]] float height() const { return m_height; }
    [[nodiscard]] const std::string& title() const { return m_title; }
    [[nodiscard]] const std::vector<Item>& items() const { return m_items; }

private:
    engine::Vec2 at(engine::Vec2 p) const { return {p.x + m_offset.x, p.y + m_offset.y}; }

    float m_width = 0;
    float m_height = 0;
    std::string m_title;
    engine::Vec2 m_offset;
    std::vector<Item> m_items;
};

// [SECTION] Pictures of the case

// What a timeline picture shows: a range of days, the lanes grouped by area, the date cursor.
struct TimelineView {
    std::int64_t v0 = 0;                   // local seconds; v0 == v1: the whole case
    std::int64_t v1 = 0;
    std::int64_t cursor = -1;              // local seconds; negative: none drawn
    float width = 1600;                    // picture units (A4 landscape at about 190 per inch)
    std::string title;                     // above the drawing; empty: none
};

// The integrated timeline as the viewer shows it: axis, key practice episodes, gaps in contact,
// a "seen" lane per index child with its unseen periods, the findings of concern, moves with the
// agencies that did not follow, and one lane per agency grouped by area, entries marked by
// whether the child was seen (marks too close to tell apart fold into a counted block); a key.
Picture timeline_picture(const engine::Case& c, const engine::TimelineModel& model,
                         const engine::TimelineOverlays& overlays, const TimelineView& view);

// The genogram at a date: households as outlines labelled with area and address, McGoldrick
// symbols, names and ages, people outside the index child's household faded, and a legend.
Picture genogram_picture(const engine::Case& c, const engine::GenogramLayout& layout,
                         const engine::GenogramAt& at);

// [SECTION] Back ends

// A standalone SVG document (with an XML declaration when standalone, else an <svg> element to
// put inside HTML). Deterministic bytes.
void write_picture_svg(const Picture& p, std::string& out, bool standalone = true);

// The font the PNG back end draws text with (Debian's fonts-dejavu-core).
inline constexpr const char* k_picture_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* k_picture_bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

// A PNG of the picture at `scale` pixels per unit. Throws engine::Error (code "font-missing")
// when the font cannot be read.
std::string picture_png(const Picture& p, float scale = 1.5f);

// Writes the picture to path atomically, as SVG or PNG by the path's extension (".png", else SVG).
void write_picture_file(const Picture& p, const std::string& path);

}  // namespace sightline::formats
