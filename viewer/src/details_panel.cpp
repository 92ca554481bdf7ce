// The entry under the pointer, or the selected one: every field, its source, the review note.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string_view>

#include "app.hpp"
#include "panels.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/review_log.hpp"
#include "style.hpp"

namespace sightline::viewer {

namespace {

const ImVec4 k_label_colour(0.4f, 0.45f, 0.5f, 1);

// A field and its value; the label wraps too (a template's own headings can be long).
// Returns whether the value is under the pointer.
bool row(std::string_view label, const std::string& value) {
    if (value.empty()) return false;
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::PushStyleColor(ImGuiCol_Text, k_label_colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label.data(), label.data() + label.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::TableSetColumnIndex(1);
    ImGui::TextWrapped("%s", value.c_str());
    return ImGui::IsItemHovered();
}

}  // namespace

void DetailsPanel::draw_content(App& app) {
    const LoadedCase* d = app.data();
    if (!d || !d->c) return;
    const engine::Case& c = *d->c;
    const bool previewing = app.hovered_entry && app.hovered_entry != app.selected_entry;
    const std::optional<engine::EntryRef> shown = previewing ? app.hovered_entry : app.selected_entry;
    if (!shown) {
        ImGui::TextWrapped("Point at an entry on the timeline to read it; click to select it and write a review note.");
        return;
    }
    const engine::Entry& e = engine::entry_at(c.chronology, *shown);
    const std::string id = engine::entry_id(e);
    if (previewing) ImGui::TextColored(k_label_colour, "(pointing; click to select)");
    if (ImGui::BeginTable("fields", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthFixed, 96);
        ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
        if (e.undated) {
            // As the written outputs say it ("undated (Not known)"), and why it is not on the timeline.
            if (row("Date", formats::date_text(e) + ": the agency could not date it, so it is not on the timeline"))
                ImGui::SetTooltip("Listed after the dated entries in the Chronology tab; it takes no part in the findings");
        } else {
            std::string date = engine::format_date(e.date);
            if (e.date_text != date) date += "   (written " + std::string(e.date_text) + ")";
            row("Date", date);
        }
        const engine::Agency& a = c.agency(e.agency);
        row("Agency", a.name + "  (" + std::string(engine::label(a.kind)) + (engine::is_none(e.area) ? "" : ", " + std::string(c.area_name(e.area))) + ")");
        if (row("Type", formats::type_text(e)) && e.type_inferred) ImGui::SetTooltip("no type was written; read from the words");
        row("Summary", std::string(e.summary));
        // A template's other columns ("Action Taken / Outcome"), each under its own heading.
        for (const auto& [field, value] : c.chronology.extras_of(e)) row(field, std::string(value));
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
    if (app.reviewer.empty()) app.reviewer = formats::os_user();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    ImGui::InputText("reviewer (for the review log)", &app.reviewer);
    if (ImGui::Button("Save note")) {
        const std::string error = app.save_note(*shown, m_note);
        m_status = error.empty() ? "saved to " + (c.notes.file.empty() ? std::string("notes.yaml") : c.notes.file) : "not saved: " + error;
    }
    if (!m_status.empty()) {
        ImGui::SameLine();
        ImGui::TextColored(k_label_colour, "%s", m_status.c_str());
    }
}

}  // namespace sightline::viewer
