// `sightline check` output: JSON and a readable text report.
//
// [SECTION] JSON
// [SECTION] Text helpers
// [SECTION] Text report
#include "sightline/formats/check_report.hpp"

#include <algorithm>
#include <map>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

// [SECTION] JSON

namespace {

// Writes finding fields as their types say (finding_types.hpp).
struct FieldWriter {
    const Case& c;
    JsonWriter& w;

    void value(bool b) { w.value(b); }
    void value(std::int64_t n) { w.value(n); }
    void value(const std::string& s) { w.value(s); }
    void value(DayValue d) { w.value(format_day(d.day)); }
    void value(EntryIndex i) { w.value(entry_id(c.chronology.entries[index_of(i)])); }
    void value(PersonId p) { w.value(c.person(p).id); }
    template <class E>
        requires std::is_enum_v<E>
    void value(E word) {
        w.value(to_string(word));
    }
    template <class T>
    void value(const std::optional<T>& v) {
        if (v) value(*v);
        else w.null();
    }
    template <class T>
    void value(const std::vector<T>& list) {
        w.begin_array();
        for (const T& item : list) value(item);
        w.end_array();
    }

    template <class T>
    void field(std::string_view name, const T& v) {
        w.key(name);
        value(v);
    }
    template <class T>
    void field(std::string_view name, const Omittable<T>& v) {
        if (!v) return;
        w.key(name);
        value(*v);
    }
};

}  // namespace

void write_finding_json(const Case& c, const Finding& f, JsonWriter& w, FieldFilter keep) {
    FieldWriter out{c, w};
    w.begin_object();
    w.field("kind", to_string(f.kind()));
    for_each_field(f, [&](std::string_view name, const auto& value) {
        if (!keep || keep(f, &value)) out.field(name, value);
    });
    out.field("entries", f.entries);
    w.field("concern", f.concern);
    w.field("message", f.message);
    w.end_object();
}

void write_check_json(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.field("entries", static_cast<std::uint64_t>(c.chronology.entries.size()));
    if (!c.chronology.undated.empty()) w.field("undated", static_cast<std::uint64_t>(c.chronology.undated.size()));
    w.key("diagnostics");
    write_diagnostics_json(c, w);
    w.key("findings");
    w.begin_array(true);
    for (const Finding& f : findings) write_finding_json(c, f, w);
    w.end_array();
    w.end_object();
    out.push_back('\n');
}

// [SECTION] Text helpers

namespace {

// "! " before a finding of concern; "- " before one given for information (the records cannot
// show more, or no case was open).
std::string mark(const Finding& f) { return f.concern ? "! " : "- "; }

// A number that may be missing, as text ("" when it is).
std::string number_text(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : std::string(); }

// The first sentence of a message (the whole message when it is one sentence).
std::string first_sentence(const std::string& m) {
    const std::size_t end = m.find(". ");
    return end == std::string::npos ? m : m.substr(0, end + 1);
}

std::string pad(std::string s, std::size_t width) {
    // Width counts bytes; the labels padded here are ASCII.
    if (s.size() < width) s.append(width - s.size(), ' ');
    return s;
}

std::string pad_left(std::string s, std::size_t width) {
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

// Wraps text to a width with an indent on every line.
std::string wrap(const std::string& text, std::size_t indent, std::size_t width = 100) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && indent + line.size() + 1 + word.size() > width) {
            out += std::string(indent, ' ') + line + "\n";
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty()) out += std::string(indent, ' ') + line + "\n";
    return out;
}

std::string describe(const Case& c, EntryIndex i) {
    const Entry& e = c.chronology.entries[index_of(i)];
    return pad(format_date(e.date), 17) + " " + std::string(c.agency_name(e.agency)) + ", " + type_text(e) + " [" +
           source_text(c, e) + "]";
}

void heading(std::string& out, const std::string& title) { out += "\n" + title + "\n" + std::string(title.size(), '=') + "\n"; }

// [SECTION] Text report

