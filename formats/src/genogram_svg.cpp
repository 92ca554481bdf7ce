// The genogram at a date as a standalone SVG a reviewer can paste into a report.
//
// [SECTION] Text and numbers
// [SECTION] Styles
// [SECTION] Households
// [SECTION] Lines
// [SECTION] People
// [SECTION] Legend
// [SECTION] write_genogram_svg
//
// Drawing order: households (other homes, then the index child's) under lines under people.
// A household outline is its rectangles drawn twice, first in the border colour grown by the
// border width, then in the fill colour: overlapping rectangles merge into one shape with
// one border.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <vector>

#include "sightline/formats/genogram_writer.hpp"

#include "xml_text.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// [SECTION] Text and numbers

// A coordinate to one decimal place, without a trailing ".0".
std::string num(double v) {
    const double tenths = std::floor(v * 10 + 0.5);
    const auto whole = static_cast<std::int64_t>(tenths);
    char buf[32];
    char* p = buf;
    if (whole < 0) *p++ = '-';
    const std::int64_t a = whole < 0 ? -whole : whole;
    p = std::to_chars(p, buf + sizeof buf, a / 10).ptr;
    if (a % 10 != 0) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + a % 10);
    }
    return {buf, p};
}

// Width of a text in the layout's measure.
float measure(const GenogramLayout& layout, std::string_view text, float size) {
    return layout.options.measure ? layout.options.measure(text, size) : estimate_text_width(text, size);
}

// [SECTION] Styles

constexpr const char* k_font = "Helvetica, Arial, 'Liberation Sans', sans-serif";
constexpr const char* k_ink = "#222";
constexpr const char* k_muted = "#555";
constexpr const char* k_faded_opacity = "0.4";
constexpr const char* k_ghost_opacity = "0.4";
constexpr float k_stroke = 1.6f;
constexpr float k_header = 58;  // title and subtitle above the drawing

struct HouseholdStyle {
    const char* border;
    const char* fill;
    const char* text;
};
constexpr HouseholdStyle k_focus_home{"#2f6db5", "#e4eefa", "#1f4f8a"};
constexpr HouseholdStyle k_other_home{"#9a9a9a", "#f2f2f2", "#5a5a5a"};

// stroke-dasharray for a child line: birth solid, step dashed, adoptive dotted, foster dash-dot.
std::string_view dashes(ParentKind k) {
    switch (k) {
        case ParentKind::Birth:
            return "";
        case ParentKind::Step:
            return " stroke-dasharray=\"8 4\"";
        case ParentKind::Adoptive:
            return " stroke-dasharray=\"1 3.5\" stroke-linecap=\"round\"";
        case ParentKind::Foster:
            return " stroke-dasharray=\"7 3 1 3\" stroke-linecap=\"round\"";
    }
    return "";
}

// Appends SVG elements to a string.
class Svg {
public:
    explicit Svg(std::string& out) : m_out(out) {}

