// A small case folder for spreadsheet tests: two index children, a mother, a registry, and
// sources written by the test.
#pragma once

#include <string>

#include "sightline/engine/model.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/spreadsheet.hpp"
#include "support/temp_dir.hpp"

namespace sightline::test {

inline constexpr const char* k_sheet_case_head = R"(sightline: 1
case:
  title: "Child A"
  index_children: [child-a, child-b]
@CASE@people:
  - {id: child-a, name: "Child A", aliases: ["Baby A", "A"], sex: male, born: 2014-10}
  - {id: child-b, name: "Child B", aliases: ["B"], sex: female, born: 2011-03-02}
  - {id: mother, name: Mother, aliases: [mum, Mum], sex: female, born: ~1994}
areas:
  - {name: Ealing, aliases: [LBE]}
agencies:
  - {name: "Metropolitan Police", kind: police, area: Ealing}
  - {name: "Ealing Health Visiting", kind: health_visiting, area: Ealing}
  - {name: "Brook Lane Clinic", kind: gp, area: Ealing}
)";

// Writes case.yaml: the head (with case_keys added to its `case:` block, e.g. "  date_order: dmy\n"),
// then `sources:` with the given list body, and loads the case.
inline engine::Case load_sheet_case(const TempDir& dir, const std::string& sources, const std::string& case_keys = "") {
    std::string manifest = k_sheet_case_head;
    manifest.replace(manifest.find("@CASE@"), 6, case_keys);
    dir.write("case.yaml", manifest + "sources:\n" + sources);
    return formats::load_case(dir.path());
}

}  // namespace sightline::test
