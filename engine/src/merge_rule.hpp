// What the merge decides, in one place: where an entry goes in the chronology and what its id
// is. The reference merge (merge.cpp) applies these rules plainly; the accelerated merge
// (fast/merge.cpp) applies the same ones on several threads, and must give the same chronology
// (tests/engine/merge_test.cpp holds the two to that).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine::detail {

// Each source's rank: its place among the case's sources sorted by path (then format), so that
// the order of the manifest's list does not change the chronology.
std::vector<std::uint32_t> source_ranks(const Case& c);
inline std::uint32_t rank_of(const std::vector<std::uint32_t>& ranks, const Entry& e) {
    return is_none(e.where.source) ? k_no_index : ranks[index_of(e.where.source)];
}

// The hash of each agency's name, and of it followed by "ref": where every entry's hash starts.
struct AgencyHashes {
    explicit AgencyHashes(const Case& c);
    std::vector<std::uint64_t> name_hash, ref_hash;  // by agency index; the last for no agency
};

// What an entry's id is made from: agency + ref + type when it has a ref, else agency + date +
// type + summary (whitespace runs collapsed, ASCII lowercased; a type read from the words counts
// as none). 48 bits: the id is 12 hex digits. scratch holds the date text between calls.
std::uint64_t id_hash(const Case& c, const AgencyHashes& agencies, const Entry& e, std::string& scratch);

// An entry's place in an order, compared field by field. For the chronology: when it happened
// (undated entries after every dated one), seq, source rank, then its place in its source. For
// numbering repeats: its id hash, source rank, line, then its place in the chronology.
struct SortKey {
    std::uint64_t primary;                 // the instant (sign bit flipped, so it orders as unsigned), or the id hash
    std::uint32_t seq;                     // seq (sign bit flipped), or 0
    std::uint32_t source_rank;
    std::uint32_t line;                    // repeats: the line; the chronology: 0 (each reader appends a
                                           // source's entries in its own order: lines, or tables and rows)
    std::uint32_t index;                   // the entry's position before the sort

    friend bool operator<(const SortKey& a, const SortKey& b) {
        return std::tie(a.primary, a.seq, a.source_rank, a.line, a.index) <
               std::tie(b.primary, b.seq, b.source_rank, b.line, b.index);
    }
};

// The entry's key in the chronology's order; index is where it sits now.
SortKey chronology_key(const Entry& e, std::uint32_t rank, std::uint32_t index);
// The entry's key among repeats; position is its place in the chronology.
inline SortKey repeat_key(const Entry& e, std::uint32_t rank, std::uint32_t position) {
    return {e.id_hash, 0, rank, e.where.line, position};
}

// Numbers repeated content: sorts the keys, then every entry whose hash the one before it shares
// gets the next suffix (-2, -3, ...). entry(position) is the entry at that place in the chronology.
template <class EntryAt>
void number_repeats(std::vector<SortKey>& keys, EntryAt&& entry) {
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 1; i < keys.size(); ++i) {
        if (keys[i].primary != keys[i - 1].primary) continue;
        const std::uint32_t before = entry(keys[i - 1].index).id_suffix;
        entry(keys[i].index).id_suffix = before == 0 ? 2 : before + 1;
    }
}

// The accelerated merge (fast/merge.cpp): what merge.cpp's reference does, on `threads` threads.
void merge_fast(Case& c, unsigned threads);
// The reference merge, on this thread.
void merge_reference(Case& c);

}  // namespace sightline::engine::detail
