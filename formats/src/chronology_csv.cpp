// The integrated chronology as CSV: one row per entry, written in blocks on several threads.
#include "sightline/formats/chronology_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>

#include "byte_scan.hpp"
#include "csv_tokenizer.hpp"
#include "sightline/engine/chronology_table.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/columns.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// Does the cell need quotes: a comma, quote or line break in it, or a space at either end (which
// a spreadsheet would otherwise trim).
bool needs_quotes(std::string_view cell) {
    if (cell.empty()) return false;
    if (cell.front() == ' ' || cell.back() == ' ') return true;
    const char* const end = cell.data() + cell.size();
    return detail::byte_scan::find_any(cell.data(), end, ',', '"', '\n', '\r') != end;
}

// Does the cell need quotes or a guard: what put_csv_cell cannot copy as it is.
// guard: cells a spreadsheet would run as formulas get an apostrophe before them (CsvFormulas).
bool needs_care(std::string_view cell, bool guard) {
    return needs_quotes(cell) || (guard && detail::needs_formula_guard(cell));
}

// The most bytes a cell can take once guarded and quoted: the apostrophe, every byte a doubled
// quote, and the two around.
constexpr std::size_t quoted_bound(std::size_t n) { return 2 * n + 3; }

// Writes bytes at p; returns their end. (An empty view may have no pointer at all.)
char* put(char* p, std::string_view bytes) {
    if (!bytes.empty()) std::memcpy(p, bytes.data(), bytes.size());
    return p + bytes.size();
}

// Writes the cell at p, guarded and quoted when needed; returns the end. Room for quoted_bound
// bytes. The cell is scanned once: the stretch before the first byte that needs quotes has no
// quote to double.
char* put_csv_cell(char* p, std::string_view cell, bool guard) {
    if (cell.empty()) return p;
    const char* from = cell.data();
    const char* const end = from + cell.size();
    const char* next = detail::byte_scan::find_any(from, end, ',', '"', '\n', '\r');
    const bool quoted = next != end || cell.front() == ' ' || cell.back() == ' ';  // as needs_quotes
    const bool guarded = guard && detail::needs_formula_guard(cell);
    if (!quoted && !guarded) return put(p, cell);
    if (quoted) *p++ = '"';
    if (guarded) *p++ = detail::k_formula_guard;
    if (!quoted) return put(p, cell);
    // Doubled quotes: copy the stretches between quotes whole.
    for (const char* q; (q = static_cast<const char*>(std::memchr(next, '"', static_cast<std::size_t>(end - next))));) {
        const auto n = static_cast<std::size_t>(q + 1 - from);
        std::memcpy(p, from, n);
        p += n;
        *p++ = '"';
        from = next = q + 1;
    }
    std::memcpy(p, from, static_cast<std::size_t>(end - from));
    p += end - from;
    *p++ = '"';
    return p;
}

// Two decimal digits.
char* put_2(char* p, unsigned v) {
    *p++ = static_cast<char>('0' + v / 10);
    *p++ = static_cast<char>('0' + v % 10);
    return p;
}

// The most common dates: a day, or a day and a time, nothing approximate, a four-digit year.
bool is_plain_date(const FuzzyDate& d) {
    const DatePoint& t = d.first;
    return d.kind == DateKind::Point && !d.approximate && t.year >= 1000 && t.year <= 9999 &&
           (t.precision == Precision::Day || t.precision == Precision::Minute);
}
inline constexpr std::size_t k_plain_date_max = 16;  // "2015-06-24 14:30"

// A plain date written straight at p as format_date writes it (never a cell that needs quotes).
char* put_plain_date(char* p, const FuzzyDate& d) {
    const DatePoint& t = d.first;
    const auto year = static_cast<unsigned>(t.year);
    p = put_2(p, year / 100);
    p = put_2(p, year % 100);
    *p++ = '-';
    p = put_2(p, t.month);
    *p++ = '-';
    p = put_2(p, t.day);
    if (t.precision == Precision::Minute) {
        *p++ = ' ';
        p = put_2(p, t.hour);
        *p++ = ':';
        p = put_2(p, t.minute);
    }
    return p;
}

// Names joined with "; " written at p as one cell: straight, and quoted afterwards in the rare
// case that the cell needs it. Room for quoted_bound(joined_size(...)) bytes.
template <class Items, class Name>
std::size_t joined_size(const Items& items, Name name) {
    std::size_t n = 0;
    for (const auto& item : items) n += name(item).size() + 2;
    return n ? n - 2 : 0;
}
template <class Items, class Name>
char* put_joined_cell(char* p, const Items& items, Name name, bool guard) {
    char* const start = p;
    for (const auto& item : items) {
        if (p != start) {  // a separator once something is written (a first name may be empty)
            *p++ = ';';
            *p++ = ' ';
        }
        p = put(p, name(item));
    }
    const std::string_view cell(start, static_cast<std::size_t>(p - start));
    if (!needs_care(cell, guard)) return p;
    const std::string copy(cell);
    return put_csv_cell(start, copy, guard);
}

