// The manifest, case.yaml (case-format §2): the case, its areas, people, agencies,
// relationships, residences and rules, the sources it lists, and any inline entries.
//
// [SECTION] Case, areas, people, agencies
// [SECTION] Relationships, residences, rules, sources
// [SECTION] read_manifest
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "readers.hpp"
#include "yaml_entries.hpp"
#include "yaml_file.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// [SECTION] Case, areas, people, agencies

// A person id as the manifest may write it: a-z, 0-9, _ and -.
bool valid_person_id(std::string_view id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    });
}

void read_case_block(YamlFile& y, const YAML::Node& block) {
    Case& c = y.c();
    if (!block.IsDefined() || block.IsNull()) return;
    if (!block.IsMap()) {
        y.error(block, "field-type", "'case' must be a map (title, index_children, scope, timezone)");
        return;
    }
    y.check_keys(block, {"title", "index_children", "scope", "timezone", "date_order"}, "case");
    if (const auto t = y.scalar(get(block, "title"), "title")) c.info.title = *t;
    const YAML::Node tz = get(block, "timezone");
    if (const auto t = y.scalar(tz, "timezone")) {
        if (find_zone(*t)) c.info.timezone = *t;
        else y.error(tz, "timezone-unknown", "unknown timezone '" + *t + "'; use an IANA name such as Europe/London");
    }
    const YAML::Node order = get(block, "date_order");
    if (const auto t = y.scalar(order, "date_order")) {
        if (const auto o = parse_date_order(*t)) c.info.date_order = *o;
        else y.error(order, "value-invalid", "unknown date_order '" + *t + "'; expected one of dmy, mdy, ymd, auto");
    }
    const YAML::Node scope = get(block, "scope");
    if (scope.IsDefined() && !scope.IsNull()) {
        if (!scope.IsMap()) {
            y.error(scope, "field-type", "'scope' must be a map {from: DATE, to: DATE}");
        } else {
            c.info.scope_from = y.date(get(scope, "from"), "from");
            c.info.scope_to = y.date(get(scope, "to"), "to");
            if (c.info.scope_from && c.info.scope_to && c.info.scope_to->latest < c.info.scope_from->earliest)
                y.error(scope, "scope-reversed", "scope ends before it starts");
        }
    }
}

void read_index_children(YamlFile& y, const YAML::Node& block) {
    if (!block.IsDefined() || !block.IsMap()) return;
    Case& c = y.c();
    for (const auto& [name, n] : y.list(get(block, "index_children"), "index_children")) {
        const PersonId p = c.find_person(name);
        if (is_none(p)) y.error(n, "person-unknown", "index child '" + name + "' is not in people");
        else if (c.index_child_position(p) < 0) c.info.index_children.push_back(p);
    }
}

void read_areas(YamlFile& y, const YAML::Node& list) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'areas' must be a list");
        return;
    }
    Case& c = y.c();
    for (const YAML::Node& a : list) {
        std::optional<std::string> name = a.IsScalar() ? std::optional<std::string>(a.Scalar())
                                                       : (a.IsMap() ? y.scalar(get(a, "name"), "name") : std::nullopt);
        if (!name) {
            y.error(a, "field-missing", "area has no 'name'");
            continue;
        }
        if (a.IsMap()) y.check_keys(a, {"name", "aliases"}, "area");
        const AreaId id = c.intern_area(*name);
        c.areas[index_of(id)].declared = true;
        if (a.IsMap())
            for (const auto& [alias, n] : y.list(get(a, "aliases"), "aliases")) c.add_area_alias(id, alias);
    }
}

