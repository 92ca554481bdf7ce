// Merge: the accelerated path, for a large case on several threads. It makes the chronology the
// reference merge (../merge.cpp) makes, by the same rules (../merge_rule.hpp): ids hashed and
// sort keys made on every thread, the keys sorted in halves, the few possibly repeated ids found
// with bitmaps before any are sorted, and the order applied in place (a second array of a
// million entries would double the peak memory), fetching ahead along each cycle.
#include <algorithm>
#include <functional>

#include "../merge_rule.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/engine/phases.hpp"

namespace sightline::engine {

using namespace detail;

namespace {

// The chronology's order (order[k] is the index of its k-th entry), with areas, ids and
// repeats' suffixes assigned; the entries are not moved.
std::vector<std::uint32_t> order_and_ids(Case& c, unsigned threads) {
    Chronology& chron = c.chronology;
    Entries& entries = chron.entries;

    const std::vector<std::uint32_t> ranks = source_ranks(c);

    // Repeats are rare: a bitmap of the hashes' top bits finds the few that may repeat (about one
    // in thirty at a million), only those are sorted, and only entries whose hash repeats are
    // numbered (by the rule's number_repeats).
    unsigned bits = 10;  // about sixteen buckets an entry
    while (bits < 24 && (std::size_t{1} << bits) < 16 * entries.size()) ++bits;
    const auto bucket = [bits](std::uint64_t h) { return h >> (48 - bits); };  // ids are 48 bits
    const auto in = [](const std::vector<std::uint64_t>& set, std::uint64_t b) { return (set[b >> 6] >> (b & 63)) & 1; };
    struct Buckets {
        std::vector<std::uint64_t> once, twice;  // buckets holding one hash, and more than one
    };

    // Areas, ids and sort keys, each entry on its own: on every thread.
    const AgencyHashes agency_hashes(c);
    std::vector<SortKey> keys(entries.size());
    std::vector<std::uint64_t> hashes(entries.size());
    const std::size_t parts = entries.size() < 65536 ? 1 : threads;
    const auto range = [&](std::size_t part) {
        return std::pair{entries.size() * part / parts, entries.size() * (part + 1) / parts};
    };
    parallel_for(parts, threads, [&](std::size_t part) {
        const auto [begin, end] = range(part);
        std::string scratch;
        for (std::size_t i = begin; i < end; ++i) {
            Entry& e = entries[i];
            if (is_none(e.area) && !is_none(e.agency)) e.area = c.agency(e.agency).area;
            e.id_hash = id_hash(c, agency_hashes, e, scratch);
            hashes[i] = e.id_hash;
            e.id_suffix = 0;
            keys[i] = chronology_key(e, rank_of(ranks, e), static_cast<std::uint32_t>(i));
        }
    });
    mark_phase("ids and sort keys made");
    parallel_sort(keys, threads, std::less<>());
    mark_phase("sort keys sorted");
    std::vector<std::uint32_t> order(entries.size());
    std::vector<std::uint32_t> position(entries.size());  // where each entry goes in the order
    parallel_ranges(keys.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) {
            order[k] = keys[k].index;
            position[keys[k].index] = static_cast<std::uint32_t>(k);
        }
    });
    mark_phase("order made");
    // Each range's buckets, then all as one; then the hashes in buckets holding more than one.
    std::vector<Buckets> buckets(parts);
    parallel_for(parts, threads, [&](std::size_t part) {
        const auto [begin, end] = range(part);
        Buckets& mine = buckets[part];
        mine.once.assign(std::size_t{1} << (bits - 6), 0);
        mine.twice.assign(std::size_t{1} << (bits - 6), 0);
        for (std::size_t i = begin; i < end; ++i) {
            if (i + 16 < end) {  // the bitmaps are read at random: ask for the words a few hashes ahead
                __builtin_prefetch(&mine.once[bucket(hashes[i + 16]) >> 6]);
                __builtin_prefetch(&mine.twice[bucket(hashes[i + 16]) >> 6]);
            }
            const std::uint64_t b = bucket(hashes[i]);
            (in(mine.once, b) ? mine.twice : mine.once)[b >> 6] |= std::uint64_t{1} << (b & 63);
        }
    });
    Buckets& all = buckets[0];
    for (std::size_t part = 1; part < parts; ++part)
        for (std::size_t w = 0; w < all.once.size(); ++w) {
            all.twice[w] |= buckets[part].twice[w] | (all.once[w] & buckets[part].once[w]);
            all.once[w] |= buckets[part].once[w];
        }
    const std::vector<std::uint64_t>& twice = all.twice;
    std::vector<std::vector<std::uint64_t>> maybe_in(parts);
    parallel_for(parts, threads, [&](std::size_t part) {
        const auto [begin, end] = range(part);
        for (std::size_t i = begin; i < end; ++i) {
            if (i + 16 < end) __builtin_prefetch(&twice[bucket(hashes[i + 16]) >> 6]);
            if (in(twice, bucket(hashes[i]))) maybe_in[part].push_back(hashes[i]);
        }
    });
    std::vector<std::uint64_t> maybe;
    for (const auto& part : maybe_in) maybe.insert(maybe.end(), part.begin(), part.end());
    std::sort(maybe.begin(), maybe.end());
    std::vector<std::uint64_t> repeated;
    for (std::size_t i = 1; i < maybe.size(); ++i)
        if (maybe[i] == maybe[i - 1] && (repeated.empty() || repeated.back() != maybe[i])) repeated.push_back(maybe[i]);
    mark_phase("repeated ids found");
    std::vector<SortKey>& repeats = keys;  // the same array, reused
    repeats.clear();
    if (!repeated.empty())
        for (std::uint32_t i = 0; i < entries.size(); ++i)
            if (in(twice, bucket(hashes[i])) && std::binary_search(repeated.begin(), repeated.end(), hashes[i]))
                repeats.push_back(repeat_key(entries[i], rank_of(ranks, entries[i]), position[i]));
    number_repeats(repeats, [&](std::uint32_t k) -> Entry& { return entries[order[k]]; });
    mark_phase("repeats numbered");
    return order;
}

}  // namespace

