// The timeline panel: axis, child-seen lanes, findings lane, agency lanes; zoom, pan, hover, select.
//
// [SECTION] Geometry of the frame
// [SECTION] Marks
// [SECTION] Rows
// [SECTION] Interaction
// [SECTION] Panel
#include <algorithm>
#include <cmath>
#include <optional>

#include "app.hpp"
#include "panels.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

using engine::Mark;
using engine::MarkStyle;

// [SECTION] Geometry of the frame

constexpr float k_label_width = 245;   // pixels for lane labels
constexpr float k_axis_height = 50;   // tick labels above, move labels and the cursor date below
constexpr float k_child_height = 26;
constexpr float k_episode_bar_y = 36;  // key practice episodes: the bar's top, under the tick labels
constexpr float k_findings_height = 22;
constexpr float k_group_height = 20;
constexpr float k_lane_height = 22;
constexpr float k_min_px = 3;          // marks closer than this fold
constexpr float k_max_fold_px = 48;    // a fold is at most this wide, so density stays visible

// Per-frame numbers computed once and passed around (as Tracy's TimelineContext).
struct Frame {
    ImDrawList* dl = nullptr;
    float x0 = 0, x1 = 0;              // plot area, screen pixels
    double v0 = 0, v1 = 1;             // visible time, local seconds
    double px_per_s = 1;
    std::int64_t min_gap = 1;          // seconds that k_min_px covers
    std::int64_t max_fold = 1;         // seconds that k_max_fold_px covers
    ImVec2 mouse;
    bool hovered = false;              // the panel is under the pointer
    [[nodiscard]] float x(double t) const { return x0 + static_cast<float>((t - v0) * px_per_s); }
    [[nodiscard]] double t(float px) const { return v0 + (px - x0) / px_per_s; }
};

std::string date_text(std::int64_t t) { return engine::format_day(engine::seconds_day(t)); }

// [SECTION] Marks


// Draws a track's visible marks in a row, noting in `hit` what is under the pointer.
struct Hit {
    std::int64_t entry = -1;          // chronology index
    std::optional<Mark> fold;         // a fold under the pointer
};

void draw_track(const Frame& f, const engine::Track& track, std::uint32_t colour, float cy, std::vector<Mark>& marks,
                const std::vector<std::uint32_t>* highlight, std::optional<std::uint32_t> selected, bool spans, Hit& hit,
                std::size_t& drawn) {
    engine::visible_marks(track, static_cast<std::int64_t>(f.v0), static_cast<std::int64_t>(f.v1), f.min_gap, marks, f.max_fold);
    drawn += marks.size();
    const bool row_hovered = f.hovered && std::abs(f.mouse.y - cy) < k_lane_height / 2;
    for (const Mark& m : marks) {
        const float xa = f.x(static_cast<double>(m.t0));
        const float xb = f.x(static_cast<double>(m.t1));
        if (m.count > 1) {
            // A fold: a bar with its count; never hidden, a click zooms into it.
            const ImVec2 a(xa - 1, cy - 6), b(std::max(xb, xa + 2) + 1, cy + 6);
            f.dl->AddRectFilled(a, b, rgb(colour, 120), 2.0f);
            const std::string n = std::to_string(m.count);
            const ImVec2 size = ImGui::CalcTextSize(n.c_str());
            if (b.x - a.x > size.x + 4)
                f.dl->AddText(ImVec2((a.x + b.x - size.x) / 2, cy - size.y / 2), rgb(0xFFFFFF), n.c_str());
            if (row_hovered && f.mouse.x >= a.x - 2 && f.mouse.x <= b.x + 2) hit.fold = m;
            continue;
        }
        const std::uint32_t entry = track.entry[m.first];
        float cx = xa;
        if (spans || m.ranged) {
            // An uncertain date: drawn across everything it could be.
            f.dl->AddRectFilled(ImVec2(xa, cy - 3), ImVec2(std::max(xb, xa + 2), cy + 3), rgb(colour, 70), 2.0f);
            cx = (xa + xb) / 2;
        }
        const bool is_selected = selected && *selected == entry;
        const bool is_highlighted = highlight && std::binary_search(highlight->begin(), highlight->end(), entry);
        if (is_selected || is_highlighted)
            f.dl->AddCircleFilled(ImVec2(cx, cy), 9.0f, rgb(is_selected ? colour::k_select : 0xF7DC6F, 200), 12);
        draw_marker(f.dl, ImVec2(cx, cy), m.style, colour);
        if (row_hovered && std::abs(f.mouse.x - cx) <= 5 && hit.entry < 0) hit.entry = entry;
        if (row_hovered && (spans || m.ranged) && f.mouse.x >= xa && f.mouse.x <= xb && hit.entry < 0) hit.entry = entry;
    }
}

