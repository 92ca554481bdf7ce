// The integrated timeline as a picture, drawn from the engine's timeline model as the viewer
// draws it (the same lanes, colours, markers and folds), for documents and the viewer's export.
//
// [SECTION] Colours and geometry
// [SECTION] Marks
// [SECTION] timeline_picture
#include <algorithm>
#include <array>
#include <cmath>

#include "sightline/engine/genogram.hpp"
#include "sightline/engine/palette.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// [SECTION] Colours and geometry

// The colours the viewer draws with (engine/palette.hpp), so a picture looks like the screen.
using namespace sightline::engine::palette;
constexpr std::uint32_t k_muted = 0x5D6D7E;  // a little darker than the screen's grey, for paper
constexpr std::uint32_t k_dark_red = k_retrospective;

constexpr float k_label_width = 230;  // lane labels
constexpr float k_title_height = 34;
constexpr float k_axis_height = 50;   // tick labels, then the episodes' bar
constexpr float k_episode_bar_y = 36;
constexpr float k_child_height = 26;
constexpr float k_findings_height = 22;
constexpr float k_group_height = 20;
constexpr float k_lane_height = 20;
constexpr float k_text = 11;          // label size
constexpr float k_min_px = 3;         // marks closer than this fold
constexpr float k_max_fold_px = 48;   // a fold is at most this wide

Paint fill(std::uint32_t colour, float opacity = 1) {
    Paint p;
    p.fill = colour;
    p.opacity = opacity;
    return p;
}
Paint line_paint(std::uint32_t colour, float width, float opacity = 1) {
    Paint p;
    p.stroke = colour;
    p.stroke_width = width;
    p.opacity = opacity;
    return p;
}
TextStyle text(std::uint32_t colour, float size = k_text, Anchor anchor = Anchor::Start) {
    TextStyle t;
    t.size = size;
    t.colour = colour;
    t.anchor = anchor;
    return t;
}

float width_of(std::string_view s, float size = k_text) { return estimate_text_width(s, size); }

// Text cut to fit a width: whole, or its first words and an ellipsis, or nothing.
std::string fit(const std::string& s, float width, float size = k_text) {
    if (width_of(s, size) <= width) return s;
    for (std::size_t end = s.rfind(' '); end != std::string::npos && end > 0; end = s.rfind(' ', end - 1)) {
        std::string cut = s.substr(0, end) + "\xE2\x80\xA6";
        if (width_of(cut, size) <= width) return cut;
    }
    return {};
}

struct Frame {
    float x0 = 0, x1 = 0;   // plot, picture units
    double v0 = 0, v1 = 1;  // local seconds
    double per_s = 1;       // units per second
    [[nodiscard]] float x(double t) const { return x0 + static_cast<float>((t - v0) * per_s); }
    [[nodiscard]] bool visible(double t0, double t1) const { return t1 >= v0 && t0 <= v1; }
    [[nodiscard]] float clamp(float x) const { return std::clamp(x, x0, x1); }
};

// [SECTION] Marks

void diamond(Picture& p, Vec2 c, float r, std::uint32_t colour) {
    const std::array<Vec2, 4> pts{Vec2{c.x, c.y - r}, Vec2{c.x + r, c.y}, Vec2{c.x, c.y + r}, Vec2{c.x - r, c.y}};
    p.polygon(pts, fill(colour));
}

// One entry's marker, as the viewer's draw_marker: shape and fill say whether the child was seen.
void marker(Picture& p, Vec2 c, MarkStyle s, std::uint32_t colour) {
    switch (s) {
        case MarkStyle::SeenAlone:
            diamond(p, c, 7.0f, k_ink);
            diamond(p, c, 5.0f, colour);
            break;
        case MarkStyle::Seen: diamond(p, c, 5.5f, colour); break;
        case MarkStyle::NotSeen:
            diamond(p, c, 6.0f, colour);
            diamond(p, c, 3.2f, 0xFFFFFF);
            break;
        case MarkStyle::NotRecorded: p.rect({c.x - 3, c.y - 3, c.x + 3, c.y + 3}, fill(colour, 0.6f)); break;
        case MarkStyle::Family: {
            const std::array<Vec2, 3> pts{Vec2{c.x, c.y - 5}, Vec2{c.x + 5, c.y + 4}, Vec2{c.x - 5, c.y + 4}};
            p.polygon(pts, fill(0x95A5A6));
            break;
        }
        case MarkStyle::Retrospective: p.circle(c, 5.5f, line_paint(k_dark_red, 2)); break;
    }
}