void read_people(YamlFile& y, const YAML::Node& list) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'people' must be a list");
        return;
    }
    Case& c = y.c();
    std::unordered_map<std::string, std::uint32_t> lines;
    for (const YAML::Node& n : list) {
        if (!n.IsMap()) {
            y.error(n, "field-type", "each person must be a map (id, name, sex, born, ...)");
            continue;
        }
        y.check_keys(n, {"id", "name", "aliases", "sex", "born", "died", "role"}, "person");
        Person p;
        p.line = where_of(n).line;
        const YAML::Node id = get(n, "id");
        if (const auto v = y.scalar(id, "id")) {
            p.id = *v;
        } else {
            y.error(n, "field-missing", "person has no 'id'");
            continue;
        }
        if (!valid_person_id(p.id)) {
            y.error(id, "person-id-invalid", "person id '" + p.id + "' must use only a-z, 0-9, _ and -");
            continue;
        }
        p.name = y.scalar(get(n, "name"), "name").value_or(p.id);
        for (const auto& [alias, an] : y.list(get(n, "aliases"), "aliases")) p.aliases.push_back(alias);
        p.role = y.scalar(get(n, "role"), "role").value_or("");
        const YAML::Node sex = get(n, "sex");
        if (const auto v = y.scalar(sex, "sex")) {
            if (const auto s = parse_sex(*v)) p.sex = *s;
            else y.error(sex, "value-invalid", "unknown sex '" + *v + "'; expected one of " + allowed_sex());
        }
        p.born = y.date(get(n, "born"), "born");
        p.died = y.date(get(n, "died"), "died");
        const std::string id_text = p.id;
        const std::uint32_t line = p.line;
        if (!c.add_person(std::move(p))) {
            y.error(id, "person-duplicate", "person id '" + id_text + "' is already used at line " +
                                                std::to_string(lines[id_text]));
            continue;
        }
        lines[id_text] = line;
    }
}

void read_agencies(YamlFile& y, const YAML::Node& list) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'agencies' must be a list");
        return;
    }
    Case& c = y.c();
    for (const YAML::Node& n : list) {
        if (!n.IsMap()) {
            y.error(n, "field-type", "each agency must be a map (name, kind, area)");
            continue;
        }
        y.check_keys(n, {"name", "kind", "area", "aliases"}, "agency");
        const auto name = y.scalar(get(n, "name"), "name");
        if (!name) {
            y.error(n, "field-missing", "agency has no 'name'");
            continue;
        }
        const AgencyId id = c.intern_agency(*name);
        Agency& a = c.agencies[index_of(id)];
        a.registered = true;
        const YAML::Node kind = get(n, "kind");
        if (const auto k = y.scalar(kind, "kind")) {
            if (const auto v = parse_agency_kind(*k)) {
                a.kind = *v;
                a.kind_inferred = false;
            } else {
                y.error(kind, "value-invalid", "unknown agency kind '" + *k + "'; expected one of " + allowed_agency_kinds());
            }
        }
        if (const auto area = y.scalar(get(n, "area"), "area")) c.agencies[index_of(id)].area = c.intern_area(*area);
    }
}

// [SECTION] Relationships, residences, rules, sources

PersonId resolve_person(YamlFile& y, const YAML::Node& n, std::string_view role) {
    if (!n.IsDefined() || n.IsNull()) return k_none<PersonId>;
    if (!n.IsScalar()) {
        y.error(n, "field-type", "'" + std::string(role) + "' must name one person");
        return k_none<PersonId>;
    }
    const PersonId p = y.c().find_person(n.Scalar());
    if (is_none(p))
        y.error(n, "person-unknown", std::string(role) + " '" + n.Scalar() + "' is not in people");
    return p;
}

