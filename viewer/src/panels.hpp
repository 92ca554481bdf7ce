// Every panel of the viewer. Each is a class whose base owns the window; its state is private.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "panel.hpp"
#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/engine/timeline.hpp"

namespace sightline::viewer {

struct LoadedCase;

// The integrated timeline: axis, a "seen" lane per index child, findings, one lane per agency.
class TimelinePanel : public Panel {
public:
    TimelinePanel() : Panel("Timeline") {}

protected:
    void draw_content(App& app) override;
    [[nodiscard]] ImGuiWindowFlags window_flags() const override {
        return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    }

private:
    std::vector<engine::Mark> m_marks;     // reused every lane and frame
    float m_scroll = 0;                    // lanes scrolled up by this many pixels
    bool m_dragging_cursor = false;
    bool m_panning = false;
    std::size_t m_marks_last_frame = 0;    // to choose anti-aliasing for the next frame
};

// The family at the cursor date: symbols, partnerships, households outlined.
class GenogramPanel : public Panel {
public:
    GenogramPanel() : Panel("Family and household") {}

protected:
    void draw_content(App& app) override;
    [[nodiscard]] ImGuiWindowFlags window_flags() const override {
        return ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    }

private:
    engine::GenogramAt m_at;               // recomputed when the day or the case changes
    std::int32_t m_day = -1;
    std::uint64_t m_for = 0;               // the load generation m_at belongs to
    float m_zoom = 0;                      // 0 = fit to the panel
    ImVec2 m_pan{0, 0};
};

// The entry under the pointer or selected: every field, where it came from, the review note.
class DetailsPanel : public Panel {
public:
    DetailsPanel() : Panel("Entry") {}

protected:
    void draw_content(App& app) override;

private:
    std::uint64_t m_editing_generation = 0; // the load and entry whose note is in the buffer
    std::string m_editing;
    std::string m_note;
    std::string m_status;
};

// The bottom panel: the chronology as a table (dated entries, then a section of those the agencies
// could not date), the findings, the diagnostics.
class TablesPanel : public Panel {
public:
    TablesPanel() : Panel("Chronology") {}

protected:
    void draw_content(App& app) override;

private:
    void draw_chronology(App& app);
    void draw_findings(App& app);
    void draw_diagnostics(App& app);
    char m_filter[256] = {};
    std::string m_applied_filter;          // what m_rows reflects
    engine::TableSort m_sort = engine::TableSort::Date;
    bool m_sort_ascending = true;
    engine::TableRows m_rows;              // filtered and sorted: dated entries, then undated ones
    std::uint64_t m_rows_for = 0;          // the load generation m_rows belongs to
    bool m_scroll_to_undated = false;      // the "Undated" button was pressed
    bool m_concern_only = true;
    std::size_t m_concerns = 0;            // findings of concern in the case of m_concerns_for
    std::uint64_t m_concerns_for = 0;
    // The findings list, measured (see draw_findings).
    static constexpr std::uint32_t k_heading_row = 0xFFFFFFFFu;
    struct FindingRow {
        std::uint32_t finding;             // index into the findings, or k_heading_row
        float y;                           // top, from the list's start
    };
    std::vector<FindingRow> m_finding_rows;
    float m_finding_rows_height = 0;
    float m_finding_rows_width = -1;
    bool m_finding_rows_concern = true;
    std::uint64_t m_finding_rows_for = 0;
    std::vector<std::string> m_diagnostic_lines;  // formatted once per load
    std::uint64_t m_diagnostic_lines_for = 0;
    std::uint64_t m_opened_for = 0;        // the load the tabs were last opened for
};

// The top bar: the case, its status, view options and the legend.
class ToolbarPanel : public Panel {
public:
    ToolbarPanel() : Panel("##toolbar") {}
    // The height it needs: what it held in the last frame (its legend wraps onto a second line
    // in a narrow window rather than running off the edge).
    [[nodiscard]] float height() const { return m_height; }

protected:
    void draw_content(App& app) override;
    // The "Export picture" button and its menu: the timeline view or the genogram, PNG or SVG.
    void export_menu(App& app, const LoadedCase& d);
    [[nodiscard]] ImGuiWindowFlags window_flags() const override {
        return ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar;
    }

private:
    std::string m_exported;  // what the last export wrote, or why it could not
    float m_height = 40;     // pixels
};

}  // namespace sightline::viewer
