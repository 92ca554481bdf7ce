// Spreadsheet rows to entries: the part of reading CSV, TSV, XLSX and Word returns that does not
// depend on the file format. A sheet's header is found (and the `# key: value` directives above
// it read), its columns bound to fields by the mapping and by their headings (headings.cpp), each
// date column's day/month order decided, and every row made an entry, an undated entry or a
// located rejection through the EntryBuilder, with cells as people write them read by
// cell_values.cpp.
//
// [SECTION] Header and directives
// [SECTION] Binding columns to fields
// [SECTION] Day/month order per column
// [SECTION] Rows to entries
// [SECTION] read_sheet
#include "sheet_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

#include "cell_values.hpp"
#include "registrations.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// A field's place in the per-field arrays.
constexpr std::size_t index(SheetField f) { return static_cast<std::size_t>(f); }

// [SECTION] Header and directives

bool blank(const SheetRow& row) {
    return row.beyond.empty() &&
           std::all_of(row.cells.begin(), row.cells.end(), [](const SheetCell& c) { return trim(c.text).empty(); });
}

// A comment row above the header: one cell, starting with "#" ("#" alone as the first of
// several cells is a header: a row-number column).
bool comment(const SheetRow& row) {
    if (row.cells.empty() || trim(row.cells.front().text).substr(0, 1) != "#") return false;
    for (std::size_t i = 1; i < row.cells.size(); ++i)
        if (!trim(row.cells[i].text).empty()) return false;
    return true;
}

// The text of a comment row, without the "#".
std::string comment_text(const SheetRow& row) { return std::string(trim(trim(row.cells.front().text).substr(1))); }

// Reads "# agency: NAME", "# kind: KIND", "# area: AREA", "# date_order: dmy" above the header.
void read_directive(const SheetRow& row, const std::string& file, SheetMapping& directives) {
    const std::string text = comment_text(row);
    const std::size_t colon = text.find(':');
    if (colon == std::string::npos) return;
    std::string key(trim(std::string_view(text).substr(0, colon)));
    for (char& ch : key) ch = engine::ascii_lower(ch);
    const std::string value(trim(std::string_view(text).substr(colon + 1)));
    if (value.empty()) return;
    const Where at{row.line, 1};
    if (key == "agency") {
        directives.agency = value;
        directives.agency_where = at;
    } else if (key == "kind") {
        directives.kind = value;
        directives.kind_where = at;
        directives.kind_file = file;
    } else if (key == "area") {
        directives.area = value;
    } else if (key == "date_order" || key == "date order") {
        if (const auto o = parse_date_order(value)) directives.date_order = *o;
    }
}

// [SECTION] Binding columns to fields

// Whether a header cell is the column a mapping names (their header_key forms are equal).
bool same_header(std::string_view a, std::string_view b) { return header_key(a) == header_key(b); }

// Which columns feed which fields.
struct Binding {
    std::array<std::vector<std::uint32_t>, k_sheet_field_count> columns;  // 0-based; several for summary
    std::vector<std::pair<int, std::uint32_t>> child_seen_each;           // (index child position, column)
    std::vector<std::string> names;        // header text by column (extras are named by it)
    std::vector<bool> claimed;             // the column feeds a field
    std::uint32_t width = 0;               // cells in the header row (CSV raggedness)

    [[nodiscard]] bool has(SheetField f) const { return !columns[index(f)].empty(); }
    [[nodiscard]] std::uint32_t first(SheetField f) const { return columns[index(f)].front(); }
};

// A values map, looked up by the text as written: exactly, then ignoring case and outer spaces.
struct ValueMap {
    TextMap<std::string_view> exact;
    TextMap<std::string_view> folded;
    [[nodiscard]] bool empty() const { return exact.empty(); }
};

std::string fold(std::string_view s) {
    s = trim(s);
    std::string out(s);
    for (char& ch : out) ch = engine::ascii_lower(ch);
    return out;
}

// Date column state after the scan.
enum class OrderStatus : std::uint8_t { Decided, Undecided, Mixed };

struct DateColumn {
    DateOrder order = DateOrder::Dmy;
    OrderStatus status = OrderStatus::Decided;
    bool early = false;  // decided by the first decisive date, the rest of the column unseen
};

// Evidence gathered from one date column.
struct OrderEvidence {
    std::uint32_t dmy_line = 0, dmy_table = 0;
    std::string dmy_text;
    std::uint32_t mdy_line = 0, mdy_table = 0;
    std::string mdy_text;
    struct Example {
        std::uint32_t line = 0, table = 0;
        std::string text;
    };
    std::vector<Example> ambiguous;  // first two examples
};

// Resolved values of low-cardinality columns, memoised by text as written.
struct Resolved {
    std::optional<ChildSeen> seen;
    std::optional<Modality> modality;
    bool ok = true;
    bool words = false;  // read from a sentence, whose words are kept as a field too
};

class SheetReader {
public:
    SheetReader(Case& c, SourceId source, const std::string& file, SheetSource& rows, SheetMapping mapping,
                std::string_view owned_text, OnThread* on_thread)
        : m_case(c), m_source(source), m_file(file), m_rows(rows), m_map(std::move(mapping)), m_b(c, source, file),
          m_on_thread(on_thread) {
        m_b.date_options.zone = find_zone(c.info.timezone);
        m_b.date_options.spreadsheet_forms = true;
        if (!owned_text.empty()) m_b.own_text(owned_text);
        m_b.read_on(on_thread);
    }

