// Spreadsheets out: the integrated chronology as an XLSX workbook (libxlsxwriter).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// Excel's limits, lowered by tests to exercise what happens past them.
struct XlsxWriteOptions {
    std::uint32_t max_rows_per_sheet = 1048576;  // rows per worksheet, header included
    std::size_t max_cell_chars = 32767;          // characters per cell
};

// Writes the integrated chronology to path (atomically): one row per entry with dates as
// written (precision kept), agency, area, type, summary, people, child seen (coloured), source,
// id and an empty "Review notes" column; frozen header and autofilter. Past max_rows_per_sheet it
// continues on "Chronology (2)", ...; a cell over max_cell_chars continues on the rows below,
// with a `cell-split` warning added to warnings. Throws engine::Error when it cannot write.
void write_chronology_xlsx(const engine::Case& c, const std::string& path, engine::Diagnostics& warnings,
                           const XlsxWriteOptions& options = {});

// Splits text into pieces of at most max_chars characters (UTF-8 code points), at a space near
// the end of each piece when there is one. Text that fits is one piece.
std::vector<std::string_view> split_cell_text(std::string_view text, std::size_t max_chars);

}  // namespace sightline::formats
