// The integrated chronology as JSON (case-format §8), and the diagnostics array other JSON
// outputs share.
#include "sightline/formats/chronology_writer.hpp"

#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
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

}  // namespace

void write_diagnostics_json(const Case& c, JsonWriter& w) { write_diagnostics_json(c.diagnostics, w); }

void write_diagnostics_json(const Diagnostics& diagnostics, JsonWriter& w) {
    w.begin_array(true);
    for (const Diagnostic& d : diagnostics.items()) {
        w.begin_object();
        w.field("severity", to_string(d.severity));
        w.field("file", d.file);
        w.field("line", d.line);
        w.field("column", d.column);
        if (d.table > 0) w.field("table", d.table);
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
    ch.for_each_entry([&](const Entry& e) {
        w.begin_object();
        w.field("id", entry_id(e));
        if (e.undated) {
            // The source could not date it: no date, no earliest or latest.
            w.key("date");
            w.null();
            w.field("undated", true);
            if (!e.date_text.empty()) w.field("date_as_written", e.date_text);
        } else {
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
        }
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
        if (e.retrospective) w.field("retrospective", true);
        if (e.type_inferred) w.field("type_inferred", true);
        else if (e.type == EntryType::Free || normalise_word(e.type_text) != to_string(e.type))
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
            if (e.undated || c.born_by(c.info.index_children[i], e.date.latest_day()))  // a child not yet born is left out
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
    });
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
        if (s.counts.undated) w.field("undated", s.counts.undated);
        w.end_object();
    }
    w.end_array();
    w.key("diagnostics");
    write_diagnostics_json(c, w);
    w.end_object();
    out.push_back('\n');
}

}  // namespace sightline::formats