    void run();

private:
    // Diagnostics in the sheet file, or in the mapping file.
    void error(Where at, std::string code, std::string message) {
        m_case.diagnostics.add(diagnostic_at(Severity::Error, m_file, at, std::move(code), std::move(message)));
    }
    void warning(Where at, std::string code, std::string message) {
        m_case.diagnostics.add(diagnostic_at(Severity::Warning, m_file, at, std::move(code), std::move(message)));
    }
    void mapping_error(Where at, std::string code, std::string message) {
        m_case.diagnostics.add(Severity::Error, m_map.file.empty() ? m_file : m_map.file, at.line, at.column,
                               std::move(code), std::move(message));
    }

    bool find_header();
    bool bind(const SheetRow& header);
    void prepare_values();
    void scan_dates();
    void decide(SheetField field, const OrderEvidence& ev);
    void read_rows();
    [[nodiscard]] bool early_dates_hold(const SheetRow& row) const;
    void read_row(const SheetRow& row);
    void reject_all(std::string code, std::string message, Where at);

    // Cell helpers.
    [[nodiscard]] const SheetCell* cell(const SheetRow& row, std::uint32_t col) const {
        return col < row.cells.size() ? &row.cells[col] : nullptr;
    }
    [[nodiscard]] std::string_view text(const SheetRow& row, SheetField f) const {
        if (!m_bind.has(f)) return {};
        const SheetCell* c = cell(row, m_bind.first(f));
        return c ? trim(c->text) : std::string_view{};
    }
    [[nodiscard]] Where at(const SheetRow& row, std::uint32_t col) const { return {row.line, col + 1, row.table}; }
    [[nodiscard]] Where at(const SheetRow& row, SheetField f) const {
        return {row.line, m_bind.has(f) ? m_bind.first(f) + 1 : 1, row.table};
    }
    // " in cell B14" for XLSX, "" for CSV (whose place is in the file:line:col prefix).
    [[nodiscard]] std::string in_cell(const SheetRow& row, std::uint32_t col) const {
        switch (m_rows.places()) {
            case SheetSource::Places::Cells: return " in cell " + cell_name(row.line, col + 1);
            case SheetSource::Places::Columns: return " in column '" + m_bind.names[col] + "'";
            case SheetSource::Places::Lines: break;
        }
        return {};
    }
    // The meaning of text under the field's values map (the text itself when unmapped).
    [[nodiscard]] std::string_view mapped(SheetField f, std::string_view t) const {
        const ValueMap& m = m_values[index(f)];
        if (m.empty()) return t;
        if (const auto it = m.exact.find(t); it != m.exact.end()) return it->second;
        if (const auto it = m.folded.find(fold(t)); it != m.folded.end()) return it->second;
        return t;
    }
    [[nodiscard]] std::string column_label(SheetField f) const { return "'" + m_bind.names[m_bind.first(f)] + "'"; }

    AgencyId agency_of(std::string_view name, const SheetRow& row);
    AreaId area_of(std::string_view name);
    void set_date_field(const SheetRow& row, SheetField f);
    void set_seen(const SheetRow& row, std::uint32_t col, int child);
    [[nodiscard]] bool continues_previous(const SheetRow& row) const;

    Case& m_case;
    SourceId m_source;
    const std::string& m_file;
    SheetSource& m_rows;
    SheetMapping m_map;
    EntryBuilder m_b;
    OnThread* m_on_thread;      // how the source is read on one of several threads, else null
    Binding m_bind;
    std::array<ValueMap, k_sheet_field_count> m_values;
    std::string m_value_text;                // meanings of the values maps, adopted by the TextStore
    std::string m_joined;                    // a summary joined from several columns
    bool m_voice_column = false;             // the views column holds the child's words, not yes/no
    std::array<DateColumn, 2> m_dates;       // date, end
    AgencyId m_agency = k_none<AgencyId>;    // default agency
    AreaId m_area = k_none<AreaId>;          // default area
    std::optional<AgencyKind> m_column_kind; // `kind:` for column agencies the registry does not describe
    std::uint32_t m_header_line = 0;
    std::uint32_t m_header_table = 0;        // a Word document's table holding the header
    // The row read before this one, for an undated row that may be its continuation.
    struct Previous {
        std::uint32_t line = 0, table = 0;
        bool dated = false;
        std::string date;
    } m_previous;
    bool m_header_too_wide = false;          // the header has more cells than a spreadsheet can
    TextMap<AgencyId> m_agency_memo;
    TextMap<AreaId> m_area_memo;
    std::array<TextMap<Resolved>, k_sheet_field_count> m_memo;
};

// Reads up to and including the header row, counting and interpreting what comes before it.
bool SheetReader::find_header() {
    SheetRow row;
    SheetMapping directives;
    while (m_rows.next(row, false)) {
        if (row.skip) {
            m_b.count_skipped_row();
            continue;
        }
        const bool is_blank = blank(row);
        const bool is_header = m_map.header_row ? row.line >= m_map.header_row : (!is_blank && !comment(row));
        if (!is_header) {
            if (is_blank) m_b.count_blank_row();
            else m_b.count_skipped_row();
            if (comment(row)) read_directive(row, m_file, directives);
            continue;
        }
        if (m_map.header_row && row.line != m_map.header_row) {
            mapping_error(m_map.header_row_where, "header-missing",
                          "header_row " + std::to_string(m_map.header_row) + " is not a row of '" + m_file +
                              "' (the next row is " + std::to_string(row.line) + ")");
            return false;
        }
        m_header_line = row.line;
        m_header_table = row.table;
        m_map.fill_from(directives);
        m_rows.mark();
        if (row.problem == RowProblem::TooManyCells) {
            m_header_too_wide = true;
            return true;
        }
        return bind(row);
    }
    m_map.fill_from(directives);
    if (m_map.header_row)
        mapping_error(m_map.header_row_where, "header-missing",
                      "header_row " + std::to_string(m_map.header_row) + " is past the end of '" + m_file + "'");
    else
        warning({}, "entries-missing", "spreadsheet has no header row and no entries");
    return false;
}