void append_csv_cell(std::string& out, std::string_view cell, bool guard) {
    const std::size_t at = out.size();
    out.resize(at + quoted_bound(cell.size()));
    out.resize(static_cast<std::size_t>(put_csv_cell(out.data() + at, cell, guard) - out.data()));
}

// A block of output rows, written through a pointer: a row asks once for the most bytes it can
// take, then writes without a check per piece.
class RowBuffer {
public:
    void clear() { m_size = 0; }
    // Room for `most` more bytes at the end; the row written there is kept by done().
    char* room(std::size_t most) {
        if (m_capacity - m_size < most) {
            const std::size_t capacity = std::max(m_size + most, 2 * m_capacity);
            auto grown = std::make_unique_for_overwrite<char[]>(capacity);
            if (m_size) std::memcpy(grown.get(), m_data.get(), m_size);
            m_data = std::move(grown);
            m_capacity = capacity;
        }
        return m_data.get() + m_size;
    }
    void done(const char* end) { m_size = static_cast<std::size_t>(end - m_data.get()); }
    [[nodiscard]] std::string_view view() const { return {m_data.get(), m_size}; }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

}  // namespace

void write_chronology_csv(const Case& c, std::string& out, CsvFormulas formulas) {
    write_chronology_csv(c, [&](std::string_view bytes) { out.append(bytes); }, 1, formulas);
}