void entry_tooltip(const LoadedCase& d, std::uint32_t i) {
    const engine::Case& c = *d.c;
    const engine::Entry& e = c.chronology.entries[i];
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted((engine::format_date(e.date) + "   " + std::string(c.agency_name(e.agency))).c_str());
    ImGui::TextColored(ImVec4(0.35f, 0.38f, 0.42f, 1), "%s", formats::type_text(e).c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(e.summary.data(), e.summary.data() + e.summary.size());
    const std::string people = formats::people_text(c, e);
    if (!people.empty()) ImGui::TextColored(ImVec4(0.35f, 0.38f, 0.42f, 1), "People: %s", people.c_str());
    ImGui::TextColored(ImVec4(0.35f, 0.38f, 0.42f, 1), "Child seen: %s", formats::child_seen_text(c, e).c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Text cut to fit a width: whole, or its first words and an ellipsis, or nothing.
std::string fit_text(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    for (std::size_t end = text.rfind(' '); end != std::string::npos && end > 0; end = text.rfind(' ', end - 1)) {
        std::string cut = text.substr(0, end) + "\xE2\x80\xA6";
        if (ImGui::CalcTextSize(cut.c_str()).x <= width) return cut;
    }
    return {};
}

}  // namespace

// [SECTION] Panel

void TimelinePanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    ImGuiIO& io = ImGui::GetIO();

    Frame f;
    f.dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    f.x0 = p0.x + k_label_width;
    f.x1 = p0.x + avail.x;
    f.v0 = app.view0;
    f.v1 = app.view1;
    f.px_per_s = static_cast<double>(f.x1 - f.x0) / (f.v1 - f.v0);
    f.min_gap = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(k_min_px / f.px_per_s)));
    f.max_fold = std::max<std::int64_t>(f.min_gap, static_cast<std::int64_t>(k_max_fold_px / f.px_per_s));
    f.mouse = io.MousePos;
    f.hovered = ImGui::IsWindowHovered() && f.mouse.x >= p0.x && f.mouse.y >= p0.y;
    const float bottom = p0.y + avail.y;
    // Fewer vertices when there is a lot on screen (anti-aliased fills double them).
    const ImDrawListFlags saved_flags = f.dl->Flags;
    if (m_marks_last_frame > 3000) f.dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    std::size_t drawn = 0;

    // Background of the plot and the label column.
    f.dl->AddRectFilled(ImVec2(p0.x, p0.y), ImVec2(f.x0, bottom), rgb(0xF2F3F4));
    f.dl->PushClipRect(ImVec2(f.x0, p0.y), ImVec2(f.x1, bottom), true);

    // Axis ticks and grid.
    const auto ticks = engine::axis_ticks(static_cast<std::int64_t>(f.v0), static_cast<std::int64_t>(f.v1), f.x1 - f.x0);
    for (const engine::Tick& t : ticks) {
        const float x = f.x(static_cast<double>(t.t));
        f.dl->AddLine(ImVec2(x, p0.y + k_axis_height - (t.major ? 12 : 7)), ImVec2(x, bottom), rgb(0xD0D3D4, t.major ? 200 : 110));
        f.dl->AddText(ImVec2(x + 3, p0.y + 6), rgb(t.major ? 0x1C2833 : 0x5D6D7E), t.label.c_str());
    }
    f.dl->AddLine(ImVec2(f.x0, p0.y + k_axis_height), ImVec2(f.x1, p0.y + k_axis_height), rgb(0xAAB7B8));

    // Gaps in all contact, shaded across every row.
    for (const engine::Band& g : d->overlays.gaps) {
        const float xa = f.x(static_cast<double>(g.t0)), xb = f.x(static_cast<double>(g.t1));
        if (xb < f.x0 || xa > f.x1) continue;
        f.dl->AddRectFilled(ImVec2(xa, p0.y + k_axis_height), ImVec2(xb, bottom), rgb(colour::k_gap, 110));
        const std::string label = std::to_string(engine::seconds_day(g.t1) - engine::seconds_day(g.t0)) + " days, no contact";
        const float lx = std::max(xa, f.x0);
        if (xb - lx > ImGui::CalcTextSize(label.c_str()).x + 6)
            f.dl->AddText(ImVec2(lx + 3, bottom - ImGui::GetTextLineHeight() - 3), rgb(0x616A6B), label.c_str());
    }
    bool zoomed_to_episode = false;
    // Key practice episodes (notes.yaml): a faint band across every row, and a bar with the
    // title under the tick labels; hovering the bar tells its dates and note, a click zooms to it.
    for (const engine::EpisodeSpan& ep : d->overlays.episodes) {
        const float xa = f.x(static_cast<double>(ep.t0)), xb = f.x(static_cast<double>(ep.t1));
        if (xb < f.x0 || xa > f.x1) continue;
        f.dl->AddRectFilled(ImVec2(xa, p0.y + k_axis_height), ImVec2(xb, bottom), rgb(colour::k_episode, 34));
        f.dl->AddRectFilled(ImVec2(xa, p0.y + k_episode_bar_y), ImVec2(xb, p0.y + k_episode_bar_y + 4), rgb(colour::k_episode, 210), 2.0f);
        const float lx = std::max(xa, f.x0);
        f.dl->PushClipRect(ImVec2(lx, p0.y), ImVec2(std::min(xb, f.x1), p0.y + k_axis_height), true);
        // The title as far as it fits, cut at a word with an ellipsis (pointing gives it whole).
        const std::string title = fit_text(ep.label, std::min(xb, f.x1) - lx - 6);
        f.dl->AddText(ImVec2(lx + 3, p0.y + k_episode_bar_y - ImGui::GetTextLineHeight() - 1), rgb(colour::k_episode), title.c_str());
        f.dl->PopClipRect();
        const bool over = f.hovered && f.mouse.x >= xa && f.mouse.x <= xb && f.mouse.y >= p0.y + k_episode_bar_y - ImGui::GetTextLineHeight() - 2 &&
                          f.mouse.y <= p0.y + k_episode_bar_y + 5;
        if (over && !m_dragging_cursor) {
            const engine::KeyEpisode& k = d->c->notes.episodes[ep.episode];
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            ImGui::TextUnformatted(ep.label.c_str());
            ImGui::TextColored(ImVec4(0.35f, 0.38f, 0.42f, 1), "Key practice episode, %s to %s (%d days)",
                               engine::format_day(engine::seconds_day(ep.t0)).c_str(),
                               engine::format_day(engine::seconds_day(ep.t1) - 1).c_str(),
                               engine::seconds_day(ep.t1) - engine::seconds_day(ep.t0));
            if (!k.note.empty()) ImGui::TextUnformatted(k.note.c_str());
            ImGui::TextColored(ImVec4(0.35f, 0.38f, 0.42f, 1), "Click to zoom to it");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
            if (ImGui::IsMouseClicked(0)) {
                // A margin of a tenth either side, so the episode's edges show.
                const std::int64_t margin = (ep.t1 - ep.t0) / 10;
                app.zoom_to(ep.t0 - margin, ep.t1 + margin);
                zoomed_to_episode = true;
            }
        }
    }
    f.dl->PopClipRect();

    float y = p0.y + k_axis_height;
    Hit hit;
    const std::vector<std::uint32_t>* highlight = nullptr;
    const auto person = app.hovered_person ? app.hovered_person : app.selected_person;
    if (person) highlight = &d->entries_of_person[engine::index_of(*person)];

    // [SECTION] Rows
    // A "seen" lane per index child: unseen periods past the threshold as red bands, sightings as ticks.
    for (const engine::ChildLane& lane : d->overlays.children) {
        const float cy = y + k_child_height / 2;
        f.dl->AddText(ImVec2(p0.x + 6, cy - 8), rgb(0x1C2833), lane.label.c_str());
        f.dl->PushClipRect(ImVec2(f.x0, y), ImVec2(f.x1, y + k_child_height), true);
        for (const engine::Band& b : lane.unseen) {
            const float xa = f.x(static_cast<double>(b.t0)), xb = f.x(static_cast<double>(b.t1));
            if (xb < f.x0 || xa > f.x1) continue;
            f.dl->AddRectFilled(ImVec2(xa, cy - 7), ImVec2(xb, cy + 7), rgb(colour::k_concern, 90), 2.0f);
            const std::string days = std::to_string(engine::seconds_day(b.t1) - engine::seconds_day(b.t0)) + " days unseen";
            // The label sits at the visible start of the band.
            const float lx = std::max(xa, f.x0);
            if (xb - lx > ImGui::CalcTextSize(days.c_str()).x + 6) f.dl->AddText(ImVec2(lx + 4, cy - 8), rgb(0x922B21), days.c_str());
            if (f.hovered && f.mouse.x >= xa && f.mouse.x <= xb && std::abs(f.mouse.y - cy) < 8 && hit.entry < 0) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(d->findings[b.finding].message.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
                if (ImGui::IsMouseClicked(0)) app.select_finding(b.finding);
            }
        }
        // Sightings, one tick per pixel column at most.
        auto it = std::lower_bound(lane.sightings.begin(), lane.sightings.end(), static_cast<std::int64_t>(f.v0));
        while (it != lane.sightings.end() && static_cast<double>(*it) <= f.v1) {
            const float x = f.x(static_cast<double>(*it));
            f.dl->AddRectFilled(ImVec2(x - 1, cy - 7), ImVec2(x + 1.5f, cy + 7), rgb(colour::k_ok));
            ++drawn;
            if (f.hovered && std::abs(f.mouse.x - x) < 3 && std::abs(f.mouse.y - cy) < 8 && hit.entry < 0)
                hit.entry = lane.sighting_entries[static_cast<std::size_t>(it - lane.sightings.begin())];
            it = std::lower_bound(it + 1, lane.sightings.end(), *it + f.min_gap);
        }
        f.dl->PopClipRect();
        y += k_child_height;
    }

    // Findings of concern as small flags; a click selects the finding and zooms to it.
    {
        const float cy = y + k_findings_height / 2;
        f.dl->AddText(ImVec2(p0.x + 6, cy - 8), rgb(0x922B21), "Findings");
        f.dl->PushClipRect(ImVec2(f.x0, y), ImVec2(f.x1, y + k_findings_height), true);
        float last_x = -1e9f;
        for (const engine::FindingMarker& m : d->overlays.markers) {
            const float x = f.x(static_cast<double>(m.t));
            if (x < f.x0 - 6 || x > f.x1 + 6 || x - last_x < 4) continue;
            last_x = x;
            const bool sel = app.selected_finding && *app.selected_finding == m.finding;
            f.dl->AddTriangleFilled(ImVec2(x, cy - 6), ImVec2(x + 6, cy + 5), ImVec2(x - 6, cy + 5),
                                    rgb(sel ? colour::k_select : colour::k_concern));
            if (f.hovered && std::abs(f.mouse.x - x) < 6 && std::abs(f.mouse.y - cy) < 8) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
                ImGui::TextUnformatted(d->findings[m.finding].message.c_str());
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
                if (ImGui::IsMouseClicked(0)) app.select_finding(m.finding);
            }
        }
        f.dl->PopClipRect();
        y += k_findings_height;
    }
    f.dl->AddLine(ImVec2(p0.x, y), ImVec2(f.x1, y), rgb(0xAAB7B8));

    // Agency lanes, grouped; scrolled with shift+wheel or by dragging the label column.
    const float lanes_top = y;
    float content = 0;
    {
        std::string group;
        for (const engine::Lane& lane : d->timeline.lanes) {
            if (lane.group != group) {
                content += k_group_height;
                group = lane.group;
            }
            content += k_lane_height;
        }
    }
    const float lanes_height = bottom - lanes_top;
    m_scroll = std::clamp(m_scroll, 0.0f, std::max(0.0f, content - lanes_height));
    f.dl->PushClipRect(ImVec2(p0.x, lanes_top), ImVec2(f.x1, bottom), true);
    y = lanes_top - m_scroll;
    std::string group;
    for (const engine::Lane& lane : d->timeline.lanes) {
        if (lane.group != group) {
            group = lane.group;
            if (y + k_group_height >= lanes_top && y <= bottom) {
                f.dl->AddRectFilled(ImVec2(p0.x, y), ImVec2(f.x1, y + k_group_height), rgb(0xE5E8E8));
                f.dl->AddText(ImVec2(p0.x + 6, y + 2), rgb(0x34495E), group.c_str());
            }
            y += k_group_height;
        }
        if (y + k_lane_height < lanes_top || y > bottom) {  // culled: off screen
            y += k_lane_height;
            continue;
        }
        const float cy = y + k_lane_height / 2;
        f.dl->AddRectFilled(ImVec2(p0.x + 4, cy - 5), ImVec2(p0.x + 10, cy + 5), rgb(lane.colour));
        f.dl->PushClipRect(ImVec2(p0.x, y), ImVec2(f.x0 - 4, y + k_lane_height), true);
        f.dl->AddText(ImVec2(p0.x + 15, cy - 8), rgb(0x1C2833), lane.label.c_str());
        f.dl->PopClipRect();
        f.dl->PushClipRect(ImVec2(f.x0, std::max(y, lanes_top)), ImVec2(f.x1, y + k_lane_height), true);
        draw_track(f, lane.spans, lane.colour, cy, m_marks, highlight, app.selected_dated(), true, hit, drawn);
        draw_track(f, lane.days, lane.colour, cy, m_marks, highlight, app.selected_dated(), false, hit, drawn);
        f.dl->PopClipRect();
        f.dl->AddLine(ImVec2(f.x0, y + k_lane_height), ImVec2(f.x1, y + k_lane_height), rgb(0xE5E7E9));
        y += k_lane_height;
    }
    f.dl->PopClipRect();

    // Moves: a line down every row, and a card at the top of the lanes naming the move and the
    // agency kinds that did not follow (or were late); cards that would overlap stack downwards.
    f.dl->PushClipRect(ImVec2(f.x0, p0.y), ImVec2(f.x1, bottom), true);
    std::vector<ImVec4> cards;  // placed so far: x0, y0, x1, y1
    const float line_h = ImGui::GetTextLineHeight();
    for (const engine::MoveLine& m : d->overlays.moves) {
        const float x = f.x(static_cast<double>(m.t));
        if (x < f.x0 || x > f.x1) continue;
        f.dl->AddLine(ImVec2(x, p0.y + k_axis_height), ImVec2(x, bottom), rgb(colour::k_move, 200), 2.0f);
        float w = ImGui::CalcTextSize(m.label.c_str()).x;
        for (const std::string& line : m.not_followed) w = std::max(w, ImGui::CalcTextSize(line.c_str()).x);
        const float h = line_h * static_cast<float>(1 + m.not_followed.size()) + 6;
        // Right of the line, or left of it near the right edge.
        const float cx = x + 4 + w + 10 > f.x1 ? x - 4 - w - 10 : x + 4;
        float cy = lanes_top + 4;
        for (bool moved = true; moved;) {
            moved = false;
            for (const ImVec4& r : cards)
                if (cx < r.z && cx + w + 10 > r.x && cy < r.w && cy + h > r.y) {
                    cy = r.w + 3;
                    moved = true;
                }
        }
        cards.emplace_back(cx, cy, cx + w + 10, cy + h);
        f.dl->AddRectFilled(ImVec2(cx, cy), ImVec2(cx + w + 10, cy + line_h + 3), rgb(colour::k_move), 3.0f, ImDrawFlags_RoundCornersTop);
        f.dl->AddText(ImVec2(cx + 5, cy + 2), rgb(0xFFFFFF), m.label.c_str());
        if (!m.not_followed.empty()) {
            f.dl->AddRectFilled(ImVec2(cx, cy + line_h + 3), ImVec2(cx + w + 10, cy + h), rgb(0xFDEDEC, 240), 3.0f,
                                ImDrawFlags_RoundCornersBottom);
            float ly = cy + line_h + 4;
            for (const std::string& line : m.not_followed) {
                f.dl->AddText(ImVec2(cx + 5, ly), rgb(0x922B21), line.c_str());
                ly += line_h;
            }
        }
    }
    // The date cursor: the genogram's date. Drag it on the axis.
    {
        const float x = f.x(static_cast<double>(app.cursor));
        f.dl->AddLine(ImVec2(x, p0.y), ImVec2(x, bottom), rgb(colour::k_cursor, 220), 1.5f);
        const std::string label = date_text(app.cursor);
        const ImVec2 size = ImGui::CalcTextSize(label.c_str());
        f.dl->AddRectFilled(ImVec2(x - size.x / 2 - 4, p0.y + k_axis_height - size.y - 2), ImVec2(x + size.x / 2 + 4, p0.y + k_axis_height),
                            rgb(colour::k_cursor), 3.0f);
        f.dl->AddText(ImVec2(x - size.x / 2, p0.y + k_axis_height - size.y - 1), rgb(0xFFFFFF), label.c_str());
    }
    f.dl->PopClipRect();
    f.dl->Flags = saved_flags;
    m_marks_last_frame = drawn;

    // [SECTION] Interaction
    app.hovered_entry.reset();
    if (hit.entry >= 0) {
        app.hovered_entry = engine::dated_ref(static_cast<std::uint32_t>(hit.entry));
        entry_tooltip(*d, static_cast<std::uint32_t>(hit.entry));
    } else if (hit.fold) {
        ImGui::SetTooltip("%u entries too close to tell apart (%s to %s)\nclick to zoom in", hit.fold->count,
                          date_text(hit.fold->t0).c_str(), date_text(hit.fold->t1).c_str());
    }
    if (!f.hovered) return;
    const bool on_axis = f.mouse.y < p0.y + k_axis_height && f.mouse.x >= f.x0;
    const bool in_plot = f.mouse.x >= f.x0 && f.mouse.x <= f.x1 && f.mouse.y <= bottom;
    // Wheel zooms around the pointer; shift+wheel scrolls the lanes.
    if (io.MouseWheel != 0 && in_plot) {
        if (io.KeyShift) {
            m_scroll -= io.MouseWheel * k_lane_height * 3;
        } else {
            const double at = f.t(f.mouse.x);
            const double factor = std::pow(0.8, static_cast<double>(io.MouseWheel));
            app.zoom_to(static_cast<std::int64_t>(at - (at - f.v0) * factor), static_cast<std::int64_t>(at + (f.v1 - at) * factor));
        }
    }
    if (io.MouseWheel != 0 && !in_plot && f.mouse.y > lanes_top) m_scroll -= io.MouseWheel * k_lane_height * 3;
    if (ImGui::IsMouseClicked(0)) {
        m_dragging_cursor = on_axis && !zoomed_to_episode;
        m_panning = false;
    }
    if (m_dragging_cursor && ImGui::IsMouseDown(0)) app.cursor = static_cast<std::int64_t>(f.t(std::clamp(f.mouse.x, f.x0, f.x1)));
    if (!ImGui::IsMouseDown(0)) m_dragging_cursor = false;
    if (!m_dragging_cursor && in_plot && ImGui::IsMouseDragging(0, 4.0f)) {
        m_panning = true;
        const double dt = -io.MouseDelta.x / f.px_per_s;
        app.view0 += dt;
        app.view1 += dt;
        m_scroll -= io.MouseDelta.y;
    }
    if (ImGui::IsMouseReleased(0) && !m_panning && !on_axis && in_plot) {
        if (hit.entry >= 0) app.select_entry(engine::dated_ref(static_cast<std::uint32_t>(hit.entry)), false);
        else if (hit.fold) app.zoom_to(hit.fold->t0 - f.min_gap * 10, hit.fold->t1 + f.min_gap * 10);
    }
}

}  // namespace sightline::viewer
