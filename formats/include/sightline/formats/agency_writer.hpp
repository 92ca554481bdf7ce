// Writing one source's entries as a native single-agency chronology (case-format §3), for
// `sightline import`: reading the YAML back gives the same entries.
#pragma once

#include <string>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// Appends the YAML of every entry of `source`, in the order read. Dates are written in their
// canonical form, with the text as written in a comment when it differs. Problems that would
// lose data (an unmapped column named like an entry field) are added to problems as errors.
void write_agency_yaml(const engine::Case& c, engine::SourceId source, std::string& out,
                       engine::Diagnostics& problems);

}  // namespace sightline::formats
