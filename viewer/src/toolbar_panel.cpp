// The top bar: the case, counts, grouping, and the legend of marks.
#include <imgui.h>

#include <algorithm>
#include <string>

#include "app.hpp"
#include "panels.hpp"

#include <filesystem>

#include "sightline/formats/picture.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

// Goes on to the next line unless `width` more pixels fit on this one (called after SameLine).
void fit_or_wrap(float width) {
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

// A legend item: the marker as the timeline draws it, then its meaning; on the next line when it
// would run off the window's edge.
void legend(engine::MarkStyle s, const char* text) {
    fit_or_wrap(18 + 2 + ImGui::CalcTextSize(text).x);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 c(p.x + 8, p.y + ImGui::GetTextLineHeight() / 2);
    draw_marker(dl, c, s, 0x5D6D7E);
    ImGui::Dummy(ImVec2(18, ImGui::GetTextLineHeight()));
    ImGui::SameLine(0, 2);
    ImGui::TextUnformatted(text);
    ImGui::SameLine(0, 14);
}

}  // namespace

// The current timeline view (its range, lanes and cursor) or the genogram at the cursor, as
// PNG or SVG in a "pictures" folder beside the case: exactly what is on screen, for a slide.
void ToolbarPanel::export_menu(App& app, const LoadedCase& d) {
    if (ImGui::Button("Export picture")) ImGui::OpenPopup("export");
    if (ImGui::BeginPopup("export")) {
        const std::int64_t cursor = app.cursor;
        const auto write = [&](bool timeline, const char* extension) {
            const std::filesystem::path case_path(d.path);
            const std::filesystem::path folder =
                (std::filesystem::is_directory(case_path) ? case_path : case_path.parent_path()) / "pictures";
            const std::string day = engine::format_day(engine::seconds_day(cursor));
            const std::string file = (folder / ((timeline ? "timeline-" : "genogram-") + day + extension)).string();
            try {
                std::filesystem::create_directories(folder);
                if (timeline) {
                    formats::TimelineView view;
                    view.v0 = static_cast<std::int64_t>(app.view0);
                    view.v1 = static_cast<std::int64_t>(app.view1);
                    view.cursor = cursor;
                    view.title = d.c->info.title + ": timeline";
                    formats::write_picture_file(formats::timeline_picture(*d.c, d.timeline, d.overlays, view), file);
                } else {
                    formats::write_picture_file(
                        formats::genogram_picture(*d.c, d.genogram, engine::genogram_at(d.genogram, *d.c, engine::seconds_day(cursor))), file);
                }
                m_exported = "wrote " + file;
            } catch (const std::exception& e) {
                m_exported = std::string("could not export: ") + e.what();
            }
        };
        if (ImGui::MenuItem("Timeline view as PNG")) write(true, ".png");
        if (ImGui::MenuItem("Timeline view as SVG")) write(true, ".svg");
        if (ImGui::MenuItem("Genogram at the cursor as PNG")) write(false, ".png");
        if (ImGui::MenuItem("Genogram at the cursor as SVG")) write(false, ".svg");
        ImGui::EndPopup();
    }
    if (!m_exported.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", m_exported.c_str());
}

void ToolbarPanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) {
        ImGui::TextUnformatted(app.loading() ? "Sightline: reading the case ..." : "Sightline");
        return;
    }
    const engine::Case& c = *d->c;
    std::size_t concerns = 0;
    for (const engine::Finding& f : d->findings) concerns += f.concern ? 1 : 0;
    ImGui::TextUnformatted(c.info.title.c_str());
    ImGui::SameLine();
    // "134 dated entries, 3 undated" when some could not be dated (they are at the end of the table).
    const std::size_t undated = c.chronology.undated.size();
    const std::string entries = undated ? std::to_string(c.chronology.entries.size()) + " dated entries, " + std::to_string(undated) + " undated"
                                        : std::to_string(c.chronology.entries.size()) + " entries";
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "%s, %zu sources, %zu findings of concern%s", entries.c_str(), c.sources.size(),
                       concerns, c.diagnostics.error_count() ? ", input errors: see Diagnostics" : "");
    if (undated && ImGui::IsItemHovered())
        ImGui::SetTooltip("%zu %s could not date: listed after the dated ones in the Chronology tab,\n"
                          "not on the timeline and not in the findings",
                          undated, undated == 1 ? "entry its agency" : "entries their agencies");
    ImGui::SameLine(0, 24);
    int g = app.grouping == engine::LaneGrouping::Area ? 0 : 1;
    ImGui::TextUnformatted("Lanes by");
    ImGui::SameLine();
    if (ImGui::RadioButton("area", &g, 0)) app.set_grouping(engine::LaneGrouping::Area);
    ImGui::SameLine();
    if (ImGui::RadioButton("kind", &g, 1)) app.set_grouping(engine::LaneGrouping::Kind);
    ImGui::SameLine(0, 16);
    if (ImGui::Button("Fit all (Home)")) app.fit_all();
    ImGui::SameLine(0, 16);
    bool anonymised = app.anonymised();
    if (ImGui::Checkbox("Anonymised", &anonymised)) app.set_anonymised(anonymised);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Names replaced by roles (Child A, Mother, ...), for showing the case to others");
    ImGui::SameLine(0, 16);
    export_menu(app, *d);
    ImGui::SameLine(0, 24);
    legend(engine::MarkStyle::SeenAlone, "seen alone");
    legend(engine::MarkStyle::Seen, "seen");
    legend(engine::MarkStyle::NotSeen, "not seen");
    legend(engine::MarkStyle::NotRecorded, "not recorded");
    legend(engine::MarkStyle::Family, "family account");
    legend(engine::MarkStyle::Retrospective, "found later");
    const char* const hint = "wheel: zoom   drag: pan   shift+wheel: lanes";
    fit_or_wrap(ImGui::CalcTextSize(hint).x);
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "%s", hint);
    // The next frame's height: down to the end of the last line, and the window's padding.
    m_height = std::max(40.0f, ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y);
}

}  // namespace sightline::viewer
