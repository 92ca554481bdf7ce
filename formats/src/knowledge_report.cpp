// `sightline knew` output (see knowledge_report.hpp).
#include "sightline/formats/knowledge_report.hpp"

#include <algorithm>

#include "sightline/engine/merge.hpp"
#include "sightline/engine/text.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// The risk events recorded by the report's day that had not reached the agency, in date order.
std::vector<std::uint32_t> not_received(const Case& c, const KnewReport& r, const std::vector<std::uint32_t>& knew_sorted) {
    std::vector<std::uint32_t> out;
    if (!r.all) return out;
    for (const RiskKnowledge& rk : *r.all) {
        const std::uint32_t i = index_of(rk.event);
        if (i < c.chronology.entries.size() && c.chronology.entries[i].date.earliest_day() <= r.day &&
            !std::binary_search(knew_sorted.begin(), knew_sorted.end(), i))
            out.push_back(i);
    }
    std::sort(out.begin(), out.end());  // the chronology is in date order
    return out;
}

// "  2015-06-21 23:40  Southvale Police, Police incident [agencies/police.yaml:43]" and the
// start of its summary beneath, so a reader sees why it counts as a risk event.
std::string event_line(const Case& c, const Entry& e) {
    return "  " + format_date(e.date) + "  " + std::string(c.agency_name(e.agency)) + ", " + type_text(e) + " [" +
           source_text(c, e) + "]\n      \"" + excerpt(e.summary, 90) + "\"\n";
}

std::vector<std::uint32_t> sorted_known(const KnewReport& r) {
    std::vector<std::uint32_t> knew;
    knew.reserve(r.known.size());
    for (const auto& kv : r.known) knew.push_back(index_of(kv.first));
    std::sort(knew.begin(), knew.end());
    return knew;
}

}  // namespace

void write_knew_json(const Case& c, const KnewReport& r, std::string& out) {
    const auto& entries = c.chronology.entries;
    JsonWriter w(out);
    w.begin_object();
    w.field("agency", c.agency_name(r.agency));
    w.field("at", format_day(r.day));
    w.key("knew");
    w.begin_array(true);
    for (const auto& [event, k] : r.known) {
        w.begin_object();
        w.field("event", entry_id(entries[index_of(event)]));
        w.field("date", format_date(entries[index_of(event)].date));
        w.field("since", format_day(k.day));
        w.key("via");
        if (k.via) w.value(entry_id(entries[index_of(*k.via)]));
        else w.null();
        w.end_object();
    }
    w.end_array();
    w.key("not_received");
    w.begin_array(true);
    for (const std::uint32_t i : not_received(c, r, sorted_known(r))) {
        w.begin_object();
        w.field("event", entry_id(entries[i]));
        w.field("date", format_date(entries[i].date));
        w.field("agency", c.agency_name(entries[i].agency));
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += "\n";
}

void write_knew_text(const Case& c, const KnewReport& r, std::string& out) {
    const auto& entries = c.chronology.entries;
    out += "What " + std::string(c.agency_name(r.agency)) + " could have known by " + format_day(r.day) + ":\n";
    if (r.known.empty()) out += "  no risk events\n";
    for (const auto& [event, k] : r.known) {
        const Entry& e = entries[index_of(event)];
        out += event_line(c, e);
        if (k.via) {
            const Entry& v = entries[index_of(*k.via)];
            out += "      known from " + format_day(k.day) + " through " + std::string(c.agency_name(v.agency)) + ", " +
                   type_text(v) + " of " + format_date(v.date) + "\n";
        } else {
            out += "      its own record\n";
        }
    }
    const std::vector<std::uint32_t> knew = sorted_known(r);
    std::string missing;
    std::size_t unknown = 0;
    for (const std::uint32_t i : not_received(c, r, knew)) {
        const Entry& e = entries[i];
        missing += event_line(c, e);
        ++unknown;
    }
    if (unknown == 0) {
        out += "Every risk event recorded by then had reached it.\n";
        return;
    }
    out += "Not received by then (" + std::to_string(unknown) + " risk event" + (unknown == 1 ? "" : "s") + " recorded elsewhere):\n";
    out += missing;
}

}  // namespace sightline::formats