void children_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "When the children were seen");
    if (c.info.index_children.empty()) {
        out += "  No index_children are named in case.yaml, so there is no one to look for.\n";
        return;
    }
    for (PersonId child : c.info.index_children) {
        const Person& p = c.person(child);
        out += "\n" + p.name + " (" + p.id + (p.born ? ", born " + format_date(*p.born) : "") + ")\n";
        for (const Finding& f : findings)
            if (f.child == child && f.kind() == FindingKind::Sightings) out += wrap(f.message, 2);
        std::vector<const Finding*> periods;
        for (const Finding& f : findings)
            if (f.child == child && f.kind() == FindingKind::UnseenPeriod) periods.push_back(&f);
        // Longest first: the reader's eye goes to the top.
        std::stable_sort(periods.begin(), periods.end(), [](const Finding* a, const Finding* b) {
            return a->to_day - a->from_day > b->to_day - b->from_day;
        });
        for (std::size_t k = 0; k < periods.size(); ++k) {
            const Finding& f = *periods[k];
            out += wrap(mark(f) + f.message, 2);
            if (k >= 3) continue;  // contacts listed for the three longest
            const EntryList& contacts = f.as<UnseenPeriodFinding>()->contacts_without_sighting;
            const std::size_t shown = std::min<std::size_t>(contacts.size(), 8);
            for (std::size_t j = 0; j < shown; ++j) out += "      " + describe(c, contacts[j]) + "\n";
            if (contacts.size() > shown) out += "      ... and " + std::to_string(contacts.size() - shown) + " more\n";
        }
        if (periods.empty()) out += "  No unseen period longer than the threshold.\n";
        // Evidence found later, beside who saw the child in its window.
        for (const Finding& f : findings)
            if (f.child == child && f.kind() == FindingKind::RetrospectiveEvidence) out += wrap(mark(f) + f.message, 2);
        // Recording figures as a table.
        std::vector<const Finding*> rows;
        for (const Finding& f : findings)
            if (f.child == child && f.kind() == FindingKind::SeenRecording) rows.push_back(&f);
        if (rows.empty()) continue;
        out += "  Recording of whether " + p.name + " was seen, per agency:\n";
        out += "    " + pad("agency", 36) + pad_left("contacts", 9) + pad_left("not recorded", 14) + pad_left("seen", 6) +
               pad_left("alone", 7) + pad_left("views", 7) + "\n";
        for (const Finding* f : rows) {
            const SeenRecordingFinding& r = *f->as<SeenRecordingFinding>();
            const std::string views = r.views_applicable == 0
                                          ? "-"
                                          : std::to_string(r.views_sought) + "/" + std::to_string(r.views_applicable);
            out += std::string(f->concern ? "  ! " : "    ") + pad(r.agency, 36) + pad_left(std::to_string(r.contacts), 9) +
                   pad_left(std::to_string(r.not_recorded) + " (" + std::to_string(r.not_recorded_percent) + "%)", 14) +
                   pad_left(std::to_string(r.seen), 6) + pad_left(std::to_string(r.seen_alone), 7) + pad_left(views, 7) + "\n";
        }
    }
}

void gaps_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Gaps in contact");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (f.kind() != FindingKind::Gap) continue;
        ++n;
        out += wrap(mark(f) + f.message, 2);
    }
    if (n == 0) out += "  No gap longer than the thresholds.\n";
}

void transfers_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Moves and transfers");
    std::size_t moves = 0;
    for (std::size_t k = 0; k < findings.size(); ++k) {
        const Finding& m = findings[k];
        if (m.kind() != FindingKind::Move) continue;
        ++moves;
        out += "\n" + wrap(m.message, 0);
        out += "    " + pad("agency kind", 24) + pad("status", 8) + pad_left("days", 6) + "  " + pad("threshold", 18) + "first contact\n";
        for (std::size_t j = k + 1; j < findings.size() && findings[j].kind() == FindingKind::Transfer; ++j) {
            const TransferFinding& t = *findings[j].as<TransferFinding>();
            std::string status(to_string(t.status));
            if (t.status != TransferStatus::Ok)
                for (char& ch : status) ch = static_cast<char>(ch - 'a' + 'A');
            out += std::string(findings[j].concern ? "  ! " : "    ") + pad(std::string(label(t.agency_kind)), 24) +
                   pad(status, 8) + pad_left(number_text(t.first_contact_days), 6) + "  " +
                   pad(std::to_string(t.threshold) + " " + std::string(to_string(t.threshold_unit)), 18) +
                   (t.first_contact ? describe(c, *t.first_contact) : std::string("none")) + "\n";
        }
        for (std::size_t j = k + 1; j < findings.size() && findings[j].kind() == FindingKind::Transfer; ++j)
            if (findings[j].concern) out += wrap("- " + findings[j].message, 4);
    }
    if (moves == 0) out += "  No moves between areas.\n";
    std::size_t misrouted = 0;
    for (const Finding& f : findings)
        if (f.kind() == FindingKind::MisroutedNotification) {
            if (misrouted++ == 0) out += "\nNotifications sent to the wrong area:\n";
            out += wrap(mark(f) + f.message, 2);
        }
}

