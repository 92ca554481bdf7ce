// Native YAML: the manifest (case-format §2) and single-agency chronologies (§3).
//
// [SECTION] Helpers
// [SECTION] Entries
// [SECTION] Manifest: case, areas, people, agencies
// [SECTION] Manifest: relationships, residences, rules, sources
// [SECTION] Agency files
// [SECTION] Spreadsheet mappings
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>

#include "readers.hpp"
#include "yaml_load.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// [SECTION] Helpers

Where where_of(const YAML::Node& n) {
    if (!n.IsDefined()) return {};  // a missing key: Mark() would throw
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return {};
    return {static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

// A map's field, or a null node when absent (yaml-cpp's missing-key nodes throw when inspected).
YAML::Node get(const YAML::Node& map, const char* key) {
    if (!map.IsMap()) return YAML::Node();
    const YAML::Node n = map[key];
    return n.IsDefined() ? n : YAML::Node();
}

class YamlFile {
public:
    YamlFile(Case& c, std::string file) : m_case(c), m_file(std::move(file)) {}

    void error(const YAML::Node& at, std::string code, std::string message) {
        const Where w = where_of(at);
        m_case.diagnostics.add(Severity::Error, m_file, w.line, w.column, std::move(code), std::move(message));
    }
    void warning(const YAML::Node& at, std::string code, std::string message) {
        const Where w = where_of(at);
        m_case.diagnostics.add(Severity::Warning, m_file, w.line, w.column, std::move(code), std::move(message));
    }

    // Parses text; on a syntax error reports it and returns an undefined node.
    std::optional<YAML::Node> load(std::string_view text) { return load_yaml(text, m_file, m_case.diagnostics); }

    // A scalar's text, or an error naming the field when it is a list or map.
    std::optional<std::string> scalar(const YAML::Node& n, std::string_view field) {
        if (!n.IsDefined() || n.IsNull()) return std::nullopt;
        if (!n.IsScalar()) {
            error(n, "field-type", "'" + std::string(field) + "' must be a single value");
            return std::nullopt;
        }
        return n.Scalar();
    }

    // A list of scalars; a single scalar is split on ; , or |.
    std::vector<std::pair<std::string, YAML::Node>> list(const YAML::Node& n, std::string_view field) {
        std::vector<std::pair<std::string, YAML::Node>> out;
        if (!n.IsDefined() || n.IsNull()) return out;
        if (n.IsScalar()) {
            for (std::string_view part : EntryBuilder::split_list(n.Scalar())) out.emplace_back(std::string(part), n);
            return out;
        }
        if (!n.IsSequence()) {
            error(n, "field-type", "'" + std::string(field) + "' must be a list");
            return out;
        }
        for (const YAML::Node& item : n) {
            if (!item.IsScalar()) {
                error(item, "field-type", "each item of '" + std::string(field) + "' must be a single value");
                continue;
            }
            out.emplace_back(item.Scalar(), item);
        }
        return out;
    }

    std::optional<FuzzyDate> date(const YAML::Node& n, std::string_view field, const DateParseOptions& opts = {}) {
        const std::optional<std::string> text = scalar(n, field);
        if (!text) return std::nullopt;
        const DateParseResult r = parse_date(*text, opts);
        if (r.error) {
            error(n, r.error->code, r.error->message);
            return std::nullopt;
        }
        if (r.warning) warning(n, r.warning->code, r.warning->message);
        return r.date;
    }

    // Warns about keys outside a known set.
    void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> known, std::string_view where) {
        for (const auto& kv : map) {
            const std::string& k = kv.first.Scalar();
            if (std::find(known.begin(), known.end(), k) == known.end())
                warning(kv.first, "key-unknown", "unknown key '" + k + "' in " + std::string(where) + "; ignored");
        }
    }

    Case& c() { return m_case; }
    const std::string& file() const { return m_file; }

private:
    Case& m_case;
    std::string m_file;
};

bool valid_person_id(std::string_view id) {
    if (id.empty()) return false;
    return std::all_of(id.begin(), id.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
    });
}

// [SECTION] Entries

constexpr std::array<std::string_view, 17> k_entry_keys = {
    "date", "time", "type", "type_inferred", "summary", "subjects", "child_seen", "views_sought", "modality", "practitioner",
    "to", "area", "ref", "seq", "end", "tags", "agency"};