void read_relationships(YamlFile& y, const YAML::Node& list) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'relationships' must be a list");
        return;
    }
    Case& c = y.c();
    for (const YAML::Node& n : list) {
        if (!n.IsMap()) {
            y.error(n, "field-type", "each relationship must be a map (kind, ...)");
            continue;
        }
        y.check_keys(n, {"kind", "parent", "child", "people", "from", "to", "ended"}, "relationship");
        Relationship r;
        r.line = where_of(n).line;
        const YAML::Node kind = get(n, "kind");
        const auto k = y.scalar(kind, "kind");
        if (!k) {
            y.error(n, "field-missing", "relationship has no 'kind'");
            continue;
        }
        const auto rk = parse_relationship_kind(*k);
        if (!rk) {
            y.error(kind, "value-invalid", "unknown relationship kind '" + *k + "'; expected one of " + allowed_relationship_kinds());
            continue;
        }
        r.kind = *rk;
        if (r.kind == RelationshipKind::Partner || r.kind == RelationshipKind::Sibling) {
            const YAML::Node people = get(n, "people");
            if (!people.IsSequence() || people.size() != 2) {
                y.error(people.IsDefined() ? people : n, "field-type",
                        std::string(to_string(r.kind)) + " relationship needs 'people: [a, b]' naming two people");
                continue;
            }
            r.first = resolve_person(y, people[0], "person");
            r.second = resolve_person(y, people[1], "person");
        } else {
            if (!get(n, "parent").IsDefined() || !get(n, "child").IsDefined()) {
                y.error(n, "field-missing", std::string(to_string(r.kind)) + " relationship needs 'parent' and 'child'");
                continue;
            }
            r.first = resolve_person(y, get(n, "parent"), "parent");
            r.second = resolve_person(y, get(n, "child"), "child");
        }
        if (is_none(r.first) || is_none(r.second)) continue;
        if (r.first == r.second) {
            y.error(n, "relationship-self", "a relationship must name two different people");
            continue;
        }
        r.from = y.date(get(n, "from"), "from");
        r.to = y.date(get(n, "to"), "to");
        const YAML::Node ended = get(n, "ended");
        if (const auto e = y.scalar(ended, "ended")) {
            if (const auto v = parse_partnership_end(*e)) r.ended = *v;
            else y.error(ended, "value-invalid", "unknown 'ended' value '" + *e + "'; expected one of " + allowed_partnership_ends());
        }
        c.relationships.push_back(std::move(r));
    }
}

void read_residences(YamlFile& y, const YAML::Node& list) {
    if (!list.IsDefined() || list.IsNull()) return;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'residences' must be a list");
        return;
    }
    Case& c = y.c();
    for (const YAML::Node& n : list) {
        if (!n.IsMap()) {
            y.error(n, "field-type", "each residence must be a map (people, area, from, to)");
            continue;
        }
        y.check_keys(n, {"people", "area", "address", "from", "to"}, "residence");
        Residence r;
        r.line = where_of(n).line;
        bool ok = true;
        for (const auto& [name, pn] : y.list(get(n, "people"), "people")) {
            const PersonId p = c.find_person(name);
            if (is_none(p)) {
                y.error(pn, "person-unknown", "resident '" + name + "' is not in people");
                ok = false;
            } else {
                r.people.push_back(p);
            }
        }
        if (r.people.empty() && ok) {
            y.error(n, "field-missing", "residence has no 'people'");
            continue;
        }
        const auto area = y.scalar(get(n, "area"), "area");
        if (!area) {
            y.error(n, "field-missing", "residence has no 'area'");
            continue;
        }
        r.area = c.intern_area(*area);
        r.address = y.scalar(get(n, "address"), "address").value_or("");
        r.from = y.date(get(n, "from"), "from");
        r.to = y.date(get(n, "to"), "to");
        if (r.from && r.to && r.to->latest < r.from->earliest) {
            y.error(n, "residence-reversed", "residence ends before it starts");
            continue;
        }
        if (ok) c.residences.push_back(std::move(r));
    }
}