void draw_track(Picture& p, const Frame& f, const Track& track, std::uint32_t colour, float cy, bool spans,
                std::vector<Mark>& marks) {
    const auto min_gap = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(k_min_px / f.per_s)));
    const auto max_fold = std::max<std::int64_t>(min_gap, static_cast<std::int64_t>(k_max_fold_px / f.per_s));
    visible_marks(track, static_cast<std::int64_t>(f.v0), static_cast<std::int64_t>(f.v1), min_gap, marks, max_fold);
    for (const Mark& m : marks) {
        const float xa = f.clamp(f.x(static_cast<double>(m.t0)));
        const float xb = f.clamp(f.x(static_cast<double>(m.t1)));
        if (m.count > 1) {
            // A fold: a block with its count.
            const float right = std::max(xb, xa + 2) + 1;
            p.rect({xa - 1, cy - 6, right, cy + 6}, fill(colour, 0.5f), 2);
            const std::string n = std::to_string(m.count);
            if (right - xa > width_of(n, 9) + 4) p.text({(xa + right) / 2, cy + 3.2f}, n, text(0xFFFFFF, 9, Anchor::Middle));
            continue;
        }
        float cx = xa;
        if (spans || m.ranged) {
            // An uncertain date: drawn across everything it could be.
            p.rect({xa, cy - 3, std::max(xb, xa + 2), cy + 3}, fill(colour, 0.3f), 2);
            cx = (xa + xb) / 2;
        }
        marker(p, {cx, cy}, m.style, colour);
    }
}

}  // namespace

// [SECTION] timeline_picture

