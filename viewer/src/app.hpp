// The viewer's state and the panels that show it. Loading runs on a worker thread; the UI
// thread only swaps a finished case in.
//
// [SECTION] Loaded case
// [SECTION] App
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/engine/model.hpp"
#include "sightline/engine/timeline.hpp"

namespace sightline::viewer {

// [SECTION] Loaded case

// Everything computed from one case, built off the UI thread.
struct LoadedCase {
    std::uint64_t generation = 0;                     // counts loads; panels key their caches on it
    std::string path;
    std::unique_ptr<engine::Case> c;
    std::vector<engine::Finding> findings;
    engine::TimelineModel timeline;
    engine::LaneGrouping grouping = engine::LaneGrouping::Area;  // how timeline's lanes are grouped
    engine::TimelineOverlays overlays;
    engine::GenogramLayout genogram;                  // positions do not depend on the date
    std::vector<std::vector<std::uint32_t>> entries_of_person;  // person -> entries naming them
    std::string error;                                // set when the case could not be read at all
    double load_seconds = 0;
};

class Panel;
class ToolbarPanel;

// [SECTION] App

class App {
public:
    explicit App(std::string case_path);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Starts loading a case in the background (replacing the current one when done).
    void load(std::string path);
    // Reloads the case with names replaced by roles (for showing it at a learning event), or not.
    void set_anonymised(bool on);
    [[nodiscard]] bool anonymised() const { return m_anonymised; }
    // Swaps a finished load in; true when a case is ready to show.
    bool poll();
    [[nodiscard]] bool loading() const { return m_loading.load(); }
    // Lays out and draws every panel for this frame.
    void frame();

    // The case on screen (nullptr while none is loaded).
    [[nodiscard]] const LoadedCase* data() const { return m_data.get(); }

    // Shared view state, changed by any panel.
    double view0 = 0, view1 = 1;                      // visible time range, local seconds
    std::int64_t cursor = 0;                          // the date cursor (local seconds): the genogram's date
    std::optional<engine::EntryRef> selected_entry;   // dated or undated
    std::optional<engine::EntryRef> hovered_entry;    // this frame
    std::optional<std::uint32_t> selected_finding;
    std::optional<engine::PersonId> selected_person;
    std::optional<engine::PersonId> hovered_person;   // this frame
    engine::LaneGrouping grouping = engine::LaneGrouping::Area;
    bool scroll_table_to_selection = false;

    // The selected entry when it is dated: the one the timeline marks (an undated one is not on it).
    [[nodiscard]] std::optional<std::uint32_t> selected_dated() const {
        if (!selected_entry || selected_entry->undated) return std::nullopt;
        return selected_entry->index;
    }

    // Actions.
    // Selects an entry; a dated one also brings the timeline to it (zoom: close in on it) and
    // moves the date cursor there. An undated one leaves the timeline and the cursor where they are.
    void select_entry(engine::EntryRef entry, bool zoom);
    void select_finding(std::uint32_t finding);
    void zoom_to(std::int64_t t0, std::int64_t t1);
    void fit_all();
    void set_grouping(engine::LaneGrouping g);
    // Saves a review note for an entry to notes.yaml (atomically), recorded in the review log as
    // made by reviewer; returns an error text or "".
    std::string save_note(engine::EntryRef entry, const std::string& text);
    std::string reviewer;                  // who the review log says made the changes (the OS user until set)

    // Start-up options.
    std::optional<std::string> initial_at;            // --at DATE
    std::optional<std::string> initial_select;        // --select ENTRY-ID (dated or undated)
    bool initial_select_missing = false;              // the case has no entry with that id
    std::optional<std::string> open_tab;              // --tab: the bottom panel's tab to open, once

private:
    void apply_initial_options();
    std::string m_path;
    bool m_anonymised = false;             // names replaced by roles; notes cannot be saved
    std::unique_ptr<LoadedCase> m_data;
    std::unique_ptr<LoadedCase> m_pending;
    std::mutex m_mutex;
    std::thread m_worker;
    std::atomic<bool> m_loading{false};
    std::uint64_t m_generation = 0;
    std::vector<std::unique_ptr<Panel>> m_panels;
    ToolbarPanel* m_toolbar = nullptr;     // m_panels[0]: its height follows what it holds
};

}  // namespace sightline::viewer
