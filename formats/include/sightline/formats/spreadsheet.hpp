// Tables in: CSV, TSV and XLSX spreadsheets and Word (DOCX) returns, single-agency chronologies
// read through a mapping or by their headings (case-format §6).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// Refusals for hostile XLSX files (a zip bomb expands a few kilobytes into gigabytes).
struct XlsxLimits {
    std::uint64_t max_part_bytes = 512ull << 20;    // one uncompressed part (a sheet, the shared strings)
    std::uint64_t max_total_bytes = 1ull << 30;     // all parts read, uncompressed
};

// How to read one spreadsheet. Empty strings mean "not given".
struct SpreadsheetOptions {
    std::string path;        // the file, as diagnostics name it
    std::string mapping;     // mapping file; empty: <name>.mapping.yaml beside the sheet when there is one
    std::string sheet;       // XLSX sheet name (overrides the mapping's); empty: the first sheet
    std::string agency;      // the agency of every row (overrides the mapping's)
    std::string kind;        // that agency's kind
    std::string area;        // default area
    std::string date_order;  // dmy, mdy, ymd or auto (overrides the mapping's)
    XlsxLimits limits;
};

// Reads a spreadsheet into a case as one more source (as load_case does for each source it
// lists) and returns its id. Problems become diagnostics; nothing throws for bad input.
engine::SourceId read_spreadsheet(engine::Case& c, const SpreadsheetOptions& options);

// True for the file names read_spreadsheet reads: *.csv, *.tsv, *.xlsx, *.docx (any case).
bool is_spreadsheet(std::string_view path);

}  // namespace sightline::formats
