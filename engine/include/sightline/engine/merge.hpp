// Merge: one integrated chronology with stable ids in a deterministic order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine {

// Sorts the chronology (earliest possible instant, then seq, then source order, where sources
// are ranked by path so that the order of the manifest's list does not matter), fills each
// entry's area from its agency when neither entry nor file gave one, and assigns stable ids:
// a hash of agency + ref + type when the entry has a ref, else of agency + date + type + summary
// (a type read from the words counts as none); repeated content gets -2, -3, ... in source order.
// Undated entries (an undated entry's "date" in its id is the word `undated`) are ordered after
// every dated one, by source, and then moved to chronology.undated. Idempotent. The rules are in
// src/merge_rule.hpp and the reference in src/merge.cpp; a large case uses up to `threads`
// threads (0: one per core), and the result is the same whatever their number.
void merge(Case& c, unsigned threads = 0);

// The entry's stable id as text: 12 lowercase hex digits, with "-N" for repeats.
std::string entry_id(const Entry& e);
// The same text written at out (at most k_entry_id_max bytes); returns its end.
inline constexpr std::size_t k_entry_id_max = 12 + 1 + 10;
char* put_entry_id(char* out, const Entry& e);

// 64-bit FNV-1a, stable across runs and machines.
std::uint64_t stable_hash(std::string_view text, std::uint64_t seed = 0xcbf29ce484222325ull);

// Finds entries by their id text.
class EntryIdIndex {
public:
    explicit EntryIdIndex(const Chronology& chronology);
    // A dated entry by id.
    [[nodiscard]] std::optional<EntryIndex> find(std::string_view id) const;
    // An undated entry by id: its place in chronology.undated.
    [[nodiscard]] std::optional<std::size_t> find_undated(std::string_view id) const;
    // Either.
    [[nodiscard]] bool contains(std::string_view id) const { return find(id) || find_undated(id); }

private:
    std::unordered_map<std::string, EntryIndex> m_index;
    std::unordered_map<std::string, std::size_t> m_undated;
};

}  // namespace sightline::engine
