// Where the time goes, for whoever measures: with SIGHTLINE_PHASES=1 in the environment, each
// mark prints to stderr the wall time since the previous one ("phase  rows read  0.233 s"), the
// first starting the clock. Without it a mark costs one check of a flag. See BENCHMARKS.md.
#pragma once

#include <string_view>

namespace sightline::engine {

// Marks the end of a phase of the work, named by what it did ("rows read").
void mark_phase(std::string_view done);

}  // namespace sightline::engine
