// Native YAML entries (case-format §3): an `entries:` list, each entry a map of fields, read into
// an EntryBuilder. Agency files and the manifest's inline entries read theirs alike through it.
// Internal to sightline_formats.
#pragma once

#include <yaml-cpp/yaml.h>

#include "entry_builder.hpp"
#include "sightline/engine/model.hpp"
#include "yaml_file.hpp"

namespace sightline::formats::detail {

// Reads an `entries:` list with the given defaults.
void read_entries(YamlFile& y, EntryBuilder& b, const YAML::Node& entries, engine::AgencyId agency,
                  engine::AreaId area);

// How a native file's dates are read: in the case's timezone.
engine::DateParseOptions case_date_options(const engine::Case& c);

}  // namespace sightline::formats::detail
