// The merged chronology as a table: entry references, matching words, rows in order.
#include "sightline/engine/chronology_table.hpp"

#include <algorithm>

#include "sightline/engine/text.hpp"
#include "sightline/engine/timeline.hpp"

namespace sightline::engine {

std::optional<EntryRef> find_entry(const EntryIdIndex& ids, std::string_view id) {
    if (const auto i = ids.find(id)) return dated_ref(index_of(*i));
    if (const auto u = ids.find_undated(id)) return undated_ref(static_cast<std::uint32_t>(*u));
    return std::nullopt;
}

std::string type_label(const Entry& e) {
    if (e.type == EntryType::Free) return std::string(e.type_text);
    if (e.type_inferred) return std::string(label(e.type)) + " (inferred)";
    return std::string(label(e.type));
}

bool entry_matches(const Case& c, const Entry& e, std::string_view words) {
    if (words.empty()) return true;
    if (contains_ci(e.summary, words) || contains_ci(c.agency_name(e.agency), words)) return true;
    // Only an inferred type needs its label made; the others are matched where they are.
    if (e.type_inferred ? contains_ci(type_label(e), words)
                        : contains_ci(e.type == EntryType::Free ? e.type_text : label(e.type), words))
        return true;
    for (const SubjectRef& s : c.chronology.subjects_of(e))
        if (contains_ci(c.subject_name(s), words)) return true;
    return false;
}

std::optional<std::size_t> TableRows::row_of(EntryRef r) const {
    const std::vector<std::uint32_t>& part = r.undated ? undated : dated;
    const auto it = std::find(part.begin(), part.end(), r.index);
    if (it == part.end()) return std::nullopt;
    return static_cast<std::size_t>(it - part.begin()) + (r.undated ? dated.size() : 0);
}

namespace {

// Sorts one part's rows (already in chronology or source order) by a key, stably.
template <class Key>
void sort_by(std::vector<std::uint32_t>& rows, bool ascending, Key key) {
    // Keys made once per row, not once per comparison (a type's label is a new string).
    using K = decltype(key(0u));
    std::vector<std::pair<K, std::uint32_t>> keyed;
    keyed.reserve(rows.size());
    for (std::uint32_t i : rows) keyed.emplace_back(key(i), i);
    std::stable_sort(keyed.begin(), keyed.end(), [ascending](const auto& a, const auto& b) {
        return ascending ? a.first < b.first : b.first < a.first;
    });
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = keyed[k].second;
}

void sort_part(const Case& c, const std::vector<Entry>* undated, std::vector<std::uint32_t>& rows,
               TableSort sort, bool ascending) {
    const Chronology& ch = c.chronology;
    auto at = [&](std::uint32_t i) -> const Entry& { return undated ? (*undated)[i] : ch.entries[i]; };
    switch (sort) {
        case TableSort::Date:
            // The chronology is in date order; undated entries have no date and keep source order.
            if (!undated && !ascending) std::reverse(rows.begin(), rows.end());
            break;
        case TableSort::Agency:
            sort_by(rows, ascending, [&](std::uint32_t i) { return c.agency_name(at(i).agency); });
            break;
        case TableSort::Type:
            sort_by(rows, ascending, [&](std::uint32_t i) { return type_label(at(i)); });
            break;
        case TableSort::ChildSeen:
            sort_by(rows, ascending, [&](std::uint32_t i) { return static_cast<int>(mark_style(c, at(i))); });
            break;
    }
}

}  // namespace

TableRows table_rows(const Case& c, std::string_view words, TableSort sort, bool ascending) {
    const Chronology& ch = c.chronology;
    TableRows rows;
    for (std::uint32_t i = 0; i < ch.entries.size(); ++i)
        if (entry_matches(c, ch.entries[i], words)) rows.dated.push_back(i);
    for (std::uint32_t i = 0; i < ch.undated.size(); ++i)
        if (entry_matches(c, ch.undated[i], words)) rows.undated.push_back(i);
    sort_part(c, nullptr, rows.dated, sort, ascending);
    sort_part(c, &ch.undated, rows.undated, sort, ascending);
    return rows;
}

}  // namespace sightline::engine
