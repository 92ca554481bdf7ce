// Merge: deterministic order and stable ids.
#include "sightline/engine/merge.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

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

std::uint64_t content_hash(const Case& c, const Entry& e) {
    std::uint64_t h = 0xcbf29ce484222325ull;
    h = hash_normalised(h, c.agency_name(e.agency));
    const std::string_view type = e.type == EntryType::Free ? e.type_text : to_string(e.type);
    if (!e.ref.empty()) {
        h = hash_normalised(h, "ref");
        h = hash_normalised(h, e.ref);
        h = hash_normalised(h, type);
        return h;
    }
    h = hash_normalised(h, format_date(e.date));
    h = hash_normalised(h, type);
    h = hash_normalised(h, e.summary);
    return h;
}

struct SortKey {
    std::int64_t instant;
    std::int32_t seq;
    std::uint32_t source_rank;
    std::uint32_t line;
    std::uint32_t index;
};

}  // namespace

std::uint64_t stable_hash(std::string_view text, std::uint64_t seed) {
    std::uint64_t h = seed;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= k_fnv_prime;
    }
    return h;
}

void merge(Case& c) {
    Chronology& chron = c.chronology;
    std::vector<Entry>& entries = chron.entries;

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

    for (Entry& e : entries) {
        if (is_none(e.area) && !is_none(e.agency)) e.area = c.agency(e.agency).area;
        e.id_hash = content_hash(c, e) >> 16;  // 48 bits: the id is 12 hex digits
        e.id_suffix = 0;
    }

    std::vector<SortKey> keys(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        keys[i] = {e.date.sort_key(), e.seq, rank_of(e), e.where.line, i};
    }
    std::sort(keys.begin(), keys.end(), [](const SortKey& a, const SortKey& b) {
        return std::tie(a.instant, a.seq, a.source_rank, a.line, a.index) <
               std::tie(b.instant, b.seq, b.source_rank, b.line, b.index);
    });
    // Apply the order in place, cycle by cycle: a second array of entries would double the
    // peak memory of a million-row case.
    {
        std::vector<bool> placed(entries.size(), false);
        for (std::uint32_t start = 0; start < entries.size(); ++start) {
            if (placed[start] || keys[start].index == start) continue;
            Entry held = std::move(entries[start]);
            std::uint32_t to = start;
            for (std::uint32_t from = keys[to].index; from != start; from = keys[to].index) {
                entries[to] = std::move(entries[from]);
                placed[to] = true;
                to = from;
            }
            entries[to] = std::move(held);
            placed[to] = true;
        }
    }

    // Repeated ids get suffixes in source order (rank, line), independent of manifest order.
    std::vector<std::uint32_t> by_hash(entries.size());
    std::iota(by_hash.begin(), by_hash.end(), 0u);
    std::sort(by_hash.begin(), by_hash.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Entry& x = entries[a];
        const Entry& y = entries[b];
        return std::make_tuple(x.id_hash, rank_of(x), x.where.line, a) < std::make_tuple(y.id_hash, rank_of(y), y.where.line, b);
    });
    for (std::size_t i = 1; i < by_hash.size(); ++i) {
        Entry& prev = entries[by_hash[i - 1]];
        Entry& cur = entries[by_hash[i]];
        if (cur.id_hash == prev.id_hash)
            cur.id_suffix = static_cast<std::uint16_t>(prev.id_suffix == 0 ? 2 : prev.id_suffix + 1);
    }
    chron.merged = true;
}

std::string entry_id(const Entry& e) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out(12, '0');
    const std::uint64_t h = e.id_hash;
    for (int i = 0; i < 12; ++i) out[static_cast<std::size_t>(11 - i)] = k_hex[(h >> (4 * i)) & 0xF];
    if (e.id_suffix != 0) {
        out.push_back('-');
        out += std::to_string(e.id_suffix);
    }
    return out;
}

EntryIdIndex::EntryIdIndex(const Chronology& chronology) {
    m_index.reserve(chronology.entries.size());
    for (std::uint32_t i = 0; i < chronology.entries.size(); ++i)
        m_index.emplace(entry_id(chronology.entries[i]), static_cast<EntryIndex>(i));
}

std::optional<EntryIndex> EntryIdIndex::find(std::string_view id) const {
    const auto it = m_index.find(std::string(id));
    if (it == m_index.end()) return std::nullopt;
    return it->second;
}

}  // namespace sightline::engine