// Reads one entry map into the builder; its own agency and area fields override the file's.
void read_entry(YamlFile& y, EntryBuilder& b, const YAML::Node& node, AgencyId agency, AreaId area) {
    const Where at = where_of(node);
    b.begin(at);
    b.set_agency(agency);
    b.set_area(area);
    if (!node.IsMap()) {
        b.error(at, "field-type", "entry must be a map of fields (date, type, summary, ...)");
        b.finish();
        return;
    }
    Case& c = y.c();
    if (const auto own_agency = y.scalar(get(node, "agency"), "agency")) b.set_agency(c.intern_agency(*own_agency));
    if (const auto own_area = y.scalar(get(node, "area"), "area")) b.set_area(c.intern_area(*own_area));

    const YAML::Node date = get(node, "date");
    if (const auto text = y.scalar(date, "date")) {
        const YAML::Node time = get(node, "time");
        const std::string time_text = y.scalar(time, "time").value_or("");
        // "undated" (or "not known", ...): the agency could not date it (an addition to the format).
        if (is_unknown_date_text(*text)) b.set_undated(*text);
        else b.set_date(*text, where_of(date), time_text, where_of(time));
    } else if (!date.IsDefined() || date.IsNull()) {
        b.error(at, "field-missing", "entry has no 'date'");
    }
    const YAML::Node type = get(node, "type");
    if (const auto text = y.scalar(type, "type"); text && !trim(*text).empty()) b.set_type(*text);
    else if (!type.IsDefined() || type.IsNull() || (text && trim(*text).empty())) b.error(at, "field-missing", "entry has no 'type'");
    // type_inferred: true (written by import): the type was read from the words, not written.
    if (const YAML::Node inferred = get(node, "type_inferred"); inferred.IsDefined())
        if (const auto text = y.scalar(inferred, "type_inferred"); text && parse_bool(*text).value_or(false))
            b.mark_type_inferred();
    const YAML::Node summary = get(node, "summary");
    if (const auto text = y.scalar(summary, "summary")) b.set_summary(trim(*text));
    else if (!summary.IsDefined() || summary.IsNull()) b.error(at, "field-missing", "entry has no 'summary'");

    for (const auto& [name, n] : y.list(get(node, "subjects"), "subjects")) b.add_subject(name, where_of(n));
    for (const auto& [name, n] : y.list(get(node, "to"), "to")) b.add_recipient(name);
    for (const auto& [name, n] : y.list(get(node, "tags"), "tags")) b.add_tag(name);

    const YAML::Node seen = get(node, "child_seen");
    if (seen.IsMap()) {
        for (const auto& kv : seen) {
            const std::string& child = kv.first.Scalar();
            if (!kv.second.IsScalar()) {
                b.error(where_of(kv.second), "field-type", "child_seen for '" + child + "' must be a single value");
                continue;
            }
            if (const auto v = parse_child_seen(kv.second.Scalar()))
                b.set_child_seen_for(child, *v, where_of(kv.first));
            else
                b.error(where_of(kv.second), "value-invalid",
                        "unknown child_seen '" + kv.second.Scalar() + "'; expected one of " + allowed_child_seen());
        }
    } else if (const auto text = y.scalar(seen, "child_seen")) {
        if (const auto v = parse_child_seen(*text)) b.set_child_seen(*v);
        else b.error(where_of(seen), "value-invalid", "unknown child_seen '" + *text + "'; expected one of " + allowed_child_seen());
    }
    const YAML::Node views = get(node, "views_sought");
    if (const auto text = y.scalar(views, "views_sought")) {
        if (const auto v = parse_bool(*text)) b.set_views_sought(*v);
        else b.error(where_of(views), "value-invalid", "views_sought must be true or false, not '" + *text + "'");
    }
    const YAML::Node modality = get(node, "modality");
    if (const auto text = y.scalar(modality, "modality")) {
        if (const auto v = parse_modality(*text)) b.set_modality(*v);
        else b.error(where_of(modality), "value-invalid", "unknown modality '" + *text + "'; expected one of " + allowed_modality());
    }
    if (const auto text = y.scalar(get(node, "practitioner"), "practitioner")) b.set_practitioner(trim(*text));
    if (const auto text = y.scalar(get(node, "ref"), "ref")) b.set_ref(trim(*text));
    const YAML::Node seq = get(node, "seq");
    if (const auto text = y.scalar(seq, "seq")) {
        if (const auto v = parse_int(*text); v && *v >= 0 && *v < 1000000) b.set_seq(static_cast<std::int32_t>(*v));
        else b.error(where_of(seq), "value-invalid", "seq must be a whole number from 0, not '" + *text + "'");
    }
    const YAML::Node end = get(node, "end");
    if (const auto text = y.scalar(end, "end")) b.set_end(*text, where_of(end));

    for (const auto& kv : node) {
        const std::string& k = kv.first.Scalar();
        if (std::find(k_entry_keys.begin(), k_entry_keys.end(), k) != k_entry_keys.end()) continue;
        const std::string value = kv.second.IsScalar() ? kv.second.Scalar() : YAML::Dump(kv.second);
        b.add_extra(k, value, where_of(kv.first));
    }
    b.finish();
}

