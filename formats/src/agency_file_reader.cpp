// Native single-agency chronologies (case-format §3): the agency, its kind and area, and its
// entries (read by yaml_entries.cpp, as the manifest's inline entries are).
#include <yaml-cpp/yaml.h>

#include "readers.hpp"
#include "registrations.hpp"
#include "yaml_entries.hpp"
#include "yaml_file.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

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
    const YAML::Node kind = get((*root), "kind");
    const std::optional<std::string> kind_text = y.scalar(kind, "kind");
    if (const auto name = y.scalar(get((*root), "agency"), "agency")) {
        agency = b.registrations().file_agency(*name, {kind_text, file, where_of(kind)});
        c.sources[index_of(source)].agency = agency;
    } else {
        y.error(*root, "field-missing", "agency chronology has no 'agency' (the agency's name)");
    }
    AreaId area = k_none<AreaId>;
    if (const auto a = y.scalar(get((*root), "area"), "area")) area = b.registrations().file_area(*a, agency);
    const YAML::Node entries = get((*root), "entries");
    if (!entries.IsDefined() || entries.IsNull()) y.warning(*root, "entries-missing", "agency chronology has no entries");
    read_entries(y, b, entries, agency, area);
    b.close();
}

}  // namespace sightline::formats::detail
