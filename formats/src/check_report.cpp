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
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

// [SECTION] JSON

namespace {

void write_value(const Case& c, const FieldValue& v, JsonWriter& w) {
    struct Visitor {
        const Case& c;
        JsonWriter& w;
        void operator()(std::monostate) const { w.null(); }
        void operator()(bool b) const { w.value(b); }
        void operator()(std::int64_t n) const { w.value(n); }
        void operator()(const std::string& s) const { w.value(s); }
        void operator()(DayValue d) const { w.value(format_day(d.day)); }
        void operator()(const EntryList& list) const {
            // A one-entry field ("first_contact") is written as a single id, lists as arrays.
            w.begin_array();
            for (EntryIndex i : list) w.value(entry_id(c.chronology.entries[index_of(i)]));
            w.end_array();
        }
        void operator()(const std::vector<std::string>& list) const {
            w.begin_array();
            for (const std::string& s : list) w.value(s);
            w.end_array();
        }
    };
    std::visit(Visitor{c, w}, v);
}

// Fields that hold exactly one entry are written as one id, not an array.
bool single_entry_field(std::string_view name) {
    return name == "first_contact" || name == "from_sighting" || name == "to_sighting" || name == "old_side_entry" ||
           name == "right_area_entry";
}

}  // namespace

void write_finding_json(const Case& c, const Finding& f, JsonWriter& w) {
    w.begin_object();
    w.field("kind", to_string(f.kind));
    for (const FindingField& field : f.fields) {
        w.key(field.name);
        const auto* list = std::get_if<EntryList>(&field.value);
        if (list && single_entry_field(field.name)) {
            if (list->empty()) w.null();
            else w.value(entry_id(c.chronology.entries[index_of(list->front())]));
        } else if (std::holds_alternative<std::monostate>(field.value) && single_entry_field(field.name)) {
            w.null();
        } else {
            write_value(c, field.value, w);
        }
    }
    w.key("entries");
    write_value(c, f.entries, w);
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

std::string field_text(const Finding& f, std::string_view name) {
    const FieldValue* v = f.get(name);
    if (!v) return {};
    if (const auto* s = std::get_if<std::string>(v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(v)) return std::to_string(*n);
    if (const auto* d = std::get_if<DayValue>(v)) return format_day(d->day);
    return {};
}

const EntryList& field_entries(const Finding& f, std::string_view name) {
    static const EntryList k_empty;
    const FieldValue* v = f.get(name);
    if (!v) return k_empty;
    const auto* list = std::get_if<EntryList>(v);
    return list ? *list : k_empty;
}

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
            if (f.child == child && f.kind == FindingKind::Sightings) out += wrap(f.message, 2);
        std::vector<const Finding*> periods;
        for (const Finding& f : findings)
            if (f.child == child && f.kind == FindingKind::UnseenPeriod) periods.push_back(&f);
        // Longest first: the reader's eye goes to the top.
        std::stable_sort(periods.begin(), periods.end(), [](const Finding* a, const Finding* b) {
            return a->to_day - a->from_day > b->to_day - b->from_day;
        });
        for (std::size_t k = 0; k < periods.size(); ++k) {
            const Finding& f = *periods[k];
            out += wrap(mark(f) + f.message, 2);
            if (k >= 3) continue;  // contacts listed for the three longest
            const EntryList& contacts = field_entries(f, "contacts_without_sighting");
            const std::size_t shown = std::min<std::size_t>(contacts.size(), 8);
            for (std::size_t j = 0; j < shown; ++j) out += "      " + describe(c, contacts[j]) + "\n";
            if (contacts.size() > shown) out += "      ... and " + std::to_string(contacts.size() - shown) + " more\n";
        }
        if (periods.empty()) out += "  No unseen period longer than the threshold.\n";
        // Recording figures as a table.
        std::vector<const Finding*> rows;
        for (const Finding& f : findings)
            if (f.child == child && f.kind == FindingKind::SeenRecording) rows.push_back(&f);
        if (rows.empty()) continue;
        out += "  Recording of whether " + p.name + " was seen, per agency:\n";
        out += "    " + pad("agency", 36) + pad_left("contacts", 9) + pad_left("not recorded", 14) + pad_left("seen", 6) +
               pad_left("alone", 7) + pad_left("views", 7) + "\n";
        for (const Finding* f : rows) {
            const std::string views = field_text(*f, "views_applicable") == "0"
                                          ? "-"
                                          : field_text(*f, "views_sought") + "/" + field_text(*f, "views_applicable");
            out += std::string(f->concern ? "  ! " : "    ") + pad(field_text(*f, "agency"), 36) +
                   pad_left(field_text(*f, "contacts"), 9) +
                   pad_left(field_text(*f, "not_recorded") + " (" + field_text(*f, "not_recorded_percent") + "%)", 14) +
                   pad_left(field_text(*f, "seen"), 6) + pad_left(field_text(*f, "seen_alone"), 7) + pad_left(views, 7) + "\n";
        }
    }
}

