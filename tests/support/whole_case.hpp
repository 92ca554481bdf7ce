// Everything a load gives, as text, for comparing two loads byte for byte.
#pragma once

#include <string>

#include "sightline/engine/model.hpp"
#include "sightline/formats/chronology_writer.hpp"

namespace sightline::test {

// The merged JSON (entries, sources, diagnostics), then every agency (name, kind, area, flags)
// and every area.
inline std::string whole_case(const engine::Case& c) {
    std::string out;
    formats::write_merge_json(c, out);
    for (const engine::Agency& a : c.agencies)
        out += a.name + "|" + std::string(to_string(a.kind)) + "|" + std::string(c.area_name(a.area)) + "|" +
               (a.registered ? "r" : "") + (a.kind_inferred ? "i" : "") + "\n";
    for (const engine::Area& a : c.areas) out += a.name + "\n";
    return out;
}

}  // namespace sightline::test
