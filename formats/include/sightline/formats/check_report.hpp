// `sightline check` output: the findings as JSON (case-format §8) and as a readable report.
#pragma once

#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"

namespace sightline::formats {

class JsonWriter;

// {"sightline":1, "case", "entries", "diagnostics", "findings": [...]}.
void write_check_json(const engine::Case& c, const std::vector<engine::Finding>& findings, std::string& out);
// Which fields of a finding to write, given by address as for_each_field passes them
// (engine::truth_states for the generator's truth); nullptr writes them all.
using FieldFilter = bool (*)(const engine::Finding& f, const void* field);
// One finding as a JSON object: kind, its fields in order, entries, concern, message.
void write_finding_json(const engine::Case& c, const engine::Finding& f, JsonWriter& w, FieldFilter keep = nullptr);
// The lines `check` opens with: entries, sources and dates; undated and inferred entries; how
// many findings of concern and input problems.
std::vector<std::string> check_overview(const engine::Case& c, const std::vector<engine::Finding>& findings);
// The few points a reviewer needs first, a sentence each: per child the longest unseen periods,
// then the longest gap, every transfer late or missed, misrouted notifications, discrepancies,
// adults nobody assessed and the patterns.
std::vector<std::string> summary_points(const engine::Case& c, const std::vector<engine::Finding>& findings);
// A report a reviewer reads top to bottom: children seen, gaps, moves and transfers, input problems.
void write_check_text(const engine::Case& c, const std::vector<engine::Finding>& findings, std::string& out);

}  // namespace sightline::formats
