// The integrated chronology as a document: a Word table on A4 landscape (the appendix of an
// overview report), or the same as one HTML page. Header row repeated on every page, the
// agency's colour beside its name, child seen coloured as in the workbook, undated entries in
// their own section, review notes included. Text only: never a field code or a formula.
#include "sightline/formats/chronology_writer.hpp"

#include "docx_document.hpp"
#include "html_document.hpp"
#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/timeline.hpp"
#include "sightline/formats/columns.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// A colour mixed with white: `keep` of the colour (0..1).
std::uint32_t tint(std::uint32_t rgb, double keep) {
    std::uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        const double v = static_cast<double>((rgb >> shift) & 0xFF) * keep + 255.0 * (1 - keep);
        out |= static_cast<std::uint32_t>(v + 0.5) << shift;
    }
    return out;
}

detail::DocumentTable chronology_table(const Case& c, std::span<const Entry> entries, std::size_t& number) {
    const Chronology& ch = c.chronology;
    detail::DocumentTable t;
    t.header = {"No.", "Date", "Agency", "Area", "Type", "Summary", "People", "Child seen", "Source", "Id", "Review notes"};
    t.widths = {4.5, 8, 10, 9, 9, 26, 9, 8, 12, 10, 12};  // "No.", four digits and "Immunisation" on one line
    t.small = true;
    enum Column : std::size_t { k_agency = 2, k_seen = 7 };
    for (const Entry& e : entries) {
        std::string summary(e.summary);
        for (const auto& [k, v] : ch.extras_of(e)) summary += "\n" + std::string(k) + ": " + std::string(v);
        const EntryNote* note = c.notes.note_for(entry_id(e));
        t.rows.push_back({std::to_string(++number),
                          e.undated ? std::string(e.date_text.empty() ? "undated" : e.date_text) : format_date(e.date),
                          std::string(c.agency_name(e.agency)), std::string(c.area_name(e.area)), type_text(e), summary,
                          people_text(c, e), child_seen_text(c, e), source_text(c, e), entry_id(e),
                          note ? note->text : std::string()});
        std::vector<std::uint32_t> fills(t.header.size(), k_no_colour);
        if (!is_none(e.agency)) fills[k_agency] = tint(agency_colour(c.agency_kind(e.agency), c.agency_name(e.agency)), 0.3);
        fills[k_seen] = seen_cell_colours(seen_colour(c, e)).fill;
        t.fills.push_back(std::move(fills));
    }
    return t;
}

void write_chronology(const Case& c, detail::Document& doc) {
    const Chronology& ch = c.chronology;
    doc.heading("Integrated chronology: " + c.info.title, 1);
    std::string intro = std::to_string(ch.entries.size()) + (ch.entries.size() == 1 ? " dated entry" : " dated entries");
    if (!ch.undated.empty()) intro += " and " + std::to_string(ch.undated.size()) + " undated (listed after them)";
    intro += " from " + std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources") +
             ". Dates keep the precision they were written with (2015-06 is sometime in June 2015; ~ is "
             "approximate; a/b is sometime between). A type marked (inferred) was read from the words: the "
             "agency wrote none. Child seen: green seen, amber not seen, grey not recorded.";
    doc.paragraph(intro);
    if (c.diagnostics.has_errors())
        doc.paragraph("Incomplete: the input has " + std::to_string(c.diagnostics.error_count()) +
                          " errors; run sightline check on the case to see them.",
                      true);
    std::size_t number = 0;
    doc.table(chronology_table(c, ch.entries, number));
    if (!ch.undated.empty()) {
        doc.heading("Undated entries", 2);
        doc.paragraph("The agencies could not date these (the Date column shows what they wrote). They are kept "
                      "here, in the order of their returns, and take no part in the dated findings.");
        doc.table(chronology_table(c, ch.undated, number));
    }
}

}  // namespace

void write_chronology_docx(const Case& c, const std::string& path) {
    detail::WordDocument doc(true);
    write_chronology(c, doc);
    doc.save(path);
}

void write_chronology_html(const Case& c, const std::string& path) {
    detail::HtmlDocument doc;
    write_chronology(c, doc);
    doc.save(path);
}

}  // namespace sightline::formats