    void line(Vec2 a, Vec2 b, std::string_view attributes = {}) {
        m_out += "<line x1=\"" + num(a.x) + "\" y1=\"" + num(a.y) + "\" x2=\"" + num(b.x) + "\" y2=\"" +
                 num(b.y) + "\"";
        m_out += attributes;
        m_out += "/>\n";
    }
    void polyline(std::span<const Vec2> points, std::string_view attributes = {}) {
        if (points.size() == 2) return line(points[0], points[1], attributes);
        m_out += "<polyline fill=\"none\" points=\"";
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (i) m_out.push_back(' ');
            m_out += num(points[i].x) + "," + num(points[i].y);
        }
        m_out += "\"";
        m_out += attributes;
        m_out += "/>\n";
    }
    void rect(const Rect& r, float radius, std::string_view attributes) {
        m_out += "<rect x=\"" + num(r.x0) + "\" y=\"" + num(r.y0) + "\" width=\"" + num(r.width()) +
                 "\" height=\"" + num(r.height()) + "\"";
        if (radius > 0) m_out += " rx=\"" + num(radius) + "\"";
        m_out += attributes;
        m_out += "/>\n";
    }
    void text(Vec2 at, std::string_view content, std::string_view attributes) {
        m_out += "<text x=\"" + num(at.x) + "\" y=\"" + num(at.y) + "\"";
        m_out += attributes;
        m_out += ">";
        detail::append_xml_text(m_out, content);
        m_out += "</text>\n";
    }
    void circle(Vec2 c, float r, std::string_view attributes) {
        m_out += "<circle cx=\"" + num(c.x) + "\" cy=\"" + num(c.y) + "\" r=\"" + num(r) + "\"";
        m_out += attributes;
        m_out += "/>\n";
    }
    // A person's symbol centred at c, size s; `attributes` styles it.
    void symbol(Symbol shape, Vec2 c, float s, std::string_view attributes) {
        const float h = s / 2;
        switch (shape) {
            case Symbol::Square:
                rect({c.x - h, c.y - h, c.x + h, c.y + h}, 0, attributes);
                break;
            case Symbol::Circle:
                circle(c, h, attributes);
                break;
            case Symbol::Diamond:
                m_out += "<polygon points=\"" + num(c.x) + "," + num(c.y - h) + " " + num(c.x + h) + "," +
                         num(c.y) + " " + num(c.x) + "," + num(c.y + h) + " " + num(c.x - h) + "," +
                         num(c.y) + "\"";
                m_out += attributes;
                m_out += "/>\n";
                break;
        }
    }
    // The deceased X inside a symbol.
    void cross(Symbol shape, Vec2 c, float s, std::string_view attributes) {
        const float k = shape == Symbol::Square ? 0.5f : shape == Symbol::Circle ? 0.354f : 0.25f;
        const float d = s * k;
        line({c.x - d, c.y - d}, {c.x + d, c.y + d}, attributes);
        line({c.x - d, c.y + d}, {c.x + d, c.y - d}, attributes);
    }
    // Separation slashes across a horizontal line at c: one, or two for a divorce.
    void slashes(Vec2 c, int count, std::string_view attributes) {
        for (int i = 0; i < count; ++i) {
            const float dx = count == 1 ? 0.0f : (i == 0 ? -3.5f : 3.5f);
            line({c.x + dx - 3.5f, c.y + 6}, {c.x + dx + 3.5f, c.y - 6}, attributes);
        }
    }
    void open_group(std::string_view attributes) {
        m_out += "<g";
        m_out += attributes;
        m_out += ">\n";
    }
    void close_group() { m_out += "</g>\n"; }

private:
    std::string& m_out;
};

std::string stroke(const char* colour, float width) {
    return " stroke=\"" + std::string(colour) + "\" stroke-width=\"" + num(width) + "\"";
}

// [SECTION] Households

// A household's number in a small filled pill.
void badge(Svg& svg, Vec2 c, std::uint32_t number, float width, const HouseholdStyle& style) {
    svg.rect({c.x - width / 2, c.y - 6.5f, c.x + width / 2, c.y + 6.5f}, 6.5f,
             " fill=\"" + std::string(style.border) + "\"");
    svg.text({c.x, c.y + 3.5f}, std::to_string(number),
             " font-size=\"10\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#fff\"");
}

// The outlines, under everything else: other homes first, the index child's on top.
void draw_households(Svg& svg, const GenogramAt& at) {
    for (const bool focus : {false, true})
        for (const HouseholdAt& h : at.households) {
            if (h.focus != focus || h.outline.rects.empty()) continue;
            const HouseholdStyle& style = focus ? k_focus_home : k_other_home;
            svg.open_group(" class=\"household\"");
            const std::string border =
                " fill=\"" + std::string(style.border) + "\"" + stroke(style.border, 3.0f);
            const std::string fill = " fill=\"" + std::string(style.fill) + "\"";
            for (const std::string* attributes : {&border, &fill})
                for (const Rect& r : h.outline.rects)
                    svg.rect(r, std::min(9.0f, std::min(r.width(), r.height()) / 2), *attributes);
            svg.close_group();
        }
}

