// XLSX sources: a zip of XML parts (ECMA-376) read with libzip and pugixml (ooxml.hpp), then the
// shared sheet reader.
//
// [SECTION] Strings
// [SECTION] Workbook, relationships, shared strings, styles
// [SECTION] Rows of a worksheet
// [SECTION] read_xlsx
#include <algorithm>
#include <charconv>
#include <cmath>
#include <deque>

#include "ooxml.hpp"
#include "readers.hpp"
#include "text_encoding.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// [SECTION] Strings

// Decodes Excel's _xHHHH_ escapes for characters XML cannot hold (_x000D_ is a carriage return).
void decode_excel_escapes(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            unsigned v = 0;
            const auto [p, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, v, 16);
            if (ec == std::errc{} && p == s.data() + i + 6) {
                append_utf8(out, v);
                i += 6;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    s = std::move(out);
}

// The text of a string item (<si> or <is>): its <t>, or the <t> of each rich-text run <r>;
// phonetic runs (<rPh>) are not part of the text.
std::string string_item(const pugi::xml_node& si) {
    std::string out;
    for (pugi::xml_node c = si.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (local(c) == "t") out += c.text().get();
        else if (local(c) == "r")
            if (const pugi::xml_node t = child(c, "t")) out += t.text().get();
    }
    decode_excel_escapes(out);
    return out;
}

// [SECTION] Workbook, relationships, shared strings, styles

// What a number format shows.
enum class FormatKind : std::uint8_t { Number, Date, Time, DateTime };

// Classifies a custom number format code: d or y (outside quotes, escapes and [..]) mean a
// date; h or s a time; m alone is ambiguous (month or minute) and follows them.
FormatKind classify_format(std::string_view code) {
    // Only the first section (before ';') decides what a positive number shows.
    bool date = false, time = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == ';') break;
        if (c == '"') {
            const std::size_t close = code.find('"', i + 1);
            if (close == std::string_view::npos) break;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is literal (or padding)
        } else if (c == '[') {
            const std::size_t close = code.find(']', i + 1);
            if (close == std::string_view::npos) break;
            const std::string_view inside = code.substr(i + 1, close - i - 1);
            // [h], [mm], [ss]: elapsed time; [Red], [$-809], [<=100]: not date parts.
            if (!inside.empty() && (inside[0] == 'h' || inside[0] == 'H' || inside[0] == 's' || inside[0] == 'S'))
                time = true;
            i = close;
        } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'e') {
            date = true;
        } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
            time = true;
        }
    }
    if (date && time) return FormatKind::DateTime;
    if (date) return FormatKind::Date;
    if (time) return FormatKind::Time;
    return FormatKind::Number;
}

// Built-in number formats (ECMA-376 18.8.30): 14-17 dates, 18-21 and 45-47 times, 22 both.
FormatKind builtin_format(unsigned id) {
    if (id >= 14 && id <= 17) return FormatKind::Date;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return FormatKind::Time;
    if (id == 22) return FormatKind::DateTime;
    return FormatKind::Number;
}

// The kind of each cell style (cellXfs index).
std::vector<FormatKind> read_styles(const pugi::xml_document& doc) {
    std::vector<FormatKind> out;
    const pugi::xml_node root = doc.document_element();
    std::vector<std::pair<unsigned, FormatKind>> custom;
    if (const pugi::xml_node fmts = child(root, "numFmts"))
        for (pugi::xml_node f = fmts.first_child(); f; f = f.next_sibling())
            if (local(f) == "numFmt")
                custom.emplace_back(attribute(f, "numFmtId").as_uint(), classify_format(attribute(f, "formatCode").value()));
    if (const pugi::xml_node xfs = child(root, "cellXfs")) {
        for (pugi::xml_node xf = xfs.first_child(); xf; xf = xf.next_sibling()) {
            if (local(xf) != "xf") continue;
            const unsigned id = attribute(xf, "numFmtId").as_uint();
            FormatKind k = builtin_format(id);
            for (const auto& [cid, ck] : custom)
                if (cid == id) k = ck;
            out.push_back(k);
        }
    }
    return out;
}

// 1-based column of a cell reference ("AB12" -> 28); 0 when malformed.
std::uint32_t column_of(std::string_view ref) {
    std::uint32_t col = 0;
    std::size_t i = 0;
    for (; i < ref.size(); ++i) {
        const char c = ref[i];
        if (c >= 'A' && c <= 'Z') col = col * 26 + static_cast<std::uint32_t>(c - 'A' + 1);
        else if (c >= 'a' && c <= 'z') col = col * 26 + static_cast<std::uint32_t>(c - 'a' + 1);
        else break;
        if (col > 16384) return 0;  // past XFD, Excel's last column
    }
    return i == 0 ? 0 : col;
}

// Sheet names compare without regard to ASCII case, as Excel compares them.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lo = [](char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch; };
        if (lo(a[i]) != lo(b[i])) return false;
    }
    return true;
}