void summary_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Summary");
    const std::vector<std::string> points = summary_points(c, findings);
    for (const std::string& point : points) out += wrap("- " + point, 2);
    if (points.empty()) out += "  Nothing of concern was found.\n";
}

void clusters_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "The same incident, told by several agencies");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (f.kind() == FindingKind::Corroboration) {
            ++n;
            out += "\n" + wrap(f.message, 2);
            for (EntryIndex i : f.entries) {
                const Entry& e = c.chronology.entries[index_of(i)];
                out += "      " + describe(c, i) + "\n";
                std::string words(e.summary.substr(0, 160));
                if (e.summary.size() > 160) words += "...";
                out += wrap("\"" + words + "\"", 8);
            }
        } else if (f.kind() == FindingKind::Discrepancy) {
            out += wrap(mark(f) + f.message, 4);
        }
    }
    for (const Finding& f : findings)
        if (f.kind() == FindingKind::DuplicateEntry) out += wrap(mark(f) + f.message, 2);
    if (n == 0) out += "  No incident is recorded by more than one agency.\n";
}

void people_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "People");
    std::size_t n = 0;
    for (const Finding& f : findings)
        if (f.kind() == FindingKind::InvisibleAdult || f.kind() == FindingKind::UncheckedAdult ||
            f.kind() == FindingKind::UnknownPerson) {
            ++n;
            out += wrap(mark(f) + f.message, 2);
        }
    if (n == 0) out += "  Every adult named is known to health or social care, and every subject is in the case.\n";
}

void knowledge_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Who knew what");
    out += "  Risk events that agencies in contact with the family afterwards never received:\n";
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (f.kind() != FindingKind::NotShared) continue;
        ++n;
        out += wrap(mark(f) + f.message, 2);
    }
    if (n == 0) out += "  Every risk event reached every agency involved afterwards (or there were none).\n";
}

void patterns_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Patterns");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        switch (f.kind()) {
            case FindingKind::MissedAppointments:
            case FindingKind::RepeatedDomesticAbuse:
            case FindingKind::Rereferral:
            case FindingKind::InfantInjury:
            case FindingKind::PractitionerChanges:
                ++n;
                out += wrap(mark(f) + f.message, 2);
                break;
            default:
                break;
        }
    }
    if (n == 0) out += "  None of the patterns was found.\n";
}

}  // namespace

std::vector<std::string> summary_points(const Case& c, const std::vector<Finding>& findings) {
    std::vector<std::string> out;
    for (PersonId child : c.info.index_children) {
        const Finding* any = nullptr;
        const Finding* by_kind = nullptr;
        for (const Finding& f : findings) {
            const auto* p = f.as<UnseenPeriodFinding>();
            if (f.child != child || !p) continue;
            const Finding*& best = p->agency_kind ? by_kind : any;
            if (!best || f.to_day - f.from_day > best->to_day - best->from_day) best = &f;
        }
        for (const Finding* f : {any, by_kind})
            if (f) out.push_back(first_sentence(f->message));
    }
    const Finding* gap = nullptr;
    for (const Finding& f : findings) {
        const auto* g = f.as<GapFinding>();
        if (g && !g->agency && (!gap || f.to_day - f.from_day > gap->to_day - gap->from_day)) gap = &f;
    }
    if (gap) out.push_back(first_sentence(gap->message));
    for (const Finding& f : findings) {
        const FindingKind k = f.kind();
        const bool headline = (k == FindingKind::Transfer && f.concern) || k == FindingKind::MisroutedNotification ||
                              k == FindingKind::Discrepancy || k == FindingKind::InvisibleAdult ||
                              k == FindingKind::UncheckedAdult || k == FindingKind::RepeatedDomesticAbuse ||
                              k == FindingKind::InfantInjury || k == FindingKind::MissedAppointments;
        if (headline) out.push_back(first_sentence(f.message));
    }
    return out;
}

