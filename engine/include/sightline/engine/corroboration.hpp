// Corroboration: the same incident recorded by several agencies, kept as one cluster with
// every account, and the reviewer's confirm/split decisions applied.
#pragma once

#include <cstdint>
#include <span>
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
// Rules: corroboration_window_days, corroboration_min_score, uncertain_date_days. Pairs are
// scored on `threads` threads (0: one per core); the result does not depend on their number.
std::vector<Cluster> find_clusters(const Case& c, unsigned threads = 0);

// Which records are the receipt of which: for each record with to:, the first non-routine record
// of each recipient from its day on, within the corroboration window.
class Receipts {
public:
    explicit Receipts(const Case& c);
    // Did b record receiving what a sent?
    [[nodiscard]] bool receives(EntryIndex a, EntryIndex b) const;
    // Every (receipt, what it received) pair.
    [[nodiscard]] const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs() const { return m_pairs; }

private:
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_pairs;  // sorted
};

// Scores one pair (entries of different agencies); used by find_clusters. Everything about one
// entry (its words, the dates it names, what it received) is worked out once, here.
class ClusterScorer {
public:
    explicit ClusterScorer(const Case& c);
    [[nodiscard]] PairScore score(EntryIndex a, EntryIndex b) const;
    // Did b record receiving what a sent (b is the first record of a recipient after a)?
    [[nodiscard]] bool receives(EntryIndex a, EntryIndex b) const { return m_receipts.receives(a, b); }
    // Does one quote the other's reference in its summary?
    [[nodiscard]] bool quotes(EntryIndex a, EntryIndex b) const;
    // Entries whose pairing with i is a candidate for reasons other than an event: links (to:) and
    // references quoted, either way.
    [[nodiscard]] std::span<const std::uint32_t> partners(EntryIndex i) const {
        return {m_partners.data() + m_partner_start[index_of(i)], m_partner_start[index_of(i) + 1] - m_partner_start[index_of(i)]};
    }

private:
    const Case& m_case;
    Receipts m_receipts;
    std::vector<std::int32_t> m_days;                // per entry: its earliest day
    std::vector<std::uint32_t> m_token_start;        // per entry: where its sorted token ids start in m_tokens
    std::vector<std::uint32_t> m_tokens;
    std::vector<std::uint64_t> m_signature;          // per entry: one bit per token id (mod 64), to skip pairs sharing none
    std::vector<std::uint32_t> m_mention_start;      // per entry: where the days its summary names start in m_mentions
    std::vector<std::int32_t> m_mentions;            // local days
    std::vector<std::uint32_t> m_partner_start;      // per entry: where its link and reference partners start
    std::vector<std::uint32_t> m_partners;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_quotes;  // (entry whose ref is quoted, entry quoting it), sorted
    std::vector<double> m_idf;                       // per token id
};

// Entry types that are things happening (an incident, an injury), as opposed to records about them.
bool is_event_type(EntryType t);

// Dates named in free text ("on 20/06", "21/06/2015", "20 June"), resolved near a reference day.
std::vector<std::int32_t> dates_mentioned(std::string_view text, std::int32_t near_day);

}  // namespace sightline::engine