// Reads an `entries:` list with the given defaults.
void read_entries(YamlFile& y, EntryBuilder& b, const YAML::Node& entries, AgencyId agency, AreaId area) {
    if (!entries.IsDefined() || entries.IsNull()) return;
    if (!entries.IsSequence()) {
        y.error(entries, "field-type", "'entries' must be a list");
        return;
    }
    for (const YAML::Node& e : entries) read_entry(y, b, e, agency, area);
}

DateParseOptions case_date_options(const Case& c) {
    DateParseOptions o;
    o.zone = find_zone(c.info.timezone);
    return o;
}

// Checks `sightline: 1`.
void check_version(YamlFile& y, const YAML::Node& root, bool required) {
    const YAML::Node v = get(root, "sightline");
    if (!v.IsDefined() || v.IsNull()) {
        if (required) y.error(root, "version-missing", "missing 'sightline: 1' (the format version)");
        else y.warning(root, "version-missing", "missing 'sightline: 1' (the format version); reading as version 1");
        return;
    }
    if (!v.IsScalar() || v.Scalar() != "1")
        y.error(v, "version-unsupported", "format version '" + (v.IsScalar() ? v.Scalar() : std::string("?")) +
                                              "' is not supported; this sightline reads version 1");
}

// [SECTION] Manifest: case, areas, people, agencies

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

// [SECTION] Manifest: relationships, residences, rules, sources

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
                         "rules", "entries"},
                 "the manifest");
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

// [SECTION] Agency files

void read_agency_yaml(Case& c, SourceId source, const std::string& file, std::string_view text) {
    YamlFile y(c, file);
    EntryBuilder b(c, source, file);
    b.date_options = case_date_options(c);
    const std::optional<YAML::Node> root = y.load(text);
    if (!root) {
        b.close();
        return;
    }
    if (!root->IsMap()) {
        y.error(*root, "field-type", "an agency chronology must be a map (sightline, agency, kind, area, entries)");
        b.close();
        return;
    }
    check_version(y, *root, false);
    y.check_keys(*root, {"sightline", "agency", "kind", "area", "entries"}, "the agency chronology");
    AgencyId agency = k_none<AgencyId>;
    if (const auto name = y.scalar(get((*root), "agency"), "agency")) {
        agency = c.intern_agency(*name);
    } else {
        y.error(*root, "field-missing", "agency chronology has no 'agency' (the agency's name)");
    }
    const YAML::Node kind = get((*root), "kind");
    if (const auto k = y.scalar(kind, "kind"); k && !is_none(agency)) b.declare_agency_kind(agency, *k, file, where_of(kind));
    AreaId area = k_none<AreaId>;
    if (const auto a = y.scalar(get((*root), "area"), "area")) area = c.intern_area(*a);
    if (!is_none(agency)) {
        c.sources[index_of(source)].agency = agency;
        if (is_none(c.agencies[index_of(agency)].area) && !is_none(area)) c.agencies[index_of(agency)].area = area;
    }
    const YAML::Node entries = get((*root), "entries");
    if (!entries.IsDefined() || entries.IsNull()) y.warning(*root, "entries-missing", "agency chronology has no entries");
    read_entries(y, b, entries, agency, area);
    b.close();
}

// [SECTION] Spreadsheet mappings

