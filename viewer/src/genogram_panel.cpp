// The genogram panel: the engine's layout drawn at the cursor date, households outlined, linked
// both ways with the timeline (hovering an entry rings its people; clicking a person rings theirs).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app.hpp"
#include "panels.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

using engine::Vec2;

struct View {
    ImVec2 origin;        // screen position of layout (0, 0)
    float scale = 1;      // screen pixels per layout unit
    [[nodiscard]] ImVec2 at(Vec2 p) const { return ImVec2(origin.x + p.x * scale, origin.y + p.y * scale); }
};

// A polyline, solid, dashed (step) or dotted (foster, adoptive).
void polyline(ImDrawList* dl, const View& v, const std::vector<Vec2>& path, ImU32 col, float thickness, engine::ParentKind kind) {
    for (std::size_t k = 1; k < path.size(); ++k) {
        const ImVec2 a = v.at(path[k - 1]), b = v.at(path[k]);
        if (kind == engine::ParentKind::Birth) {
            dl->AddLine(a, b, col, thickness);
            continue;
        }
        const float len = std::hypot(b.x - a.x, b.y - a.y);
        const float dash = kind == engine::ParentKind::Step ? 6.0f : 2.0f;
        const float gap = kind == engine::ParentKind::Step ? 4.0f : 3.0f;
        for (float s = 0; s < len; s += dash + gap) {
            const float e = std::min(len, s + dash);
            dl->AddLine(ImVec2(a.x + (b.x - a.x) * s / len, a.y + (b.y - a.y) * s / len),
                        ImVec2(a.x + (b.x - a.x) * e / len, a.y + (b.y - a.y) * e / len), col, thickness);
        }
    }
}

void symbol(ImDrawList* dl, ImVec2 c, float half, engine::Symbol s, ImU32 fill, ImU32 line, float thickness) {
    switch (s) {
        case engine::Symbol::Square:
            dl->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), fill);
            dl->AddRect(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half), line, 0, 0, thickness);
            break;
        case engine::Symbol::Circle:
            dl->AddCircleFilled(c, half, fill, 32);
            dl->AddCircle(c, half, line, 32, thickness);
            break;
        case engine::Symbol::Diamond:
            dl->AddQuadFilled(ImVec2(c.x, c.y - half), ImVec2(c.x + half, c.y), ImVec2(c.x, c.y + half), ImVec2(c.x - half, c.y), fill);
            dl->AddQuad(ImVec2(c.x, c.y - half), ImVec2(c.x + half, c.y), ImVec2(c.x, c.y + half), ImVec2(c.x - half, c.y), line, thickness);
            break;
    }
}

void centred_text(ImDrawList* dl, ImVec2 baseline_centre, float size, ImU32 col, const std::string& text) {
    ImFont* font = ImGui::GetFont();
    const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0, text.c_str());
    dl->AddText(font, size, ImVec2(baseline_centre.x - extent.x / 2, baseline_centre.y - size * 0.85f), col, text.c_str());
}

}  // namespace

void GenogramPanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    const engine::GenogramLayout& layout = d->genogram;
    if (layout.people.empty()) {
        ImGui::TextWrapped("No people in case.yaml: nothing to draw.");
        return;
    }
    const std::int32_t day = engine::seconds_day(app.cursor);
    if (day != m_day || m_for != d->generation) {
        m_at = engine::genogram_at(layout, c, day);
        m_day = day;
        if (m_for != d->generation) {
            m_zoom = 0;
            m_pan = ImVec2(0, 0);
        }
        m_for = d->generation;
    }
    ImGui::TextColored(ImVec4(0.18f, 0.53f, 0.76f, 1), "at %s", engine::format_day(day).c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "(drag the date on the timeline's axis)");

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    ImGui::InvisibleButton("canvas", ImVec2(std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    const engine::Rect& b = layout.bounds;
    const float fit = std::min(avail.x / std::max(b.width(), 1.0f), avail.y / std::max(b.height(), 1.0f));
    const float scale = fit * (m_zoom > 0 ? m_zoom : 1.0f);
    View v;
    v.scale = scale;
    v.origin = ImVec2(p0.x + (avail.x - b.width() * scale) / 2 - b.x0 * scale + m_pan.x, p0.y + (avail.y - b.height() * scale) / 2 - b.y0 * scale + m_pan.y);
    ImGuiIO& io = ImGui::GetIO();
    if (hovered && io.MouseWheel != 0) {
        const float old = m_zoom > 0 ? m_zoom : 1.0f;
        const float next = std::clamp(old * std::pow(1.15f, io.MouseWheel), 0.5f, 6.0f);
        // Zoom around the pointer.
        const ImVec2 m = io.MousePos;
        m_pan.x = (m_pan.x - (m.x - p0.x - avail.x / 2)) * (next / old) + (m.x - p0.x - avail.x / 2);
        m_pan.y = (m_pan.y - (m.y - p0.y - avail.y / 2)) * (next / old) + (m.y - p0.y - avail.y / 2);
        m_zoom = next;
    }
    if (hovered && ImGui::IsMouseDragging(0, 4.0f)) {
        m_pan.x += io.MouseDelta.x;
        m_pan.y += io.MouseDelta.y;
    }
    dl->PushClipRect(p0, ImVec2(p0.x + avail.x, p0.y + avail.y), true);
    dl->AddRectFilled(p0, ImVec2(p0.x + avail.x, p0.y + avail.y), rgb(0xFFFFFF));

    // Households at the day: tinted shapes (the focus household, where an index child lives, stronger).
    for (const engine::HouseholdAt& h : m_at.households) {
        const ImU32 fill = rgb(h.focus ? 0xD6EAF8 : 0xEAEDED);
        for (const engine::Rect& r : h.outline.rects)
            dl->AddRectFilled(v.at({r.x0, r.y0}), v.at({r.x1, r.y1}), fill, 4.0f * scale);
        if (h.outline.tab >= 0) {
            const engine::Rect& tab = h.outline.rects[static_cast<std::size_t>(h.outline.tab)];
            const float size = 11.0f * scale;
            dl->AddCircleFilled(v.at(h.badge_at), 7.0f * scale, rgb(h.focus ? 0x2E86C1 : 0x7F8C8D), 16);
            centred_text(dl, ImVec2(v.at(h.badge_at).x, v.at(h.badge_at).y + size * 0.4f), size, rgb(0xFFFFFF), std::to_string(h.number));
            dl->AddText(ImGui::GetFont(), size, ImVec2(v.at(h.label_at).x, v.at(h.label_at).y - size * 0.85f), rgb(0x34495E),
                        h.tab_text.c_str());
            (void)tab;
        }
    }

    // People of the hovered (or selected) entry are ringed; so are the selected person's.
    std::vector<engine::PersonId> ringed;
    const auto entry = app.hovered_entry ? app.hovered_entry : app.selected_entry;
    if (entry)
        for (const engine::SubjectRef& s : c.chronology.subjects_of(engine::entry_at(c.chronology, *entry)))
            if (!engine::is_none(s.person)) ringed.push_back(s.person);

    // Partnerships and children.
    const ImU32 line = rgb(0x2C3E50);
    for (std::size_t u = 0; u < layout.unions.size(); ++u) {
        const engine::GenogramUnion& gu = layout.unions[u];
        const engine::UnionAt& at = m_at.unions[u];
        if (at.state == engine::UnionState::NotYet) continue;
        const ImU32 col = at.faded ? rgb(0x2C3E50, 90) : line;
        polyline(dl, v, gu.path, col, 1.6f, engine::ParentKind::Birth);
        const int slashes = at.state == engine::UnionState::Separated ? 1 : at.state == engine::UnionState::Divorced ? 2 : 0;
        for (int k = 0; k < slashes; ++k) {
            const ImVec2 m = v.at(gu.mark);
            const float dx = (static_cast<float>(k) - static_cast<float>(slashes - 1) / 2.0f) * 6.0f * scale;
            dl->AddLine(ImVec2(m.x + dx - 4 * scale, m.y + 7 * scale), ImVec2(m.x + dx + 4 * scale, m.y - 7 * scale), col, 1.6f);
        }
        if (!at.dates.empty()) centred_text(dl, v.at(gu.dates_at), 10.5f * scale, rgb(0x566573, at.faded ? 110 : 255), at.dates);
        if (gu.has_children) {
            polyline(dl, v, {gu.hub, {gu.hub.x, gu.bar_y}}, col, 1.4f, gu.trunk);
            polyline(dl, v, {{gu.bar_x0, gu.bar_y}, {gu.bar_x1, gu.bar_y}}, col, 1.4f, gu.trunk);
        }
    }
    for (const engine::GenogramChild& ch : layout.children) {
        if (m_at.people[engine::index_of(ch.child)].life == engine::LifeState::NotBorn) continue;
        polyline(dl, v, ch.path, line, 1.4f, ch.kind);
    }

    // People.
    std::optional<engine::PersonId> under;
    for (std::size_t i = 0; i < layout.people.size(); ++i) {
        const engine::GenogramPerson& gp = layout.people[i];
        const engine::PersonAt& at = m_at.people[i];
        const auto id = static_cast<engine::PersonId>(i);
        const ImVec2 c0 = v.at(gp.centre);
        const float half = gp.size * scale / 2;
        const bool ghost = at.life == engine::LifeState::NotBorn;
        const std::uint8_t alpha = ghost ? 60 : at.faded ? 110 : 255;
        const bool ring = std::find(ringed.begin(), ringed.end(), id) != ringed.end() ||
                          (app.selected_person && *app.selected_person == id);
        if (ring) dl->AddCircleFilled(c0, half * 1.75f, rgb(colour::k_select, 170), 32);
        symbol(dl, c0, half, gp.symbol, rgb(0xFFFFFF, alpha), rgb(0x17202A, alpha), 1.8f);
        if (gp.index_child) symbol(dl, c0, half * 0.78f, gp.symbol, rgb(0xFFFFFF, 0), rgb(0x17202A, alpha), 1.5f);
        if (at.life == engine::LifeState::Dead) {
            dl->AddLine(ImVec2(c0.x - half, c0.y - half), ImVec2(c0.x + half, c0.y + half), rgb(0x17202A, alpha), 1.6f);
            dl->AddLine(ImVec2(c0.x - half, c0.y + half), ImVec2(c0.x + half, c0.y - half), rgb(0x17202A, alpha), 1.6f);
        }
        centred_text(dl, v.at(gp.name_at), 13.0f * scale, rgb(0x17202A, alpha), ghost ? gp.name + " (not yet born)" : at.label);
        centred_text(dl, v.at(gp.dates_at), 10.5f * scale, rgb(0x566573, alpha), gp.dates);
        const ImVec2 m = io.MousePos;
        if (hovered && std::abs(m.x - c0.x) <= half && std::abs(m.y - c0.y) <= half) under = id;
    }
    dl->PopClipRect();

    app.hovered_person = under;
    if (under) {
        const engine::Person& p = c.person(*under);
        const auto& entries = d->entries_of_person[engine::index_of(*under)];
        ImGui::SetTooltip("%s\n%zu entries name %s; click to ring them on the timeline", p.name.c_str(), entries.size(),
                          p.sex == engine::Sex::Male ? "him" : p.sex == engine::Sex::Female ? "her" : "them");
    }
    if (hovered && ImGui::IsMouseReleased(0) && !ImGui::IsMouseDragging(0, 4.0f) && io.MouseDragMaxDistanceSqr[0] < 16) {
        if (under && app.selected_person == under) app.selected_person.reset();
        else app.selected_person = under;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(0)) {
        m_zoom = 0;
        m_pan = ImVec2(0, 0);
    }
}

}  // namespace sightline::viewer