// Badges and tab labels, over the lines (a halo in the fill colour where a line passes).
void draw_household_labels(Svg& svg, const GenogramLayout& layout, const GenogramAt& at) {
    const float detail = layout.options.detail_size;
    for (const HouseholdAt& h : at.households) {
        if (h.outline.tab < 0) continue;
        const HouseholdStyle& style = h.focus ? k_focus_home : k_other_home;
        badge(svg, h.badge_at, h.number, h.badge_width, style);
        if (!h.tab_text.empty())
            svg.text(h.label_at, h.tab_text,
                     " font-size=\"" + num(detail) + "\" font-style=\"italic\" fill=\"" +
                         std::string(style.text) + "\" stroke=\"" + style.fill +
                         "\" stroke-width=\"4\" paint-order=\"stroke\"");
    }
}

// [SECTION] Lines

void draw_lines(Svg& svg, const GenogramLayout& layout, const GenogramAt& at) {
    const std::string ink = stroke(k_ink, k_stroke);
    const float detail = layout.options.detail_size;
    auto open = [&](bool faded, bool ghost) {
        if (faded || ghost)
            svg.open_group(" opacity=\"" + std::string(ghost ? k_ghost_opacity : k_faded_opacity) + "\"");
        return faded || ghost;
    };
    // Trunks and sibling bars, then child lines.
    for (const GenogramUnion& u : layout.unions) {
        if (!u.has_children) continue;
        const UnionAt& ua = at.unions[index_of(u.id)];
        bool all_faded = ua.faded;
        bool all_unborn = true;
        for (const GenogramChild& ch : layout.children) {
            if (ch.from != u.id || !ch.primary) continue;
            const PersonAt& pa = at.people[index_of(ch.child)];
            all_faded = all_faded && pa.faded;
            all_unborn = all_unborn && pa.life == LifeState::NotBorn;
        }
        const bool grouped = open(all_faded, all_unborn);
        const std::string style = ink + std::string(dashes(u.trunk));
        svg.line(u.hub, {u.hub.x, u.bar_y}, style);
        if (u.bar_x1 > u.bar_x0) svg.line({u.bar_x0, u.bar_y}, {u.bar_x1, u.bar_y}, style);
        if (u.kind == UnionKind::UnknownParents)
            svg.text({u.hub.x + 5, u.hub.y + 4}, "?",
                     " font-size=\"" + num(detail) + "\" fill=\"" + k_muted + "\"");
        if (grouped) svg.close_group();
    }
    for (const GenogramChild& ch : layout.children) {
        const PersonAt& pa = at.people[index_of(ch.child)];
        const bool grouped =
            open(pa.faded && at.unions[index_of(ch.from)].faded, pa.life == LifeState::NotBorn);
        std::string style = ink + std::string(dashes(ch.kind));
        if (ch.implied) style = stroke("#888", k_stroke) + std::string(dashes(ch.kind));
        svg.polyline(ch.path, style);
        if (grouped) svg.close_group();
    }
    // Partner lines, with slashes and dates.
    for (const GenogramUnion& u : layout.unions) {
        const UnionAt& ua = at.unions[index_of(u.id)];
        if (u.path.empty() || ua.state == UnionState::NotYet) continue;
        const bool grouped = open(ua.faded, false);
        svg.polyline(u.path, ink);
        if (ua.state == UnionState::Separated) svg.slashes(u.mark, 1, ink);
        if (ua.state == UnionState::Divorced) svg.slashes(u.mark, 2, ink);
        if (!ua.dates.empty())
            svg.text(u.dates_at, ua.dates,
                     " font-size=\"" + num(detail) + "\" text-anchor=\"middle\" fill=\"" + k_muted +
                         "\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"");
        if (grouped) svg.close_group();
    }
}

// [SECTION] People

void draw_person(Svg& svg, const GenogramLayout& layout, const GenogramPerson& gp, const PersonAt& pa) {
    const bool ghost = pa.life == LifeState::NotBorn;
    if (pa.faded || ghost)
        svg.open_group(" opacity=\"" + std::string(ghost ? k_ghost_opacity : k_faded_opacity) + "\"");
    const std::string outline = " fill=\"#fff\"" + stroke(k_ink, ghost ? 1.2f : 1.8f) +
                                (ghost ? std::string(" stroke-dasharray=\"4 3\"") : std::string());
    svg.symbol(gp.symbol, gp.centre, gp.size, outline);
    if (gp.index_child) svg.symbol(gp.symbol, gp.centre, gp.size - 9, " fill=\"none\"" + stroke(k_ink, 1.8f));
    if (pa.life == LifeState::Dead) svg.cross(gp.symbol, gp.centre, gp.size, stroke(k_ink, 1.6f));
    const GenogramOptions& o = layout.options;
    std::string name_style =
        " font-size=\"" + num(o.name_size) + "\" text-anchor=\"middle\" fill=\"" + k_ink + "\"";
    if (gp.index_child) name_style += " font-weight=\"bold\"";
    svg.text(gp.name_at, pa.label, name_style);
    if (!gp.dates.empty())
        svg.text(gp.dates_at, gp.dates,
                 " font-size=\"" + num(o.detail_size) + "\" text-anchor=\"middle\" fill=\"" + k_muted + "\"");
    if (pa.faded || ghost) svg.close_group();
}

// [SECTION] Legend

// "1  Eastmere: Cannon Street flat: Dana, Skye, Riley", one line per household; its height.
float draw_key(Svg& svg, const GenogramLayout& layout, const GenogramAt& at, float x0, float y0,
               float width) {
    if (at.households.empty()) return 0;
    const float size = layout.options.detail_size + 0.5f;
    const float line_height = 19;
    const float top = y0 + 12;
    svg.text({x0, top}, "Households on " + format_day(at.day),
             " font-size=\"" + num(size) + "\" font-weight=\"bold\" fill=\"" + std::string(k_muted) + "\"");
    // As many columns as the width allows, filled top to bottom.
    std::vector<std::string> lines;
    float widest = 0;
    for (const HouseholdAt& h : at.households) {
        // Members as they stand in the drawing: top row first, left to right.
        std::vector<PersonId> members = h.household.members;
        std::sort(members.begin(), members.end(), [&](PersonId a, PersonId b) {
            const Vec2 pa = layout.person(a).centre;
            const Vec2 pb = layout.person(b).centre;
            return pa.y != pb.y ? pa.y < pb.y : pa.x < pb.x;
        });
        std::string words = h.label + ": ";
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i) words += ", ";
            words += layout.person(members[i]).name;
        }
        widest = std::max(widest, 25 + measure(layout, words, size) + 24);
        lines.push_back(std::move(words));
    }
    const auto columns = static_cast<std::size_t>(std::max(1.0f, std::floor(width / widest)));
    const std::size_t per_column = (lines.size() + columns - 1) / columns;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const HouseholdAt& h = at.households[i];
        const float x = x0 + static_cast<float>(i / per_column) * widest;
        const float y = top + line_height * static_cast<float>(i % per_column + 1);
        badge(svg, {x + h.badge_width / 2, y - 4}, h.number, h.badge_width,
              h.focus ? k_focus_home : k_other_home);
        svg.text({x + 25, y}, lines[i],
                 " font-size=\"" + num(size) + "\" fill=\"" + std::string(k_ink) + "\"");
    }
    return line_height * static_cast<float>(per_column) + 22;
}

