// Writing a case's manifest (case-format §2), for generated cases: reading it back gives the same
// people, relationships, residences, areas and agencies.
#pragma once

#include <string>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// One item of the manifest's sources: list; empty strings are left out.
struct ManifestSource {
    std::string file;                      // relative to the case folder
    std::string agency;                    // spreadsheets: the agency of every row
    std::string mapping;                   // spreadsheets: a mapping file, relative to the case folder
};

// Appends case.yaml for c: the case block (title, index children, scope, timezone, date order),
// people, relationships, residences, declared areas, the registry of agencies (when any
// is registered), and sources.
void write_manifest_yaml(const engine::Case& c, const std::vector<ManifestSource>& sources, std::string& out);

}  // namespace sightline::formats
