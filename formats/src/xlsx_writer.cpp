// The integrated chronology as XLSX, through libxlsxwriter in constant-memory mode (rows are
// streamed to disk, strings written inline, never as formulas).
//
// [SECTION] Cell text
// [SECTION] Workbook
#include "sightline/formats/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <array>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/io.hpp"
#include "xlsx_formats.hpp"

namespace sightline::formats {

using namespace sightline::engine;

// [SECTION] Cell text

std::vector<std::string_view> split_cell_text(std::string_view text, std::size_t max_chars) {
    std::vector<std::string_view> out;
    while (!text.empty()) {
        // Find the byte where max_chars characters end.
        std::size_t bytes = 0, chars = 0;
        while (bytes < text.size() && chars < max_chars) {
            ++bytes;
            while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
            ++chars;
        }
        if (bytes >= text.size()) {
            out.push_back(text);
            break;
        }
        // Prefer to break after a space in the last tenth of the piece.
        std::size_t cut = bytes;
        const std::size_t window = std::max<std::size_t>(1, bytes / 10);
        for (std::size_t i = bytes; i > bytes - window; --i)
            if (text[i - 1] == ' ' || text[i - 1] == '\n') {
                cut = i;
                break;
            }
        out.push_back(text.substr(0, cut));
        text.remove_prefix(cut);
    }
    if (out.empty()) out.emplace_back();
    return out;
}

namespace {

// [SECTION] Workbook

enum Column : lxw_col_t {
    k_number, k_date, k_agency, k_kind, k_area, k_type, k_summary, k_other, k_people, k_seen, k_to, k_ref, k_source,
    k_id, k_notes, k_columns
};

struct ColumnSpec {
    const char* header;
    double width;  // characters
};

constexpr std::array<ColumnSpec, k_columns> k_spec = {{
    {"No.", 6}, {"Date", 18}, {"Agency", 28}, {"Agency kind", 18}, {"Area", 14}, {"Type", 18}, {"Summary", 70},
    {"Other fields", 40}, {"People", 24}, {"Child seen", 16}, {"Informed", 24}, {"Ref", 14}, {"Source", 26}, {"Id", 16},
    {"Review notes", 40},
}};

class Writer {
public:
    Writer(const Case& c, const std::string& path, const std::string& temp, Diagnostics& warnings,
           const XlsxWriteOptions& o)
        : m_case(c), m_path(path), m_warnings(warnings), m_options(o) {
        lxw_workbook_options wo{};
        wo.constant_memory = LXW_TRUE;
        m_book = workbook_new_opt(temp.c_str(), &wo);
        if (!m_book) fail_unwritable(path, "libxlsxwriter could not start a workbook");
        m_header = detail::add_header_format(m_book);
        m_top = workbook_add_format(m_book);
        format_set_align(m_top, LXW_ALIGN_VERTICAL_TOP);
        m_wrap = workbook_add_format(m_book);
        format_set_text_wrap(m_wrap);
        format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
        for (std::size_t i = 0; i < m_seen.size(); ++i) {
            const CellColours colours = seen_cell_colours(static_cast<SeenColour>(i));
            m_seen[i] = workbook_add_format(m_book);
            format_set_bg_color(m_seen[i], colours.fill);
            format_set_font_color(m_seen[i], colours.text);
            format_set_align(m_seen[i], LXW_ALIGN_VERTICAL_TOP);
        }
    }
    ~Writer() {
        if (m_book) workbook_close(m_book);  // only after a failure: frees the workbook
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void write() {
        const Chronology& ch = m_case.chronology;
        std::array<std::string, k_columns> cells;
        std::size_t number = 0;
        // The dated entries on "Chronology", then those the agencies could not date on "Undated".
        const auto write_rows = [&](const auto& entries) {
            for (const Entry& e : entries) {
                ++number;
                cells[k_number] = std::to_string(number);
                cells[k_date] = e.undated ? std::string(e.date_text.empty() ? "undated" : e.date_text) : format_date(e.date);
                cells[k_agency] = std::string(m_case.agency_name(e.agency));
                const AgencyKind kind = m_case.agency_kind(e.agency);
                cells[k_kind] = kind == AgencyKind::Unknown ? std::string() : std::string(to_string(kind));
                cells[k_area] = std::string(m_case.area_name(e.area));
                cells[k_type] = type_text(e);
                cells[k_summary] = std::string(e.summary);
                cells[k_other] = other_fields_text(ch, e);
                cells[k_people] = people_text(m_case, e);
                cells[k_seen] = child_seen_text(m_case, e);
                cells[k_to].clear();
                for (AgencyId a : ch.to_of(e)) {
                    if (!cells[k_to].empty()) cells[k_to] += "; ";
                    cells[k_to] += m_case.agency_name(a);
                }
                cells[k_ref] = std::string(e.ref);
                cells[k_source] = source_text(m_case, e);
                cells[k_id] = entry_id(e);
                cells[k_notes].clear();
                write_entry(e, cells);
            }
        };
        write_rows(ch.entries);
        if (!m_sheet) start_sheet();  // an empty chronology still gets its header
        if (!ch.undated.empty()) {
            finish_sheet();
            m_title = "Undated";
            m_sheets = 0;
            start_sheet();
            write_rows(ch.undated);
        }
        finish_sheet();
        const lxw_error err = workbook_close(m_book);
        m_book = nullptr;
        if (err != LXW_NO_ERROR) fail_unwritable(m_path, lxw_strerror(err));
    }

private:
    void start_sheet() {
        ++m_sheets;
        const std::string name = m_sheets == 1 ? m_title : m_title + " (" + std::to_string(m_sheets) + ")";
        m_sheet = workbook_add_worksheet(m_book, name.c_str());
        if (!m_sheet) fail_unwritable(m_path, "libxlsxwriter could not add a worksheet");
        for (lxw_col_t col = 0; col < k_columns; ++col) {
            worksheet_set_column(m_sheet, col, col, k_spec[col].width,
                                 col == k_summary || col == k_other || col == k_notes ? m_wrap : m_top);
            worksheet_write_string(m_sheet, 0, col, k_spec[col].header, m_header);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_row = 1;
    }

    void finish_sheet() {
        if (m_sheet && m_row > 0) worksheet_autofilter(m_sheet, 0, 0, m_row - 1, k_columns - 1);
    }

    // Writes one entry on one row, or more when a cell is too long for Excel.
    void write_entry(const Entry& e, const std::array<std::string, k_columns>& cells) {
        std::array<std::vector<std::string_view>, k_columns> pieces;
        std::size_t rows = 1;
        for (lxw_col_t col = 0; col < k_columns; ++col) {
            pieces[col] = split_cell_text(cells[col], m_options.max_cell_chars);
            if (pieces[col].size() > 1) {
                rows = std::max(rows, pieces[col].size());
                warn_split(e, k_spec[col].header, cells[col], pieces[col].size());
            }
        }
        // An entry is never split across sheets.
        if (!m_sheet || m_row + rows > m_options.max_rows_per_sheet) {
            finish_sheet();
            start_sheet();
        }
        lxw_format* seen = m_seen[static_cast<std::size_t>(seen_colour(m_case, e))];
        for (std::size_t r = 0; r < rows; ++r) {
            for (lxw_col_t col = 0; col < k_columns; ++col) {
                std::string_view text;
                if (r < pieces[col].size()) text = pieces[col][r];
                else if (col == k_number || col == k_date || col == k_agency || col == k_id) text = pieces[col][0];
                else if (col == k_type) text = "(continued)";
                if (text.empty()) {
                    if (col == k_seen && r == 0) worksheet_write_blank(m_sheet, m_row, col, seen);
                    continue;
                }
                const std::string owned(text);  // libxlsxwriter wants NUL-terminated strings
                lxw_format* f = col == k_seen ? seen : (col == k_summary || col == k_other ? m_wrap : m_top);
                const lxw_error err = worksheet_write_string(m_sheet, m_row, col, owned.c_str(), f);
                if (err != LXW_NO_ERROR) fail_unwritable(m_path, lxw_strerror(err));
            }
            ++m_row;
        }
    }

    void warn_split(const Entry& e, const char* column, const std::string& text, std::size_t pieces) {
        std::size_t chars = 0;
        for (const char ch : text) chars += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        const std::string file = is_none(e.where.source) ? m_path : m_case.sources[index_of(e.where.source)].path;
        m_warnings.add(Severity::Warning, file, e.where.line, 0, "cell-split",
                       std::string("the ") + column + " of entry " + entry_id(e) + " has " + std::to_string(chars) +
                           " characters, more than an excel cell holds (" + std::to_string(m_options.max_cell_chars) +
                           "); it continues on " + std::to_string(pieces - 1) + " more row" + (pieces > 2 ? "s" : "") +
                           " of '" + m_path + "'");
    }

    const Case& m_case;
    const std::string& m_path;
    Diagnostics& m_warnings;
    XlsxWriteOptions m_options;
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_header = nullptr;
    lxw_format* m_top = nullptr;
    lxw_format* m_wrap = nullptr;
    std::array<lxw_format*, 3> m_seen{};
    lxw_row_t m_row = 0;
    int m_sheets = 0;                     // sheets of the current title
    std::string m_title = "Chronology";   // then "Undated"
};

}  // namespace

void write_chronology_xlsx(const Case& c, const std::string& path, Diagnostics& warnings,
                           const XlsxWriteOptions& options) {
    AtomicPath out(path);
    {
        Writer w(c, path, out.temp_path(), warnings, options);
        w.write();
    }
    out.commit();
}

}  // namespace sightline::formats
