// The manifest of a case as YAML (yaml-cpp's emitter quotes what needs it).
#include "sightline/formats/case_writer.hpp"

#include <yaml-cpp/yaml.h>

namespace sightline::formats {

using namespace sightline::engine;

void write_manifest_yaml(const Case& c, const std::vector<ManifestSource>& sources, std::string& out) {
    YAML::Emitter y;
    y.SetIndent(2);
    y << YAML::BeginMap;
    y << YAML::Key << "sightline" << YAML::Value << 1;
    y << YAML::Key << "case" << YAML::Value << YAML::BeginMap;
    y << YAML::Key << "title" << YAML::Value << c.info.title;
    y << YAML::Key << "index_children" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (PersonId p : c.info.index_children) y << c.person(p).id;
    y << YAML::EndSeq;
    if (c.info.scope_from || c.info.scope_to) {
        y << YAML::Key << "scope" << YAML::Value << YAML::Flow << YAML::BeginMap;
        if (c.info.scope_from) y << YAML::Key << "from" << YAML::Value << format_date(*c.info.scope_from);
        if (c.info.scope_to) y << YAML::Key << "to" << YAML::Value << format_date(*c.info.scope_to);
        y << YAML::EndMap;
    }
    y << YAML::Key << "timezone" << YAML::Value << c.info.timezone;
    if (c.info.date_order != DateOrder::Auto)
        y << YAML::Key << "date_order" << YAML::Value << std::string(to_string(c.info.date_order));
    y << YAML::EndMap;

    y << YAML::Key << "people" << YAML::Value << YAML::BeginSeq;
    for (const Person& p : c.people) {
        y << YAML::Flow << YAML::BeginMap;
        y << YAML::Key << "id" << YAML::Value << p.id << YAML::Key << "name" << YAML::Value << p.name;
        if (!p.aliases.empty()) y << YAML::Key << "aliases" << YAML::Value << YAML::Flow << p.aliases;
        if (p.sex != Sex::Unknown) y << YAML::Key << "sex" << YAML::Value << std::string(to_string(p.sex));
        if (p.born) y << YAML::Key << "born" << YAML::Value << format_date(*p.born);
        if (p.died) y << YAML::Key << "died" << YAML::Value << format_date(*p.died);
        y << YAML::EndMap;
    }
    y << YAML::EndSeq;

    if (!c.relationships.empty()) {
        y << YAML::Key << "relationships" << YAML::Value << YAML::BeginSeq;
        for (const Relationship& r : c.relationships) {
            y << YAML::Flow << YAML::BeginMap << YAML::Key << "kind" << YAML::Value << std::string(to_string(r.kind));
            if (r.kind == RelationshipKind::Partner || r.kind == RelationshipKind::Sibling) {
                y << YAML::Key << "people" << YAML::Value << YAML::Flow << YAML::BeginSeq << c.person(r.first).id
                  << c.person(r.second).id << YAML::EndSeq;
            } else {
                y << YAML::Key << "parent" << YAML::Value << c.person(r.first).id;
                y << YAML::Key << "child" << YAML::Value << c.person(r.second).id;
            }
            if (r.from) y << YAML::Key << "from" << YAML::Value << format_date(*r.from);
            if (r.to) y << YAML::Key << "to" << YAML::Value << format_date(*r.to);
            if (r.ended != PartnershipEnd::None) y << YAML::Key << "ended" << YAML::Value << std::string(to_string(r.ended));
            y << YAML::EndMap;
        }
        y << YAML::EndSeq;
    }

    if (!c.residences.empty()) {
        y << YAML::Key << "residences" << YAML::Value << YAML::BeginSeq;
        for (const Residence& r : c.residences) {
            y << YAML::Flow << YAML::BeginMap << YAML::Key << "people" << YAML::Value << YAML::Flow << YAML::BeginSeq;
            for (PersonId p : r.people) y << c.person(p).id;
            y << YAML::EndSeq << YAML::Key << "area" << YAML::Value << std::string(c.area_name(r.area));
            if (!r.address.empty()) y << YAML::Key << "address" << YAML::Value << r.address;
            if (r.from) y << YAML::Key << "from" << YAML::Value << format_date(*r.from);
            if (r.to) y << YAML::Key << "to" << YAML::Value << format_date(*r.to);
            y << YAML::EndMap;
        }
        y << YAML::EndSeq;
    }

    bool any_area = false;
    for (const Area& a : c.areas) any_area = any_area || a.declared;
    if (any_area) {
        y << YAML::Key << "areas" << YAML::Value << YAML::BeginSeq;
        for (const Area& a : c.areas) {
            if (!a.declared) continue;
            y << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << a.name;
            if (!a.aliases.empty()) y << YAML::Key << "aliases" << YAML::Value << YAML::Flow << a.aliases;
            y << YAML::EndMap;
        }
        y << YAML::EndSeq;
    }

    // The registry, when there is one (without it, sources name their agencies themselves).
    bool any_agency = false;
    for (const Agency& a : c.agencies) any_agency = any_agency || a.registered;
    if (any_agency) {
        y << YAML::Key << "agencies" << YAML::Value << YAML::BeginSeq;
        for (const Agency& a : c.agencies) {
            if (!a.registered) continue;
            y << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << a.name;
            if (a.kind != AgencyKind::Unknown) y << YAML::Key << "kind" << YAML::Value << std::string(to_string(a.kind));
            if (!is_none(a.area)) y << YAML::Key << "area" << YAML::Value << std::string(c.area_name(a.area));
            y << YAML::EndMap;
        }
        y << YAML::EndSeq;
    }

    y << YAML::Key << "sources" << YAML::Value << YAML::BeginSeq;
    for (const ManifestSource& s : sources) {
        if (s.agency.empty() && s.mapping.empty()) {
            y << s.file;
            continue;
        }
        y << YAML::Flow << YAML::BeginMap << YAML::Key << "file" << YAML::Value << s.file;
        if (!s.agency.empty()) y << YAML::Key << "agency" << YAML::Value << s.agency;
        if (!s.mapping.empty()) y << YAML::Key << "mapping" << YAML::Value << s.mapping;
        y << YAML::EndMap;
    }
    y << YAML::EndSeq;
    y << YAML::EndMap;
    out += y.c_str();
    out.push_back('\n');
}

}  // namespace sightline::formats
