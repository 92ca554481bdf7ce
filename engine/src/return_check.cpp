// Checking one agency's return before it is sent.
#include "sightline/engine/return_check.hpp"

#include <algorithm>
#include <tuple>

namespace sightline::engine {

namespace {

// "row 14", or "table 2, row 14" in a Word document.
std::string row_name(const SourceLocation& w) {
    return (w.table ? "table " + std::to_string(w.table) + ", row " : std::string("row ")) +
           std::to_string(w.line);
}

Diagnostic at(Severity s, const std::string& file, const SourceLocation& w, std::string code,
              std::string message) {
    Diagnostic d{s, file, w.line, 0, std::move(code), std::move(message)};
    d.table = w.table;
    return d;
}

// Does the entry say, for every index child (or at all, in a return read without a case),
// whether the child was seen?
bool says_whether_seen(const Case& c, const Entry& e) {
    const std::size_t children = std::max<std::size_t>(1, c.info.index_children.size());
    for (std::size_t i = 0; i < children; ++i)
        if (c.chronology.seen(e, i) != ChildSeen::NotRecorded) return true;
    return false;
}

}  // namespace

bool could_see_child(EntryType type) {
    switch (type) {
        case EntryType::Contact:
        case EntryType::HomeVisit:
        case EntryType::OfficeVisit:
        case EntryType::Appointment:
        case EntryType::Assessment:
        case EntryType::PoliceIncident:
        case EntryType::HospitalAttendance:
        case EntryType::Admission:
        case EntryType::GpConsultation:
        case EntryType::Immunisation:
        case EntryType::DevelopmentalCheck:
        case EntryType::SchoolAttendanceConcern:
        case EntryType::MissingEpisode:
            return true;
        default:
            return false;
    }
}

Diagnostics check_return(const Case& c, SourceId source, const std::string& file) {
    Diagnostics out;
    std::vector<const Entry*> rows;
    c.chronology.for_each_entry([&](const Entry& e) {
        if (e.where.source == source) rows.push_back(&e);
    });
    std::sort(rows.begin(), rows.end(), [](const Entry* a, const Entry* b) {
        return std::tie(a->where.table, a->where.line) < std::tie(b->where.table, b->where.line);
    });
    if (rows.empty() && c.sources[index_of(source)].counts.rows_read == 0)
        out.add(at(Severity::Warning, file, SourceLocation{source, 0, 0, 0}, "return-empty",
                   "the return has no entries yet: one row per contact or event, oldest first"));

    // Oldest first: a row that must be earlier than the latest row above it is out of place.
    const Entry* latest = nullptr;  // the row above with the latest earliest day
    for (const Entry* e : rows) {
        if (e->undated) continue;
        if (latest && e->date.latest_day() < latest->date.earliest_day())
            out.add(at(Severity::Warning, file, e->where, "row-order",
                       row_name(e->where) + " (" + format_date(e->date) + ") comes after " +
                           row_name(latest->where) + " (" + format_date(latest->date) +
                           "): a chronology runs oldest first; is either date wrong?"));
        if (!latest || e->date.earliest_day() > latest->date.earliest_day()) latest = e;
    }

    // Whether the child was seen, at every contact where they could have been.
    std::vector<const Entry*> unsaid;
    std::size_t could = 0;
    for (const Entry* e : rows) {
        if (!could_see_child(e->type) || c.agency_kind(e->agency) == AgencyKind::Family) continue;
        ++could;
        if (!says_whether_seen(c, *e)) unsaid.push_back(e);
    }
    if (!unsaid.empty() && unsaid.size() == could && could > 1) {
        out.add(
            at(Severity::Warning, file, unsaid.front()->where, "child-seen-missing",
               "none of the " + std::to_string(could) +
                   " contacts at which the child could have been seen says whether they were: add a column "
                   "'Child seen and spoken to?' (Yes, Yes - seen alone, No, N/A)"));
    } else {
        for (const Entry* e : unsaid)
            out.add(
                at(Severity::Warning, file, e->where, "child-seen-missing",
                   row_name(e->where) + " (" + (e->undated ? std::string("undated") : format_date(e->date)) +
                       ", " + std::string(label(e->type)) +
                       ") does not say whether the child was seen: write Yes, Yes - seen alone, No or N/A"));
    }

    // Rows with no date are kept; the agency may still find it.
    for (const Entry* e : rows)
        if (e->undated)
            out.add(at(Severity::Note, file, e->where, "row-undated",
                       row_name(e->where) + " has no date" +
                           (e->date_text.empty() ? std::string() : " ('" + std::string(e->date_text) + "')") +
                           "; it will be kept as an undated entry: add the date if the records give it"));

    // Types read from the words: said once, with the first as an example.
    const auto inferred =
        std::count_if(rows.begin(), rows.end(), [](const Entry* e) { return e->type_inferred; });
    if (inferred > 0) {
        const Entry* first =
            *std::find_if(rows.begin(), rows.end(), [](const Entry* e) { return e->type_inferred; });
        out.add(at(Severity::Note, file, SourceLocation{source, 0, 0, 0}, "type-inferred",
                   std::to_string(inferred) + (inferred == 1 ? " row has" : " rows have") +
                       " no type; it is read from the words (" + row_name(first->where) + " reads as " +
                       std::string(label(first->type)) + "): a Type of contact column says it exactly"));
    }
    return out;
}

}  // namespace sightline::engine