void gaps_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Gaps in contact");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (f.kind != FindingKind::Gap) continue;
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
        if (m.kind != FindingKind::Move) continue;
        ++moves;
        out += "\n" + wrap(m.message, 0);
        out += "    " + pad("agency kind", 24) + pad("status", 8) + pad_left("days", 6) + "  " + pad("threshold", 18) + "first contact\n";
        for (std::size_t j = k + 1; j < findings.size() && findings[j].kind == FindingKind::Transfer; ++j) {
            const Finding& t = findings[j];
            std::string status = field_text(t, "status");
            std::string upper = status;
            for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
            const EntryList& first = field_entries(t, "first_contact");
            const auto kind = parse_agency_kind(field_text(t, "agency_kind"));
            out += std::string(t.concern ? "  ! " : "    ") + pad(std::string(label(kind.value_or(AgencyKind::Unknown))), 24) +
                   pad(status == "ok" ? status : upper, 8) + pad_left(field_text(t, "first_contact_days"), 6) + "  " +
                   pad(field_text(t, "threshold") + " " + field_text(t, "threshold_unit"), 18) +
                   (first.empty() ? std::string("none") : describe(c, first.front())) + "\n";
        }
        for (std::size_t j = k + 1; j < findings.size() && findings[j].kind == FindingKind::Transfer; ++j)
            if (findings[j].concern) out += wrap("- " + findings[j].message, 4);
    }
    if (moves == 0) out += "  No moves between areas.\n";
    std::size_t misrouted = 0;
    for (const Finding& f : findings)
        if (f.kind == FindingKind::MisroutedNotification) {
            if (misrouted++ == 0) out += "\nNotifications sent to the wrong area:\n";
            out += wrap(mark(f) + f.message, 2);
        }
}

// The few lines a reviewer needs first: per child the longest unseen periods, then the longest
// gap, every transfer that was late or missed, and misrouted notifications.
void summary_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Summary");
    std::size_t lines = 0;
    for (PersonId child : c.info.index_children) {
        const Finding* any = nullptr;
        const Finding* by_kind = nullptr;
        for (const Finding& f : findings) {
            if (f.child != child || f.kind != FindingKind::UnseenPeriod) continue;
            const bool kinded = std::holds_alternative<std::string>(*f.get("agency_kind"));
            const Finding*& best = kinded ? by_kind : any;
            if (!best || f.to_day - f.from_day > best->to_day - best->from_day) best = &f;
        }
        for (const Finding* f : {any, by_kind})
            if (f) {
                out += wrap("- " + first_sentence(f->message), 2);
                ++lines;
            }
    }
    const Finding* gap = nullptr;
    for (const Finding& f : findings)
        if (f.kind == FindingKind::Gap && !std::holds_alternative<std::string>(*f.get("agency")) &&
            (!gap || f.to_day - f.from_day > gap->to_day - gap->from_day))
            gap = &f;
    if (gap) {
        out += wrap("- " + first_sentence(gap->message), 2);
        ++lines;
    }
    for (const Finding& f : findings) {
        const bool headline = (f.kind == FindingKind::Transfer && f.concern) || f.kind == FindingKind::MisroutedNotification ||
                              f.kind == FindingKind::Discrepancy || f.kind == FindingKind::InvisibleAdult ||
                              f.kind == FindingKind::UncheckedAdult || f.kind == FindingKind::RepeatedDomesticAbuse ||
                              f.kind == FindingKind::InfantInjury || f.kind == FindingKind::MissedAppointments;
        if (!headline) continue;
        out += wrap("- " + first_sentence(f.message), 2);
        ++lines;
    }
    if (lines == 0) out += "  Nothing of concern was found.\n";
}

