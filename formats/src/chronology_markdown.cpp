// The integrated chronology as a Markdown table, undated entries in their own section.
#include "sightline/formats/chronology_writer.hpp"

#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"

namespace sightline::formats {

using namespace sightline::engine;

void append_markdown_cell(std::string& out, std::string_view cell) {
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char ch = cell[i];
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += "<br>";
        else if (ch == '\r') continue;
        else out.push_back(ch);
    }
}

void write_chronology_markdown(const Case& c, std::string& out) {
    const Chronology& ch = c.chronology;
    out += "# Integrated chronology: ";
    append_markdown_cell(out, c.info.title);
    out += "\n\n";
    out += std::to_string(ch.entries.size()) + (ch.entries.size() == 1 ? " dated entry" : " dated entries");
    if (!ch.undated.empty())
        out += " and " + std::to_string(ch.undated.size()) + " undated (listed after them)";
    out += " from " + std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources") +
           ". Dates keep the precision they were written with (`2015-06` is sometime in June 2015; "
           "`~` is approximate; `a/b` is sometime between). A type marked *(inferred)* was read from the "
           "words: the agency wrote none.\n\n";
    std::uint64_t rejected = 0;
    for (const Source& s : c.sources) rejected += s.counts.rows_rejected;
    if (c.diagnostics.has_errors())
        out += "**Incomplete: the input has " + std::to_string(c.diagnostics.error_count()) + " errors" +
               (rejected ? " and " + std::to_string(rejected) + " rows were rejected" : std::string()) +
               "; run `sightline check` on the case to see them.**\n\n";
    const auto table = [&](const auto& entries, std::size_t& n) {
        out += "| # | Date | Agency | Area | Type | Summary | People | Child seen | Source | Review notes |\n";
        out += "|---|---|---|---|---|---|---|---|---|---|\n";
        for (const Entry& e : entries) {
            out += "| " + std::to_string(++n) + " | ";
            append_markdown_cell(out, e.undated ? std::string(e.date_text.empty() ? "undated" : e.date_text) : format_date(e.date));
            out += " | ";
            append_markdown_cell(out, c.agency_name(e.agency));
            out += " | ";
            append_markdown_cell(out, c.area_name(e.area));
            out += " | ";
            append_markdown_cell(out, type_text(e));
            out += " | ";
            append_markdown_cell(out, e.summary);
            // A template's other columns ("Action taken / outcome"), each under its heading.
            for (const auto& [k, v] : ch.extras_of(e)) {
                out += "<br>*";
                append_markdown_cell(out, k);
                out += ":* ";
                append_markdown_cell(out, v);
            }
            out += " | ";
            append_markdown_cell(out, people_text(c, e));
            out += " | ";
            append_markdown_cell(out, child_seen_text(c, e));
            out += " | ";
            append_markdown_cell(out, source_text(c, e));
            out += " | ";
            if (const EntryNote* note = c.notes.note_for(entry_id(e))) append_markdown_cell(out, note->text);
            out += " |\n";
        }
    };
    std::size_t n = 0;
    table(ch.entries, n);
    if (!ch.undated.empty()) {
        out += "\n## Undated entries\n\n";
        out += "The agencies could not date these (the Date column shows what they wrote). They are kept "
               "here, in the order of their returns, and take no part in the dated findings.\n\n";
        table(ch.undated, n);
    }
}

}  // namespace sightline::formats