bool SheetReader::bind(const SheetRow& header) {
    const auto n = static_cast<std::uint32_t>(header.cells.size());
    m_bind.width = n;
    m_bind.names.resize(n);
    m_bind.claimed.assign(n, false);
    TextMap<int> seen_names;
    for (std::uint32_t i = 0; i < n; ++i) {
        std::string name(trim(header.cells[i].text));
        if (name.empty()) name = "column " + column_letters(i + 1);
        const int repeat = ++seen_names[name];
        if (repeat > 1) name += " (" + std::to_string(repeat) + ")";
        m_bind.names[i] = std::move(name);
    }
    auto find_column = [&](const std::string& wanted) -> std::optional<std::uint32_t> {
        for (std::uint32_t i = 0; i < n; ++i)
            if (same_header(header.cells[i].text, wanted)) return i;
        return std::nullopt;
    };
    auto header_list = [&] {
        std::string out;
        for (std::uint32_t i = 0; i < n; ++i) {
            if (trim(header.cells[i].text).empty()) continue;
            if (!out.empty()) out += ", ";
            out += trim(header.cells[i].text);
        }
        return out;
    };
    const std::string where_header =
        m_rows.places() == SheetSource::Places::Lines ? "line " + std::to_string(header.line)
        : header.table > 0 ? "table " + std::to_string(header.table) + ", row " + std::to_string(header.line)
                           : "row " + std::to_string(header.line);

    // Columns the mapping names.
    for (std::size_t f = 0; f < k_sheet_field_count; ++f) {
        for (const ColumnName& col : m_map.columns[f]) {
            if (const auto i = find_column(col.header)) {
                m_bind.columns[f].push_back(*i);
                m_bind.claimed[*i] = true;
            } else {
                mapping_error(col.where, "column-missing",
                              "no column '" + col.header + "' (for " +
                                  std::string(field_name(static_cast<SheetField>(f))) + ") in '" + m_file +
                                  "'; its header (" + where_header + ") has: " + header_list());
            }
        }
    }
    for (const auto& [child, col] : m_map.child_seen_columns) {
        const PersonId p = m_case.find_person(child);
        const int pos = is_none(p) ? -1 : m_case.index_child_position(p);
        if (pos < 0) {
            mapping_error(col.where, "child-unknown",
                          "child_seen names '" + child + "', who is not one of the case's index_children");
            continue;
        }
        if (const auto i = find_column(col.header)) {
            m_bind.child_seen_each.emplace_back(pos, *i);
            m_bind.claimed[*i] = true;
        } else {
            mapping_error(col.where, "column-missing",
                          "no column '" + col.header + "' (for child_seen of " + child + ") in '" + m_file +
                              "'; its header (" + where_header + ") has: " + header_list());
        }
    }
    // Recognised headers for the fields still unmapped. A fixed agency in the mapping is a
    // choice: a column that merely looks like one ("Source") then stays an extra. An area
    // column refines a default area.
    for (std::uint32_t i = 0; i < n; ++i) {
        if (m_bind.claimed[i]) continue;
        const auto f = recognise_header(header.cells[i].text);
        if (!f || m_bind.has(*f)) continue;
        if (*f == SheetField::Agency && !m_map.agency.empty()) continue;
        if (*f == SheetField::ChildSeen && !m_bind.child_seen_each.empty()) continue;
        m_bind.columns[index(*f)].push_back(i);
        m_bind.claimed[i] = true;
    }
    // No summary column, but a template's text column ("Date | Notes"): the first is the summary.
    if (!m_bind.has(SheetField::Summary))
        for (std::uint32_t i = 0; i < n; ++i)
            if (!m_bind.claimed[i] && recognise_text_header(header.cells[i].text)) {
                m_bind.columns[index(SheetField::Summary)].push_back(i);
                m_bind.claimed[i] = true;
                break;
            }
    if (m_bind.has(SheetField::ViewsSought)) {
        const std::string key = header_key(header.cells[m_bind.first(SheetField::ViewsSought)].text);
        m_voice_column = key == "voice of the child" || key == "wishes and feelings" || key == "child s voice";
    }
    // Unmapped columns are kept as extra fields, reported once each at their header cell; a
    // template's text columns ("Action taken / outcome") are expected, and kept without a word.
    for (std::uint32_t i = 0; i < n; ++i) {
        if (m_bind.claimed[i] || trim(header.cells[i].text).empty()) continue;
        if (!recognise_text_header(header.cells[i].text))
            warning({header.line, i + 1, header.table}, "key-unknown",
                    "column '" + m_bind.names[i] + "' is not an entry field; kept as written");
        m_b.expect_extra_field(m_bind.names[i]);
    }

    // The agency: mapping (or directive) name, else a column; neither is an error.
    if (!m_map.agency.empty()) {
        KindDeclaration kind;
        if (!m_map.kind.empty()) kind = {m_map.kind, m_map.kind_file, m_map.kind_where};
        m_agency = m_b.registrations().file_agency(m_map.agency, kind);
        m_case.sources[index_of(m_source)].agency = m_agency;
    } else if (!m_map.kind.empty()) {
        if (const auto k = parse_agency_kind(m_map.kind)) m_column_kind = *k;
        else
            m_case.diagnostics.add(Severity::Error, m_map.kind_file, m_map.kind_where.line, m_map.kind_where.column,
                                   "value-invalid",
                                   "unknown agency kind '" + m_map.kind + "'; expected one of " + allowed_agency_kinds());
    }
    if (!m_map.area.empty()) m_area = m_b.registrations().file_area(m_map.area, m_agency);
    return true;
}

