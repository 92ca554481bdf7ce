// Merge: deterministic order and stable ids.
#include "sightline/engine/merge.hpp"

#include <algorithm>
#include <charconv>
#include <functional>
#include <numeric>
#include <tuple>

#include "sightline/engine/parallel.hpp"
#include "sightline/engine/phases.hpp"

namespace sightline::engine {

namespace {

constexpr std::uint64_t k_fnv_prime = 0x100000001b3ull;

// Hashes text with runs of whitespace collapsed and ASCII lowercased, so that re-typed
// spacing or capitals in a revised agency file keep the same id.
std::uint64_t hash_normalised(std::uint64_t h, std::string_view text) {
    bool space = false;
    bool any = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = any;
            continue;
        }
        if (space) {
            h ^= static_cast<unsigned char>(' ');
            h *= k_fnv_prime;
            space = false;
        }
        any = true;
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        h ^= static_cast<unsigned char>(l);
        h *= k_fnv_prime;
    }
    h ^= 0x1f;  // field separator
    h *= k_fnv_prime;
    return h;
}

// The hash of each agency's name, and of it followed by "ref": where every entry's hash starts.
// The hash reads its text in order, so starting from these gives the same value as hashing the
// name for each entry.
struct AgencyHashes {
    explicit AgencyHashes(const Case& c) {
        for (std::size_t a = 0; a <= c.agencies.size(); ++a) {
            const std::string_view name = a < c.agencies.size() ? std::string_view(c.agencies[a].name) : std::string_view();
            name_hash.push_back(hash_normalised(0xcbf29ce484222325ull, name));
            ref_hash.push_back(hash_normalised(name_hash.back(), "ref"));
        }
    }
    std::vector<std::uint64_t> name_hash, ref_hash;  // by agency index; the last for no agency
};

// scratch holds the canonical date between calls (no allocation per entry).
std::uint64_t content_hash(const Case& c, const AgencyHashes& agency, const Entry& e, std::string& scratch) {
    const std::size_t a = is_none(e.agency) ? c.agencies.size() : index_of(e.agency);
    // A type read from the words is not the agency's: it takes no part in the id, so that better
    // reading of the words in a later version leaves ids, and the notes on them, as they were.
    const std::string_view type = e.type_inferred ? std::string_view() : e.type == EntryType::Free ? e.type_text : to_string(e.type);
    if (!e.ref.empty()) {
        std::uint64_t h = agency.ref_hash[a];
        h = hash_normalised(h, e.ref);
        h = hash_normalised(h, type);
        return h;
    }
    std::uint64_t h = agency.name_hash[a];
    scratch.clear();
    if (e.undated) scratch = "undated";
    else append_date(scratch, e.date);
    h = hash_normalised(h, scratch);
    h = hash_normalised(h, type);
    h = hash_normalised(h, e.summary);
    return h;
}

// An entry's place in an order, compared field by field: first by when it happened (or by its id
// hash, to number repeated content), then by source order. One array of these serves both sorts.
struct SortKey {
    std::uint64_t primary;                 // the instant (sign bit flipped, so that it orders as unsigned), or the id hash
    std::uint32_t seq;                     // seq (sign bit flipped), or 0
    std::uint32_t source_rank;
    std::uint32_t line;                    // repeats: the line; the chronology's order: 0 (the index is the
                                           // source's own order: its lines, or a Word document's tables and rows)
    std::uint32_t index;                   // the entry's position before the sort

    friend bool operator<(const SortKey& a, const SortKey& b) {
        return std::tie(a.primary, a.seq, a.source_rank, a.line, a.index) <
               std::tie(b.primary, b.seq, b.source_rank, b.line, b.index);
    }
};

// Maps signed values onto unsigned ones in the same order.
constexpr std::uint64_t ordered(std::int64_t v) { return static_cast<std::uint64_t>(v) ^ (1ull << 63); }
constexpr std::uint32_t ordered(std::int32_t v) { return static_cast<std::uint32_t>(v) ^ (1u << 31); }

}  // namespace

std::uint64_t stable_hash(std::string_view text, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= k_fnv_prime;
    }
    return h;
}