void read_rules(YamlFile& y, const YAML::Node& map) {
    if (!map.IsDefined() || map.IsNull()) return;
    if (!map.IsMap()) {
        y.error(map, "field-type", "'rules' must be a map of rule name to number");
        return;
    }
    Case& c = y.c();
    for (const auto& kv : map) {
        const std::string& name = kv.first.Scalar();
        const auto rule = find_rule(name);
        if (!rule) {
            y.warning(kv.first, "rule-unknown", "unknown rule '" + name + "' ignored; known rules: " + rule_names());
            continue;
        }
        const auto v = kv.second.IsScalar() ? parse_int(kv.second.Scalar()) : std::nullopt;
        if (!v || *v < 0) {
            y.error(kv.second, "value-invalid", "rule '" + name + "' must be a whole number from 0");
            continue;
        }
        c.rules.set(*rule, *v);
    }
}

std::vector<SourceSpec> read_sources(YamlFile& y, const YAML::Node& list) {
    std::vector<SourceSpec> out;
    if (!list.IsDefined() || list.IsNull()) return out;
    if (!list.IsSequence()) {
        y.error(list, "field-type", "'sources' must be a list of files");
        return out;
    }
    for (const YAML::Node& n : list) {
        SourceSpec s;
        s.where = where_of(n);
        if (n.IsScalar()) {
            s.file = n.Scalar();
        } else if (n.IsMap()) {
            y.check_keys(n, {"file", "mapping", "sheet", "agency", "kind", "area", "date_order"}, "source");
            const auto file = y.scalar(get(n, "file"), "file");
            if (!file) {
                y.error(n, "field-missing", "source has no 'file'");
                continue;
            }
            s.file = *file;
            s.mapping = y.scalar(get(n, "mapping"), "mapping").value_or("");
            s.sheet = y.scalar(get(n, "sheet"), "sheet").value_or("");
            s.agency = y.scalar(get(n, "agency"), "agency").value_or("");
            s.kind = y.scalar(get(n, "kind"), "kind").value_or("");
            s.area = y.scalar(get(n, "area"), "area").value_or("");
            s.date_order = y.scalar(get(n, "date_order"), "date_order").value_or("");
        } else {
            y.error(n, "field-type", "each source must be a file name or {file, mapping}");
            continue;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

// [SECTION] read_manifest

std::vector<SourceSpec> read_manifest(Case& c, const std::string& file, std::string_view text) {
    YamlFile y(c, file);
    const std::optional<YAML::Node> root = y.load(text);
    if (!root) return {};
    if (!root->IsMap()) {
        y.error(*root, "field-type", "the manifest must be a map (sightline, case, people, ...)");
        return {};
    }
    check_version(y, *root, true);
    y.check_keys(*root, {"sightline", "case", "people", "relationships", "residences", "areas", "agencies", "sources",
                         "rules", "entries", "allow_outside"},
                 "the manifest");
    const YAML::Node outside = get((*root), "allow_outside");
    if (const auto v = y.scalar(outside, "allow_outside")) {
        if (*v == "true") c.info.allow_outside = true;
        else if (*v != "false") y.error(outside, "value-invalid", "allow_outside must be true or false, not '" + *v + "'");
    }
    read_case_block(y, get((*root), "case"));
    read_areas(y, get((*root), "areas"));
    read_people(y, get((*root), "people"));
    read_index_children(y, get((*root), "case"));
    read_agencies(y, get((*root), "agencies"));
    read_relationships(y, get((*root), "relationships"));
    read_residences(y, get((*root), "residences"));
    read_rules(y, get((*root), "rules"));
    std::vector<SourceSpec> sources = read_sources(y, get((*root), "sources"));

    const YAML::Node entries = get((*root), "entries");
    if (entries.IsDefined() && !entries.IsNull()) {
        const auto source = static_cast<SourceId>(c.sources.size());
        Source src;
        src.path = std::filesystem::path(file).filename().string();
        src.opened = file;
        src.format = "inline";
        c.sources.push_back(std::move(src));
        EntryBuilder b(c, source, file);
        b.date_options = case_date_options(c);
        read_entries(y, b, entries, k_none<AgencyId>, k_none<AreaId>);
        b.close();
    }
    return sources;
}

}  // namespace sightline::formats::detail
