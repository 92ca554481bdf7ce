// The chronology's order by radix sort: part of the accelerated merge (merge.cpp). Its keys are
// the rule's (../merge_rule.hpp, chronology_key); it must give the order sorting them gives.
#pragma once

#include <cstdint>
#include <vector>

#include "../merge_rule.hpp"

namespace sightline::engine::detail {

// The least and greatest values of the chronology keys' fields, gathered as the keys are made
// (a range's worth on each thread, then added together). An undated entry's key has the largest
// `primary` (k_undated) and seq 0: it counts for its source rank only, since the undated come
// after every dated entry in rank and index order whatever the seq. A dated key with that same
// `primary` and another seq (a date the reader never makes) is noted: such keys are not packed.
struct KeyRanges {
    static constexpr std::uint64_t k_undated = ~std::uint64_t{0};
    std::uint64_t primary_min = k_undated, primary_max = 0;
    std::uint32_t seq_min = ~0u, seq_max = 0, rank_min = ~0u, rank_max = 0;
    bool dated_at_the_end = false;

    void add(const SortKey& k);
    void add(const KeyRanges& r);
};

// Writes the order of the chronology's keys (order[k] is the index of the k-th key; keys[i].index
// must be i, and every key's line 0, as chronology_key makes them) and returns true; returns
// false, writing nothing, when a key does not pack into 64 bits (then sort them).
//
// Each key is packed into one number: primary, seq and source rank, each less its least value,
// then the index, side by side, so that the numbers order as the keys do (an undated entry's
// primary becomes one more than the latest dated one's, and its seq 0). The numbers are sorted
// by their bits above the index, 11 at a time, least significant first, each pass keeping equal
// digits in the order they were in; the indexes need no sorting, since the numbers start in index
// order. Each pass runs on every thread: each thread counts the digits of its range of the
// numbers, then puts its range's numbers where the counts say, every digit's numbers in range
// order.
bool radix_order(const std::vector<SortKey>& keys, const KeyRanges& ranges, std::vector<std::uint32_t>& order,
                 unsigned threads);

}  // namespace sightline::engine::detail
