// Reading a case: the manifest, every source it lists, then the merge.
#pragma once

#include <string>
#include <string_view>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

struct LoadOptions {
    bool merge = true;          // sort and assign ids after reading
    bool read_sources = true;   // false: the manifest only (people, agencies, areas), e.g. to import into
    unsigned threads = 0;       // for CSV and TSV sources and the merge; 0: one per core; 1: one thread
};

// Loads a case folder (its case.yaml) or a manifest file. Problems with the input become
// located diagnostics in the case; a manifest that cannot be read at all throws engine::Error.
engine::Case load_case(std::string_view path, const LoadOptions& options = {});

// The manifest file a path names: the path itself, or path/case.yaml for a folder.
std::string manifest_path_for(std::string_view path);

}  // namespace sightline::formats
