// The bottom panel: the chronology table (clipped, sortable, filtered), findings, diagnostics.
#include <imgui.h>

#include <algorithm>

#include "app.hpp"
#include "panels.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "style.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::viewer {

void TablesPanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    // Which tab to bring forward this frame: --tab once a case is shown, else the diagnostics
    // when a newly loaded case has input errors.
    std::string open;
    if (d && d->c && app.open_tab) {
        open = *app.open_tab;
        app.open_tab.reset();
    } else if (d && d->generation != m_opened_for && d->c && d->c->diagnostics.has_errors()) {
        open = "diagnostics";
    }
    if (d) m_opened_for = d->generation;
    auto flags = [&](const char* tab) { return open == tab ? ImGuiTabItemFlags_SetSelected : 0; };
    if (ImGui::BeginTabBar("tabs")) {
        if (ImGui::BeginTabItem("Chronology", nullptr, flags("chronology"))) {
            draw_chronology(app);
            ImGui::EndTabItem();
        }
        if (d && m_concerns_for != d->generation) {
            m_concerns = 0;
            for (const engine::Finding& f : d->findings) m_concerns += f.concern ? 1 : 0;
            m_concerns_for = d->generation;
        }
        const std::size_t concerns = d ? m_concerns : 0;
        const std::string findings = "Findings (" + std::to_string(concerns) + ")###findings";
        if (ImGui::BeginTabItem(findings.c_str(), nullptr, flags("findings"))) {
            draw_findings(app);
            ImGui::EndTabItem();
        }
        const std::string diags = "Diagnostics (" + std::to_string(d && d->c ? d->c->diagnostics.size() : 0) + ")###diagnostics";
        if (ImGui::BeginTabItem(diags.c_str(), nullptr, flags("diagnostics"))) {
            draw_diagnostics(app);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
}

void TablesPanel::draw_chronology(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    const auto& entries = c.chronology.entries;
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint("##filter", "filter: words in summary, agency, type or people", m_filter, sizeof m_filter);
    // Recompute rows only when the filter, the sort or the case changes (never per frame).
    const bool stale = m_rows_for != d->generation || m_applied_filter != m_filter;
    if (stale) {
        m_rows.clear();
        for (std::uint32_t i = 0; i < entries.size(); ++i) {
            const engine::Entry& e = entries[i];
            if (m_filter[0] == '\0' || engine::contains_ci(e.summary, m_filter) || engine::contains_ci(c.agency_name(e.agency), m_filter) ||
                engine::contains_ci(formats::type_text(e), m_filter) || engine::contains_ci(formats::people_text(c, e), m_filter))
                m_rows.push_back(i);
        }
        m_rows_for = d->generation;
        m_applied_filter = m_filter;
    }
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "%zu of %zu entries", m_rows.size(), entries.size());

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("chronology", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort, 130);
    ImGui::TableSetupColumn("Agency", 0, 210);
    ImGui::TableSetupColumn("Type", 0, 130);
    ImGui::TableSetupColumn("Summary", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort);
    ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_NoSort, 150);
    ImGui::TableSetupColumn("Child seen", 0, 150);
    ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_NoSort, 40);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && (specs->SpecsDirty || stale) && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        const bool asc = s.SortDirection == ImGuiSortDirection_Ascending;
        // Stable sorts over the chronology order, which is already by date.
        auto by = [&](auto key) {
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::uint32_t a, std::uint32_t b) {
                return asc ? key(a) < key(b) : key(b) < key(a);
            });
        };
        std::sort(m_rows.begin(), m_rows.end());
        if (s.ColumnIndex == 0 && !asc) std::reverse(m_rows.begin(), m_rows.end());
        if (s.ColumnIndex == 1) by([&](std::uint32_t i) { return c.agency_name(entries[i].agency); });
        if (s.ColumnIndex == 2) by([&](std::uint32_t i) { return formats::type_text(entries[i]); });
        if (s.ColumnIndex == 5) by([&](std::uint32_t i) { return static_cast<int>(engine::mark_style(c, entries[i])); });
        specs->SpecsDirty = false;
    }

    // Scroll to the selected entry once, when it was selected elsewhere.
    int scroll_to = -1;
    if (app.scroll_table_to_selection && app.selected_entry) {
        const auto it = std::find(m_rows.begin(), m_rows.end(), *app.selected_entry);
        if (it != m_rows.end()) scroll_to = static_cast<int>(it - m_rows.begin());
        app.scroll_table_to_selection = false;
    }
    const float row_height = ImGui::GetTextLineHeightWithSpacing();
    if (scroll_to >= 0) ImGui::SetScrollY(std::max(0.0f, static_cast<float>(scroll_to) * row_height - row_height * 3));
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_rows.size()), row_height);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const std::uint32_t i = m_rows[static_cast<std::size_t>(r)];
            const engine::Entry& e = entries[i];
            ImGui::TableNextRow(0, row_height);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(static_cast<int>(i));
            const bool selected = app.selected_entry && *app.selected_entry == i;
            if (ImGui::Selectable(engine::format_date(e.date).c_str(), selected, ImGuiSelectableFlags_SpanAllColumns))
                app.select_entry(i, false);
            if (ImGui::IsItemHovered()) app.hovered_entry = i;
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            const engine::Agency& a = c.agency(e.agency);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb(engine::agency_colour(a.kind, a.name))), "%s", a.name.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(formats::type_text(e).c_str());
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(e.summary.data(), e.summary.data() + e.summary.size());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(formats::people_text(c, e).c_str());
            ImGui::TableSetColumnIndex(5);
            // Per index child, coloured: seen (green), not seen (red), not recorded (grey).
            bool first_child = true;
            for (std::size_t k = 0; k < c.info.index_children.size(); ++k) {
                if (!c.born_by(c.info.index_children[k], e.date.latest_day())) continue;  // not yet born
                const engine::ChildSeen seen = c.chronology.seen(e, k);
                const ImVec4 col = engine::is_sighting(seen)                ? ImVec4(0.12f, 0.52f, 0.29f, 1)
                                   : seen == engine::ChildSeen::NotSeen     ? ImVec4(0.75f, 0.22f, 0.17f, 1)
                                                                            : ImVec4(0.55f, 0.58f, 0.6f, 1);
                if (!first_child) ImGui::SameLine(0, 6);
                first_child = false;
                const std::string text = (c.info.index_children.size() > 1 ? c.person(c.info.index_children[k]).name + " " : std::string()) +
                                         (seen == engine::ChildSeen::SeenAlone ? "alone" : seen == engine::ChildSeen::Seen ? "seen"
                                          : seen == engine::ChildSeen::NotSeen ? "not seen" : "?");
                ImGui::TextColored(col, "%s", text.c_str());
            }
            ImGui::TableSetColumnIndex(6);
            if (c.notes.note_for(engine::entry_id(e))) ImGui::TextUnformatted("note");
        }
    }
    ImGui::EndTable();
}

