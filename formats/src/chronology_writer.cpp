// Writing the integrated chronology: JSON, CSV and Markdown.
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
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

std::string_view precision_name(const FuzzyDate& d) {
    switch (d.kind) {
        case DateKind::Range: return "range";
        case DateKind::Before: return "before";
        case DateKind::After: return "after";
        case DateKind::Point: break;
    }
    switch (d.first.precision) {
        case Precision::Year: return "year";
        case Precision::Season: return "season";
        case Precision::Month: return "month";
        case Precision::Day: return "day";
        case Precision::Minute: return "minute";
    }
    return "day";
}

// Does the cell need quotes: a comma, quote or line break in it, or a space at either end (which
// a spreadsheet would otherwise trim).
bool needs_quotes(std::string_view cell) {
    if (cell.empty()) return false;
    if (cell.front() == ' ' || cell.back() == ' ') return true;
    const char* const end = cell.data() + cell.size();
    return detail::byte_scan::find_any(cell.data(), end, ',', '"', '\n', '\r') != end;
}

// Cells a spreadsheet would run as formulas get an apostrophe before them unless raw output was
// asked for (set once, before writing).
std::atomic<bool> g_formula_guard{true};

// Does the cell need quotes or a guard: what put_csv_cell cannot copy as it is.
bool needs_care(std::string_view cell) {
    return needs_quotes(cell) || (detail::needs_formula_guard(cell) && g_formula_guard.load(std::memory_order_relaxed));
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
// bytes.
char* put_csv_cell(char* p, std::string_view cell) {
    if (!needs_care(cell)) return put(p, cell);
    const bool quoted = needs_quotes(cell);
    if (quoted) *p++ = '"';
    if (detail::needs_formula_guard(cell) && g_formula_guard.load(std::memory_order_relaxed)) *p++ = detail::k_formula_guard;
    if (!quoted) return put(p, cell);
    // Doubled quotes: copy the stretches between quotes whole.
    const char* from = cell.data();
    const char* const end = from + cell.size();
    for (const char* q; (q = static_cast<const char*>(std::memchr(from, '"', static_cast<std::size_t>(end - from))));) {
        const auto n = static_cast<std::size_t>(q + 1 - from);
        std::memcpy(p, from, n);
        p += n;
        *p++ = '"';
        from = q + 1;
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
char* put_joined_cell(char* p, const Items& items, Name name) {
    char* const start = p;
    for (const auto& item : items) {
        if (p != start) {  // a separator once something is written (a first name may be empty)
            *p++ = ';';
            *p++ = ' ';
        }
        p = put(p, name(item));
    }
    const std::string_view cell(start, static_cast<std::size_t>(p - start));
    if (!needs_care(cell)) return p;
    const std::string copy(cell);
    return put_csv_cell(start, copy);
}

void append_csv_cell(std::string& out, std::string_view cell) {
    const std::size_t at = out.size();
    out.resize(at + quoted_bound(cell.size()));
    out.resize(static_cast<std::size_t>(put_csv_cell(out.data() + at, cell) - out.data()));
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

void append_markdown_cell(std::string& out, std::string_view cell) {
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const char ch = cell[i];
        if (ch == '|') out += "\\|";
        else if (ch == '\n') out += "<br>";
        else if (ch == '\r') continue;
        else out.push_back(ch);
    }
}

std::string type_text(const Entry& e) { return type_label(e); }

std::string other_fields_text(const Chronology& ch, const Entry& e) {
    std::string out;
    for (const auto& [k, v] : ch.extras_of(e)) {
        if (!out.empty()) out += "\n";
        out += k;
        out += ": ";
        out += v;
    }
    return out;
}

std::string child_seen_text(const Case& c, const Entry& e) {
    const auto& children = c.info.index_children;
    const bool family = c.agency_kind(e.agency) == AgencyKind::Family;
    std::string out;
    if (children.size() <= 1) {
        out = std::string(label(c.chronology.seen(e, 0)));
    } else {
        // Every index child by name, leaving out a child not yet born.
        for (std::size_t i = 0; i < children.size(); ++i) {
            if (!e.undated && !c.born_by(children[i], e.date.latest_day())) continue;
            if (!out.empty()) out += "; ";
            out += c.person(children[i]).name;
            out += ": ";
            out += label(c.chronology.seen(e, i));
        }
    }
    if (family) out += " (family account)";
    return out;
}

std::string people_text(const Case& c, const Entry& e) {
    std::string out;
    for (const SubjectRef& s : c.chronology.subjects_of(e)) {
        if (!out.empty()) out += "; ";
        out += c.subject_name(s);
    }
    return out;
}

std::string source_text(const Case& c, const Entry& e) {
    if (is_none(e.where.source)) return {};
    std::string out = c.sources[index_of(e.where.source)].path;
    if (e.where.table > 0) {
        out += ":table " + std::to_string(e.where.table);
        if (e.where.line > 0) out += ":row " + std::to_string(e.where.line);
    } else if (e.where.line > 0) {
        out += ':' + std::to_string(e.where.line);
    }
    return out;
}

std::string date_text(const Entry& e) {
    if (e.undated) return e.date_text.empty() ? std::string("undated") : "undated (" + std::string(e.date_text) + ")";
    return format_date(e.date);
}

void write_diagnostics_json(const Case& c, JsonWriter& w) { write_diagnostics_json(c.diagnostics, w); }

void write_diagnostics_json(const Diagnostics& diagnostics, JsonWriter& w) {
    w.begin_array(true);
    for (const Diagnostic& d : diagnostics.items()) {
        w.begin_object();
        w.field("severity", to_string(d.severity));
        w.field("file", d.file);
        w.field("line", d.line);
        w.field("column", d.column);
        if (d.table > 0) w.field("table", d.table);
        w.field("code", d.code);
        w.field("message", d.message);
        w.end_object();
    }
    w.end_array();
}

void write_merge_json(const Case& c, std::string& out) {
    const Chronology& ch = c.chronology;
    out.reserve(out.size() + ch.entries.size() * 512);
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.key("entries");
    w.begin_array(true);
    ch.for_each_entry([&](const Entry& e) {
        w.begin_object();
        w.field("id", entry_id(e));
        if (e.undated) {
            // The source could not date it: no date, no earliest or latest.
            w.key("date");
            w.null();
            w.field("undated", true);
            if (!e.date_text.empty()) w.field("date_as_written", e.date_text);
        } else {
            const std::string date = format_date(e.date);
            w.field("date", date);
            if (e.date_text != date) w.field("date_as_written", e.date_text);
            w.field("precision", precision_name(e.date));
            w.key("earliest");
            if (e.date.earliest == k_unbounded_low) w.null();
            else w.value(format_day(e.date.earliest_day()));
            w.key("latest");
            if (e.date.latest == k_unbounded_high) w.null();
            else w.value(format_day(e.date.latest_day()));
            if (e.date.kind == DateKind::Point && e.date.first.precision == Precision::Minute)
                w.field("utc", format_utc(e.date));
        }
        if (const FuzzyDate* end = ch.end_of(e)) w.field("end", format_date(*end));
        if (e.seq != 0) w.field("seq", e.seq);
        w.field("agency", c.agency_name(e.agency));
        w.key("agency_kind");
        if (c.agency_kind(e.agency) == AgencyKind::Unknown) w.null();
        else w.value(to_string(c.agency_kind(e.agency)));
        w.key("area");
        if (is_none(e.area)) w.null();
        else w.value(c.area_name(e.area));
        w.field("type", e.type == EntryType::Free ? std::string_view("other") : to_string(e.type));
        if (e.retrospective) w.field("retrospective", true);
        if (e.type_inferred) w.field("type_inferred", true);
        else if (e.type == EntryType::Free || normalise_word(e.type_text) != to_string(e.type))
            w.field("type_as_written", e.type_text);
        w.field("summary", e.summary);
        w.key("subjects");
        w.begin_array();
        for (const SubjectRef& s : ch.subjects_of(e))
            w.value(is_none(s.person) ? s.text : std::string_view{c.person(s.person).id});
        w.end_array();
        w.key("child_seen");
        w.begin_object();
        for (std::size_t i = 0; i < c.info.index_children.size(); ++i)
            if (e.undated || c.born_by(c.info.index_children[i], e.date.latest_day()))  // a child not yet born is left out
                w.field(c.person(c.info.index_children[i]).id, to_string(ch.seen(e, i)));
        w.end_object();
        if (e.views_sought != Tri::Unknown) w.field("views_sought", e.views_sought == Tri::Yes);
        if (e.modality != Modality::Unspecified) w.field("modality", to_string(e.modality));
        if (!e.practitioner.empty()) w.field("practitioner", e.practitioner);
        w.key("to");
        w.begin_array();
        for (AgencyId a : ch.to_of(e)) w.value(c.agency_name(a));
        w.end_array();
        if (e.tags.count > 0) {
            w.key("tags");
            w.begin_array();
            for (std::string_view t : ch.tags_of(e)) w.value(t);
            w.end_array();
        }
        if (!e.ref.empty()) w.field("ref", e.ref);
        else {
            w.key("ref");
            w.null();
        }
        if (e.extra.count > 0) {
            w.key("extra");
            w.begin_object();
            for (const auto& [k, v] : ch.extras_of(e)) w.field(k, v);
            w.end_object();
        }
        w.field("source", source_text(c, e));
        if (const EntryNote* note = c.notes.note_for(entry_id(e))) w.field("review_note", note->text);
        w.end_object();
    });
    w.end_array();
    w.key("sources");
    w.begin_array(true);
    for (const Source& s : c.sources) {
        w.begin_object();
        w.field("file", s.path);
        w.field("format", s.format);
        w.field("rows_read", s.counts.rows_read);
        w.field("entries_made", s.counts.entries_made);
        w.field("rows_rejected", s.counts.rows_rejected);
        w.field("blank_rows", s.counts.blank_rows);
        if (s.counts.skipped_rows) w.field("skipped_rows", s.counts.skipped_rows);
        if (s.counts.undated) w.field("undated", s.counts.undated);
        w.end_object();
    }
    w.end_array();
    w.key("diagnostics");
    write_diagnostics_json(c, w);
    w.end_object();
    out.push_back('\n');
}

void set_csv_formula_guard(bool on) { g_formula_guard.store(on, std::memory_order_relaxed); }

void write_chronology_csv(const Case& c, std::string& out) {
    write_chronology_csv(c, [&](std::string_view bytes) { out.append(bytes); }, 1);
}

void write_chronology_csv(const Case& c, const std::function<void(std::string_view)>& write, unsigned threads) {
    const Chronology& ch = c.chronology;
    // Cells that repeat (agencies, kinds, areas, sources, child seen) are made once.
    std::vector<std::string> agency_cells(c.agencies.size()), kind_cells(c.agencies.size()), area_cells(c.areas.size()),
        source_cells(c.sources.size());
    for (std::size_t a = 0; a < c.agencies.size(); ++a) {
        append_csv_cell(agency_cells[a], c.agencies[a].name);
        if (c.agencies[a].kind != AgencyKind::Unknown) append_csv_cell(kind_cells[a], to_string(c.agencies[a].kind));
    }
    for (std::size_t a = 0; a < c.areas.size(); ++a) append_csv_cell(area_cells[a], c.areas[a].name);
    // A row's source is "path:line", quoted as a whole when it needs it (its end is a digit, so
    // only the path's characters and its first one count): its start made once per source.
    std::vector<std::string> source_heads(c.sources.size());
    std::vector<char> source_quoted(c.sources.size());
    for (std::size_t s = 0; s < c.sources.size(); ++s) {
        const std::string& path = c.sources[s].path;
        append_csv_cell(source_cells[s], path);
        source_quoted[s] = needs_care(path + ":1");
        if (!source_quoted[s]) {
            source_heads[s] = path;
            continue;
        }
        source_heads[s] = "\"";
        if (detail::needs_formula_guard(path) && g_formula_guard.load(std::memory_order_relaxed))
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
            append_csv_cell(seen_cells[static_cast<std::size_t>(family)][v], text);
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
            p = plain_date ? put_plain_date(p, e.date) : put_csv_cell(p, date);
            *p++ = ',';
            if (!is_none(e.agency)) p = put(p, agency_cells[index_of(e.agency)]);
            *p++ = ',';
            if (!is_none(e.agency)) p = put(p, kind_cells[index_of(e.agency)]);
            *p++ = ',';
            if (!is_none(e.area)) p = put(p, area_cells[index_of(e.area)]);
            *p++ = ',';
            p = put_csv_cell(p, type);
            *p++ = ',';
            p = put_csv_cell(p, e.summary);
            *p++ = ',';
            p = put_csv_cell(p, other);
            *p++ = ',';
            p = put_joined_cell(p, subjects, person);
            *p++ = ',';
            if (many_children) {
                p = put_csv_cell(p, seen);
            } else {
                const bool family = c.agency_kind(e.agency) == AgencyKind::Family;
                p = put(p, seen_cells[family ? 1 : 0][static_cast<std::size_t>(ch.seen(e, 0))]);
            }
            *p++ = ',';
            p = put_joined_cell(p, recipients, agency);
            *p++ = ',';
            p = put_csv_cell(p, e.ref);
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
            if (note) p = put_csv_cell(p, note->text);
            *p++ = '\r';
            *p++ = '\n';
            out.done(p);
        }
    }, write);
}

void write_chronology_markdown(const Case& c, std::string& out) {
    const Chronology& ch = c.chronology;
    out += "# Integrated chronology: ";
    append_markdown_cell(out, c.info.title);
    out += "\n\n";
    out += std::to_string(ch.entries.size()) + (ch.entries.size() == 1 ? " dated entry" : " dated entries");
    if (!ch.undated.empty())
        out += " and " + std::to_string(ch.undated.size()) + " undated (listed after them)";
    out += " from " + std::to_string(c.sources.size()) + (c.sources.size() == 1 ? " source" : " sources") +
           ". Dates keep the precision they were written with (`2015-06` is sometime in June 2015; "
           "`~` is approximate; `a/b` is sometime between). A type marked *(inferred)* was read from the "
           "words: the agency wrote none.\n\n";
    std::uint64_t rejected = 0;
    for (const Source& s : c.sources) rejected += s.counts.rows_rejected;
    if (c.diagnostics.has_errors())
        out += "**Incomplete: the input has " + std::to_string(c.diagnostics.error_count()) + " errors" +
               (rejected ? " and " + std::to_string(rejected) + " rows were rejected" : std::string()) +
               "; run `sightline check` on the case to see them.**\n\n";
    const auto table = [&](const auto& entries, std::size_t& n) {
        out += "| # | Date | Agency | Area | Type | Summary | People | Child seen | Source | Review notes |\n";
        out += "|---|---|---|---|---|---|---|---|---|---|\n";
        for (const Entry& e : entries) {
            out += "| " + std::to_string(++n) + " | ";
            append_markdown_cell(out, e.undated ? std::string(e.date_text.empty() ? "undated" : e.date_text) : format_date(e.date));
            out += " | ";
            append_markdown_cell(out, c.agency_name(e.agency));
            out += " | ";
            append_markdown_cell(out, c.area_name(e.area));
            out += " | ";
            append_markdown_cell(out, type_text(e));
            out += " | ";
            append_markdown_cell(out, e.summary);
            // A template's other columns ("Action taken / outcome"), each under its heading.
            for (const auto& [k, v] : ch.extras_of(e)) {
                out += "<br>*";
                append_markdown_cell(out, k);
                out += ":* ";
                append_markdown_cell(out, v);
            }
            out += " | ";
            append_markdown_cell(out, people_text(c, e));
            out += " | ";
            append_markdown_cell(out, child_seen_text(c, e));
            out += " | ";
            append_markdown_cell(out, source_text(c, e));
            out += " | ";
            if (const EntryNote* note = c.notes.note_for(entry_id(e))) append_markdown_cell(out, note->text);
            out += " |\n";
        }
    };
    std::size_t n = 0;
    table(ch.entries, n);
    if (!ch.undated.empty()) {
        out += "\n## Undated entries\n\n";
        out += "The agencies could not date these (the Date column shows what they wrote). They are kept "
               "here, in the order of their returns, and take no part in the dated findings.\n\n";
        table(ch.undated, n);
    }
}

}  // namespace sightline::formats
