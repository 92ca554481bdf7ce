// The genogram at a date as a picture (SVG for a report or the `genogram` command, PNG for Word).
//
// [SECTION] Text and numbers
// [SECTION] Styles
// [SECTION] Households
// [SECTION] Lines
// [SECTION] People
// [SECTION] Legend
// [SECTION] genogram_picture
//
// Drawing order: households (other homes, then the index child's) under lines under people.
// A household outline is its rectangles drawn twice, first in the border colour grown by the
// border width, then in the fill colour: overlapping rectangles merge into one shape with
// one border. People outside the index child's household, and those not yet born, are drawn
// at a lower opacity.
#include <algorithm>
#include <array>
#include <cmath>
#include <span>
#include <string_view>
#include <vector>

#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// [SECTION] Text and numbers

// Width of a text in the layout's measure.
float measure(const GenogramLayout& layout, std::string_view text, float size) {
    return layout.options.measure ? layout.options.measure(text, size) : estimate_text_width(text, size);
}

// [SECTION] Styles

constexpr std::uint32_t k_ink = 0x222222;
constexpr std::uint32_t k_muted = 0x555555;
constexpr std::uint32_t k_white = 0xFFFFFF;
constexpr float k_faded_opacity = 0.4f;
constexpr float k_ghost_opacity = 0.4f;
constexpr float k_stroke = 1.6f;
constexpr float k_header = 58;  // title and subtitle above the drawing

struct HouseholdStyle {
    std::uint32_t border;
    std::uint32_t fill;
    std::uint32_t text;
};
constexpr HouseholdStyle k_focus_home{0x2f6db5, 0xe4eefa, 0x1f4f8a};
constexpr HouseholdStyle k_other_home{0x9a9a9a, 0xf2f2f2, 0x5a5a5a};

// A child line's pattern: birth solid, step dashed, adoptive dotted, foster dash-dot.
Dash dashes(ParentKind k) {
    switch (k) {
        case ParentKind::Birth: return Dash::Solid;
        case ParentKind::Step: return Dash::Dashed;
        case ParentKind::Adoptive: return Dash::Dotted;
        case ParentKind::Foster: return Dash::DashDot;
    }
    return Dash::Solid;
}

Paint stroke(std::uint32_t colour, float width, Dash dash = Dash::Solid) {
    Paint p;
    p.stroke = colour;
    p.stroke_width = width;
    p.dash = dash;
    return p;
}
Paint filled(std::uint32_t colour) {
    Paint p;
    p.fill = colour;
    return p;
}
Paint outlined(std::uint32_t fill, std::uint32_t colour, float width, Dash dash = Dash::Solid) {
    Paint p = stroke(colour, width, dash);
    p.fill = fill;
    return p;
}
TextStyle text_style(float size, std::uint32_t colour, Anchor anchor = Anchor::Start) {
    TextStyle t;
    t.size = size;
    t.colour = colour;
    t.anchor = anchor;
    return t;
}

// Draws into a picture, with an opacity for what lies outside the index child's household.
class Pen {
public:
    explicit Pen(Picture& out) : m_out(out) {}

    // Every shape drawn until the next call is this opaque (1: fully).
    void set_opacity(float opacity) { m_opacity = opacity; }

