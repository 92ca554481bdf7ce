// The entry under the pointer, or the selected one: every field, its source, the review note.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app.hpp"
#include "panels.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

void row(const char* label, const std::string& value) {
    if (value.empty()) return;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "%s", label);
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", value.c_str());
}

}  // namespace

void DetailsPanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    const bool previewing = app.hovered_entry && app.hovered_entry != app.selected_entry;
    const std::optional<std::uint32_t> shown = previewing ? app.hovered_entry : app.selected_entry;
    if (!shown) {
        ImGui::TextWrapped("Point at an entry on the timeline to read it; click to select it and write a review note.");
        return;
    }
    const engine::Entry& e = c.chronology.entries[*shown];
    const std::string id = engine::entry_id(e);
    if (previewing) ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "(pointing; click to select)");
    if (ImGui::BeginTable("fields", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, 96);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        std::string date = engine::format_date(e.date);
        if (e.date_text != date) date += "   (written " + std::string(e.date_text) + ")";
        row("Date", date);
        const engine::Agency& a = c.agency(e.agency);
        row("Agency", a.name + "  (" + std::string(engine::label(a.kind)) + (engine::is_none(e.area) ? "" : ", " + std::string(c.area_name(e.area))) + ")");
        row("Type", formats::type_text(e));
        row("Summary", std::string(e.summary));
        row("People", formats::people_text(c, e));
        row("Child seen", formats::child_seen_text(c, e));
        if (e.views_sought != engine::Tri::Unknown) row("Views sought", e.views_sought == engine::Tri::Yes ? "yes" : "no");
        std::string to;
        for (engine::AgencyId t : c.chronology.to_of(e)) to += (to.empty() ? "" : "; ") + std::string(c.agency_name(t));
        row("Informed", to);
        row("Practitioner", std::string(e.practitioner));
        row("Ref", std::string(e.ref));
        row("Source", formats::source_text(c, e));
        row("Id", id);
        ImGui::EndTable();
    }
    if (previewing) return;

    // The review note for the selected entry, saved to notes.yaml.
    // Keyed by load and entry id: a reload that reorders entries never shows one entry's note
    // under another.
    if (m_editing_generation != d->generation || m_editing != id) {
        const engine::EntryNote* note = c.notes.note_for(id);
        m_note = note ? note->text : "";
        m_editing_generation = d->generation;
        m_editing = id;
        m_status.clear();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted("Review note");
    ImGui::InputTextMultiline("##note", &m_note, ImVec2(-1, ImGui::GetTextLineHeight() * 4));
    if (ImGui::Button("Save note")) {
        const std::string error = app.save_note(*shown, m_note);
        m_status = error.empty() ? "saved to " + (c.notes.file.empty() ? std::string("notes.yaml") : c.notes.file) : "not saved: " + error;
    }
    if (!m_status.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(0.4f, 0.45f, 0.5f, 1), "%s", m_status.c_str());
    }
}

}  // namespace sightline::viewer
