// The bottom panel: the chronology table (clipped, sortable, filtered), findings, diagnostics.
#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "app.hpp"
#include "panels.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
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

namespace {

const ImVec4 k_dim(0.4f, 0.45f, 0.5f, 1);
constexpr std::uint32_t k_undated_band = 0xFCF3CF;  // the undated section's heading row
constexpr std::uint32_t k_undated_text = 0x7E5109;  // its heading, and an undated entry's date as written

// The table's sortable columns: 0 Date, 1 Agency, 2 Type, 5 Child seen.
engine::TableSort sort_of_column(int column) {
    switch (column) {
        case 1: return engine::TableSort::Agency;
        case 2: return engine::TableSort::Type;
        case 5: return engine::TableSort::ChildSeen;
        default: return engine::TableSort::Date;
    }
}

// The type cell: as every output writes it, with "(inferred)" dimmed and explained when pointed at.
void type_cell(const engine::Entry& e) {
    if (!e.type_inferred) {
        ImGui::TextUnformatted(formats::type_text(e).c_str());
        return;
    }
    const std::string_view l = engine::label(e.type);
    ImGui::TextUnformatted(l.data(), l.data() + l.size());
    bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
    ImGui::SameLine(0, 4);
    ImGui::TextColored(k_dim, "(inferred)");
    hovered = hovered || ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenOverlapped);
    if (hovered) ImGui::SetTooltip("no type was written; read from the words");
}

}  // namespace

