// Writing the integrated chronology: JSON, CSV and Markdown.
#include "sightline/formats/chronology_writer.hpp"

#include "sightline/engine/merge.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

std::string_view precision_name(const FuzzyDate& d) {
    switch (d.kind) {
        case DateKind::Range: return "range";
        case DateKind::Before: return "before";
        case DateKind::After: return "after";
        case DateKind::Point: break;
    }
    switch (d.first.precision) {
        case Precision::Year: return "year";
        case Precision::Season: return "season";
        case Precision::Month: return "month";
        case Precision::Day: return "day";
        case Precision::Minute: return "minute";
    }
    return "day";
}

void append_csv_cell(std::string& out, std::string_view cell) {
    bool quote = false;
    for (char ch : cell)
        if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
            quote = true;
            break;
        }
    if (!quote && !cell.empty() && (cell.front() == ' ' || cell.back() == ' ')) quote = true;
    if (!quote) {
        out.append(cell);
        return;
    }
    out.push_back('"');
    for (char ch : cell) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
}

}  // namespace

void append_markdown_cell(std::string& out, std::string_view cell) {
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char ch = cell[i];
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += "<br>";
        else if (ch == '\r') continue;
        else out.push_back(ch);
    }
}

std::string type_text(const Entry& e) {
    if (e.type == EntryType::Free) return std::string(e.type_text);
    return std::string(label(e.type));
}

std::string child_seen_text(const Case& c, const Entry& e) {
    const auto& children = c.info.index_children;
    const bool family = c.agency_kind(e.agency) == AgencyKind::Family;
    std::string out;
    if (children.size() <= 1) {
        out = std::string(label(c.chronology.seen(e, 0)));
    } else {
        // Every index child by name, leaving out a child not yet born.
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (!c.born_by(children[i], e.date.latest_day())) continue;
            if (!out.empty()) out += "; ";
            out += c.person(children[i]).name;
            out += ": ";
            out += label(c.chronology.seen(e, i));
        }
    }
    if (family) out += " (family account)";
    return out;
}

std::string people_text(const Case& c, const Entry& e) {
    std::string out;
    for (const SubjectRef& s : c.chronology.subjects_of(e)) {
        if (!out.empty()) out += "; ";
        out += c.subject_name(s);
    }
    return out;
}

std::string source_text(const Case& c, const Entry& e) {
    if (is_none(e.where.source)) return {};
    std::string out = c.sources[index_of(e.where.source)].path;
    if (e.where.line > 0) out += ':' + std::to_string(e.where.line);
    return out;
}

void write_diagnostics_json(const Case& c, JsonWriter& w) { write_diagnostics_json(c.diagnostics, w); }

void write_diagnostics_json(const Diagnostics& diagnostics, JsonWriter& w) {
    w.begin_array(true);
    for (const Diagnostic& d : diagnostics.items()) {
        w.begin_object();
        w.field("severity", to_string(d.severity));
        w.field("file", d.file);
        w.field("line", d.line);
        w.field("column", d.column);
        w.field("code", d.code);
        w.field("message", d.message);
        w.end_object();
    }
    w.end_array();
}

void write_merge_json(const Case& c, std::string& out) {
    const Chronology& ch = c.chronology;
    out.reserve(out.size() + ch.entries.size() * 512);
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.key("entries");
    w.begin_array(true);
    for (const Entry& e : ch.entries) {
        w.begin_object();
        w.field("id", entry_id(e));
        const std::string date = format_date(e.date);
        w.field("date", date);
        if (e.date_text != date) w.field("date_as_written", e.date_text);
        w.field("precision", precision_name(e.date));
        w.key("earliest");
        if (e.date.earliest == k_unbounded_low) w.null();
        else w.value(format_day(e.date.earliest_day()));
        w.key("latest");
        if (e.date.latest == k_unbounded_high) w.null();
        else w.value(format_day(e.date.latest_day()));
        if (e.date.kind == DateKind::Point && e.date.first.precision == Precision::Minute)
            w.field("utc", format_utc(e.date));
        if (const FuzzyDate* end = ch.end_of(e)) w.field("end", format_date(*end));
        if (e.seq != 0) w.field("seq", e.seq);
        w.field("agency", c.agency_name(e.agency));
        w.key("agency_kind");
        if (c.agency_kind(e.agency) == AgencyKind::Unknown) w.null();
        else w.value(to_string(c.agency_kind(e.agency)));
        w.key("area");
        if (is_none(e.area)) w.null();
        else w.value(c.area_name(e.area));
        w.field("type", e.type == EntryType::Free ? std::string_view("other") : to_string(e.type));
        if (e.type == EntryType::Free || normalise_word(e.type_text) != to_string(e.type))
            w.field("type_as_written", e.type_text);
        w.field("summary", e.summary);
        w.key("subjects");
        w.begin_array();
        for (const SubjectRef& s : ch.subjects_of(e))
            w.value(is_none(s.person) ? s.text : std::string_view{c.person(s.person).id});
        w.end_array();
        w.key("child_seen");
        w.begin_object();
        for (std::size_t i = 0; i < c.info.index_children.size(); ++i)
            if (c.born_by(c.info.index_children[i], e.date.latest_day()))  // a child not yet born is left out
                w.field(c.person(c.info.index_children[i]).id, to_string(ch.seen(e, i)));
        w.end_object();
        if (e.views_sought != Tri::Unknown) w.field("views_sought", e.views_sought == Tri::Yes);
        if (e.modality != Modality::Unspecified) w.field("modality", to_string(e.modality));
        if (!e.practitioner.empty()) w.field("practitioner", e.practitioner);
        w.key("to");
        w.begin_array();
        for (AgencyId a : ch.to_of(e)) w.value(c.agency_name(a));
        w.end_array();
        if (e.tags.count > 0) {
            w.key("tags");
            w.begin_array();
            for (std::string_view t : ch.tags_of(e)) w.value(t);
            w.end_array();
        }
        if (!e.ref.empty()) w.field("ref", e.ref);
        else {
            w.key("ref");
            w.null();
        }
        if (e.extra.count > 0) {
            w.key("extra");
            w.begin_object();
            for (const auto& [k, v] : ch.extras_of(e)) w.field(k, v);
            w.end_object();
        }
        w.field("source", source_text(c, e));
        if (const EntryNote* note = c.notes.note_for(entry_id(e))) w.field("review_note", note->text);
        w.end_object();
    }
    w.end_array();
    w.key("sources");
    w.begin_array(true);
    for (const Source& s : c.sources) {
        w.begin_object();
        w.field("file", s.path);
        w.field("format", s.format);
        w.field("rows_read", s.counts.rows_read);
        w.field("entries_made", s.counts.entries_made);
        w.field("rows_rejected", s.counts.rows_rejected);
        w.field("blank_rows", s.counts.blank_rows);
        if (s.counts.skipped_rows) w.field("skipped_rows", s.counts.skipped_rows);
        w.end_object();
    }
    w.end_array();
    w.key("diagnostics");
    write_diagnostics_json(c, w);
    w.end_object();
    out.push_back('\n');
}

