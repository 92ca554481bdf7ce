// Rows of a spreadsheet as the readers see them: CSV records and XLSX rows alike.
// Internal to sightline_formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sightline::formats::detail {

// What a cell holds. CSV cells are all Text; XLSX cells are typed by their value and number format.
enum class CellKind : std::uint8_t { Text, Number, Bool, Date, Time, DateTime };

// One cell. Views stay valid until the reader is destroyed (CSV: into the file buffer).
struct SheetCell {
    std::string_view text;            // as written; for numbers and serials, the stored number
    double number = 0;                // Number, Date, Time, DateTime: the value (Excel serial for dates)
    CellKind kind = CellKind::Text;
};

// A problem the tokenizer found in a row's syntax.
enum class RowProblem : std::uint8_t { None, UnterminatedQuote, TextAfterQuote, TooManyCells };

// The most cells a row may have: Excel's last column is XFD, the 16,384th. A CSV row with more is
// no spreadsheet's; its cells past the limit are not kept (so a hostile row costs no memory).
inline constexpr std::size_t k_max_cells = 16384;

// One row.
struct SheetRow {
    std::uint32_t line = 0;           // CSV: physical line where the record starts; XLSX, DOCX: the row number
    std::uint32_t table = 0;          // DOCX: the 1-based table the row is in (its row number is `line`)
    std::vector<SheetCell> cells;     // by column from the first; sparse XLSX rows are padded with empty cells
    std::vector<std::pair<std::uint32_t, SheetCell>> beyond;  // XLSX: non-empty cells past the columns kept
                                                              // (0-based column, cell), in column order
    RowProblem problem = RowProblem::None;
    std::uint32_t problem_column = 0; // 1-based column of the problem
    bool skip = false;                // DOCX: not data (a title above the header, a header repeated on
                                      // a later page, a heading across the table): counted as skipped
};

// A sequence of rows that can be read twice from a mark (once to decide date columns, once
// to build entries).
class SheetSource {
public:
    virtual ~SheetSource() = default;
    // Reads the next row; false at the end. With scan_only, cells may keep CSV escapes (a
    // read-only pass that looks at dates only).
    virtual bool next(SheetRow& row, bool scan_only) = 0;
    // Remembers the current place (just after the header).
    virtual void mark() = 0;
    // Goes back to the mark.
    virtual void rewind() = 0;
    // How messages name a place: CSV by line (the place is in the file:line:col prefix), XLSX by
    // cell ("in cell B14"), a Word table by its column's heading ("in column 'Date'").
    enum class Places : std::uint8_t { Lines, Cells, Columns };
    [[nodiscard]] virtual Places places() const = 0;
    // True for CSV: every row must have as many cells as the header.
    [[nodiscard]] virtual bool fixed_width() const = 0;
    // From now on, cells past the first `count` columns may go to row.beyond instead of being
    // padded into row.cells (XLSX: a cell in column XFD would otherwise pad a row to 16,384).
    virtual void keep_columns(std::uint32_t count) { (void)count; }
};

// "A", "B", ..., "Z", "AA", ... for a 1-based column number.
std::string column_letters(std::uint32_t column);
// "B14".
std::string cell_name(std::uint32_t row, std::uint32_t column);

}  // namespace sightline::formats::detail