    void line(Vec2 a, Vec2 b, Paint p) { m_out.line(a, b, faded(p)); }
    void polyline(std::span<const Vec2> points, Paint p) { m_out.polyline(points, faded(p)); }
    void rect(const Rect& r, float radius, Paint p) { m_out.rect(r, faded(p), radius); }
    void text(Vec2 at, std::string_view content, TextStyle t) {
        t.opacity *= m_opacity;
        m_out.text(at, content, t);
    }
    void circle(Vec2 c, float r, Paint p) { m_out.circle(c, r, faded(p)); }
    // A person's symbol centred at c, size s.
    void symbol(Symbol shape, Vec2 c, float s, Paint p) {
        const float h = s / 2;
        switch (shape) {
            case Symbol::Square:
                rect({c.x - h, c.y - h, c.x + h, c.y + h}, 0, p);
                break;
            case Symbol::Circle:
                circle(c, h, p);
                break;
            case Symbol::Diamond: {
                const std::array<Vec2, 4> points{Vec2{c.x, c.y - h}, Vec2{c.x + h, c.y}, Vec2{c.x, c.y + h}, Vec2{c.x - h, c.y}};
                m_out.polygon(points, faded(p));
                break;
            }
        }
    }
    // The deceased X inside a symbol.
    void cross(Symbol shape, Vec2 c, float s, Paint p) {
        const float k = shape == Symbol::Square ? 0.5f : shape == Symbol::Circle ? 0.354f : 0.25f;
        const float d = s * k;
        line({c.x - d, c.y - d}, {c.x + d, c.y + d}, p);
        line({c.x - d, c.y + d}, {c.x + d, c.y - d}, p);
    }
    // Separation slashes across a horizontal line at c: one, or two for a divorce.
    void slashes(Vec2 c, int count, Paint p) {
        for (int i = 0; i < count; ++i) {
            const float dx = count == 1 ? 0.0f : (i == 0 ? -3.5f : 3.5f);
            line({c.x + dx - 3.5f, c.y + 6}, {c.x + dx + 3.5f, c.y - 6}, p);
        }
    }

private:
    Paint faded(Paint p) const {
        p.opacity *= m_opacity;
        return p;
    }

    Picture& m_out;
    float m_opacity = 1;
};

// [SECTION] Households

// A household's number in a small filled pill.
void badge(Pen& pen, Vec2 c, std::uint32_t number, float width, const HouseholdStyle& style) {
    pen.rect({c.x - width / 2, c.y - 6.5f, c.x + width / 2, c.y + 6.5f}, 6.5f, filled(style.border));
    TextStyle t = text_style(10, k_white, Anchor::Middle);
    t.bold = true;
    pen.text({c.x, c.y + 3.5f}, std::to_string(number), t);
}

// The outlines, under everything else: other homes first, the index child's on top.
void draw_households(Pen& pen, const GenogramAt& at) {
    for (const bool focus : {false, true})
        for (const HouseholdAt& h : at.households) {
            if (h.focus != focus || h.outline.rects.empty()) continue;
            const HouseholdStyle& style = focus ? k_focus_home : k_other_home;
            const Paint border = outlined(style.border, style.border, 3.0f);
            const Paint fill = filled(style.fill);
            for (const Paint* paint : {&border, &fill})
                for (const Rect& r : h.outline.rects)
                    pen.rect(r, std::min(9.0f, std::min(r.width(), r.height()) / 2), *paint);
        }
}

// Badges and tab labels, over the lines (a halo in the fill colour where a line passes).
void draw_household_labels(Pen& pen, const GenogramLayout& layout, const GenogramAt& at) {
    const float detail = layout.options.detail_size;
    for (const HouseholdAt& h : at.households) {
        if (h.outline.tab < 0) continue;
        const HouseholdStyle& style = h.focus ? k_focus_home : k_other_home;
        badge(pen, h.badge_at, h.number, h.badge_width, style);
        if (h.tab_text.empty()) continue;
        TextStyle t = text_style(detail, style.text);
        t.italic = true;
        t.halo = style.fill;
        t.halo_width = 4;
        pen.text(h.label_at, h.tab_text, t);
    }
}

// [SECTION] Lines