void detail::merge_fast(Case& c, unsigned threads) {
    Entries& entries = c.chronology.entries;
    // Undated entries set apart by an earlier merge take part again (ids are numbered over all).
    entries.insert(entries.end(), c.chronology.undated.begin(), c.chronology.undated.end());
    c.chronology.undated.clear();
    const std::vector<std::uint32_t> order = order_and_ids(c, threads);
    // Apply the order in place, cycle by cycle: a second array of entries would double the
    // peak memory of a million-row case.
    // The walk is bound by memory latency (each step reads an entry far away): the entries a few
    // steps ahead on the cycle are fetched while this one moves.
    constexpr int k_ahead = 8;  // steps
    std::vector<bool> placed(entries.size(), false);
    for (std::uint32_t start = 0; start < entries.size(); ++start) {
        if (placed[start] || order[start] == start) continue;
        Entry held = std::move(entries[start]);
        std::uint32_t to = start;
        std::uint32_t ahead = order[start];
        for (int k = 0; k < k_ahead && ahead != start; ++k) {
            __builtin_prefetch(&entries[ahead]);
            ahead = order[ahead];
        }
        for (std::uint32_t from = order[to]; from != start; from = order[to]) {
            if (ahead != start) {
                __builtin_prefetch(&entries[ahead]);
                __builtin_prefetch(reinterpret_cast<const char*>(&entries[ahead]) + 128);
                ahead = order[ahead];
            }
            entries[to] = std::move(entries[from]);
            placed[to] = true;
            to = from;
        }
        entries[to] = std::move(held);
        placed[to] = true;
    }
    mark_phase("order applied");
    // The undated entries, last in the order, are set apart: no analysis sees them.
    std::size_t dated = entries.size();
    while (dated > 0 && entries[dated - 1].undated) --dated;
    const auto first_undated = entries.begin() + static_cast<std::ptrdiff_t>(dated);
    c.chronology.undated.assign(first_undated, entries.end());
    entries.erase(first_undated, entries.end());
    c.chronology.merged = true;
}


}  // namespace sightline::engine