std::vector<std::string> check_overview(const Case& c, const std::vector<Finding>& findings) {
    std::vector<std::string> lines;
    const auto& entries = c.chronology.entries;
    std::string line = std::to_string(entries.size()) + (entries.size() == 1 ? " entry" : " entries") + " from " +
                       std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources");
    if (!entries.empty()) line += ", " + format_date(entries.front().date) + " to " + format_date(entries.back().date);
    if (c.info.scope_from || c.info.scope_to)
        line += "; scope " + (c.info.scope_from ? format_date(*c.info.scope_from) : std::string("...")) + " to " +
                (c.info.scope_to ? format_date(*c.info.scope_to) : std::string("..."));
    lines.push_back(std::move(line));
    if (const std::size_t undated = c.chronology.undated.size())
        lines.push_back("and " + std::to_string(undated) + (undated == 1 ? " entry" : " entries") +
                        " the agencies could not date (kept at the end of the chronology; not in the dated findings)");
    std::size_t inferred = 0;
    c.chronology.for_each_entry([&](const Entry& e) { inferred += e.type_inferred ? 1 : 0; });
    if (inferred)
        lines.push_back(std::to_string(inferred) + (inferred == 1 ? " entry has its type" : " entries have their type") +
                        " read from the words (no type was written; marked \"inferred\" in the chronology)");
    std::size_t concerns = 0;
    for (const Finding& f : findings) concerns += f.concern ? 1 : 0;
    lines.push_back(std::to_string(concerns) + " findings of concern (marked !); input: " +
                    std::to_string(c.diagnostics.error_count()) + " errors, " + std::to_string(c.diagnostics.warning_count()) +
                    " warnings");
    std::uint64_t rejected = 0;
    for (const Source& s : c.sources) rejected += s.counts.rows_rejected;
    if (c.diagnostics.has_errors())
        lines.push_back("! The input has errors" +
                        (rejected ? ": " + std::to_string(rejected) + (rejected == 1 ? " row was rejected" : " rows were rejected")
                                  : std::string()) +
                        ", so these findings rest on an incomplete chronology. See \"Input problems\" at the end.");
    return lines;
}

void write_check_text(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    out += "Sightline check: " + c.info.title + "\n";
    for (const std::string& line : check_overview(c, findings)) out += line + "\n";

    summary_section(c, findings, out);
    children_section(c, findings, out);
    gaps_section(c, findings, out);
    transfers_section(c, findings, out);
    clusters_section(c, findings, out);
    people_section(c, findings, out);
    knowledge_section(c, findings, out);
    patterns_section(c, findings, out);

    heading(out, "Sources");
    out += "  rows read = entries made + rows rejected\n";
    for (const Source& s : c.sources) {
        out += "  " + pad(s.path, 44) + pad_left(std::to_string(s.counts.rows_read), 6) + " = " +
               pad_left(std::to_string(s.counts.entries_made), 5) + " + " + std::to_string(s.counts.rows_rejected);
        std::string notes;
        if (s.counts.undated) notes += std::to_string(s.counts.undated) + " undated";
        if (s.counts.blank_rows) notes += (notes.empty() ? "" : ", ") + std::to_string(s.counts.blank_rows) + " blank rows";
        if (!notes.empty()) out += "  (" + notes + ")";
        out += "\n";
    }
    if (!c.diagnostics.empty()) {
        heading(out, "Input problems");
        for (const Diagnostic& d : c.diagnostics.items()) out += "  " + format_diagnostic(d) + "\n";
    }
}

}  // namespace sightline::formats