void draw_lines(Pen& pen, const GenogramLayout& layout, const GenogramAt& at) {
    const float detail = layout.options.detail_size;
    const auto fade = [&](bool faded, bool ghost) {
        pen.set_opacity(ghost ? k_ghost_opacity : faded ? k_faded_opacity : 1.0f);
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
        fade(all_faded, all_unborn);
        const Paint style = stroke(k_ink, k_stroke, dashes(u.trunk));
        pen.line(u.hub, {u.hub.x, u.bar_y}, style);
        if (u.bar_x1 > u.bar_x0) pen.line({u.bar_x0, u.bar_y}, {u.bar_x1, u.bar_y}, style);
        if (u.kind == UnionKind::UnknownParents) pen.text({u.hub.x + 5, u.hub.y + 4}, "?", text_style(detail, k_muted));
    }
    for (const GenogramChild& ch : layout.children) {
        const PersonAt& pa = at.people[index_of(ch.child)];
        fade(pa.faded && at.unions[index_of(ch.from)].faded, pa.life == LifeState::NotBorn);
        pen.polyline(ch.path, stroke(ch.implied ? 0x888888 : k_ink, k_stroke, dashes(ch.kind)));
    }
    // Partner lines, with slashes and dates.
    for (const GenogramUnion& u : layout.unions) {
        const UnionAt& ua = at.unions[index_of(u.id)];
        if (u.path.empty() || ua.state == UnionState::NotYet) continue;
        fade(ua.faded, false);
        const Paint ink = stroke(k_ink, k_stroke);
        pen.polyline(u.path, ink);
        if (ua.state == UnionState::Separated) pen.slashes(u.mark, 1, ink);
        if (ua.state == UnionState::Divorced) pen.slashes(u.mark, 2, ink);
        if (!ua.dates.empty()) {
            TextStyle t = text_style(detail, k_muted, Anchor::Middle);
            t.halo = k_white;
            t.halo_width = 3;
            pen.text(u.dates_at, ua.dates, t);
        }
    }
    pen.set_opacity(1);
}

// [SECTION] People

void draw_person(Pen& pen, const GenogramLayout& layout, const GenogramPerson& gp, const PersonAt& pa) {
    const bool ghost = pa.life == LifeState::NotBorn;
    pen.set_opacity(ghost ? k_ghost_opacity : pa.faded ? k_faded_opacity : 1.0f);
    pen.symbol(gp.symbol, gp.centre, gp.size,
               outlined(k_white, k_ink, ghost ? 1.2f : 1.8f, ghost ? Dash::ShortDashed : Dash::Solid));
    if (gp.index_child) pen.symbol(gp.symbol, gp.centre, gp.size - 9, stroke(k_ink, 1.8f));
    if (pa.life == LifeState::Dead) pen.cross(gp.symbol, gp.centre, gp.size, stroke(k_ink, 1.6f));
    const GenogramOptions& o = layout.options;
    TextStyle name = text_style(o.name_size, k_ink, Anchor::Middle);
    name.bold = gp.index_child;
    pen.text(gp.name_at, pa.label, name);
    if (!gp.dates.empty()) pen.text(gp.dates_at, gp.dates, text_style(o.detail_size, k_muted, Anchor::Middle));
    pen.set_opacity(1);
}

// [SECTION] Legend

// "1  Eastmere: Cannon Street flat: Dana, Skye, Riley", one line per household; its height.
float draw_key(Pen& pen, const GenogramLayout& layout, const GenogramAt& at, float x0, float y0, float width) {
    if (at.households.empty()) return 0;
    const float size = layout.options.detail_size + 0.5f;
    const float line_height = 19;
    const float top = y0 + 12;
    TextStyle title = text_style(size, k_muted);
    title.bold = true;
    pen.text({x0, top}, "Households on " + format_day(at.day), title);
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
        badge(pen, {x + h.badge_width / 2, y - 4}, h.number, h.badge_width, h.focus ? k_focus_home : k_other_home);
        pen.text({x + 25, y}, lines[i], text_style(size, k_ink));
    }
    return line_height * static_cast<float>(per_column) + 22;
}

// One legend item: an icon drawn in a 30 x 20 box at x, then its words.
struct LegendItem {
    std::string words;
    void (*icon)(Pen&, Vec2);  // draws centred at the point
};