SheetMapping read_mapping(Case& c, const std::string& file, std::string_view text) {
    YamlFile y(c, file);
    SheetMapping m;
    m.file = file;
    const std::optional<YAML::Node> root = y.load(text);
    if (!root) return m;
    if (!root->IsMap()) {
        y.error(*root, "field-type", "a mapping must be a map (agency, kind, area, date_order, columns, values)");
        return m;
    }
    y.check_keys(*root, {"sightline", "agency", "agency_column", "kind", "area", "area_column", "date_order",
                         "date_system", "sheet", "header_row", "delimiter", "columns", "values"},
                 "the mapping");
    const YAML::Node agency = get(*root, "agency");
    if (const auto v = y.scalar(agency, "agency")) {
        m.agency = *v;
        m.agency_where = where_of(agency);
    }
    const YAML::Node kind = get(*root, "kind");
    if (const auto v = y.scalar(kind, "kind")) {
        m.kind = *v;
        m.kind_file = file;
        m.kind_where = where_of(kind);
    }
    m.area = y.scalar(get(*root, "area"), "area").value_or("");
    m.sheet = y.scalar(get(*root, "sheet"), "sheet").value_or("");
    for (const auto& [key, field] : {std::pair{"agency_column", SheetField::Agency}, std::pair{"area_column", SheetField::Area}}) {
        const YAML::Node n = get(*root, key);
        if (const auto v = y.scalar(n, key)) m.columns[static_cast<std::size_t>(field)].push_back({*v, where_of(n)});
    }
    const YAML::Node order = get(*root, "date_order");
    if (const auto v = y.scalar(order, "date_order")) {
        if (const auto o = parse_date_order(*v)) m.date_order = *o;
        else y.error(order, "value-invalid", "unknown date_order '" + *v + "'; expected one of dmy, mdy, ymd, auto");
    }
    const YAML::Node system = get(*root, "date_system");
    if (const auto v = y.scalar(system, "date_system")) {
        if (*v == "1900" || *v == "1904") m.date_1904 = *v == "1904";
        else y.error(system, "value-invalid", "date_system must be 1900 or 1904, not '" + *v + "'");
    }
    const YAML::Node header = get(*root, "header_row");
    if (const auto v = y.scalar(header, "header_row")) {
        const auto n = parse_int(*v);
        if (n && *n >= 1 && *n <= 1048576) {
            m.header_row = static_cast<std::uint32_t>(*n);
            m.header_row_where = where_of(header);
        } else {
            y.error(header, "value-invalid", "header_row must be a row number from 1, not '" + *v + "'");
        }
    }
    const YAML::Node delimiter = get(*root, "delimiter");
    if (const auto v = y.scalar(delimiter, "delimiter")) {
        if (*v == "tab" || *v == "\\t" || *v == "\t") m.delimiter = '\t';
        else if (v->size() == 1 && (*v)[0] != '"' && (*v)[0] != '\n') m.delimiter = (*v)[0];
        else y.error(delimiter, "value-invalid", "delimiter must be one character (or 'tab'), not '" + *v + "'");
    }
    auto field_list = [] {
        std::string out;
        for (std::size_t i = 0; i < k_sheet_field_count; ++i) out += (i ? ", " : "") + std::string(field_name(static_cast<SheetField>(i)));
        return out;
    };
    const YAML::Node columns = get(*root, "columns");
    if (columns.IsDefined() && !columns.IsNull()) {
        if (!columns.IsMap()) {
            y.error(columns, "field-type", "'columns' must be a map of field to column header");
        } else {
            for (const auto& kv : columns) {
                const std::string& name = kv.first.Scalar();
                const auto field = parse_sheet_field(name);
                if (!field) {
                    y.error(kv.first, "value-invalid", "unknown field '" + name + "' in columns; expected one of " + field_list());
                    continue;
                }
                auto& list = m.columns[static_cast<std::size_t>(*field)];
                if (kv.second.IsScalar()) {
                    list.push_back({kv.second.Scalar(), where_of(kv.second)});
                } else if (kv.second.IsSequence() && *field == SheetField::Summary) {
                    for (const YAML::Node& item : kv.second) {
                        if (item.IsScalar()) list.push_back({item.Scalar(), where_of(item)});
                        else y.error(item, "field-type", "each column of 'summary' must be one header");
                    }
                } else if (kv.second.IsMap() && *field == SheetField::ChildSeen) {
                    for (const auto& child : kv.second) {
                        if (child.second.IsScalar())
                            m.child_seen_columns.emplace_back(child.first.Scalar(), ColumnName{child.second.Scalar(), where_of(child.second)});
                        else y.error(child.second, "field-type", "child_seen for '" + child.first.Scalar() + "' must name one column");
                    }
                } else {
                    y.error(kv.second, "field-type",
                            "column for '" + name + "' must be one header" +
                                (*field == SheetField::ChildSeen ? " (or a map of child to header)" : "") +
                                "; only summary may list several");
                }
            }
        }
    }
    const YAML::Node values = get(*root, "values");
    if (values.IsDefined() && !values.IsNull()) {
        if (!values.IsMap()) {
            y.error(values, "field-type", "'values' must be a map of field to {as written: meaning}");
        } else {
            for (const auto& kv : values) {
                const std::string& name = kv.first.Scalar();
                const auto field = parse_sheet_field(name);
                if (!field) {
                    y.error(kv.first, "value-invalid", "unknown field '" + name + "' in values; expected one of " + field_list());
                    continue;
                }
                if (!kv.second.IsMap()) {
                    y.error(kv.second, "field-type", "values for '" + name + "' must be a map {as written: meaning}");
                    continue;
                }
                for (const auto& pair : kv.second) {
                    if (!pair.second.IsScalar() && !pair.second.IsNull()) {
                        y.error(pair.second, "field-type", "each value for '" + name + "' must be a single word");
                        continue;
                    }
                    const std::string written = pair.first.IsNull() ? std::string() : pair.first.Scalar();
                    const std::string meaning = pair.second.IsNull() ? std::string() : pair.second.Scalar();
                    m.values[static_cast<std::size_t>(*field)].emplace_back(written, meaning);
                }
            }
        }
    }
    return m;
}

}  // namespace sightline::formats::detail
