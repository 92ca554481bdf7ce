// Key practice episodes (notes.yaml `episodes:`) seen one at a time, as a learning event reads
// them: who was in contact, whether each child was seen, the findings that fall inside, and who
// knew what by the episode's end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/knowledge.hpp"

namespace sightline::engine {

struct EpisodeAgency {
    AgencyId agency = k_none<AgencyId>;
    std::uint32_t contacts = 0;            // entries of this agency in the episode
    std::uint32_t saw_a_child = 0;         // of which a professional sighting of an index child
};

struct EpisodeChild {
    PersonId child = k_none<PersonId>;
    std::uint32_t sightings = 0;           // professional sightings in the episode
    std::uint32_t not_seen = 0;            // contacts recorded as not seeing the child
    std::optional<std::int32_t> last_seen; // the last professional sighting by the episode's end
};

// One risk event and, per agency of the episode (same order as EpisodeView::agencies), the
// first day it could have known of it if that was by the episode's end.
struct EpisodeRisk {
    EntryIndex event{};
    std::vector<std::optional<std::int32_t>> known_from;
};

struct EpisodeView {
    std::size_t episode = 0;               // index into Case::notes.episodes
    std::int32_t from_day = 0;             // first and last day (inclusive)
    std::int32_t to_day = 0;
    std::vector<EntryIndex> entries;       // entries that can fall inside, in chronology order
    std::vector<EpisodeAgency> agencies;   // in order of their first contact in the episode
    std::vector<EpisodeChild> children;    // index children born by the episode's end
    std::vector<std::uint32_t> findings;   // findings of concern about the period (not case-wide figures), by date
    std::vector<EpisodeRisk> risks;        // risk events from a year before it to its end
};

// How far before an episode its who-knew-what grid looks for risk events.
inline constexpr std::int32_t k_episode_risk_lookback_days = 365;

// The episode's dates: from its `from`'s earliest day to its `to`'s latest; nullopt when either
// does not read as a date or they are reversed (read_notes reports those).
std::optional<std::pair<std::int32_t, std::int32_t>> episode_days(const KeyEpisode& e);

// One view per readable episode, in the order of notes.yaml.
std::vector<EpisodeView> episode_views(const Case& c, const std::vector<Finding>& findings,
                                       const std::vector<RiskKnowledge>& knowledge);

}  // namespace sightline::engine
