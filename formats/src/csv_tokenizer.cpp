// RFC 4180 tokenizing, in place.
#include "csv_tokenizer.hpp"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

namespace {

// The first byte in [p, end) that is a or b, else end. Sixteen bytes at a time where the
// processor allows: the quoted cells (the agencies' own words) are most of a chronology's bytes.
char* find_either(char* p, char* const end, char a, char b) {
#if defined(__SSE2__)
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b);
    for (; end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)));
        if (hits != 0) return p + __builtin_ctz(static_cast<unsigned>(hits));
    }
#endif
    for (; p < end; ++p)
        if (*p == a || *p == b) return p;
    return end;
}

}  // namespace

char* CsvTokenizer::find_stop(char* p) const {
#if defined(__SSE2__)
    const __m128i delim = _mm_set1_epi8(m_delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r');
    for (; m_end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const int hits = _mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, delim), _mm_or_si128(_mm_cmpeq_epi8(v, lf), _mm_cmpeq_epi8(v, cr))));
        if (hits != 0) return p + __builtin_ctz(static_cast<unsigned>(hits));
    }
#endif
    while (p < m_end && !m_stop[static_cast<unsigned char>(*p)]) ++p;
    return p;
}

CsvTokenizer::CsvTokenizer(char* text, std::size_t size, char delimiter)
    : m_end(text + size), m_cursor(text), m_mark(text), m_delimiter(delimiter) {
    m_stop[static_cast<unsigned char>(delimiter)] = true;
    m_stop['\n'] = true;
    m_stop['\r'] = true;
}

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
                char* const hit = find_either(q, m_end, '"', '\n');
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
            p = find_stop(p);
            cell.text = std::string_view(start, static_cast<std::size_t>(p - start));
        }
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