void SheetReader::prepare_values() {
    // Meanings live in one buffer the TextStore adopts, so entries point at them without copies.
    std::size_t total = 0;
    for (const auto& list : m_map.values)
        for (const auto& kv : list) total += kv.second.size();
    if (total == 0) return;
    auto buffer = std::make_unique_for_overwrite<char[]>(total);
    char* out = buffer.get();
    for (std::size_t f = 0; f < k_sheet_field_count; ++f) {
        for (const auto& [written, meaning] : m_map.values[f]) {
            std::copy(meaning.begin(), meaning.end(), out);
            const std::string_view view(out, meaning.size());
            out += meaning.size();
            m_values[f].exact.emplace(written, view);
            m_values[f].folded.emplace(fold(written), view);
        }
    }
    m_b.own_text({buffer.get(), total});
    m_case.chronology.text.adopt(std::move(buffer), total);
}

// [SECTION] Day/month order per column

void SheetReader::scan_dates() {
    std::array<std::optional<DateOrder>, 2> fixed;
    const std::array<SheetField, 2> fields = {SheetField::Date, SheetField::End};
    bool needed = false;
    for (std::size_t k = 0; k < 2; ++k) {
        if (m_map.date_order && *m_map.date_order != DateOrder::Auto) fixed[k] = *m_map.date_order;
        if (fixed[k]) m_dates[k].order = *fixed[k];
        else if (m_bind.has(fields[k])) needed = true;
    }
    if (!needed) return;
    std::array<OrderEvidence, 2> ev;
    // The columns still waiting for their first decisive date (see OnThread::decide_dates_early).
    const auto waiting = [&] {
        for (std::size_t k = 0; k < 2; ++k)
            if (!fixed[k] && m_bind.has(fields[k]) && !ev[k].dmy_line && !ev[k].mdy_line) return true;
        return false;
    };
    const bool early = m_on_thread && m_on_thread->decide_dates_early;
    bool stopped = false;  // early, at a decisive date, with rows left unseen
    SheetRow row;
    while (!(stopped = early && !waiting()) && m_rows.next(row, true)) {
        if (row.skip) continue;
        for (std::size_t k = 0; k < 2; ++k) {
            if (fixed[k] || !m_bind.has(fields[k])) continue;
            const SheetCell* c = cell(row, m_bind.first(fields[k]));
            if (!c || c->kind != CellKind::Text) continue;
            const std::string_view t = trim(c->text);
            if (t.empty() || t.size() > 40) continue;
            const SlashDateEvidence e = slash_date_evidence(t);
            if (!e.is_slash_form) continue;
            OrderEvidence& o = ev[k];
            if (e.could_be_dmy && !e.could_be_mdy && o.dmy_line == 0) {
                o.dmy_line = row.line;
                o.dmy_table = row.table;
                o.dmy_text = t;
            } else if (e.could_be_mdy && !e.could_be_dmy && o.mdy_line == 0) {
                o.mdy_line = row.line;
                o.mdy_table = row.table;
                o.mdy_text = t;
            } else if (e.could_be_dmy && e.could_be_mdy && !e.same_either_way && o.ambiguous.size() < 2) {
                o.ambiguous.push_back({row.line, row.table, std::string(t)});
            }
        }
    }
    m_rows.rewind();
    for (std::size_t k = 0; k < 2; ++k)
        if (!fixed[k] && m_bind.has(fields[k])) {
            decide(fields[k], ev[k]);
            m_dates[k].early = stopped;
        }
}

