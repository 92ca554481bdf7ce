// An RFC 4180 tokenizer over a mutable buffer: quoted cells with embedded delimiters, quotes and
// newlines; CRLF, LF or CR line ends. Cells are views into the buffer; a quoted cell with doubled
// quotes is unescaped in place (it only ever shrinks), so no cell needs a heap allocation.
// Internal to sightline_formats.
#pragma once

#include <cstddef>
#include <cstdint>

#include "sheet.hpp"

namespace sightline::formats::detail {

class CsvTokenizer {
public:
    // text must stay alive and may be written to when unescape is true.
    CsvTokenizer(char* text, std::size_t size, char delimiter);

    // Reads the next record into row (line, cells, problem); false at the end of the text.
    // With unescape false, quoted cells keep their doubled quotes (a read-only scan).
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