// One legend item: an icon drawn in a 30 x 20 box at x, then its words.
struct LegendItem {
    std::string words;
    void (*icon)(Svg&, Vec2);  // draws centred at the point
};

void icon_male(Svg& s, Vec2 c) {
    s.symbol(Symbol::Square, c, 14, " fill=\"#fff\"" + stroke(k_ink, 1.4f));
}
void icon_female(Svg& s, Vec2 c) {
    s.symbol(Symbol::Circle, c, 14, " fill=\"#fff\"" + stroke(k_ink, 1.4f));
}
void icon_unknown(Svg& s, Vec2 c) {
    s.symbol(Symbol::Diamond, c, 15, " fill=\"#fff\"" + stroke(k_ink, 1.4f));
}
void icon_dead(Svg& s, Vec2 c) {
    icon_male(s, c);
    s.cross(Symbol::Square, c, 14, stroke(k_ink, 1.3f));
}
void icon_index(Svg& s, Vec2 c) {
    icon_male(s, c);
    s.symbol(Symbol::Square, c, 9, " fill=\"none\"" + stroke(k_ink, 1.4f));
}
void icon_partners(Svg& s, Vec2 c) {
    s.line({c.x - 12, c.y}, {c.x + 12, c.y}, stroke(k_ink, k_stroke));
}
void icon_separated(Svg& s, Vec2 c) {
    icon_partners(s, c);
    s.slashes(c, 1, stroke(k_ink, k_stroke));
}
void icon_divorced(Svg& s, Vec2 c) {
    icon_partners(s, c);
    s.slashes(c, 2, stroke(k_ink, k_stroke));
}
void icon_child_line(Svg& s, Vec2 c, ParentKind k) {
    s.polyline(std::array<Vec2, 3>{Vec2{c.x - 10, c.y - 8}, Vec2{c.x - 10, c.y + 2}, Vec2{c.x + 12, c.y + 2}},
               stroke(k_ink, k_stroke) + std::string(dashes(k)));
}
void icon_birth(Svg& s, Vec2 c) {
    icon_child_line(s, c, ParentKind::Birth);
}
void icon_step(Svg& s, Vec2 c) {
    icon_child_line(s, c, ParentKind::Step);
}
void icon_adoptive(Svg& s, Vec2 c) {
    icon_child_line(s, c, ParentKind::Adoptive);
}
void icon_foster(Svg& s, Vec2 c) {
    icon_child_line(s, c, ParentKind::Foster);
}
void icon_home(Svg& s, Vec2 c, const HouseholdStyle& st) {
    s.rect({c.x - 12, c.y - 8, c.x + 12, c.y + 8}, 5,
           " fill=\"" + std::string(st.fill) + "\"" + stroke(st.border, 1.5f));
}
void icon_focus_home(Svg& s, Vec2 c) {
    icon_home(s, c, k_focus_home);
}
void icon_other_home(Svg& s, Vec2 c) {
    icon_home(s, c, k_other_home);
}
void icon_faded(Svg& s, Vec2 c) {
    s.open_group(" opacity=\"" + std::string(k_faded_opacity) + "\"");
    icon_female(s, c);
    s.close_group();
}
void icon_unborn(Svg& s, Vec2 c) {
    s.open_group(" opacity=\"" + std::string(k_ghost_opacity) + "\"");
    s.symbol(Symbol::Square, c, 14, " fill=\"#fff\"" + stroke(k_ink, 1.2f) + " stroke-dasharray=\"3 2\"");
    s.close_group();
}