std::vector<std::uint32_t> merge_order(Case& c, unsigned threads) {
    threads = thread_count(threads);
    Chronology& chron = c.chronology;
    Entries& entries = chron.entries;

    // Rank sources by path (then format), so the manifest's order does not change the result.
    std::vector<std::uint32_t> by_path(c.sources.size());
    std::iota(by_path.begin(), by_path.end(), 0u);
    std::sort(by_path.begin(), by_path.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(c.sources[a].path, c.sources[a].format) < std::tie(c.sources[b].path, c.sources[b].format);
    });
    std::vector<std::uint32_t> rank(c.sources.size());
    for (std::uint32_t r = 0; r < by_path.size(); ++r) rank[by_path[r]] = r;
    auto rank_of = [&](const Entry& e) {
        return is_none(e.where.source) ? k_no_index : rank[index_of(e.where.source)];
    };

    // Repeated ids get suffixes in source order (rank, line), then chronology order; independent
    // of the manifest's order and of where the entries sit. Repeats are rare: a bitmap of the
    // hashes' top bits finds the few that may repeat (about one in thirty at a million), only
    // those are sorted, and only entries whose hash repeats are ordered in full.
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
            e.id_hash = content_hash(c, agency_hashes, e, scratch) >> 16;  // 48 bits: the id is 12 hex digits
            hashes[i] = e.id_hash;
            e.id_suffix = 0;
            // Undated entries go after every dated one, in source order.
            // Within a source, entries sit in the order it was read (every reader appends them so).
            keys[i] = {e.undated ? ~std::uint64_t{0} : ordered(e.date.sort_key()), e.undated ? 0u : ordered(e.seq),
                       rank_of(e), 0, static_cast<std::uint32_t>(i)};
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
                repeats.push_back({entries[i].id_hash, 0, rank_of(entries[i]), entries[i].where.line, position[i]});
    std::sort(repeats.begin(), repeats.end());
    for (std::size_t i = 1; i < repeats.size(); ++i) {
        if (repeats[i].primary != repeats[i - 1].primary) continue;
        const Entry& prev = entries[order[repeats[i - 1].index]];
        entries[order[repeats[i].index]].id_suffix = prev.id_suffix == 0 ? 2 : prev.id_suffix + 1;
    }
    mark_phase("repeats numbered");
    return order;
}

void merge(Case& c, unsigned threads) {
    Entries& entries = c.chronology.entries;
    // Undated entries set apart by an earlier merge take part again (ids are numbered over all).
    entries.insert(entries.end(), c.chronology.undated.begin(), c.chronology.undated.end());
    c.chronology.undated.clear();
    const std::vector<std::uint32_t> order = merge_order(c, threads);
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
    // The undated entries, last in the order, are set apart: no analysis sees them.
    std::size_t dated = entries.size();
    while (dated > 0 && entries[dated - 1].undated) --dated;
    const auto first_undated = entries.begin() + static_cast<std::ptrdiff_t>(dated);
    c.chronology.undated.assign(first_undated, entries.end());
    entries.erase(first_undated, entries.end());
    c.chronology.merged = true;
}

char* put_entry_id(char* out, const Entry& e) {
    static constexpr char k_hex[] = "0123456789abcdef";
    const std::uint64_t h = e.id_hash;
    for (int i = 0; i < 12; ++i) out[11 - i] = k_hex[(h >> (4 * i)) & 0xF];
    out += 12;
    if (e.id_suffix != 0) {
        *out++ = '-';
        out = std::to_chars(out, out + 10, e.id_suffix).ptr;
    }
    return out;
}

std::string entry_id(const Entry& e) {
    char text[k_entry_id_max];
    return {text, put_entry_id(text, e)};
}

EntryIdIndex::EntryIdIndex(const Chronology& chronology) {
    m_index.reserve(chronology.entries.size());
    for (std::uint32_t i = 0; i < chronology.entries.size(); ++i)
        m_index.emplace(entry_id(chronology.entries[i]), static_cast<EntryIndex>(i));
    for (std::size_t i = 0; i < chronology.undated.size(); ++i) m_undated.emplace(entry_id(chronology.undated[i]), i);
}

std::optional<std::size_t> EntryIdIndex::find_undated(std::string_view id) const {
    const auto it = m_undated.find(std::string(id));
    if (it == m_undated.end()) return std::nullopt;
    return it->second;
}

std::optional<EntryIndex> EntryIdIndex::find(std::string_view id) const {
    const auto it = m_index.find(std::string(id));
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

}  // namespace sightline::engine
