// The case model: lookups of people, areas and agencies by name.
#include "sightline/engine/model.hpp"

#include <algorithm>

namespace sightline::engine {

bool Chronology::has_tag(const Entry& e, std::string_view tag) const {
    for (std::string_view t : tags_of(e))
        if (normalise_word(t) == tag) return true;
    return false;
}

bool Chronology::names_person(const Entry& e, PersonId p) const {
    for (const SubjectRef& s : subjects_of(e))
        if (s.person == p) return true;
    return false;
}

std::string Case::key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

PersonId Case::find_person(std::string_view text) const {
    const auto it = m_person_index.find(key(text));
    if (it == m_person_index.end() || it->second == k_no_index) return k_none<PersonId>;
    return static_cast<PersonId>(it->second);
}

AreaId Case::find_area(std::string_view text) const {
    const auto it = m_area_index.find(key(text));
    return it == m_area_index.end() ? k_none<AreaId> : static_cast<AreaId>(it->second);
}

AgencyId Case::find_agency(std::string_view name) const {
    const auto it = m_agency_index.find(key(name));
    return it == m_agency_index.end() ? k_none<AgencyId> : static_cast<AgencyId>(it->second);
}

bool Case::add_person(Person p) {
    const std::string id_key = key(p.id);
    // Ids win over names and aliases: an id may replace an ambiguous or name entry.
    for (const Person& other : people)
        if (key(other.id) == id_key) return false;
    const auto index = static_cast<std::uint32_t>(people.size());
    m_person_index[id_key] = index;
    auto index_name = [&](const std::string& text) {
        const std::string k = key(text);
        if (k.empty()) return;
        const auto [it, inserted] = m_person_index.emplace(k, index);
        if (inserted || it->second == index) return;
        // Already taken: keep it if it is someone's id, otherwise the name is now ambiguous.
        if (it->second != k_no_index && key(people[it->second].id) == k) return;
        it->second = k_no_index;
    };
    index_name(p.name);
    for (const std::string& a : p.aliases) index_name(a);
    people.push_back(std::move(p));
    return true;
}

AreaId Case::intern_area(std::string_view name) {
    const std::string k = key(name);
    if (const auto it = m_area_index.find(k); it != m_area_index.end()) return static_cast<AreaId>(it->second);
    const auto index = static_cast<std::uint32_t>(areas.size());
    Area a;
    a.name = std::string(name);
    areas.push_back(std::move(a));
    m_area_index.emplace(k, index);
    return static_cast<AreaId>(index);
}

void Case::add_area_alias(AreaId area, std::string_view alias) {
    areas[index_of(area)].aliases.emplace_back(alias);
    m_area_index.emplace(key(alias), index_of(area));
}

AgencyId Case::intern_agency(std::string_view name) {
    const std::string k = key(name);
    if (const auto it = m_agency_index.find(k); it != m_agency_index.end()) return static_cast<AgencyId>(it->second);
    const auto index = static_cast<std::uint32_t>(agencies.size());
    Agency a;
    a.name = std::string(name);
    a.kind = infer_agency_kind(name);
    a.kind_inferred = a.kind != AgencyKind::Unknown;
    // An agency named after an area ("Eastmere Children's Social Care") belongs to it: longest match wins.
    std::size_t best = 0;
    for (const auto& [area_key, area_index] : m_area_index) {
        if (area_key.size() > best && k.size() > area_key.size() && k.compare(0, area_key.size(), area_key) == 0 &&
            (k[area_key.size()] == ' ' || k[area_key.size()] == '\'')) {
            best = area_key.size();
            a.area = static_cast<AreaId>(area_index);
        }
    }
    agencies.push_back(std::move(a));
    m_agency_index.emplace(k, index);
    return static_cast<AgencyId>(index);
}

Case Case::registry_copy() const {
    Case c;
    c.info = info;
    c.people = people;
    c.relationships = relationships;
    c.residences = residences;
    c.areas = areas;
    c.agencies = agencies;
    c.sources = sources;
    c.rules = rules;
    c.manifest_path = manifest_path;
    c.m_person_index = m_person_index;
    c.m_area_index = m_area_index;
    c.m_agency_index = m_agency_index;
    return c;
}

void Case::take_areas_and_agencies(Case& from) {
    areas = std::move(from.areas);
    agencies = std::move(from.agencies);
    m_area_index = std::move(from.m_area_index);
    m_agency_index = std::move(from.m_agency_index);
}

int Case::index_child_position(PersonId p) const {
    const auto it = std::find(info.index_children.begin(), info.index_children.end(), p);
    return it == info.index_children.end() ? -1 : static_cast<int>(it - info.index_children.begin());
}

}  // namespace sightline::engine