void write_chronology_csv(const Case& c, std::string& out) {
    out += "Date,Agency,Agency kind,Area,Type,Summary,People,Child seen,To,Ref,Source,Id,Review notes\r\n";
    std::string cell;
    for (const Entry& e : c.chronology.entries) {
        append_csv_cell(out, format_date(e.date));
        out.push_back(',');
        append_csv_cell(out, c.agency_name(e.agency));
        out.push_back(',');
        append_csv_cell(out, c.agency_kind(e.agency) == AgencyKind::Unknown ? std::string_view{} : to_string(c.agency_kind(e.agency)));
        out.push_back(',');
        append_csv_cell(out, c.area_name(e.area));
        out.push_back(',');
        append_csv_cell(out, type_text(e));
        out.push_back(',');
        append_csv_cell(out, e.summary);
        out.push_back(',');
        append_csv_cell(out, people_text(c, e));
        out.push_back(',');
        append_csv_cell(out, child_seen_text(c, e));
        out.push_back(',');
        cell.clear();
        for (AgencyId a : c.chronology.to_of(e)) {
            if (!cell.empty()) cell += "; ";
            cell += c.agency_name(a);
        }
        append_csv_cell(out, cell);
        out.push_back(',');
        append_csv_cell(out, e.ref);
        out.push_back(',');
        append_csv_cell(out, source_text(c, e));
        out.push_back(',');
        const std::string id = entry_id(e);
        append_csv_cell(out, id);
        out.push_back(',');
        if (const EntryNote* note = c.notes.note_for(id)) append_csv_cell(out, note->text);
        out += "\r\n";
    }
}

void write_chronology_markdown(const Case& c, std::string& out) {
    out += "# Integrated chronology: ";
    append_markdown_cell(out, c.info.title);
    out += "\n\n";
    out += std::to_string(c.chronology.entries.size()) + (c.chronology.entries.size() == 1 ? " entry" : " entries") + " from " +
           std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources") +
           ". Dates keep the precision they were written with (`2015-06` is sometime in June 2015; "
           "`~` is approximate; `a/b` is sometime between).\n\n";
    std::uint64_t rejected = 0;
    for (const Source& s : c.sources) rejected += s.counts.rows_rejected;
    if (c.diagnostics.has_errors())
        out += "**Incomplete: the input has " + std::to_string(c.diagnostics.error_count()) + " errors" +
               (rejected ? " and " + std::to_string(rejected) + " rows were rejected" : std::string()) +
               "; run `sightline check` on the case to see them.**\n\n";
    out += "| # | Date | Agency | Area | Type | Summary | People | Child seen | Source | Review notes |\n";
    out += "|---|---|---|---|---|---|---|---|---|---|\n";
    std::size_t n = 0;
    for (const Entry& e : c.chronology.entries) {
        out += "| " + std::to_string(++n) + " | ";
        append_markdown_cell(out, format_date(e.date));
        out += " | ";
        append_markdown_cell(out, c.agency_name(e.agency));
        out += " | ";
        append_markdown_cell(out, c.area_name(e.area));
        out += " | ";
        append_markdown_cell(out, type_text(e));
        out += " | ";
        append_markdown_cell(out, e.summary);
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
}

}  // namespace sightline::formats