void SheetReader::decide(SheetField field, const OrderEvidence& ev) {
    DateColumn& col = m_dates[field == SheetField::Date ? 0 : 1];
    const std::string name = column_label(field);
    const Where at{m_header_line, m_bind.first(field) + 1, m_header_table};
    // "row" is the sheet's row number, or for CSV the physical line where the record starts; a
    // Word document's rows are numbered in their table.
    auto example = [&](std::string_view text, std::uint32_t line, std::uint32_t table) {
        return "'" + std::string(text) + "' at " + (table ? "table " + std::to_string(table) + ", " : std::string()) +
               "row " + std::to_string(line);
    };
    const DateOrder fallback = m_case.info.date_order;
    if (ev.dmy_line && ev.mdy_line) {
        col.status = OrderStatus::Mixed;
        error(at, "date-order-mixed",
              "column " + name + " mixes day/month and month/day dates (" + example(ev.dmy_text, ev.dmy_line, ev.dmy_table) +
                  " is day first, " + example(ev.mdy_text, ev.mdy_line, ev.mdy_table) +
                  " is month first); dates that could be either are rejected: correct the column, or add "
                  "date_order: dmy or mdy to the mapping, to the source in case.yaml, or under case:");
        return;
    }
    if (ev.dmy_line || ev.mdy_line) {
        col.order = ev.dmy_line ? DateOrder::Dmy : DateOrder::Mdy;
        if ((fallback == DateOrder::Dmy || fallback == DateOrder::Mdy) && fallback != col.order)
            warning(at, "date-order-conflict",
                    "column " + name + " is read as " + (col.order == DateOrder::Dmy ? "day/month/year" : "month/day/year") +
                        " because of " + (ev.dmy_line ? example(ev.dmy_text, ev.dmy_line, ev.dmy_table) : example(ev.mdy_text, ev.mdy_line, ev.mdy_table)) +
                        ", although the case's date_order is " + std::string(to_string(fallback)));
        return;
    }
    if (ev.ambiguous.empty()) return;  // nothing that depends on the order
    if (fallback == DateOrder::Dmy || fallback == DateOrder::Mdy || fallback == DateOrder::Ymd) {
        col.order = fallback;
        return;
    }
    col.status = OrderStatus::Undecided;
    std::string examples;
    for (const OrderEvidence::Example& x : ev.ambiguous) {
        if (!examples.empty()) examples += ", ";
        examples += example(x.text, x.line, x.table);
    }
    error(at, "date-order-undecided",
          "cannot decide day/month order of column " + name + " (e.g. " + examples +
              "); add date_order: dmy or mdy to the mapping, to the source in case.yaml, or under case:");
}

// [SECTION] Rows to entries

AgencyId SheetReader::agency_of(std::string_view name, const SheetRow& row) {
    if (const auto it = m_agency_memo.find(name); it != m_agency_memo.end()) return it->second;
    const AgencyId id = m_b.registrations().column_agency(mapped(SheetField::Agency, name), m_column_kind,
                                                          {m_file, at(row, SheetField::Agency), column_label(SheetField::Agency)});
    m_agency_memo.emplace(std::string(name), id);
    return id;
}

AreaId SheetReader::area_of(std::string_view name) {
    if (const auto it = m_area_memo.find(name); it != m_area_memo.end()) return it->second;
    const AreaId id = m_b.registrations().area(mapped(SheetField::Area, name));
    m_area_memo.emplace(std::string(name), id);
    return id;
}

void SheetReader::set_date_field(const SheetRow& row, SheetField f) {
    const bool is_end = f == SheetField::End;
    const std::uint32_t col = m_bind.first(f);
    const SheetCell* c = cell(row, col);
    const Where where = at(row, col);
    const std::string_view t = c ? trim(c->text) : std::string_view{};
    const std::string_view time = is_end ? std::string_view{} : text(row, SheetField::Time);
    const Where time_where = at(row, SheetField::Time);
    // A date starts with a digit nearly always; only text that does not can say it is unknown.
    const bool unknown = c && !t.empty() && c->kind == CellKind::Text && !(t[0] >= '0' && t[0] <= '9') &&
                         is_unknown_date_text(t);
    if (!c || t.empty() || unknown) {
        if (is_end) return;  // no end, or an unknown one: the entry is a point
        // The writer could not date it: an undated entry, kept apart from dated analyses.
        m_b.set_undated(time.empty() ? std::string(t) : t.empty() ? std::string(time) : std::string(t) + " " + std::string(time));
        if (t.empty() && continues_previous(row))
            m_b.warning(where, "row-continues",
                        "row " + std::to_string(row.line) + " has no date and only text: is it the rest of row " +
                            std::to_string(m_previous.line) + " (" + m_previous.date +
                            ")? kept as an undated entry; join the two rows in the return if so");
        return;
    }
    const bool system_1904 = m_map.date_1904.value_or(false);
    // Excel dates: typed cells in XLSX, serial numbers in either.
    std::optional<double> serial;
    bool with_time = false;
    if (c->kind == CellKind::Date || c->kind == CellKind::DateTime) {
        serial = c->number;
        with_time = c->kind == CellKind::DateTime;
    } else if (c->kind == CellKind::Time) {
        m_b.error(where, "date-syntax", "cell holds a time of day but no date" + in_cell(row, col));
        return;
    } else if (c->kind == CellKind::Text || c->kind == CellKind::Number) {
        serial = serial_number(t);
        with_time = serial && *serial != std::floor(*serial);
    }
    if (serial) {
        DateParseResult r = date_from_excel_serial(*serial, system_1904, with_time && time.empty(), m_b.date_options);
        if (r.error) {
            m_b.error(where, r.error->code, r.error->message + in_cell(row, col));
            return;
        }
        if (r.warning) m_b.warning(where, r.warning->code, r.warning->message);
        if (is_end) {
            m_b.set_end(format_date(*r.date), where);
        } else if (!time.empty()) {
            // The time column gives the time of the day.
            m_b.set_date(format_day(r.date->earliest_day()), where, time, time_where);
        } else {
            m_b.set_parsed_date(*r.date, format_date(*r.date));
        }
        return;
    }
    const DateColumn& dc = m_dates[is_end ? 1 : 0];
    m_b.date_options.order = dc.order;
    if (dc.status != OrderStatus::Decided) {
        // The column has no one order: a date that can be read only one way is read that way.
        const SlashDateEvidence e = slash_date_evidence(t);
        if (e.is_slash_form && e.could_be_dmy && e.could_be_mdy && !e.same_either_way) {
            m_b.error(where, "date-ambiguous",
                      "date '" + std::string(t) + "' could be day/month or month/day, and column " + column_label(f) +
                          " does not say which");
            return;
        }
        if (e.is_slash_form && e.could_be_mdy && !e.could_be_dmy) m_b.date_options.order = DateOrder::Mdy;
    }
    if (is_end) {
        m_b.set_end(t, where);
        return;
    }
    m_b.set_date(t, where, time, time_where);
}