void write_chronology_csv(const Case& c, const std::function<void(std::string_view)>& write, unsigned threads,
                          CsvFormulas formulas) {
    const bool guard = formulas == CsvFormulas::Guarded;
    const Chronology& ch = c.chronology;
    // Cells that repeat (agencies, kinds, areas, sources, child seen) are made once.
    std::vector<std::string> agency_cells(c.agencies.size()), kind_cells(c.agencies.size()), area_cells(c.areas.size()),
        source_cells(c.sources.size());
    for (std::size_t a = 0; a < c.agencies.size(); ++a) {
        append_csv_cell(agency_cells[a], c.agencies[a].name, guard);
        if (c.agencies[a].kind != AgencyKind::Unknown) append_csv_cell(kind_cells[a], to_string(c.agencies[a].kind), guard);
    }
    for (std::size_t a = 0; a < c.areas.size(); ++a) append_csv_cell(area_cells[a], c.areas[a].name, guard);
    // A row's source is "path:line", quoted as a whole when it needs it (its end is a digit, so
    // only the path's characters and its first one count): its start made once per source.
    std::vector<std::string> source_heads(c.sources.size());
    std::vector<char> source_quoted(c.sources.size());
    for (std::size_t s = 0; s < c.sources.size(); ++s) {
        const std::string& path = c.sources[s].path;
        append_csv_cell(source_cells[s], path, guard);
        source_quoted[s] = needs_care(path + ":1", guard);
        if (!source_quoted[s]) {
            source_heads[s] = path;
            continue;
        }
        source_heads[s] = "\"";
        if (guard && detail::needs_formula_guard(path))
            source_heads[s] += detail::k_formula_guard;
        for (const char byte : path) {
            source_heads[s] += byte;
            if (byte == '"') source_heads[s] += byte;
        }
    }
    const bool one_child = c.info.index_children.size() <= 1;
    std::array<std::array<std::string, 4>, 2> seen_cells;  // [family][ChildSeen], for one index child
    for (int family = 0; family < 2; ++family)
        for (std::size_t v = 0; v < 4; ++v) {
            std::string text(label(static_cast<ChildSeen>(v)));
            if (family) text += " (family account)";
            append_csv_cell(seen_cells[static_cast<std::size_t>(family)][v], text, guard);
        }
    const bool notes = !c.notes.notes.empty();

    constexpr std::size_t k_block = 4096;  // entries per piece
    // Once merged, the undated entries follow the dated ones.
    const std::size_t rows = ch.entry_count();
    const auto entry_at = [&](std::size_t i) -> const Entry& {
        return i < ch.entries.size() ? ch.entries[i] : ch.undated[i - ch.entries.size()];
    };
    const std::size_t blocks = (rows + k_block - 1) / k_block;
    write("Date,Agency,Agency kind,Area,Type,Summary,Other fields,People,Child seen,To,Ref,Source,Id,Review notes\r\n");
    // The longest of the cells made once, and of the fixed pieces of a row, for a row's bound.
    std::size_t fixed = 0;
    const auto longest = [](const auto& cells) {
        std::size_t n = 0;
        for (const std::string& s : cells) n = std::max(n, s.size());
        return n;
    };
    fixed += longest(agency_cells) + longest(kind_cells) + longest(area_cells) +
             std::max(longest(source_cells), longest(source_heads) + 1);  // and the closing quote
    for (const auto& family : seen_cells) fixed += longest(family);
    fixed += 2 * 16 + 12 + k_entry_id_max + 13 + 2;  // table and row numbers, id, 13 commas, CRLF
    ordered_blocks<RowBuffer>(blocks, thread_count(threads), [&](std::size_t block, RowBuffer& out) {
        std::string date, seen, other;
        const std::size_t end = std::min(rows, (block + 1) * k_block);
        for (std::size_t i = block * k_block; i < end; ++i) {
            const Entry& e = entry_at(i);
            // The row's most bytes first: its cells' lengths (the longest made ones are known).
            const auto subjects = ch.subjects_of(e);
            const auto recipients = ch.to_of(e);
            const auto person = [&](const SubjectRef& s) { return c.subject_name(s); };
            const auto agency = [&](AgencyId a) { return c.agency_name(a); };
            const bool plain_date = !e.undated && is_plain_date(e.date);
            date.clear();
            if (e.undated) date = date_text(e);
            else if (!plain_date) append_date(date, e.date);
            const bool many_children = !(one_child || e.seen_map == k_no_index);
            if (many_children) seen = child_seen_text(c, e);
            other.clear();
            if (e.extra.count) other = other_fields_text(ch, e);
            const std::string inferred = e.type_inferred ? type_text(e) : std::string();
            const std::string_view type = e.type_inferred ? std::string_view(inferred)
                                          : e.type == EntryType::Free ? e.type_text : label(e.type);
            const EntryNote* note = notes ? c.notes.note_for(entry_id(e)) : nullptr;
            const std::size_t most = fixed + (plain_date ? k_plain_date_max : quoted_bound(date.size())) +
                                     quoted_bound(type.size()) + quoted_bound(e.summary.size()) +
                                     quoted_bound(other.size()) +
                                     quoted_bound(joined_size(subjects, person)) +
                                     quoted_bound(joined_size(recipients, agency)) + quoted_bound(e.ref.size()) +
                                     (many_children ? quoted_bound(seen.size()) : 0) +
                                     (note ? quoted_bound(note->text.size()) : 0);
            char* p = out.room(most);
            p = plain_date ? put_plain_date(p, e.date) : put_csv_cell(p, date, guard);
            *p++ = ',';
            if (!is_none(e.agency)) p = put(p, agency_cells[index_of(e.agency)]);
            *p++ = ',';
            if (!is_none(e.agency)) p = put(p, kind_cells[index_of(e.agency)]);
            *p++ = ',';
            if (!is_none(e.area)) p = put(p, area_cells[index_of(e.area)]);
            *p++ = ',';
            p = put_csv_cell(p, type, guard);
            *p++ = ',';
            p = put_csv_cell(p, e.summary, guard);
            *p++ = ',';
            p = put_csv_cell(p, other, guard);
            *p++ = ',';
            p = put_joined_cell(p, subjects, person, guard);
            *p++ = ',';
            if (many_children) {
                p = put_csv_cell(p, seen, guard);
            } else {
                const bool family = c.agency_kind(e.agency) == AgencyKind::Family;
                p = put(p, seen_cells[family ? 1 : 0][static_cast<std::size_t>(ch.seen(e, 0))]);
            }
            *p++ = ',';
            p = put_joined_cell(p, recipients, agency, guard);
            *p++ = ',';
            p = put_csv_cell(p, e.ref, guard);
            *p++ = ',';
            if (!is_none(e.where.source)) {
                const std::size_t s = index_of(e.where.source);
                if (e.where.line > 0) {
                    p = put(p, source_heads[s]);
                    if (e.where.table > 0) {  // a Word table's row: "police.docx:table 2:row 14"
                        p = put(p, ":table ");
                        p = std::to_chars(p, p + 16, e.where.table).ptr;
                        p = put(p, ":row ");
                    } else {
                        *p++ = ':';
                    }
                    p = std::to_chars(p, p + 16, e.where.line).ptr;
                    if (source_quoted[s]) *p++ = '"';
                } else {
                    p = put(p, source_cells[s]);
                }
            }
            *p++ = ',';
            p = put_entry_id(p, e);  // hex digits, a dash and digits: never quoted
            *p++ = ',';
            if (note) p = put_csv_cell(p, note->text, guard);
            *p++ = '\r';
            *p++ = '\n';
            out.done(p);
        }
    }, write);
}

}  // namespace sightline::formats