// "14:30" for a fraction of a day: rounded to the second, then shown to the minute as Excel
// shows it (by truncation, so 23:59:59.7 is "00:00" and 14:29:59.999 is "14:30").
std::string time_of_day(double fraction) {
    const auto seconds = static_cast<std::int64_t>(std::llround((fraction - std::floor(fraction)) * 86400.0)) % 86400;
    const std::int64_t minutes = seconds / 60;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
    return buf;
}

// [SECTION] Rows of a worksheet

class XlsxRows final : public SheetSource {
public:
    XlsxRows(const pugi::xml_node& sheet_data, const std::vector<std::string>& shared,
             const std::vector<FormatKind>& styles)
        : m_shared(shared), m_styles(styles) {
        m_first = child(sheet_data, "row");
        m_cursor = m_first;
        m_mark = m_first;
    }

    bool next(SheetRow& row, bool) override {
        while (m_cursor && local(m_cursor) != "row") m_cursor = m_cursor.next_sibling();
        if (!m_cursor) return false;
        const pugi::xml_node r = m_cursor;
        m_cursor = m_cursor.next_sibling();
        const unsigned number = attribute(r, "r").as_uint();
        m_line = number ? number : m_line + 1;
        row.line = m_line;
        row.cells.clear();
        row.beyond.clear();
        row.problem = RowProblem::None;
        std::uint32_t col = 0;
        for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
            if (local(c) != "c") continue;
            const std::uint32_t at = column_of(attribute(c, "r").value());
            col = at ? at : col + 1;
            if (col == 0 || col > k_max_cells) continue;
            if (col > m_keep) {
                const SheetCell far = cell(c);
                if (!trim(far.text).empty()) row.beyond.emplace_back(col - 1, far);
                continue;
            }
            if (row.cells.size() < col) row.cells.resize(col);
            row.cells[col - 1] = cell(c);
        }
        if (!row.beyond.empty()) {
            // In column order, the last of a column written twice winning (as in row.cells).
            std::stable_sort(row.beyond.begin(), row.beyond.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            std::size_t kept = 0;
            for (std::size_t k = 0; k < row.beyond.size(); ++k) {
                if (k + 1 < row.beyond.size() && row.beyond[k + 1].first == row.beyond[k].first) continue;
                row.beyond[kept++] = row.beyond[k];
            }
            row.beyond.resize(kept);
        }
        return true;
    }
    void keep_columns(std::uint32_t count) override { m_keep = std::max<std::uint32_t>(count, 1); }
    void mark() override {
        m_mark = m_cursor;
        m_mark_line = m_line;
    }
    void rewind() override {
        m_cursor = m_mark;
        m_line = m_mark_line;
    }
    [[nodiscard]] Places places() const override { return Places::Cells; }
    [[nodiscard]] bool fixed_width() const override { return false; }

private:
    std::string_view keep(std::string text) { return m_owned.emplace_back(std::move(text)); }

    SheetCell cell(const pugi::xml_node& c) {
        SheetCell out;
        const std::string_view type = attribute(c, "t").value();
        const pugi::xml_node v = child(c, "v");
        const std::string_view value = v ? std::string_view(v.text().get()) : std::string_view{};
        if (type == "s") {
            const unsigned i = v.text().as_uint(0xFFFFFFFFu);
            if (i < m_shared.size()) out.text = m_shared[i];
            return out;
        }
        if (type == "inlineStr") {
            if (const pugi::xml_node is = child(c, "is")) out.text = keep(string_item(is));
            return out;
        }
        if (type == "str" || type == "e") {
            std::string s(value);
            decode_excel_escapes(s);
            out.text = keep(std::move(s));
            return out;
        }
        if (type == "b") {
            out.kind = CellKind::Bool;
            out.text = value == "1" ? "TRUE" : "FALSE";
            return out;
        }
        if (type == "d") {
            // An ISO 8601 date (strict OOXML); midnight means a date without a time.
            std::string s(value);
            if (s.size() > 10 && s.substr(10) == "T00:00:00") s.resize(10);
            out.text = keep(std::move(s));
            return out;
        }
        if (value.empty()) return out;
        // A number: typed as a date or time by its style's number format.
        out.text = value;
        double number = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (ec != std::errc{}) return out;
        out.number = number;
        out.kind = CellKind::Number;
        const unsigned style = attribute(c, "s").as_uint();
        const FormatKind fk = style < m_styles.size() ? m_styles[style] : FormatKind::Number;
        if (fk == FormatKind::Date) out.kind = CellKind::Date;
        else if (fk == FormatKind::DateTime) out.kind = number < 1.0 ? CellKind::Time : CellKind::DateTime;
        else if (fk == FormatKind::Time) {
            out.kind = CellKind::Time;
            out.text = keep(time_of_day(number));
        }
        if (out.kind == CellKind::Time && fk == FormatKind::DateTime) out.text = keep(time_of_day(number));
        return out;
    }