// A row with no date that may be the rest of the row above: the row just before was dated, and
// this one has text only where an event's text goes (the summary and the template's text
// columns), as when a writer pressed Enter into a new row to go on writing.
bool SheetReader::continues_previous(const SheetRow& row) const {
    if (!m_previous.dated || m_previous.table != row.table) return false;
    for (std::uint32_t i = 0; i < row.cells.size() && i < m_bind.width; ++i) {
        if (trim(row.cells[i].text).empty()) continue;
        const auto& summary = m_bind.columns[index(SheetField::Summary)];
        const bool text_column = std::find(summary.begin(), summary.end(), i) != summary.end() ||
                                 (!m_bind.claimed[i] && recognise_text_header(m_bind.names[i]));
        if (!text_column) return false;
    }
    return row.beyond.empty();
}

void SheetReader::set_seen(const SheetRow& row, std::uint32_t col, int child) {
    const SheetCell* c = cell(row, col);
    const std::string_view t = c ? trim(c->text) : std::string_view{};
    auto& memo = m_memo[index(SheetField::ChildSeen)];
    auto it = memo.find(t);
    if (it == memo.end()) {
        Resolved r;
        const std::string_view meaning = mapped(SheetField::ChildSeen, t);
        r.seen = parse_child_seen(meaning);
        if (!r.seen && meaning == t) {
            // A sentence ("Yes - seen alone in her bedroom"): its verdict, and the words kept.
            r.seen = child_seen_from_words(t);
            r.words = r.seen.has_value();
        }
        r.ok = r.seen.has_value();
        it = memo.emplace(std::string(t), r).first;
    }
    if (it->second.words) {
        m_b.expect_extra_field(m_bind.names[col]);
        m_b.add_extra(m_bind.names[col], t, at(row, col));
    }
    if (!it->second.ok) {
        m_b.error(at(row, col), "value-invalid",
                  "unknown child_seen '" + std::string(t) + "' in column '" + m_bind.names[col] + "'; expected one of " +
                      allowed_child_seen() + " (or map it under values: child_seen:)");
        return;
    }
    if (child < 0) {
        if (!t.empty() || *it->second.seen != ChildSeen::NotRecorded) m_b.set_child_seen(*it->second.seen);
        return;
    }
    m_b.set_child_seen_at(child, *it->second.seen);
}