void TablesPanel::draw_findings(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    ImGui::Checkbox("Only findings of concern", &m_concern_only);
    ImGui::BeginChild("findings-list");
    // Rows (kind headings and wrapped messages) are measured once per case, filter and width;
    // each frame draws only those in view, so a case with tens of thousands of findings scrolls.
    const float width = ImGui::GetContentRegionAvail().x;
    if (m_finding_rows_for != d->generation || m_finding_rows_concern != m_concern_only || m_finding_rows_width != width) {
        m_finding_rows.clear();
        const float line = ImGui::GetTextLineHeight();
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        float y = 0;
        engine::FindingKind kind = engine::FindingKind::Count;
        for (std::uint32_t n = 0; n < d->findings.size(); ++n) {
            const engine::Finding& f = d->findings[n];
            if (m_concern_only && !f.concern) continue;
            if (f.kind != kind) {
                kind = f.kind;
                m_finding_rows.push_back({k_heading_row, y});
                y += line + spacing * 2;
            }
            m_finding_rows.push_back({n, y});
            y += ImGui::CalcTextSize(f.message.c_str(), nullptr, false, std::max(1.0f, width)).y + spacing;
        }
        m_finding_rows_height = y;
        m_finding_rows_for = d->generation;
        m_finding_rows_concern = m_concern_only;
        m_finding_rows_width = width;
    }
    const float top = ImGui::GetScrollY();
    const float bottom = top + ImGui::GetWindowHeight();
    const float origin = ImGui::GetCursorPosY();
    auto first = std::upper_bound(m_finding_rows.begin(), m_finding_rows.end(), top,
                                  [](float y, const FindingRow& r) { return y < r.y; });
    if (first != m_finding_rows.begin()) --first;
    for (auto it = first; it != m_finding_rows.end() && it->y <= bottom; ++it) {
        ImGui::SetCursorPosY(origin + it->y);
        if (it->finding == k_heading_row) {
            // The heading of the finding that follows it.
            std::string heading(engine::to_string(d->findings[std::next(it)->finding].kind));
            std::replace(heading.begin(), heading.end(), '_', ' ');
            ImGui::Spacing();
            ImGui::TextColored(ImVec4(0.2f, 0.29f, 0.37f, 1), "%s", heading.c_str());
            continue;
        }
        const std::uint32_t n = it->finding;
        const engine::Finding& f = d->findings[n];
        const float next_y = std::next(it) == m_finding_rows.end() ? m_finding_rows_height : std::next(it)->y;
        const float height = next_y - it->y - ImGui::GetStyle().ItemSpacing.y;
        ImGui::PushID(static_cast<int>(n));
        const bool selected = app.selected_finding && *app.selected_finding == n;
        // The whole wrapped message is one clickable row.
        if (ImGui::Selectable("##f", selected, ImGuiSelectableFlags_AllowItemOverlap, ImVec2(0, height))) app.select_finding(n);
        ImGui::SetCursorPosY(origin + it->y);
        ImGui::PushStyleColor(ImGuiCol_Text, f.concern ? ImVec4(0.55f, 0.14f, 0.10f, 1) : ImVec4(0.15f, 0.17f, 0.2f, 1));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + m_finding_rows_width);
        ImGui::TextUnformatted(f.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    // The list's full height, so the scrollbar is right.
    ImGui::SetCursorPosY(origin + m_finding_rows_height);
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

void TablesPanel::draw_diagnostics(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    if (c.diagnostics.empty()) ImGui::TextUnformatted("No problems in the input.");
    ImGui::BeginChild("diagnostics-list");
    // Formatted once per case; drawn clipped (a spoiled file can give one line per row).
    if (m_diagnostic_lines_for != d->generation) {
        m_diagnostic_lines.clear();
        m_diagnostic_lines.reserve(c.diagnostics.size() + c.sources.size());
        for (const engine::Diagnostic& diag : c.diagnostics.items()) m_diagnostic_lines.push_back(formats::format_diagnostic(diag));
        for (const engine::Source& s : c.sources)
            m_diagnostic_lines.push_back(s.path + ": " + std::to_string(s.counts.rows_read) + " rows read = " +
                                         std::to_string(s.counts.entries_made) + " entries + " +
                                         std::to_string(s.counts.rows_rejected) + " rejected");
        m_diagnostic_lines_for = d->generation;
    }
    const auto& items = c.diagnostics.items();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(m_diagnostic_lines.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto k = static_cast<std::size_t>(i);
            const std::string& text = m_diagnostic_lines[k];
            if (k < items.size()) {
                const ImVec4 col = items[k].severity == engine::Severity::Error ? ImVec4(0.75f, 0.22f, 0.17f, 1)
                                                                                : ImVec4(0.6f, 0.42f, 0.05f, 1);
                ImGui::TextColored(col, "%s", text.c_str());
            } else {
                ImGui::TextUnformatted(text.c_str());  // a source's row counts
            }
        }
    ImGui::EndChild();
}

}  // namespace sightline::viewer