    const std::vector<std::string>& m_shared;
    const std::vector<FormatKind>& m_styles;
    std::deque<std::string> m_owned;  // decoded inline strings and times
    std::uint32_t m_keep = static_cast<std::uint32_t>(k_max_cells);  // columns stored densely
    pugi::xml_node m_first, m_cursor, m_mark;
    std::uint32_t m_line = 0, m_mark_line = 0;
};

}  // namespace

// [SECTION] read_xlsx

void read_xlsx(Case& c, SourceId source, const std::string& file, std::string_view bytes, SheetMapping mapping,
               const XlsxLimits& limits) {
    std::optional<PackageFailure> failure;
    auto fail = [&](const PackageFailure& f) {
        c.diagnostics.add(Severity::Error, file, 0, 0, f.code, "cannot read '" + file + "' as a workbook: " + f.message);
    };
    ZipParts zip(bytes, limits, "xlsx", "workbook");
    if (!zip.ok()) {
        fail({"xlsx-invalid", "not an xlsx file (" + zip.open_error() + ")"});
        return;
    }
    // The workbook: its sheets in order, and the date system.
    std::optional<std::string> workbook_text = zip.read("xl/workbook.xml", failure);
    if (!workbook_text) return fail(*failure);
    std::optional<pugi::xml_document> workbook = zip.parse(*workbook_text, "xl/workbook.xml", failure);
    if (!workbook) return fail(*failure);
    const pugi::xml_node wb = workbook->document_element();
    if (const pugi::xml_node pr = child(wb, "workbookPr")) {
        const std::string_view d1904 = attribute(pr, "date1904").value();
        mapping.date_1904 = d1904 == "1" || d1904 == "true";
    }
    std::optional<std::string> rels_text = zip.read("xl/_rels/workbook.xml.rels", failure);
    if (!rels_text) return fail(*failure);
    std::optional<pugi::xml_document> rels = zip.parse(*rels_text, "xl/_rels/workbook.xml.rels", failure);
    if (!rels) return fail(*failure);
    auto target_of = [&](std::string_view id) { return relationship_target(*rels, id, "xl/"); };
    std::string part, names;
    std::string chosen;
    const pugi::xml_node sheets = child(wb, "sheets");
    for (pugi::xml_node s = sheets ? sheets.first_child() : pugi::xml_node{}; s; s = s.next_sibling()) {
        if (local(s) != "sheet") continue;
        const std::string name = attribute(s, "name").value();
        const std::string target = target_of(attribute(s, "id").value());
        if (target.find("worksheets/") == std::string::npos) continue;  // a chart sheet
        names += (names.empty() ? "'" : ", '") + name + "'";
        const bool wanted = mapping.sheet.empty() || same_name(name, mapping.sheet);
        if (wanted && part.empty()) {
            part = target;
            chosen = name;
        }
    }
    if (part.empty()) {
        if (mapping.sheet.empty()) fail({"xlsx-invalid", "the workbook has no worksheet"});
        else
            c.diagnostics.add(Severity::Error, file, 0, 0, "sheet-missing",
                              "no sheet '" + mapping.sheet + "' in '" + file + "'; its sheets are " + names);
        return;
    }
    // Shared strings and styles are optional parts.
    std::vector<std::string> shared;
    if (zip.has("xl/sharedStrings.xml")) {
        std::optional<std::string> text = zip.read("xl/sharedStrings.xml", failure);
        if (!text) return fail(*failure);
        std::optional<pugi::xml_document> doc = zip.parse(*text, "xl/sharedStrings.xml", failure);
        if (!doc) return fail(*failure);
        for (pugi::xml_node si = doc->document_element().first_child(); si; si = si.next_sibling())
            if (local(si) == "si") shared.push_back(string_item(si));
    }
    std::vector<FormatKind> styles;
    if (zip.has("xl/styles.xml")) {
        std::optional<std::string> text = zip.read("xl/styles.xml", failure);
        if (!text) return fail(*failure);
        std::optional<pugi::xml_document> doc = zip.parse(*text, "xl/styles.xml", failure);
        if (!doc) return fail(*failure);
        styles = read_styles(*doc);
    }
    std::optional<std::string> sheet_text = zip.read(part, failure);
    if (!sheet_text) return fail(*failure);
    std::optional<pugi::xml_document> sheet = zip.parse(*sheet_text, part, failure);
    if (!sheet) return fail(*failure);
    const pugi::xml_node data = child(sheet->document_element(), "sheetData");
    if (!data) return fail({"xlsx-invalid", "sheet '" + chosen + "' has no sheetData"});
    XlsxRows rows(data, shared, styles);
    read_sheet(c, source, file, rows, std::move(mapping));
}

}  // namespace sightline::formats::detail