void SheetReader::read_row(const SheetRow& row) {
    m_b.begin({row.line, 1, row.table});
    if (row.problem == RowProblem::UnterminatedQuote) {
        m_b.error({row.line, row.problem_column, row.table}, "csv-quote",
                  "quoted cell never closes; the rest of the file was read as one cell");
        m_b.finish();
        m_previous = {};
        return;
    }
    if (row.problem == RowProblem::TooManyCells) {
        m_b.error({row.line, row.problem_column, row.table}, "row-too-wide",
                  "row has more than " + std::to_string(k_max_cells) + " cells, the most a spreadsheet has");
        m_b.finish();
        m_previous = {};
        return;
    }
    if (row.problem == RowProblem::TextAfterQuote)
        m_b.warning({row.line, row.problem_column, row.table}, "csv-quote",
                    "text after the closing quote of a cell; kept as part of the cell");
    if (m_rows.fixed_width() && row.cells.size() != m_bind.width) {
        bool extra_text = false;
        for (std::size_t i = m_bind.width; i < row.cells.size(); ++i) extra_text |= !trim(row.cells[i].text).empty();
        if (row.cells.size() < m_bind.width || extra_text) {
            m_b.error({row.line, static_cast<std::uint32_t>(std::min<std::size_t>(row.cells.size(), m_bind.width)) + 1},
                      "row-ragged",
                      "row has " + std::to_string(row.cells.size()) + " cells but the header has " +
                          std::to_string(m_bind.width) + "; is a comma or quote missing?");
            m_b.finish();
            m_previous = {};
            return;
        }
    }
    // Agency and area.
    m_b.set_agency(m_agency);
    if (m_bind.has(SheetField::Agency)) {
        const std::string_view name = text(row, SheetField::Agency);
        if (!name.empty()) m_b.set_agency(agency_of(name, row));
        else if (is_none(m_agency))
            m_b.error(at(row, SheetField::Agency), "field-missing",
                      "row has no agency (column " + column_label(SheetField::Agency) + " is empty)");
    }
    m_b.set_area(m_area);
    if (m_bind.has(SheetField::Area)) {
        const std::string_view name = text(row, SheetField::Area);
        if (!name.empty()) m_b.set_area(area_of(name));
    }
    // Date (with time), end.
    set_date_field(row, SheetField::Date);
    if (m_bind.has(SheetField::End)) set_date_field(row, SheetField::End);
    // Summary: several columns are joined with " — ", skipping empty ones.
    {
        const auto& cols = m_bind.columns[index(SheetField::Summary)];
        std::string_view only;
        std::size_t parts = 0;
        for (std::uint32_t col : cols) {
            const SheetCell* c = cell(row, col);
            if (c && !trim(c->text).empty()) {
                if (++parts == 1) only = trim(c->text);
            }
        }
        if (parts == 1) {
            m_b.set_summary(only);
        } else if (parts > 1) {
            m_joined.clear();
            for (std::uint32_t col : cols) {
                const SheetCell* c = cell(row, col);
                if (!c || trim(c->text).empty()) continue;
                if (!m_joined.empty()) m_joined += " \xE2\x80\x94 ";
                m_joined += trim(c->text);
            }
            m_b.set_summary(m_joined);
        } else {
            std::string names;
            for (std::uint32_t col : cols) names += (names.empty() ? "'" : ", '") + m_bind.names[col] + "'";
            m_b.error(at(row, SheetField::Summary), "field-missing",
                      "row has no summary (column" + std::string(cols.size() > 1 ? "s " : " ") + names +
                          (cols.size() > 1 ? " are" : " is") + " empty)");
        }
    }
    // Type: as written, else read from the summary's words later (templates have no type column).
    if (const std::string_view t = text(row, SheetField::Type); !t.empty()) m_b.set_type(mapped(SheetField::Type, t));
    else m_b.set_type_unwritten();
    // Lists.
    if (m_bind.has(SheetField::Subjects))
        EntryBuilder::for_each_item(text(row, SheetField::Subjects), [&](std::string_view s) {
            m_b.add_subject(mapped(SheetField::Subjects, s), at(row, SheetField::Subjects));
        });
    if (m_bind.has(SheetField::To))
        EntryBuilder::for_each_item(text(row, SheetField::To), [&](std::string_view s) { m_b.add_recipient(mapped(SheetField::To, s)); });
    if (m_bind.has(SheetField::Tags))
        EntryBuilder::for_each_item(text(row, SheetField::Tags), [&](std::string_view s) { m_b.add_tag(mapped(SheetField::Tags, s)); });
    // Child seen: one column for every index child, or one per child.
    if (m_bind.has(SheetField::ChildSeen)) set_seen(row, m_bind.first(SheetField::ChildSeen), -1);
    for (const auto& [child, col] : m_bind.child_seen_each) set_seen(row, col, child);
    // Views sought, modality.
    if (const std::string_view t = text(row, SheetField::ViewsSought); !t.empty()) {
        const std::string_view meaning = mapped(SheetField::ViewsSought, t);
        if (const auto v = parse_bool(meaning)) {
            m_b.set_views_sought(*v);
        } else if (const auto yn = meaning == t ? yes_no_from_words(t) : std::nullopt;
                   yn || (meaning == t && m_voice_column)) {
            // A sentence: "Yes - said she likes nursery" is yes, and the words are kept. A column
            // of the child's own words ("Voice of the child") says their views were recorded.
            const std::string& name = m_bind.names[m_bind.first(SheetField::ViewsSought)];
            if (yn) m_b.set_views_sought(*yn);
            else if (!says_nothing(plain_words(t))) m_b.set_views_sought(true);
            m_b.expect_extra_field(name);
            m_b.add_extra(name, t, at(row, SheetField::ViewsSought));
        } else {
            m_b.error(at(row, SheetField::ViewsSought), "value-invalid", "views_sought must be yes or no, not '" + std::string(t) + "'");
        }
    }
    if (const std::string_view t = text(row, SheetField::Modality); !t.empty()) {
        auto& memo = m_memo[index(SheetField::Modality)];
        auto it = memo.find(t);
        if (it == memo.end()) {
            Resolved r;
            r.modality = parse_modality(mapped(SheetField::Modality, t));
            r.ok = r.modality.has_value();
            it = memo.emplace(std::string(t), r).first;
        }
        if (it->second.ok) m_b.set_modality(*it->second.modality);
        else
            m_b.error(at(row, SheetField::Modality), "value-invalid",
                      "unknown modality '" + std::string(t) + "' in column " + column_label(SheetField::Modality) +
                          "; expected one of " + allowed_modality() + " (or map it under values: modality:)");
    }
    if (const std::string_view t = text(row, SheetField::Practitioner); !t.empty()) m_b.set_practitioner(mapped(SheetField::Practitioner, t));
    if (const std::string_view t = text(row, SheetField::Ref); !t.empty()) m_b.set_ref(mapped(SheetField::Ref, t));
    if (const std::string_view t = text(row, SheetField::Seq); !t.empty()) {
        const auto v = parse_int(t);
        if (v && *v >= 0 && *v < 1000000) m_b.set_seq(static_cast<std::int32_t>(*v));
        else m_b.error(at(row, SheetField::Seq), "value-invalid", "seq must be a whole number from 0, not '" + std::string(t) + "'");
    }
    // Everything else is kept.
    const std::size_t n = std::min<std::size_t>(row.cells.size(), m_bind.width);
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (i < n && m_bind.claimed[i]) continue;
        const SheetCell& c = row.cells[i];
        const std::string_view t = trim(c.text);
        if (t.empty()) continue;
        const std::string& name = i < m_bind.names.size() ? m_bind.names[i] : "column " + column_letters(static_cast<std::uint32_t>(i + 1));
        if (c.kind == CellKind::Date || c.kind == CellKind::DateTime) {
            // A date cell that is not the entry's date: kept as ISO text.
            const DateParseResult r = date_from_excel_serial(c.number, m_map.date_1904.value_or(false),
                                                             c.kind == CellKind::DateTime, m_b.date_options);
            if (r.date) {
                m_b.add_extra(name, format_date(*r.date), at(row, static_cast<std::uint32_t>(i)));
                continue;
            }
        }
        m_b.add_extra(name, t, at(row, static_cast<std::uint32_t>(i)));
    }
    for (const auto& [col, c] : row.beyond) {
        const std::string& name = col < m_bind.names.size() ? m_bind.names[col] : "column " + column_letters(col + 1);
        if (c.kind == CellKind::Date || c.kind == CellKind::DateTime) {
            const DateParseResult r = date_from_excel_serial(c.number, m_map.date_1904.value_or(false),
                                                             c.kind == CellKind::DateTime, m_b.date_options);
            if (r.date) {
                m_b.add_extra(name, format_date(*r.date), at(row, col));
                continue;
            }
        }
        m_b.add_extra(name, trim(c.text), at(row, col));
    }
    const bool made = m_b.finish();
    m_previous.line = row.line;
    m_previous.table = row.table;
    m_previous.dated = made && !m_b.undated();
    m_previous.date.assign(made ? text(row, SheetField::Date) : std::string_view());  // the buffer is reused
}