void clusters_section(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "The same incident, told by several agencies");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (f.kind == FindingKind::Corroboration) {
            ++n;
            out += "\n" + wrap(f.message, 2);
            for (EntryIndex i : f.entries) {
                const Entry& e = c.chronology.entries[index_of(i)];
                out += "      " + describe(c, i) + "\n";
                std::string words(e.summary.substr(0, 160));
                if (e.summary.size() > 160) words += "...";
                out += wrap("\"" + words + "\"", 8);
            }
        } else if (f.kind == FindingKind::Discrepancy) {
            out += wrap(mark(f) + f.message, 4);
        }
    }
    for (const Finding& f : findings)
        if (f.kind == FindingKind::DuplicateEntry) out += wrap(mark(f) + f.message, 2);
    if (n == 0) out += "  No incident is recorded by more than one agency.\n";
}

void people_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "People");
    std::size_t n = 0;
    for (const Finding& f : findings)
        if (f.kind == FindingKind::InvisibleAdult || f.kind == FindingKind::UncheckedAdult || f.kind == FindingKind::UnknownPerson) {
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
        if (f.kind != FindingKind::NotShared) continue;
        ++n;
        out += wrap(mark(f) + f.message, 2);
    }
    if (n == 0) out += "  Every risk event reached every agency involved afterwards (or there were none).\n";
}

void patterns_section(const Case&, const std::vector<Finding>& findings, std::string& out) {
    heading(out, "Patterns");
    std::size_t n = 0;
    for (const Finding& f : findings) {
        switch (f.kind) {
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

void write_check_text(const Case& c, const std::vector<Finding>& findings, std::string& out) {
    out += "Sightline check: " + c.info.title + "\n";
    const auto& entries = c.chronology.entries;
    out += std::to_string(entries.size()) + (entries.size() == 1 ? " entry" : " entries") + " from " +
           std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources");
    if (!entries.empty()) out += ", " + format_date(entries.front().date) + " to " + format_date(entries.back().date);
    if (c.info.scope_from || c.info.scope_to)
        out += "; scope " + (c.info.scope_from ? format_date(*c.info.scope_from) : std::string("...")) + " to " +
               (c.info.scope_to ? format_date(*c.info.scope_to) : std::string("..."));
    out += "\n";
    if (const std::size_t undated = c.chronology.undated.size())
        out += "and " + std::to_string(undated) + (undated == 1 ? " entry" : " entries") +
               " the agencies could not date (kept at the end of the chronology; not in the dated findings)\n";
    std::size_t inferred = 0;
    c.chronology.for_each_entry([&](const Entry& e) { inferred += e.type_inferred ? 1 : 0; });
    if (inferred)
        out += std::to_string(inferred) + (inferred == 1 ? " entry has its type" : " entries have their type") +
               " read from the words (no type was written; marked \"inferred\" in the chronology)\n";
    std::size_t concerns = 0;
    for (const Finding& f : findings) concerns += f.concern ? 1 : 0;
    out += std::to_string(concerns) + " findings of concern (marked !); input: " + std::to_string(c.diagnostics.error_count()) +
           " errors, " + std::to_string(c.diagnostics.warning_count()) + " warnings\n";
    std::uint64_t rejected = 0;
    for (const Source& s : c.sources) rejected += s.counts.rows_rejected;
    if (c.diagnostics.has_errors())
        out += "! The input has errors" +
               (rejected ? ": " + std::to_string(rejected) + (rejected == 1 ? " row was rejected" : " rows were rejected") : std::string()) +
               ", so these findings rest on an incomplete chronology. See \"Input problems\" at the end.\n";

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