void TablesPanel::draw_chronology(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    const engine::Chronology& ch = c.chronology;
    ImGui::SetNextItemWidth(320);
    ImGui::InputTextWithHint("##filter", "filter: words in summary, agency, type or people", m_filter, sizeof m_filter);
    // Recompute rows only when the filter, the sort or the case changes (never per frame).
    const bool stale = m_rows_for != d->generation || m_applied_filter != m_filter;
    if (stale) {
        m_rows = engine::table_rows(c, m_filter, m_sort, m_sort_ascending);
        m_rows_for = d->generation;
        m_applied_filter = m_filter;
    }
    ImGui::SameLine();
    if (ch.undated.empty()) {
        ImGui::TextColored(k_dim, "%zu of %zu entries", m_rows.dated.size(), ch.entries.size());
    } else {
        ImGui::TextColored(k_dim, "%zu of %zu dated entries, %zu of %zu undated", m_rows.dated.size(), ch.entries.size(),
                           m_rows.undated.size(), ch.undated.size());
        if (!m_rows.undated.empty()) {
            ImGui::SameLine();
            const std::string go = "Undated (" + std::to_string(m_rows.undated.size()) + ") \xE2\x86\x93";
            if (ImGui::SmallButton(go.c_str())) m_scroll_to_undated = true;
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to the entries the agencies could not date, after the dated ones");
        }
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("chronology", 7, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The date as wide as a date and time; the rest share the width, the summary (what happened)
    // the most, so that on a laptop's screen it is still read a line at a time.
    const float date_width = ImGui::CalcTextSize("0000-00-00 00:00").x + 2 * ImGui::GetStyle().CellPadding.x + 4;
    ImGui::TableSetupColumn("Date", ImGuiTableColumnFlags_DefaultSort | ImGuiTableColumnFlags_WidthFixed, date_width);
    ImGui::TableSetupColumn("Agency", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("Type", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("Summary", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 4.0f);
    ImGui::TableSetupColumn("People", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoSort, 1.2f);
    ImGui::TableSetupColumn("Child seen", ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Note", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, 40);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
        m_sort = sort_of_column(s.ColumnIndex);
        m_sort_ascending = s.SortDirection == ImGuiSortDirection_Ascending;
        m_rows = engine::table_rows(c, m_filter, m_sort, m_sort_ascending);
        specs->SpecsDirty = false;
    }

    // The rows on screen: the dated entries, then (when any are shown) a heading row and the
    // undated entries. `row` is a row of the table on screen; m_rows counts entries only.
    const std::size_t dated_rows = m_rows.dated.size();
    const bool has_undated = !m_rows.undated.empty();
    const std::size_t screen_rows = dated_rows + (has_undated ? 1 + m_rows.undated.size() : 0);
    // A table row's true height (a line and the cell's padding), so that scrolling to a row's
    // place lands on it however far down it is.
    const float row_height = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    // Scroll once: to the selected entry when it was selected elsewhere, or to the undated section.
    std::optional<std::size_t> scroll_to;
    if (app.scroll_table_to_selection && app.selected_entry) {
        if (const auto r = m_rows.row_of(*app.selected_entry)) scroll_to = *r + (app.selected_entry->undated ? 1 : 0);
        app.scroll_table_to_selection = false;
    }
    if (m_scroll_to_undated && has_undated) scroll_to = dated_rows + 2;  // the heading, a dated row above it
    m_scroll_to_undated = false;
    if (scroll_to) ImGui::SetScrollY(std::max(0.0f, static_cast<float>(*scroll_to) * row_height - row_height * 3));

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(screen_rows), row_height);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const auto row = static_cast<std::size_t>(r);
            ImGui::TableNextRow(0, row_height);
            if (has_undated && row == dated_rows) {
                // The undated section's heading, across the whole row (a cell would cut it short).
                ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, rgb(k_undated_band));
                ImGui::TableSetColumnIndex(0);
                const std::string heading =
                    "Undated: the agencies could not date these (" +
                    (m_rows.undated.size() == ch.undated.size() ? std::to_string(ch.undated.size())
                                                                 : std::to_string(m_rows.undated.size()) + " of " + std::to_string(ch.undated.size())) +
                    "). Not on the timeline; no part in the findings.";
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const ImVec2 win = ImGui::GetWindowPos();
                ImDrawList* dl = ImGui::GetWindowDrawList();
                dl->PushClipRect(ImVec2(win.x, at.y - 4), ImVec2(win.x + ImGui::GetWindowWidth(), at.y + row_height), false);
                dl->AddText(at, rgb(k_undated_text), heading.c_str());
                dl->PopClipRect();
                continue;
            }
            const engine::EntryRef ref = m_rows.at(row > dated_rows ? row - 1 : row);
            const engine::Entry& e = engine::entry_at(ch, ref);
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(r);
            const bool selected = app.selected_entry && *app.selected_entry == ref;
            // An undated entry's date cell: what the agency wrote ("Not known").
            const std::string date = !e.undated ? engine::format_date(e.date)
                                     : e.date_text.empty() ? std::string("undated") : std::string(e.date_text);
            if (e.undated) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(rgb(k_undated_text)));
            if (ImGui::Selectable(date.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) app.select_entry(ref, false);
            if (e.undated) ImGui::PopStyleColor();
            if (ImGui::IsItemHovered()) app.hovered_entry = ref;
            ImGui::PopID();
            ImGui::TableSetColumnIndex(1);
            const engine::Agency& a = c.agency(e.agency);
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb(engine::agency_colour(a.kind, a.name))), "%s", a.name.c_str());
            ImGui::TableSetColumnIndex(2);
            type_cell(e);
            ImGui::TableSetColumnIndex(3);
            ImGui::TextUnformatted(e.summary.data(), e.summary.data() + e.summary.size());
            ImGui::TableSetColumnIndex(4);
            ImGui::TextUnformatted(formats::people_text(c, e).c_str());
            ImGui::TableSetColumnIndex(5);
            // Per index child, coloured: seen (green), not seen (red), not recorded (grey).
            bool first_child = true;
            for (std::size_t k = 0; k < c.info.index_children.size(); ++k) {
                if (!e.undated && !c.born_by(c.info.index_children[k], e.date.latest_day())) continue;  // not yet born
                const engine::ChildSeen seen = ch.seen(e, k);
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
            if (f.kind() != kind) {
                kind = f.kind();
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
            std::string heading(engine::to_string(d->findings[std::next(it)->finding].kind()));
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
