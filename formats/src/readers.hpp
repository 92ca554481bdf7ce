// The readers behind load_case. Internal to sightline_formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entry_builder.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// One entry of the manifest's sources: list.
struct SourceSpec {
    std::string file;      // relative to the manifest's folder
    std::string mapping;   // optional mapping file for spreadsheets
    std::string sheet;     // optional sheet name for XLSX
    Where where;           // in the manifest
};

// Reads case.yaml into the case (people, relationships, residences, areas, agencies, rules,
// inline entries) and returns the sources it lists.
std::vector<SourceSpec> read_manifest(engine::Case& c, const std::string& file, std::string_view text);

// Reads a native single-agency chronology (case-format §3).
void read_agency_yaml(engine::Case& c, engine::SourceId source, const std::string& file, std::string_view text);

}  // namespace sightline::formats::detail
