// RFC 4180 tokenizing, in place.
#include "csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>

#include "byte_scan.hpp"

namespace sightline::formats::detail {

std::string column_letters(std::uint32_t column) {
    std::string out;
    while (column > 0) {
        const std::uint32_t rem = (column - 1) % 26;
        out.insert(out.begin(), static_cast<char>('A' + rem));
        column = (column - 1) / 26;
    }
    return out;
}

std::string cell_name(std::uint32_t row, std::uint32_t column) { return column_letters(column) + std::to_string(row); }

CsvTokenizer::CsvTokenizer(char* text, std::size_t size, char delimiter)
    : m_end(text + size), m_cursor(text), m_mark(text), m_delimiter(delimiter) {}

void CsvTokenizer::mark() {
    m_mark = m_cursor;
    m_mark_line = m_line;
}

void CsvTokenizer::rewind() {
    m_cursor = m_mark;
    m_line = m_mark_line;
}

bool CsvTokenizer::next(SheetRow& row, bool unescape) {
    row.cells.clear();
    row.problem = RowProblem::None;
    row.problem_column = 0;
    if (m_cursor >= m_end) return false;
    row.line = m_line;
    char* p = m_cursor;
    const char delim = m_delimiter;
    if (row.cells.capacity() < 16) row.cells.reserve(16);
    for (;;) {
        SheetCell cell;
        if (p < m_end && *p == '"') {
            // Quoted: find the closing quote, skipping doubled quotes.
            char* const start = p + 1;
            char* q = start;
            char* out = start;  // write position when unescaping
            bool closed = false;
            bool doubled = false;
            while (q < m_end) {
                char* const hit = byte_scan::find_any(q, m_end, '"', '\n');
                if (doubled && unescape) std::memmove(out, q, static_cast<std::size_t>(hit - q));
                out += hit - q;
                if (hit == m_end) {
                    q = m_end;
                    break;
                }
                if (*hit == '\n') {  // a line break inside the quotes: part of the cell
                    ++m_line;
                    if (doubled && unescape) *out = '\n';
                    ++out;
                    q = hit + 1;
                    continue;
                }
                if (hit + 1 < m_end && hit[1] == '"') {
                    doubled = true;
                    if (unescape) *out = '"';
                    out += unescape ? 1 : 2;  // a read-only scan keeps both quotes in the view
                    q = hit + 2;
                    continue;
                }
                q = hit + 1;
                closed = true;
                break;
            }
            cell.text = std::string_view(start, static_cast<std::size_t>(out - start));
            if (!closed) {
                row.problem = RowProblem::UnterminatedQuote;
                row.problem_column = static_cast<std::uint32_t>(row.cells.size() + 1);
                row.cells.push_back(cell);
                m_cursor = m_end;
                return true;
            }
            p = q;
            if (p < m_end && *p != delim && *p != '\n' && *p != '\r') {
                // Text after the closing quote ("abc"x): kept, joined to the cell, and reported.
                if (row.problem == RowProblem::None) {
                    row.problem = RowProblem::TextAfterQuote;
                    row.problem_column = static_cast<std::uint32_t>(row.cells.size() + 1);
                }
                char* const junk = p;
                while (p < m_end && *p != delim && *p != '\n' && *p != '\r') ++p;
                if (unescape) {
                    std::memmove(out, junk, static_cast<std::size_t>(p - junk));
                    cell.text = std::string_view(start, static_cast<std::size_t>(out - start) +
                                                            static_cast<std::size_t>(p - junk));
                }
            }
        } else {
            char* const start = p;
            p = byte_scan::find_any(p, m_end, delim, '\n', '\r');  // the cell's end
            cell.text = std::string_view(start, static_cast<std::size_t>(p - start));
        }
        cell.text = without_formula_guard(cell.text);
        if (row.cells.size() < k_max_cells) {
            row.cells.emplace_back(cell);
        } else if (row.problem != RowProblem::TooManyCells) {
            row.problem = RowProblem::TooManyCells;
            row.problem_column = static_cast<std::uint32_t>(k_max_cells + 1);
        }
        if (p >= m_end) {
            m_cursor = m_end;
            return true;
        }
        if (*p == delim) {
            ++p;
            continue;
        }
        // End of record: \r\n, \n or a lone \r.
        if (*p == '\r' && p + 1 < m_end && p[1] == '\n') ++p;
        ++p;
        ++m_line;
        m_cursor = p;
        return true;
    }
}

}  // namespace sightline::formats::detail
