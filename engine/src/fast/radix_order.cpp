// The chronology's order by radix sort (see radix_order.hpp).
#include "radix_order.hpp"

#include <algorithm>
#include <array>
#include <bit>

#include "sightline/engine/parallel.hpp"

namespace sightline::engine::detail {

void KeyRanges::add(const SortKey& k) {
    if (k.primary != k_undated) {
        primary_min = std::min(primary_min, k.primary);
        primary_max = std::max(primary_max, k.primary);
        seq_min = std::min(seq_min, k.seq);
        seq_max = std::max(seq_max, k.seq);
    } else if (k.seq != 0) {
        dated_at_the_end = true;
    }
    rank_min = std::min(rank_min, k.source_rank);
    rank_max = std::max(rank_max, k.source_rank);
}

void KeyRanges::add(const KeyRanges& r) {
    primary_min = std::min(primary_min, r.primary_min);
    primary_max = std::max(primary_max, r.primary_max);
    seq_min = std::min(seq_min, r.seq_min);
    seq_max = std::max(seq_max, r.seq_max);
    rank_min = std::min(rank_min, r.rank_min);
    rank_max = std::max(rank_max, r.rank_max);
    dated_at_the_end = dated_at_the_end || r.dated_at_the_end;
}

bool radix_order(const std::vector<SortKey>& keys, const KeyRanges& r, std::vector<std::uint32_t>& order,
                 unsigned threads) {
    if (keys.empty()) return true;
    if (r.dated_at_the_end) return false;
    const bool any_dated = r.primary_min != KeyRanges::k_undated;
    const std::uint64_t undated_primary = any_dated ? r.primary_max - r.primary_min + 1 : 0;
    const auto width = [](std::uint64_t span) { return static_cast<unsigned>(std::bit_width(span)); };
    const unsigned index_bits = width(keys.size() - 1), rank_bits = width(r.rank_max - r.rank_min),
                   seq_bits = any_dated ? width(r.seq_max - r.seq_min) : 0, primary_bits = width(undated_primary);
    const unsigned key_bits = index_bits + rank_bits + seq_bits + primary_bits;
    if (key_bits > 64) return false;

    std::vector<std::uint64_t> from(keys.size()), to(keys.size());
    const std::size_t parts = threads;
    const auto range = [&](std::size_t part) {
        return std::pair{keys.size() * part / parts, keys.size() * (part + 1) / parts};
    };
    // Every shift is by a field of at most 32 bits (seq, rank, index), so never by 64.
    parallel_for(parts, threads, [&](std::size_t part) {
        const auto [begin, end] = range(part);
        for (std::size_t i = begin; i < end; ++i) {
            const SortKey& k = keys[i];
            const bool undated = k.primary == KeyRanges::k_undated;
            std::uint64_t packed = (undated ? undated_primary : k.primary - r.primary_min) << seq_bits;
            if (!undated) packed |= k.seq - r.seq_min;
            packed = packed << rank_bits | (k.source_rank - r.rank_min);
            from[i] = packed << index_bits | k.index;
        }
    });
    constexpr unsigned k_digit = 11;
    using Counts = std::array<std::size_t, std::size_t{1} << k_digit>;
    std::vector<Counts> counts(parts);
    for (unsigned shift = index_bits; shift < key_bits; shift += k_digit) {
        const auto digit = [shift](std::uint64_t v) { return (v >> shift) & ((1u << k_digit) - 1); };
        parallel_for(parts, threads, [&](std::size_t part) {
            const auto [begin, end] = range(part);
            Counts& mine = counts[part];
            mine.fill(0);
            for (std::size_t i = begin; i < end; ++i) ++mine[digit(from[i])];
        });
        // Where each range's numbers of each digit go: after every smaller digit's, and after the
        // earlier ranges' numbers of the same digit.
        std::size_t at = 0;
        bool one_digit = false;  // every number has the same digit here: the order stands
        for (std::size_t d = 0; d < counts[0].size(); ++d) {
            std::size_t all = 0;
            for (Counts& c : counts) {
                const std::size_t n = c[d];
                c[d] = at;
                at += n;
                all += n;
            }
            one_digit = one_digit || all == keys.size();
        }
        if (one_digit) continue;  // (the counts are made afresh for the next pass)
        parallel_for(parts, threads, [&](std::size_t part) {
            const auto [begin, end] = range(part);
            Counts& next = counts[part];
            for (std::size_t i = begin; i < end; ++i) to[next[digit(from[i])]++] = from[i];
        });
        from.swap(to);
    }
    const std::uint64_t index_mask = index_bits == 0 ? 0 : ~std::uint64_t{0} >> (64 - index_bits);
    parallel_ranges(keys.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) order[k] = static_cast<std::uint32_t>(from[k] & index_mask);
    });
    return true;
}

}  // namespace sightline::engine::detail
