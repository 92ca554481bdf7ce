// Who knew what: for each risk event, which agencies knew it and from when (the recorder, and every
// agency reachable through later `to:` links or that recorded the same incident), and which
// agencies involved afterwards never received it.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine {

struct Cluster;

// One agency's knowledge of one event.
struct Knowing {
    AgencyId agency = k_none<AgencyId>;
    std::int32_t day = 0;                  // the first day it could have known
    std::optional<EntryIndex> via;         // the record that told it (a to: link or its own account); none for the recorder
};

struct RiskKnowledge {
    EntryIndex event{};
    std::vector<Knowing> knew;             // in the order they learnt it
    std::vector<AgencyId> never;           // involved afterwards (a contact within not_shared_days) but never told
};

// A risk event: a police incident, injury, arrest or missing episode, or anything tagged
// domestic_abuse, injury, self_harm, sexual_abuse, neglect, exploitation or risk; never a family
// account or retrospective evidence.
bool is_risk_event(const Case& c, const Entry& e);

// Does this record pass information about a risk to the child to the agencies in its `to:`
// (docs/analyses.md, "Principles")? Notifications, referrals, case transfers, strategy
// discussions and conferences do, and any record of a risk event or tagged with a risk; an
// enquiry (information_request), a request for history, a case's closure, or a notification
// whose words are only about a move, a closure or an enquiry does not.
bool passes_risk_information(const Case& c, const Entry& e);

// Information flow over an agency graph (Boost.Graph, earliest-arrival Dijkstra on dated links).
// One record per risk event (an incident recorded by several agencies counts once).
std::vector<RiskKnowledge> who_knew(const Case& c, const std::vector<Cluster>& clusters);

// What one agency could have known at a day: the risk events it had learnt of by then.
std::vector<std::pair<EntryIndex, Knowing>> known_by(const std::vector<RiskKnowledge>& all, AgencyId agency,
                                                     std::int32_t day);

}  // namespace sightline::engine
