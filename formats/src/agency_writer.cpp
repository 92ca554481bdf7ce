// Native single-agency YAML from any source's entries (yaml-cpp's emitter quotes what needs it).
#include "sightline/formats/agency_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace sightline::formats {

using namespace sightline::engine;

namespace {

constexpr std::array<std::string_view, 18> k_entry_keys = {
    "date", "time", "type", "type_inferred", "retrospective", "summary", "subjects", "child_seen", "views_sought", "modality", "practitioner",
    "to", "area", "ref", "seq", "end", "tags", "agency"};

// The value most entries share, or none when they differ (or one lacks it).
template <class Id, class Get>
Id common(const std::vector<const Entry*>& entries, Get get) {
    if (entries.empty()) return k_none<Id>;
    const Id first = get(*entries.front());
    for (const Entry* e : entries)
        if (get(*e) != first) return k_none<Id>;
    return first;
}

// The agency most entries have (ties: the first met).
AgencyId main_agency(const std::vector<const Entry*>& entries) {
    std::map<std::uint32_t, std::size_t> count;
    AgencyId best = k_none<AgencyId>;
    std::size_t most = 0;
    for (const Entry* e : entries) {
        const std::size_t n = ++count[index_of(e->agency)];
        if (n > most) {
            most = n;
            best = e->agency;
        }
    }
    return best;
}

}  // namespace

void write_agency_yaml(const Case& c, SourceId source, std::string& out, Diagnostics& problems) {
    const Source& src = c.sources[index_of(source)];
    const Chronology& ch = c.chronology;
    std::vector<const Entry*> entries;
    ch.for_each_entry([&](const Entry& e) {
        if (e.where.source == source) entries.push_back(&e);
    });
    std::stable_sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) {
        return std::tie(a->where.table, a->where.line) < std::tie(b->where.table, b->where.line);
    });

    const AgencyId agency = is_none(src.agency) ? main_agency(entries) : src.agency;
    const AreaId area = common<AreaId>(entries, [](const Entry& e) { return e.area; });

    YAML::Emitter y;
    y.SetIndent(2);
    y << YAML::Comment("Imported by sightline from " + src.path + ": " + std::to_string(src.counts.rows_read) +
                       " rows read, " + std::to_string(src.counts.entries_made) + " entries, " +
                       std::to_string(src.counts.rows_rejected) + " rejected");
    y << YAML::BeginMap;
    y << YAML::Key << "sightline" << YAML::Value << 1;
    if (!is_none(agency)) {
        y << YAML::Key << "agency" << YAML::Value << std::string(c.agency_name(agency));
        const Agency& a = c.agency(agency);
        if (a.kind != AgencyKind::Unknown && !a.kind_inferred)
            y << YAML::Key << "kind" << YAML::Value << std::string(to_string(a.kind));
    }
    if (!is_none(area)) y << YAML::Key << "area" << YAML::Value << std::string(c.area_name(area));
    y << YAML::Key << "entries" << YAML::Value << YAML::BeginSeq;
    std::map<std::string, bool> reported;
    for (const Entry* ep : entries) {
        const Entry& e = *ep;
        y << YAML::BeginMap;
        const std::string date = e.undated ? std::string("undated") : format_date(e.date);
        y << YAML::Key << "date" << YAML::Value << date;
        if (e.date_text != date && !e.date_text.empty()) y << YAML::Comment("as written: " + std::string(e.date_text));
        if (e.agency != agency) y << YAML::Key << "agency" << YAML::Value << std::string(c.agency_name(e.agency));
        if (e.type_inferred) {
            y << YAML::Key << "type" << YAML::Value << std::string(to_string(e.type));
            y << YAML::Key << "type_inferred" << YAML::Value << true;
        } else {
            y << YAML::Key << "type" << YAML::Value << std::string(e.type_text);
        }
        if (e.retrospective) y << YAML::Key << "retrospective" << YAML::Value << true;
        y << YAML::Key << "summary" << YAML::Value << std::string(e.summary);
        if (e.subjects.count) {
            y << YAML::Key << "subjects" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (const SubjectRef& s : ch.subjects_of(e)) y << std::string(s.text);
            y << YAML::EndSeq;
        }
        if (e.seen_map != k_no_index) {
            y << YAML::Key << "child_seen" << YAML::Value << YAML::Flow << YAML::BeginMap;
            for (std::size_t i = 0; i < c.info.index_children.size(); ++i)
                y << YAML::Key << c.person(c.info.index_children[i]).id << YAML::Value
                  << std::string(to_string(ch.seen(e, i)));
            y << YAML::EndMap;
        } else if (e.child_seen != ChildSeen::NotRecorded) {
            y << YAML::Key << "child_seen" << YAML::Value << std::string(to_string(e.child_seen));
        }
        if (e.views_sought != Tri::Unknown) y << YAML::Key << "views_sought" << YAML::Value << (e.views_sought == Tri::Yes);
        if (e.modality != Modality::Unspecified)
            y << YAML::Key << "modality" << YAML::Value << std::string(to_string(e.modality));
        if (!e.practitioner.empty()) y << YAML::Key << "practitioner" << YAML::Value << std::string(e.practitioner);
        if (e.to.count) {
            y << YAML::Key << "to" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (AgencyId a : ch.to_of(e)) y << std::string(c.agency_name(a));
            y << YAML::EndSeq;
        }
        if (is_none(area) && !is_none(e.area)) y << YAML::Key << "area" << YAML::Value << std::string(c.area_name(e.area));
        if (!e.ref.empty()) y << YAML::Key << "ref" << YAML::Value << std::string(e.ref);
        if (e.seq != 0) y << YAML::Key << "seq" << YAML::Value << e.seq;
        if (const FuzzyDate* end = ch.end_of(e)) y << YAML::Key << "end" << YAML::Value << format_date(*end);
        if (e.tags.count) {
            y << YAML::Key << "tags" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (std::string_view t : ch.tags_of(e)) y << std::string(t);
            y << YAML::EndSeq;
        }
        for (const auto& [key, value] : ch.extras_of(e)) {
            if (std::find(k_entry_keys.begin(), k_entry_keys.end(), key) != k_entry_keys.end()) {
                if (!reported[std::string(key)])
                    problems.add(Severity::Error, src.path, e.where.line, 0, "key-collision",
                                 "column '" + std::string(key) + "' is kept as an extra field but has the name of an "
                                 "entry field, so it cannot be written; rename the column or map it to the field");
                reported[std::string(key)] = true;
                continue;
            }
            y << YAML::Key << std::string(key) << YAML::Value << std::string(value);
        }
        y << YAML::EndMap;
    }
    y << YAML::EndSeq << YAML::EndMap;
    out += y.c_str();
    out.push_back('\n');
}

}  // namespace sightline::formats
