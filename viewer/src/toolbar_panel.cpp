// The top bar: the case, counts, grouping, and the legend of marks.
#include <imgui.h>

#include <string>

#include "app.hpp"
#include "panels.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

// A legend item: the marker as the timeline draws it, then its meaning.
void legend(engine::MarkStyle s, const char* text) {
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
    ImGui::SameLine(0, 24);
    legend(engine::MarkStyle::SeenAlone, "seen alone");
    legend(engine::MarkStyle::Seen, "seen");
    legend(engine::MarkStyle::NotSeen, "not seen");
    legend(engine::MarkStyle::NotRecorded, "not recorded");
    legend(engine::MarkStyle::Family, "family account");
    legend(engine::MarkStyle::Retrospective, "found later");
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "wheel: zoom   drag: pan   shift+wheel: lanes");
}

}  // namespace sightline::viewer
