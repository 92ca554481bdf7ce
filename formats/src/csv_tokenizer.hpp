// An RFC 4180 tokenizer over a mutable buffer: quoted cells with embedded delimiters, quotes and
// newlines; CRLF, LF or CR line ends. Cells are views into the buffer; a quoted cell with doubled
// quotes is unescaped in place (it only ever shrinks), so no cell needs a heap allocation.
// Internal to sightline_formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sheet.hpp"

namespace sightline::formats::detail {

// A cell a spreadsheet would run as a formula: one starting with =, +, -, @, a tab or a carriage
// return (OWASP's list). Sightline's CSV writer puts k_formula_guard before such a cell (and
// before one that starts with the guard and such a character), and its reader takes one off
// again, so the text reads back as it was (docs/security.md).
constexpr bool formula_start(char first) {
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
}
inline constexpr char k_formula_guard = '\'';

// Does a cell need the guard: it starts like a formula, or with a guard of its own ("'=x", which
// would otherwise read back as "=x").
constexpr bool needs_formula_guard(std::string_view cell) {
    return !cell.empty() && (formula_start(cell[0]) || (cell[0] == k_formula_guard && cell.size() >= 2 && formula_start(cell[1])));
}

// The cell's text without the guard a spreadsheet-safe CSV put before a formula-like cell.
constexpr std::string_view without_formula_guard(std::string_view cell) {
    return cell.size() >= 2 && cell[0] == k_formula_guard && needs_formula_guard(cell.substr(1)) ? cell.substr(1) : cell;
}

class CsvTokenizer {
public:
    // text must stay alive and may be written to when unescape is true.
    CsvTokenizer(char* text, std::size_t size, char delimiter);

    // Reads the next record into row (line, cells, problem); false at the end of the text.
    // With unescape false, quoted cells keep their doubled quotes (a read-only scan). A cell that
    // starts with an apostrophe before a formula's first character ("'=1+2") is read without it.
    bool next(SheetRow& row, bool unescape);
    // Remembers the current place; rewind() returns to it (initially the beginning).
    void mark();
    // Goes back to the mark. Cells already unescaped stay so: past the mark, scan read-only first.
    void rewind();

private:
    char* m_end;
    char* m_cursor;
    char* m_mark;
    std::uint32_t m_line = 1;       // physical line of m_cursor
    std::uint32_t m_mark_line = 1;
    char m_delimiter;
};

}  // namespace sightline::formats::detail
