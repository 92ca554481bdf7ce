// The column texts every chronology writer, report and the viewer show for an entry.
#include "sightline/formats/columns.hpp"

#include <algorithm>

#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/merge.hpp"

namespace sightline::formats {

using namespace sightline::engine;

std::string type_text(const Entry& e) { return type_label(e); }

std::string other_fields_text(const Chronology& ch, const Entry& e) {
    std::string out;
    for (const auto& [k, v] : ch.extras_of(e)) {
        if (!out.empty()) out += "\n";
        out += k;
        out += ": ";
        out += v;
    }
    return out;
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
            if (!e.undated && !c.born_by(children[i], e.date.latest_day())) continue;
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
    if (e.where.table > 0) {
        out += ":table " + std::to_string(e.where.table);
        if (e.where.line > 0) out += ":row " + std::to_string(e.where.line);
    } else if (e.where.line > 0) {
        out += ':' + std::to_string(e.where.line);
    }
    return out;
}

std::string date_text(const Entry& e) {
    if (e.undated) return e.date_text.empty() ? std::string("undated") : "undated (" + std::string(e.date_text) + ")";
    return format_date(e.date);
}

SeenColour seen_colour(const Case& c, const Entry& e) {
    const std::size_t n = std::max<std::size_t>(1, c.info.index_children.size());
    bool all_seen = true;
    for (std::size_t i = 0; i < n; ++i) {
        const ChildSeen v = c.chronology.seen(e, i);
        if (v == ChildSeen::NotSeen) return SeenColour::NotSeen;
        if (!is_sighting(v)) all_seen = false;
    }
    return all_seen ? SeenColour::Seen : SeenColour::NotRecorded;
}

CellColours seen_cell_colours(SeenColour s) {
    switch (s) {
        case SeenColour::Seen: return {0xC6EFCE, 0x006100};
        case SeenColour::NotSeen: return {0xFFEB9C, 0x9C5700};
        case SeenColour::NotRecorded: break;
    }
    return {0xE7E6E6, 0x3A3A3A};
}

}  // namespace sightline::formats
