// Writing the genogram at a date: SVG (for a report) and JSON (for scripts and tests).
#pragma once

#include <cstdint>
#include <string>

#include "sightline/engine/genogram.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats {

// A standalone SVG: title line with the case title and the date, households drawn as
// outlines labelled with area and address, McGoldrick symbols, name and age labels, people
// outside the index child's household faded, and a legend. Deterministic bytes.
void write_genogram_svg(const engine::Case& c, const engine::GenogramLayout& layout,
                        const engine::GenogramAt& at, std::string& out);

// {"sightline":1, "case", "at", "bounds", "people", "unions", "households", "diagnostics"}:
// positions in layout units, states at the date, outlines as [x0, y0, x1, y1] rectangles.
void write_genogram_json(const engine::Case& c, const engine::GenogramLayout& layout,
                         const engine::GenogramAt& at, std::string& out);

}  // namespace sightline::formats