void SheetReader::reject_all(std::string code, std::string message, Where where) {
    SheetRow row;
    std::uint64_t n = 0;
    while (m_rows.next(row, true)) {
        if (row.skip) {
            m_b.count_skipped_row();
            continue;
        }
        if (blank(row)) {
            m_b.count_blank_row();
            continue;
        }
        m_b.reject_row();
        ++n;
    }
    error(where, std::move(code), message + "; all " + std::to_string(n) + " rows rejected");
}

// A column decided by its first decisive date (scan_dates stopped there) holds only if no later
// date in it can be read only the other way: such a date, in any row, sends the source back to
// the whole scan (OnThread::dates_contradicted). So does a row whose cells the scan would have seen otherwise (a
// row with a syntax problem, a date cell with quotes, which the scan saw still escaped).
bool SheetReader::early_dates_hold(const SheetRow& row) const {
    const std::array<SheetField, 2> fields = {SheetField::Date, SheetField::End};
    for (std::size_t k = 0; k < 2; ++k) {
        const DateColumn& dc = m_dates[k];
        if (!dc.early || dc.status != OrderStatus::Decided) continue;
        if (row.problem != RowProblem::None) return false;
        const SheetCell* c = cell(row, m_bind.first(fields[k]));
        if (!c || c->kind != CellKind::Text) continue;
        if (c->text.find('"') != std::string_view::npos) return false;
        const std::string_view t = trim(c->text);
        if (t.empty() || t.size() > 40) continue;
        const SlashDateEvidence e = slash_date_evidence(t);
        if (e.is_slash_form && (dc.order == DateOrder::Dmy ? e.could_be_mdy && !e.could_be_dmy
                                                           : e.could_be_dmy && !e.could_be_mdy))
            return false;
    }
    return true;
}

void SheetReader::read_rows() {
    SheetRow row;
    while (m_rows.next(row, false)) {
        if (row.skip) {
            m_b.count_skipped_row();
            continue;
        }
        if (blank(row)) {
            m_b.count_blank_row();
            m_previous = {};
            continue;
        }
        if (!early_dates_hold(row)) {
            m_on_thread->dates_contradicted = true;  // the caller reads the source again
            return;
        }
        read_row(row);
    }
}

void SheetReader::run() {
    if (!find_header()) {
        m_b.close();
        return;
    }
    const Where header_at{m_header_line, 0, m_header_table};
    if (m_header_too_wide) {
        reject_all("row-too-wide",
                   "the header has more than " + std::to_string(k_max_cells) + " columns, the most a spreadsheet has",
                   header_at);
        m_b.close();
        return;
    }
    prepare_values();
    // Fields no row can do without (a type is read from the words when no column gives it).
    if (!m_bind.has(SheetField::Date) || !m_bind.has(SheetField::Summary)) {
        std::string missing;
        for (SheetField f : {SheetField::Date, SheetField::Summary})
            if (!m_bind.has(f)) missing += (missing.empty() ? "" : ", ") + std::string(field_name(f));
        reject_all("column-missing",
                   "no column for " + missing +
                       ": name the columns in a mapping file (columns:) or use headers such as Date and Details",
                   header_at);
        m_b.close();
        return;
    }
    if (is_none(m_agency) && !m_bind.has(SheetField::Agency)) {
        reject_all("agency-missing",
                   "no agency for the rows: add 'agency: NAME' to the mapping or the source in case.yaml, an Agency "
                   "column, or a line '# agency: NAME' above the header",
                   header_at);
        m_b.close();
        return;
    }
    // Rows need their cells only as far as the last column bound to a field; cells further right
    // are extras, kept apart (a hostile workbook's cells in column XFD cost no padding).
    std::uint32_t needed = 1;
    for (const auto& cols : m_bind.columns)
        for (std::uint32_t col : cols) needed = std::max(needed, col + 1);
    for (const auto& [child, col] : m_bind.child_seen_each) needed = std::max(needed, col + 1);
    m_rows.keep_columns(needed);
    scan_dates();
    read_rows();
    m_b.close();
}

}  // namespace

// [SECTION] read_sheet

void read_sheet(Case& c, SourceId source, const std::string& file, SheetSource& rows, SheetMapping mapping,
                std::string_view owned_text, OnThread* on_thread) {
    SheetReader reader(c, source, file, rows, std::move(mapping), owned_text, on_thread);
    reader.run();
}

}  // namespace sightline::formats::detail
