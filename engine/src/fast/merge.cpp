// Merge: the accelerated path, for a large case on several threads. It makes the chronology the
// reference merge (../merge.cpp) makes, by the same rules (../merge_rule.hpp): ids hashed and
// sort keys made on every thread, the keys packed into numbers and sorted by their digits on
// every thread (radix_order.cpp; by comparison when they do not pack), the few possibly repeated
// ids found with bitmaps before any are sorted, and the order applied in place (a second array of
// a million entries would double the peak memory), cycle by cycle on every thread.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

#include "../merge_rule.hpp"
#include "radix_order.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/engine/phases.hpp"

namespace sightline::engine {

using namespace detail;

namespace {

// [SECTION] The order and the ids

// The chronology's order (order[k] is the index of its k-th entry), with areas, ids and
// repeats' suffixes assigned; the entries are not moved.
std::vector<std::uint32_t> order_and_ids(Case& c, unsigned threads) {
    Chronology& chron = c.chronology;
    Entries& entries = chron.entries;

    const std::vector<std::uint32_t> ranks = source_ranks(c);

    // Repeats are rare: a bitmap of the hashes' top bits finds the few that may repeat (about one
    // in thirty at a million), only those are sorted, and only entries whose hash repeats are
    // numbered (by the rule's number_repeats).
    unsigned bits = 10;  // about sixteen buckets an entry (at least eight up to 16M entries: 16 MB a bitmap)
    while (bits < 27 && (std::size_t{1} << bits) < 16 * entries.size()) ++bits;
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
    std::vector<KeyRanges> key_ranges(parts);
    parallel_for(parts, threads, [&](std::size_t part) {
        const auto [begin, end] = range(part);
        std::string scratch;
        KeyRanges mine;
        for (std::size_t i = begin; i < end; ++i) {
            Entry& e = entries[i];
            if (is_none(e.area) && !is_none(e.agency)) e.area = c.agency(e.agency).area;
            e.id_hash = id_hash(c, agency_hashes, e, scratch);
            hashes[i] = e.id_hash;
            e.id_suffix = 0;
            keys[i] = chronology_key(e, rank_of(ranks, e), static_cast<std::uint32_t>(i));
            mine.add(keys[i]);
        }
        key_ranges[part] = mine;
    });
    for (std::size_t part = 1; part < parts; ++part) key_ranges[0].add(key_ranges[part]);
    mark_phase("ids and sort keys made");
    std::vector<std::uint32_t> order(entries.size());
    if (!radix_order(keys, key_ranges[0], order, threads)) {
        parallel_sort(keys, threads, std::less<>());
        for (std::size_t k = 0; k < keys.size(); ++k) order[k] = keys[k].index;
    }
    mark_phase("sort keys sorted");
    std::vector<std::uint32_t> position(entries.size());  // where each entry goes in the order
    parallel_ranges(order.size(), threads, [&](std::size_t begin, std::size_t end) {
        for (std::size_t k = begin; k < end; ++k) position[order[k]] = static_cast<std::uint32_t>(k);
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

// Moves the entries into the order in place: entries[k] becomes the entry that was at order[k].
// A second array of entries would double the peak memory of a million-row case, so the order's
// cycles are followed, each entry moved once. This thread finds the cycles, walking the order
// alone, and hands them out in batches as it goes; every thread, this one once it has found them
// all, moves them. A long cycle (a random order has one holding most of the entries) is cut into
// stretches of K places, handed out as they are found and moved at once. With c[0], c[1], ...
// the cycle's places in the order's walk (c[i + 1] = order[c[i]]), stretch j fills c[jK] to
// c[jK + K - 1], each place taking the entry of the next; its last place takes the entry of
// c[(j + 1)K], which was set aside before stretch j was handed out (the last stretch takes
// c[0]'s, set aside at the first cut), since stretch j + 1 overwrites that place.
void apply_order(Entries& entries, const std::vector<std::uint32_t>& order, unsigned threads) {
    constexpr std::uint32_t k_stretch = 16384;  // K, in entries: also about this many in a batch
    struct Piece {
        std::uint32_t start;                // the first place it fills
        std::uint32_t length;               // places it fills, following the order from start
        Entry* last;                        // the set-aside entry its last place takes; null for a
                                            // whole cycle, whose last place takes its first entry
    };
    using Batch = std::vector<Piece>;
    std::deque<Entry> aside;                // the set-aside entries (which never move once there)
    std::deque<Batch> ready;
    std::mutex m;
    std::condition_variable changed;
    bool found = false;                     // every cycle has been handed out

    // The walk is bound by memory latency (each step reads an entry far away): the entries a few
    // steps ahead are fetched while this one moves.
    constexpr int k_ahead = 8;  // steps
    const auto move_piece = [&](const Piece& piece) {
        Entry first;
        if (!piece.last) first = std::move(entries[piece.start]);
        std::uint32_t to = piece.start;
        std::uint32_t ahead = order[to];
        for (int k = 0; k < k_ahead; ++k) {
            __builtin_prefetch(&entries[ahead]);
            ahead = order[ahead];
        }
        for (std::uint32_t step = 1; step < piece.length; ++step) {
            __builtin_prefetch(&entries[ahead]);
            __builtin_prefetch(reinterpret_cast<const char*>(&entries[ahead]) + 128);
            ahead = order[ahead];
            const std::uint32_t from = order[to];
            entries[to] = std::move(entries[from]);
            to = from;
        }
        entries[to] = std::move(piece.last ? *piece.last : first);
    };
    const auto move_batches = [&] {
        for (;;) {
            Batch batch;
            {
                std::unique_lock lock(m);
                changed.wait(lock, [&] { return !ready.empty() || found; });
                if (ready.empty()) return;
                batch = std::move(ready.front());
                ready.pop_front();
            }
            for (const Piece& piece : batch) move_piece(piece);
        }
    };
    const auto hand_out = [&](Batch& batch) {
        {
            const std::lock_guard lock(m);
            ready.push_back(std::move(batch));
        }
        changed.notify_one();
        batch.clear();
    };
    const auto find_cycles = [&] {
        struct Done {  // even should finding fail, the other threads stop waiting
            std::mutex& m;
            std::condition_variable& changed;
            bool& found;
            ~Done() {
                {
                    const std::lock_guard lock(m);
                    found = true;
                }
                changed.notify_all();
            }
        } done{m, changed, found};
        std::vector<bool> seen(entries.size(), false);
        Batch batch;
        std::uint32_t batch_length = 0;
        for (std::uint32_t start = 0; start < entries.size(); ++start) {
            if (seen[start] || order[start] == start) continue;
            // A long cycle is handed out a stretch at a time as it is walked: at each cut, the
            // entry at the cut is set aside (and, at the first, the cycle's first entry), and the
            // stretch before it, which ends with that entry, is handed out. Nothing in the cycle
            // has moved before its first stretch is handed out.
            Entry* first = nullptr;
            Piece stretch{start, 0, nullptr};
            std::uint32_t at = start;
            do {
                if (stretch.length == k_stretch) {
                    if (!first) first = &aside.emplace_back(std::move(entries[start]));
                    stretch.last = &aside.emplace_back(std::move(entries[at]));
                    Batch one{stretch};
                    hand_out(one);
                    stretch = {at, 0, nullptr};
                }
                seen[at] = true;
                at = order[at];
                ++stretch.length;
            } while (at != start);
            stretch.last = first;  // null: a whole cycle
            batch.push_back(stretch);
            batch_length += stretch.length;
            if (batch_length >= k_stretch) {
                hand_out(batch);
                batch_length = 0;
            }
        }
        if (!batch.empty()) hand_out(batch);
    };
    detail::Workers workers;
    for (unsigned t = 1; t < threads; ++t) workers.start(move_batches);
    workers.run_here([&] {
        find_cycles();
        move_batches();
    });
    workers.finish();
}

}  // namespace

void detail::merge_fast(Case& c, unsigned threads) {
    Entries& entries = c.chronology.entries;
    // Undated entries set apart by an earlier merge take part again (ids are numbered over all).
    entries.insert(entries.end(), c.chronology.undated.begin(), c.chronology.undated.end());
    c.chronology.undated.clear();
    apply_order(entries, order_and_ids(c, threads), threads);
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
