// Native YAML entries (see yaml_entries.hpp): one entry map's fields, checked and resolved by
// the EntryBuilder as every reader's rows are.
#include "yaml_entries.hpp"

#include "registrations.hpp"

#include <algorithm>
#include <array>

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// The fields an entry map may have; any other key is kept as a named extra field.
constexpr std::array<std::string_view, 18> k_entry_keys = {
    "date", "time", "type", "type_inferred", "retrospective", "summary", "subjects", "child_seen", "views_sought", "modality", "practitioner",
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
    if (const auto own_agency = y.scalar(get(node, "agency"), "agency")) b.set_agency(b.registrations().agency(*own_agency));
    if (const auto own_area = y.scalar(get(node, "area"), "area")) b.set_area(b.registrations().area(*own_area));

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
    // retrospective: true: evidence found later about when it happened (a post-mortem's dating).
    if (const YAML::Node retro = get(node, "retrospective"); retro.IsDefined()) {
        const auto text = y.scalar(retro, "retrospective");
        if (text && parse_bool(*text)) b.set_retrospective(*parse_bool(*text));
        else if (text) b.error(where_of(retro), "value-invalid", "retrospective must be true or false, not '" + *text + "'");
    }
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

}  // namespace

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

}  // namespace sightline::formats::detail