Picture timeline_picture(const Case& c, const TimelineModel& model, const TimelineOverlays& overlays,
                         const TimelineView& view) {
    Frame f;
    f.v0 = static_cast<double>(view.v0);
    f.v1 = static_cast<double>(view.v1);
    if (view.v1 <= view.v0) {
        // The whole case, with a margin of a fiftieth either side.
        const double span = std::max<double>(static_cast<double>(model.t_max - model.t_min), k_seconds_per_day);
        f.v0 = static_cast<double>(model.t_min) - span / 50;
        f.v1 = static_cast<double>(model.t_max) + span / 50;
    }
    const float width = std::max(view.width, k_label_width + 200);
    f.x0 = k_label_width;
    f.x1 = width - 12;
    f.per_s = static_cast<double>(f.x1 - f.x0) / (f.v1 - f.v0);

    // Rows' heights first: the picture's height follows from them.
    const float top = view.title.empty() ? 4 : k_title_height;
    float lanes = 0;
    {
        std::string group;
        for (const Lane& lane : model.lanes) {
            if (lane.group != group || lanes == 0) lanes += k_group_height;
            group = lane.group;
            lanes += k_lane_height;
        }
    }
    const float axis_bottom = top + k_axis_height;
    const float lanes_top = axis_bottom + static_cast<float>(overlays.children.size()) * k_child_height + k_findings_height;
    const float bottom = lanes_top + lanes;
    const float key_top = bottom + 14;
    const float height = key_top + 48;

    std::string title = view.title.empty() ? c.info.title + ": timeline" : view.title;
    Picture p(width, height, title);
    if (!view.title.empty()) {
        TextStyle t = text(k_ink, 16);
        t.bold = true;
        p.text({8, 24}, view.title, t);
    }
    p.rect({0, top, k_label_width, bottom}, fill(0xF2F3F4));

    // Axis ticks and grid.
    for (const Tick& t : axis_ticks(static_cast<std::int64_t>(f.v0), static_cast<std::int64_t>(f.v1), f.x1 - f.x0)) {
        const float x = f.x(static_cast<double>(t.t));
        if (x < f.x0 || x > f.x1) continue;
        p.line({x, axis_bottom - (t.major ? 12.0f : 7.0f)}, {x, bottom}, line_paint(0xD0D3D4, 1, t.major ? 0.8f : 0.45f));
        if (x + width_of(t.label) < f.x1) p.text({x + 3, top + 16}, t.label, text(t.major ? k_ink : k_muted));
    }
    p.line({f.x0, axis_bottom}, {f.x1, axis_bottom}, line_paint(0xAAB7B8, 1));

    // Gaps in all contact, shaded across every row.
    for (const Band& g : overlays.gaps) {
        if (!f.visible(static_cast<double>(g.t0), static_cast<double>(g.t1))) continue;
        const float xa = f.clamp(f.x(static_cast<double>(g.t0))), xb = f.clamp(f.x(static_cast<double>(g.t1)));
        p.rect({xa, axis_bottom, xb, bottom}, fill(k_gap, 0.45f));
        const std::string label = std::to_string(seconds_day(g.t1) - seconds_day(g.t0)) + " days, no contact";
        if (xb - xa > width_of(label, 10) + 6) p.text({xa + 3, bottom - 5}, label, text(0x616A6B, 10));
    }
    // Key practice episodes: a faint band across every row, and a bar with the title.
    for (const EpisodeSpan& ep : overlays.episodes) {
        if (!f.visible(static_cast<double>(ep.t0), static_cast<double>(ep.t1))) continue;
        const float xa = f.clamp(f.x(static_cast<double>(ep.t0))), xb = f.clamp(f.x(static_cast<double>(ep.t1)));
        p.rect({xa, axis_bottom, xb, bottom}, fill(k_episode, 0.13f));
        p.rect({xa, top + k_episode_bar_y, std::max(xb, xa + 2), top + k_episode_bar_y + 4}, fill(k_episode, 0.82f), 2);
        const std::string label = fit(ep.label, xb - xa - 6, 10);
        if (!label.empty()) p.text({xa + 3, top + k_episode_bar_y - 3}, label, text(k_episode, 10));
    }

    // A "seen" lane per index child: unseen periods as red bands, sightings as green ticks.
    float y = axis_bottom;
    for (const ChildLane& lane : overlays.children) {
        const float cy = y + k_child_height / 2;
        p.text({6, cy + 4}, fit(lane.label, k_label_width - 10), text(k_ink));
        for (const Band& b : lane.unseen) {
            if (!f.visible(static_cast<double>(b.t0), static_cast<double>(b.t1))) continue;
            const float xa = f.clamp(f.x(static_cast<double>(b.t0))), xb = f.clamp(f.x(static_cast<double>(b.t1)));
            p.rect({xa, cy - 7, xb, cy + 7}, fill(k_concern, 0.35f), 2);
            const std::string days = std::to_string(seconds_day(b.t1) - seconds_day(b.t0)) + " days unseen";
            if (xb - xa > width_of(days, 10) + 6) p.text({xa + 4, cy + 4}, days, text(k_dark_red, 10));
        }
        float last = -1e9f;
        for (const std::int64_t t : lane.sightings) {
            const float x = f.x(static_cast<double>(t));
            if (x < f.x0 || x > f.x1 || x - last < 1.5f) continue;  // one tick per pixel column
            last = x;
            p.rect({x - 1, cy - 7, x + 1.5f, cy + 7}, fill(k_ok));
        }
        y += k_child_height;
    }

    // Findings of concern as small red flags.
    {
        const float cy = y + k_findings_height / 2;
        p.text({6, cy + 4}, "Findings", text(k_dark_red));
        float last = -1e9f;
        for (const FindingMarker& m : overlays.markers) {
            const float x = f.x(static_cast<double>(m.t));
            if (x < f.x0 || x > f.x1 || x - last < 4) continue;
            last = x;
            const std::array<Vec2, 3> pts{Vec2{x, cy - 6}, Vec2{x + 6, cy + 5}, Vec2{x - 6, cy + 5}};
            p.polygon(pts, fill(k_concern));
        }
    }
    p.line({0, lanes_top}, {f.x1, lanes_top}, line_paint(0xAAB7B8, 1));

    // Agency lanes under their area (or kind).
    y = lanes_top;
    std::string group;
    std::vector<Mark> marks;
    bool first = true;
    for (const Lane& lane : model.lanes) {
        if (lane.group != group || first) {
            group = lane.group;
            first = false;
            p.rect({0, y, f.x1, y + k_group_height}, fill(0xE5E8E8));
            p.text({6, y + 14}, group.empty() ? std::string("(no area)") : group, text(0x34495E));
            y += k_group_height;
        }
        const float cy = y + k_lane_height / 2;
        p.rect({4, cy - 5, 10, cy + 5}, fill(lane.colour));
        p.text({15, cy + 4}, fit(lane.label, k_label_width - 20), text(k_ink));
        draw_track(p, f, lane.spans, lane.colour, cy, true, marks);
        draw_track(p, f, lane.days, lane.colour, cy, false, marks);
        p.line({f.x0, y + k_lane_height}, {f.x1, y + k_lane_height}, line_paint(0xE5E7E9, 1));
        y += k_lane_height;
    }

    // Moves: a line down every row, and a card naming the move and the agencies that did not
    // follow; cards that would overlap stack downwards.
    std::vector<Rect> cards;
    const float line_h = 14;
    for (const MoveLine& m : overlays.moves) {
        const float x = f.x(static_cast<double>(m.t));
        if (x < f.x0 || x > f.x1) continue;
        p.line({x, axis_bottom}, {x, bottom}, line_paint(k_move, 2, 0.8f));
        float w = width_of(m.label, 10);
        for (const std::string& l : m.not_followed) w = std::max(w, width_of(l, 10));
        w += 10;
        const float h = line_h * static_cast<float>(1 + m.not_followed.size()) + 6;
        const float cx = x + 4 + w > f.x1 ? x - 4 - w : x + 4;
        float cy = lanes_top + 4;
        for (bool moved = true; moved;) {
            moved = false;
            for (const Rect& r : cards)
                if (cx < r.x1 && cx + w > r.x0 && cy < r.y1 && cy + h > r.y0) {
                    cy = r.y1 + 3;
                    moved = true;
                }
        }
        cards.push_back({cx, cy, cx + w, cy + h});
        p.rect({cx, cy, cx + w, cy + h}, fill(0xFDEDEC, 0.94f), 3);
        p.rect({cx, cy, cx + w, cy + line_h + 3}, fill(k_move), 3);
        p.text({cx + 5, cy + 12}, m.label, text(0xFFFFFF, 10));
        float ly = cy + line_h + 14;
        for (const std::string& l : m.not_followed) {
            p.text({cx + 5, ly}, l, text(k_dark_red, 10));
            ly += line_h;
        }
    }
    if (view.cursor >= 0 && f.visible(static_cast<double>(view.cursor), static_cast<double>(view.cursor))) {
        const float x = f.x(static_cast<double>(view.cursor));
        p.line({x, top}, {x, bottom}, line_paint(k_cursor, 1.5f, 0.86f));
        const std::string label = format_day(seconds_day(view.cursor));
        const float w = width_of(label, 10) + 8;
        p.rect({x - w / 2, axis_bottom - 16, x + w / 2, axis_bottom}, fill(k_cursor), 3);
        p.text({x, axis_bottom - 4}, label, text(0xFFFFFF, 10, Anchor::Middle));
    }

    // The key: what the marks and bands mean.
    float kx = 8;
    const float ky = key_top + 10;
    const auto key = [&](const std::string& words, auto icon) {
        const float w = 22 + width_of(words, 10) + 16;
        if (kx + w > width) return;
        icon(Vec2{kx + 8, ky});
        p.text({kx + 20, ky + 4}, words, text(k_muted, 10));
        kx += w;
    };
    for (const MarkStyle s : {MarkStyle::SeenAlone, MarkStyle::Seen, MarkStyle::NotSeen, MarkStyle::NotRecorded,
                              MarkStyle::Family, MarkStyle::Retrospective})
        key(std::string(label(s)), [&](Vec2 at) { marker(p, at, s, 0x5D6D7E); });
    kx = 8;
    const float ky2 = ky + 22;
    const auto key2 = [&](const std::string& words, auto icon) {
        const float w = 22 + width_of(words, 10) + 16;
        if (kx + w > width) return;
        icon(Vec2{kx + 8, ky2});
        p.text({kx + 20, ky2 + 4}, words, text(k_muted, 10));
        kx += w;
    };
    key2("entries too close to tell apart (count)", [&](Vec2 at) { p.rect({at.x - 8, at.y - 6, at.x + 8, at.y + 6}, fill(0x5D6D7E, 0.5f), 2); });
    key2("professional saw the child", [&](Vec2 at) { p.rect({at.x - 1, at.y - 7, at.x + 1.5f, at.y + 7}, fill(k_ok)); });
    key2("unseen past the threshold", [&](Vec2 at) { p.rect({at.x - 8, at.y - 6, at.x + 8, at.y + 6}, fill(k_concern, 0.35f), 2); });
    key2("finding of concern", [&](Vec2 at) {
        const std::array<Vec2, 3> pts{Vec2{at.x, at.y - 6}, Vec2{at.x + 6, at.y + 5}, Vec2{at.x - 6, at.y + 5}};
        p.polygon(pts, fill(k_concern));
    });
    key2("no contact by any agency", [&](Vec2 at) { p.rect({at.x - 8, at.y - 6, at.x + 8, at.y + 6}, fill(k_gap, 0.9f)); });
    key2("key practice episode", [&](Vec2 at) { p.rect({at.x - 8, at.y - 6, at.x + 8, at.y + 6}, fill(k_episode, 0.3f)); });
    key2("move between areas", [&](Vec2 at) { p.line({at.x, at.y - 7}, {at.x, at.y + 7}, line_paint(k_move, 2)); });
    return p;
}

}  // namespace sightline::formats