// The legend's items: the basics always, the rest when the drawing has them.
std::vector<LegendItem> legend_items(const GenogramLayout& layout, const GenogramAt& at) {
    bool unknown_sex = false, dead = false, unborn = false, separated = false, divorced = false, step = false,
         adoptive = false, foster = false, other_home = false, focus_home = false, faded = false;
    for (std::size_t p = 0; p < layout.people.size(); ++p) {
        unknown_sex = unknown_sex || layout.people[p].symbol == Symbol::Diamond;
        dead = dead || at.people[p].life == LifeState::Dead;
        unborn = unborn || at.people[p].life == LifeState::NotBorn;
        faded = faded || at.people[p].faded;
    }
    for (const UnionAt& u : at.unions) {
        separated = separated || u.state == UnionState::Separated;
        divorced = divorced || u.state == UnionState::Divorced;
    }
    for (const GenogramChild& ch : layout.children) {
        step = step || ch.kind == ParentKind::Step;
        adoptive = adoptive || ch.kind == ParentKind::Adoptive;
        foster = foster || ch.kind == ParentKind::Foster;
    }
    for (const HouseholdAt& h : at.households) (h.focus ? focus_home : other_home) = true;
    std::vector<LegendItem> items{{"male", icon_male}, {"female", icon_female}};
    if (unknown_sex) items.push_back({"sex not recorded", icon_unknown});
    items.push_back({"index child", icon_index});
    if (dead) items.push_back({"died", icon_dead});
    if (unborn) items.push_back({"not yet born", icon_unborn});
    items.push_back({"partners (years)", icon_partners});
    if (separated) items.push_back({"separated", icon_separated});
    if (divorced) items.push_back({"divorced", icon_divorced});
    items.push_back({"child", icon_birth});
    if (step) items.push_back({"step-child", icon_step});
    if (adoptive) items.push_back({"adopted", icon_adoptive});
    if (foster) items.push_back({"fostered", icon_foster});
    if (focus_home) items.push_back({"index child's household", icon_focus_home});
    if (other_home) items.push_back({"other household", icon_other_home});
    if (faded) items.push_back({"outside the index child's household", icon_faded});
    return items;
}