void icon_male(Pen& s, Vec2 c) { s.symbol(Symbol::Square, c, 14, outlined(k_white, k_ink, 1.4f)); }
void icon_female(Pen& s, Vec2 c) { s.symbol(Symbol::Circle, c, 14, outlined(k_white, k_ink, 1.4f)); }
void icon_unknown(Pen& s, Vec2 c) { s.symbol(Symbol::Diamond, c, 15, outlined(k_white, k_ink, 1.4f)); }
void icon_dead(Pen& s, Vec2 c) {
    icon_male(s, c);
    s.cross(Symbol::Square, c, 14, stroke(k_ink, 1.3f));
}
void icon_index(Pen& s, Vec2 c) {
    icon_male(s, c);
    s.symbol(Symbol::Square, c, 9, stroke(k_ink, 1.4f));
}
void icon_partners(Pen& s, Vec2 c) { s.line({c.x - 12, c.y}, {c.x + 12, c.y}, stroke(k_ink, k_stroke)); }
void icon_separated(Pen& s, Vec2 c) {
    icon_partners(s, c);
    s.slashes(c, 1, stroke(k_ink, k_stroke));
}
void icon_divorced(Pen& s, Vec2 c) {
    icon_partners(s, c);
    s.slashes(c, 2, stroke(k_ink, k_stroke));
}
void icon_child_line(Pen& s, Vec2 c, ParentKind k) {
    s.polyline(std::array<Vec2, 3>{Vec2{c.x - 10, c.y - 8}, Vec2{c.x - 10, c.y + 2}, Vec2{c.x + 12, c.y + 2}},
               stroke(k_ink, k_stroke, dashes(k)));
}
void icon_birth(Pen& s, Vec2 c) { icon_child_line(s, c, ParentKind::Birth); }
void icon_step(Pen& s, Vec2 c) { icon_child_line(s, c, ParentKind::Step); }
void icon_adoptive(Pen& s, Vec2 c) { icon_child_line(s, c, ParentKind::Adoptive); }
void icon_foster(Pen& s, Vec2 c) { icon_child_line(s, c, ParentKind::Foster); }
void icon_home(Pen& s, Vec2 c, const HouseholdStyle& st) {
    s.rect({c.x - 12, c.y - 8, c.x + 12, c.y + 8}, 5, outlined(st.fill, st.border, 1.5f));
}
void icon_focus_home(Pen& s, Vec2 c) { icon_home(s, c, k_focus_home); }
void icon_other_home(Pen& s, Vec2 c) { icon_home(s, c, k_other_home); }
void icon_faded(Pen& s, Vec2 c) {
    s.set_opacity(k_faded_opacity);
    icon_female(s, c);
    s.set_opacity(1);
}
void icon_unborn(Pen& s, Vec2 c) {
    s.set_opacity(k_ghost_opacity);
    s.symbol(Symbol::Square, c, 14, outlined(k_white, k_ink, 1.2f, Dash::ShortDashed));
    s.set_opacity(1);
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
float draw_legend(Pen& pen, const GenogramLayout& layout, const std::vector<LegendItem>& items, float x0, float y0,
                  float width) {
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
        item.icon(pen, {x + 14, y});
        pen.text({x + 34, y + size * 0.36f}, item.words, text_style(size, k_muted));
        x += w;
    }
    return y - y0 + line_height / 2;
}

}  // namespace

// [SECTION] genogram_picture

Picture genogram_picture(const Case& c, const GenogramLayout& layout, const GenogramAt& at) {
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
    const float key_top = k_header + b.height();

    Picture out(width, 0, title);
    Pen pen(out);
    TextStyle heading = text_style(17, k_ink);
    heading.bold = true;
    pen.text({margin, 30}, title, heading);
    pen.text({margin, 48}, subtitle, text_style(11, k_muted));
    // Centre a narrow drawing under a wider title or legend.
    out.set_offset({(width - b.width()) / 2 - b.x0, k_header - b.y0});
    draw_households(pen, at);
    draw_lines(pen, layout, at);
    draw_household_labels(pen, layout, at);
    for (std::size_t p = 0; p < layout.people.size(); ++p) draw_person(pen, layout, layout.people[p], at.people[p]);
    out.set_offset({});
    pen.line({margin, key_top - 6}, {width - margin, key_top - 6}, stroke(0xdddddd, 1));
    const float key_height = draw_key(pen, layout, at, margin, key_top, width - 2 * margin);
    const float legend_top = key_top + key_height + (key_height > 0 ? 12 : 0);
    const float legend_height = draw_legend(pen, layout, items, margin, legend_top, width - 2 * margin);
    out.set_size(width, legend_top + legend_height + margin / 2);
    return out;
}

void write_genogram_svg(const Case& c, const GenogramLayout& layout, const GenogramAt& at, std::string& out) {
    write_picture_svg(genogram_picture(c, layout, at), out);
}

}  // namespace sightline::formats
