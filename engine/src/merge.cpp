// Merge: the reference. The integrated chronology's order and its ids, plainly, on one thread:
// the code to read to check how either is made. A large case on several threads takes the
// accelerated merge (fast/merge.cpp), which applies the same rules (merge_rule.hpp) and gives
// the same chronology.
#include "sightline/engine/merge.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include "merge_rule.hpp"
#include "sightline/engine/parallel.hpp"

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

// Maps signed values onto unsigned ones in the same order.
constexpr std::uint64_t ordered(std::int64_t v) { return static_cast<std::uint64_t>(v) ^ (1ull << 63); }
constexpr std::uint32_t ordered(std::int32_t v) { return static_cast<std::uint32_t>(v) ^ (1u << 31); }

// From this many entries, on more than one thread, the accelerated merge pays.
constexpr std::size_t k_accelerated_from = 65536;

}  // namespace

// [SECTION] The rules

std::vector<std::uint32_t> detail::source_ranks(const Case& c) {
    std::vector<std::uint32_t> by_path(c.sources.size());
    std::iota(by_path.begin(), by_path.end(), 0u);
    std::sort(by_path.begin(), by_path.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(c.sources[a].path, c.sources[a].format) < std::tie(c.sources[b].path, c.sources[b].format);
    });
    std::vector<std::uint32_t> rank(c.sources.size());
    for (std::uint32_t r = 0; r < by_path.size(); ++r) rank[by_path[r]] = r;
    return rank;
}

// The hash reads its text in order, so starting from these gives the same value as hashing the
// agency's name for each entry.
detail::AgencyHashes::AgencyHashes(const Case& c) {
    for (std::size_t a = 0; a <= c.agencies.size(); ++a) {
        const std::string_view name = a < c.agencies.size() ? std::string_view(c.agencies[a].name) : std::string_view();
        name_hash.push_back(hash_normalised(0xcbf29ce484222325ull, name));
        ref_hash.push_back(hash_normalised(name_hash.back(), "ref"));
    }
}

std::uint64_t detail::id_hash(const Case& c, const AgencyHashes& agency, const Entry& e, std::string& scratch) {
    const std::size_t a = is_none(e.agency) ? c.agencies.size() : index_of(e.agency);
    // A type read from the words is not the agency's: it takes no part in the id, so that better
    // reading of the words in a later version leaves ids, and the notes on them, as they were.
    const std::string_view type = e.type_inferred ? std::string_view() : e.type == EntryType::Free ? e.type_text : to_string(e.type);
    if (!e.ref.empty()) {
        std::uint64_t h = agency.ref_hash[a];
        h = hash_normalised(h, e.ref);
        h = hash_normalised(h, type);
        return h >> 16;
    }
    std::uint64_t h = agency.name_hash[a];
    scratch.clear();
    if (e.undated) scratch = "undated";
    else append_date(scratch, e.date);
    h = hash_normalised(h, scratch);
    h = hash_normalised(h, type);
    h = hash_normalised(h, e.summary);
    return h >> 16;
}

detail::SortKey detail::chronology_key(const Entry& e, std::uint32_t rank, std::uint32_t index) {
    if (e.undated) return {~std::uint64_t{0}, 0, rank, 0, index};
    return {ordered(e.date.sort_key()), ordered(e.seq), rank, 0, index};
}

// [SECTION] The reference merge

void detail::merge_reference(Case& c) {
    Entries& entries = c.chronology.entries;
    // Undated entries set apart by an earlier merge take part again (ids are numbered over all).
    entries.insert(entries.end(), c.chronology.undated.begin(), c.chronology.undated.end());
    c.chronology.undated.clear();
    const std::vector<std::uint32_t> ranks = source_ranks(c);

    // Each entry on its own: its area from its agency when neither it nor its file gave one,
    // and the hash of what it says, which is its id.
    const AgencyHashes agencies(c);
    std::string scratch;
    for (Entry& e : entries) {
        if (is_none(e.area) && !is_none(e.agency)) e.area = c.agency(e.agency).area;
        e.id_hash = id_hash(c, agencies, e, scratch);
        e.id_suffix = 0;
    }

    // The chronology's order: when, then seq, then source, then place in the source.
    std::vector<SortKey> keys;
    for (std::uint32_t i = 0; i < entries.size(); ++i) keys.push_back(chronology_key(entries[i], rank_of(ranks, entries[i]), i));
    std::sort(keys.begin(), keys.end());
    Entries sorted;
    sorted.reserve(entries.size());
    for (const SortKey& k : keys) sorted.push_back(std::move(entries[k.index]));
    entries = std::move(sorted);

    // Repeated content: the same hash numbered -2, -3, ... in source order (rank, line), entries
    // of one line in chronology order.
    keys.clear();
    for (std::uint32_t i = 0; i < entries.size(); ++i) keys.push_back(repeat_key(entries[i], rank_of(ranks, entries[i]), i));
    number_repeats(keys, [&](std::uint32_t i) -> Entry& { return entries[i]; });

    // The undated entries, last in the order, are set apart: no analysis sees them.
    const auto first_undated = std::find_if(entries.begin(), entries.end(), [](const Entry& e) { return e.undated; });
    c.chronology.undated.assign(std::make_move_iterator(first_undated), std::make_move_iterator(entries.end()));
    entries.erase(first_undated, entries.end());
    c.chronology.merged = true;
}

void merge(Case& c, unsigned threads) {
    threads = thread_count(threads);
    if (threads > 1 && c.chronology.entry_count() >= k_accelerated_from) detail::merge_fast(c, threads);
    else detail::merge_reference(c);
}

std::uint64_t stable_hash(std::string_view text, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= k_fnv_prime;
    }
    return h;
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
