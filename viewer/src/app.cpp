// The viewer's state: loading off the UI thread, the layout of panels, shared actions.
#include "app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>

#include "panels.hpp"
#include "sightline/engine/anonymise.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/notes_file.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

// Everything the panels need from one case, computed on the worker thread.
std::unique_ptr<LoadedCase> build(const std::string& path, engine::LaneGrouping grouping, bool anonymised) {
    const auto started = std::chrono::steady_clock::now();
    auto d = std::make_unique<LoadedCase>();
    d->path = path;
    try {
        d->c = std::make_unique<engine::Case>(formats::load_case(path));
    } catch (const engine::Error& e) {
        d->error = formats::format_diagnostic(e.diagnostic());
        return d;
    }
    d->findings = engine::analyse(*d->c);
    if (anonymised) engine::anonymise(*d->c, d->findings);
    const engine::Case& c = *d->c;
    d->timeline = engine::build_timeline(c, grouping);
    d->grouping = grouping;
    d->overlays = engine::build_overlays(c, d->findings);
    d->genogram = engine::compute_layout(c);
    d->entries_of_person = engine::entries_by_person(c);
    d->load_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return d;
}

}  // namespace

App::App(std::string case_path) {
    auto toolbar = std::make_unique<ToolbarPanel>();
    m_toolbar = toolbar.get();
    m_panels.push_back(std::move(toolbar));
    m_panels.push_back(std::make_unique<GenogramPanel>());
    m_panels.push_back(std::make_unique<DetailsPanel>());
    m_panels.push_back(std::make_unique<TimelinePanel>());
    m_panels.push_back(std::make_unique<TablesPanel>());
    if (!case_path.empty()) load(std::move(case_path));
}

App::~App() {
    if (m_worker.joinable()) m_worker.join();
}

void App::load(std::string path) {
    if (m_loading.load()) return;  // one load at a time; a drop while loading is ignored
    if (m_worker.joinable()) m_worker.join();
    m_path = path;
    m_loading = true;
    const engine::LaneGrouping g = grouping;
    const bool anonymised = m_anonymised;
    m_worker = std::thread([this, path = std::move(path), g, anonymised] {
        auto d = build(path, g, anonymised);
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_pending = std::move(d);
        m_loading = false;
    });
}

bool App::poll() {
    std::unique_ptr<LoadedCase> ready;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        ready = std::move(m_pending);
    }
    if (ready) {
        const bool first = !m_data;
        m_data = std::move(ready);
        m_data->generation = ++m_generation;
        // The grouping may have changed while the case was loading (e.g. --group kind at start-up).
        if (m_data->c && m_data->grouping != grouping) {
            m_data->timeline = engine::build_timeline(*m_data->c, grouping);
            m_data->grouping = grouping;
        }
        selected_entry.reset();
        selected_finding.reset();
        selected_person.reset();
        if (m_data->c) {
            fit_all();
            cursor = static_cast<std::int64_t>(view1 - (view1 - view0) * 0.04);
            if (m_data->c->info.scope_to) cursor = m_data->c->info.scope_to->earliest;
            if (first) apply_initial_options();
        }
    }
    return m_data && m_data->c;
}

void App::apply_initial_options() {
    if (initial_at) {
        const engine::DateParseResult r = engine::parse_date(*initial_at);
        if (r.date) cursor = r.date->earliest;
    }
    if (initial_select && m_data && m_data->c) {
        const engine::EntryIdIndex ids(m_data->c->chronology);
        if (const auto r = engine::find_entry(ids, *initial_select)) select_entry(*r, true);
        else initial_select_missing = true;
    }
}

void App::fit_all() {
    if (!m_data || !m_data->c) return;
    const double span = static_cast<double>(m_data->timeline.t_max - m_data->timeline.t_min);
    view0 = static_cast<double>(m_data->timeline.t_min) - span * 0.02;
    view1 = static_cast<double>(m_data->timeline.t_max) + span * 0.02;
}

void App::zoom_to(std::int64_t t0, std::int64_t t1) {
    if (t1 <= t0) return;
    // Within the years dates can have (1000 to 9999), whatever the request.
    static const std::int64_t k_lo = engine::day_seconds(engine::days_from_civil(1000, 1, 1));
    static const std::int64_t k_hi = engine::day_seconds(engine::days_from_civil(9999, 12, 31));
    t0 = std::clamp(t0, k_lo, k_hi - 3600);
    t1 = std::clamp(t1, t0 + 3600, k_hi);
    // No closer than an hour across the view; no further than three times the whole case.
    const double min_span = 3600.0;
    double a = static_cast<double>(t0), b = static_cast<double>(t1);
    if (b - a < min_span) {
        const double mid = (a + b) / 2;
        a = mid - min_span / 2;
        b = mid + min_span / 2;
    }
    if (m_data && m_data->c) {
        const double whole = static_cast<double>(m_data->timeline.t_max - m_data->timeline.t_min) * 3 + 86400.0 * 30;
        if (b - a > whole) {
            const double mid = (a + b) / 2;
            a = mid - whole / 2;
            b = mid + whole / 2;
        }
    }
    view0 = a;
    view1 = b;
}

