// The merged chronology as a table (the viewer's Chronology tab): which entries it shows, in
// what order, and how a row names its entry wherever the merge put it. Nothing here draws; the
// viewer turns these rows into a clipped table, so all of it is tested.
//
// [SECTION] Entry references
// [SECTION] Matching
// [SECTION] Rows
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/merge.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Entry references

// An entry wherever the merge put it: a dated one (an index into chronology.entries) or one its
// source could not date (an index into chronology.undated).
struct EntryRef {
    std::uint32_t index = 0;
    bool undated = false;
    friend bool operator==(const EntryRef&, const EntryRef&) = default;
};

[[nodiscard]] inline EntryRef dated_ref(std::uint32_t index) { return {index, false}; }
[[nodiscard]] inline EntryRef undated_ref(std::uint32_t index) { return {index, true}; }

// The entry a reference names.
[[nodiscard]] inline const Entry& entry_at(const Chronology& ch, EntryRef r) {
    return r.undated ? ch.undated[r.index] : ch.entries[r.index];
}

// The entry with this id text, dated or undated.
[[nodiscard]] std::optional<EntryRef> find_entry(const EntryIdIndex& ids, std::string_view id);

// [SECTION] Matching

// The type as every output writes it: "Home visit", a free type as written, or "Home visit
// (inferred)" when no type was written and it was read from the words.
[[nodiscard]] std::string type_label(const Entry& e);

// Does the entry hold `words` (ASCII case ignored; empty: every entry) in its summary, its
// agency's name, its type as type_label writes it, or the name of one of its people?
[[nodiscard]] bool entry_matches(const Case& c, const Entry& e, std::string_view words);

// [SECTION] Rows

// The columns the table sorts by.
enum class TableSort : std::uint8_t { Date, Agency, Type, ChildSeen };

// The table's rows: the dated entries, then the undated ones (a section of their own).
struct TableRows {
    std::vector<std::uint32_t> dated;      // indices into chronology.entries
    std::vector<std::uint32_t> undated;    // indices into chronology.undated

    [[nodiscard]] std::size_t size() const { return dated.size() + undated.size(); }
    // The entry of row `row` (0 <= row < size()): dated rows first.
    [[nodiscard]] EntryRef at(std::size_t row) const {
        return row < dated.size() ? dated_ref(dated[row]) : undated_ref(undated[row - dated.size()]);
    }
    // The row showing an entry, or none when the filter left it out.
    [[nodiscard]] std::optional<std::size_t> row_of(EntryRef r) const;
};

// The entries matching `words` (see entry_matches), sorted by a column: dated ones first, by the
// column and then in chronology (date) order, and after them the undated ones, by the same
// column and then in source order. By date, descending reverses the dated part only: undated
// entries have no date, so they keep their source order (and always come after the dated ones).
[[nodiscard]] TableRows table_rows(const Case& c, std::string_view words, TableSort sort = TableSort::Date,
                                   bool ascending = true);

}  // namespace sightline::engine
