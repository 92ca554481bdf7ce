// Corroboration: the same incident recorded by several agencies, kept as one cluster with
// every account, and the reviewer's confirm/split decisions applied.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine {

// One incident as several agencies recorded it.
struct Cluster {
    std::uint32_t number = 0;              // 1, 2, ... in date order
    std::vector<EntryIndex> members;       // in chronology order
    bool confirmed = false;                // a reviewer confirmed it in notes.yaml
    std::int32_t score = 0;                // the weakest link that joined it (0-100+; 0 when confirmed only)
};

// How two entries were judged alike (exposed for tests and the viewer's explanation).
struct PairScore {
    std::int32_t total = 0;
    std::int32_t text = 0;                 // words in common, weighted by rarity
    std::int32_t link = 0;                 // one informed the other (to:)
    std::int32_t reference = 0;            // one quotes the other's reference
    std::int32_t date_mention = 0;         // one's summary names the other's date
    std::int32_t people = 0;               // people in common besides the index children
    std::int32_t nearness = 0;             // how close the dates are
    bool candidate = false;                // passed the gate (an event, a link or a reference)
};

// Finds clusters in a merged case. Deterministic, and independent of the order of sources.
// Rules: corroboration_window_days, corroboration_min_score, uncertain_date_days.
std::vector<Cluster> find_clusters(const Case& c);

// Scores one pair (entries of different agencies); used by find_clusters.
class ClusterScorer {
public:
    explicit ClusterScorer(const Case& c);
    [[nodiscard]] PairScore score(EntryIndex a, EntryIndex b) const;
    // Did b record receiving what a sent (b is the first record of a recipient after a)?
    [[nodiscard]] bool receives(EntryIndex a, EntryIndex b) const;

    // Entries whose to: the entry is the receipt of.
    [[nodiscard]] const std::vector<std::uint32_t>& received(EntryIndex b) const { return m_received[index_of(b)]; }

private:
    const Case& m_case;
    std::vector<std::vector<std::uint32_t>> m_received;  // per entry: the entries whose to: it is the receipt of
    std::vector<std::vector<std::int32_t>> m_mentions;   // per entry: the days its summary names
    std::vector<std::vector<std::uint32_t>> m_tokens;  // per entry: sorted token ids
    std::vector<double> m_idf;                         // per token id
};

// Entry types that are things happening (an incident, an injury), as opposed to records about them.
bool is_event_type(EntryType t);

// Dates named in free text ("on 20/06", "21/06/2015", "20 June"), resolved near a reference day.
std::vector<std::int32_t> dates_mentioned(std::string_view text, std::int32_t near_day);

}  // namespace sightline::engine
