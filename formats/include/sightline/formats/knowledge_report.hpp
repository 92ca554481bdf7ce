// `sightline knew` output: what one agency could have known by a day, as text and as JSON.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sightline/engine/knowledge.hpp"

namespace sightline::formats {

// What one agency had learnt by a day (engine::known_by), and every risk event for the count of
// those recorded by then that had not reached it.
struct KnewReport {
    engine::AgencyId agency = engine::k_none<engine::AgencyId>;
    std::int32_t day = 0;
    std::vector<std::pair<engine::EntryIndex, engine::Knowing>> known;
    const std::vector<engine::RiskKnowledge>* all = nullptr;
};

// {"agency", "at", "knew": [{"event", "date", "since", "via"}],
//  "not_received": [{"event", "date", "agency"}]}.
void write_knew_json(const engine::Case& c, const KnewReport& r, std::string& out);
// "What <agency> could have known by <day>:", one event a line with how it learnt it, then the
// risk events recorded by then that had not reached it, one a line.
void write_knew_text(const engine::Case& c, const KnewReport& r, std::string& out);

}  // namespace sightline::formats