void App::select_entry(engine::EntryRef entry, bool zoom) {
    selected_entry = entry;
    scroll_table_to_selection = true;
    if (!m_data || !m_data->c || entry.undated) return;  // no date: nothing to show on the timeline
    const engine::Entry& e = m_data->c->chronology.entries[entry.index];
    const double t = static_cast<double>(e.date.sort_key());
    if (zoom || t < view0 || t > view1) {
        const double half = std::min((view1 - view0) / 2, 86400.0 * 60);
        view0 = t - half;
        view1 = t + half;
    }
    cursor = e.date.sort_key();
}

void App::select_finding(std::uint32_t finding) {
    if (!m_data || finding >= m_data->findings.size()) return;
    selected_finding = finding;
    const engine::Finding& f = m_data->findings[finding];
    const auto [t0, t1] = engine::finding_span(f);
    zoom_to(t0, t1);
    cursor = engine::day_seconds(f.from_day);
    if (!f.entries.empty()) {
        selected_entry = engine::dated_ref(engine::index_of(f.entries.front()));
        scroll_table_to_selection = true;
    }
}

void App::set_grouping(engine::LaneGrouping g) {
    grouping = g;
    if (m_data && m_data->c && m_data->grouping != g) {
        m_data->timeline = engine::build_timeline(*m_data->c, g);
        m_data->grouping = g;
    }
}

void App::set_anonymised(bool on) {
    if (on == m_anonymised || m_loading.load()) return;
    m_anonymised = on;
    if (!m_path.empty()) load(m_path);
}

std::string App::save_note(engine::EntryRef entry, const std::string& text) {
    if (!m_data || !m_data->c) return "no case";
    if (m_anonymised) return "notes cannot be saved in the anonymised view (they would lose their names)";
    engine::Case& c = *m_data->c;
    const std::string id = engine::entry_id(engine::entry_at(c.chronology, entry));
    const std::string path = c.notes.file.empty() ? formats::notes_path_for(c) : c.notes.file;
    try {
        formats::save_entry_note(path, id, text, reviewer);
    } catch (const engine::Error& e) {
        return e.diagnostic().message;
    }
    c.notes.set_note(id, text);
    c.notes.file = path;
    return {};
}

void App::frame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const ImVec2 origin = vp->WorkPos;
    const ImVec2 size = vp->WorkSize;
    const float toolbar = m_toolbar->height();  // one line, or two when the legend does not fit on one
    const float left = std::max(360.0f, size.x * 0.33f);
    const float top_h = (size.y - toolbar) * 0.60f;
    m_panels[0]->draw(*this, origin, ImVec2(size.x, toolbar));

    if (!m_data || !m_data->c) {
        // Nothing to show yet: loading, an error, or an invitation to drop a case.
        ImGui::SetNextWindowPos(ImVec2(origin.x, origin.y + toolbar));
        ImGui::SetNextWindowSize(ImVec2(size.x, size.y - toolbar));
        ImGui::Begin("##empty", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::SetCursorPos(ImVec2(40, 40));
        if (m_loading.load()) ImGui::TextUnformatted(("Reading " + m_path + " ...").c_str());
        else if (m_data && !m_data->error.empty()) {
            ImGui::TextColored(ImVec4(0.75f, 0.22f, 0.17f, 1), "This case could not be read:");
            ImGui::SetCursorPosX(40);
            ImGui::TextWrapped("%s", m_data->error.c_str());
            ImGui::SetCursorPosX(40);
            ImGui::TextUnformatted("Drop a case folder (or its case.yaml) onto this window to open another.");
        } else {
            ImGui::TextUnformatted("Drop a case folder (or its case.yaml) onto this window to open it.");
        }
        ImGui::End();
        return;
    }
    m_panels[1]->draw(*this, ImVec2(origin.x, origin.y + toolbar), ImVec2(left, top_h));
    m_panels[2]->draw(*this, ImVec2(origin.x, origin.y + toolbar + top_h), ImVec2(left, size.y - toolbar - top_h));
    m_panels[3]->draw(*this, ImVec2(origin.x + left, origin.y + toolbar), ImVec2(size.x - left, top_h));
    m_panels[4]->draw(*this, ImVec2(origin.x + left, origin.y + toolbar + top_h), ImVec2(size.x - left, size.y - toolbar - top_h));

    // Keys, when no text field has the keyboard: arrows pan, +/- zoom, Home fits everything.
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput) {
        const double span = view1 - view0;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) {
            view0 -= span * 0.1;
            view1 -= span * 0.1;
        }
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) {
            view0 += span * 0.1;
            view1 += span * 0.1;
        }
        const double mid = (view0 + view1) / 2;
        // Dear ImGui 1.86 indexes other keys by the backend's (GLFW's) key codes.
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
            zoom_to(static_cast<std::int64_t>(mid - span * 0.35), static_cast<std::int64_t>(mid + span * 0.35));
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
            zoom_to(static_cast<std::int64_t>(mid - span * 0.7), static_cast<std::int64_t>(mid + span * 0.7));
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home))) fit_all();
    }
}

}  // namespace sightline::viewer