// Lays the items out in lines no wider than `width`; returns the legend's height.
float draw_legend(Svg& svg, const GenogramLayout& layout, const std::vector<LegendItem>& items, float x0,
                  float y0, float width) {
    const float size = layout.options.detail_size + 0.5f;
    const float line_height = 24;
    float x = x0;
    float y = y0 + line_height / 2;
    for (const LegendItem& item : items) {
        const float w = 34 + measure(layout, item.words, size) + 18;
        if (x > x0 && x + w > x0 + width) {
            x = x0;
            y += line_height;
        }
        item.icon(svg, {x + 14, y});
        svg.text({x + 34, y + size * 0.36f}, item.words,
                 " font-size=\"" + num(size) + "\" fill=\"" + k_muted + "\"");
        x += w;
    }
    return y - y0 + line_height / 2;
}

}  // namespace

// [SECTION] write_genogram_svg

void write_genogram_svg(const Case& c, const GenogramLayout& layout, const GenogramAt& at, std::string& out) {
    const Rect& b = layout.bounds;
    const GenogramOptions& o = layout.options;
    const std::string title = (c.info.title.empty() ? std::string("Genogram") : c.info.title + ": genogram") +
                              " at " + format_day(at.day);
    const std::string subtitle =
        "Households from the residences recorded for that day. Faded: outside the index "
        "child's household.";
    const float margin = o.margin;
    const float width = std::max(
        {b.width(), measure(layout, title, 17) + 2 * margin, measure(layout, subtitle, 11) + 2 * margin});
    const std::vector<LegendItem> items = legend_items(layout, at);

    // The key's and legend's heights are known only once laid out: draw them aside first.
    std::string legend;
    Svg legend_svg(legend);
    const float key_top = k_header + b.height();
    const float key_height = draw_key(legend_svg, layout, at, margin, key_top, width - 2 * margin);
    const float legend_top = key_top + key_height + (key_height > 0 ? 12 : 0);
    const float legend_height =
        draw_legend(legend_svg, layout, items, margin, legend_top, width - 2 * margin);
    const float height = legend_top + legend_height + margin / 2;

    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) + "\" height=\"" + num(height) +
           "\" viewBox=\"0 0 " + num(width) + " " + num(height) + "\" font-family=\"" + k_font + "\">\n";
    out += "<title>";
    detail::append_xml_text(out, title);
    out += "</title>\n";
    Svg svg(out);
    svg.rect({0, 0, width, height}, 0, " fill=\"#fff\"");
    svg.text({margin, 30}, title,
             " font-size=\"17\" font-weight=\"bold\" fill=\"" + std::string(k_ink) + "\"");
    svg.text({margin, 48}, subtitle, " font-size=\"11\" fill=\"" + std::string(k_muted) + "\"");
    // Centre a narrow drawing under a wider title or legend.
    const float dx = (width - b.width()) / 2 - b.x0;
    svg.open_group(" transform=\"translate(" + num(dx) + " " + num(k_header - b.y0) + ")\"");
    draw_households(svg, at);
    draw_lines(svg, layout, at);
    draw_household_labels(svg, layout, at);
    for (std::size_t p = 0; p < layout.people.size(); ++p)
        draw_person(svg, layout, layout.people[p], at.people[p]);
    svg.close_group();
    svg.line({margin, key_top - 6}, {width - margin, key_top - 6}, stroke("#ddd", 1));
    out += legend;
    out += "</svg>\n";
}

}  // namespace sightline::formats
