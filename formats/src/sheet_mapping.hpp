// Mappings (case-format §6): which column holds which field, what a sheet's values mean, and
// the agency, kind, area and day/month order of its rows. A mapping comes from a mapping file
// (read here), from the manifest's source item or the command line, and from `# key: value`
// lines above a sheet's header; fill_from layers them. Internal to sightline_formats.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entry_builder.hpp"
#include "headings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// A column named in a mapping, and where the mapping named it.
struct ColumnName {
    std::string header;
    Where where;
};

// A mapping (case-format §6), from a mapping file, the manifest's source item, or `# key: value`
// lines above the header. Empty strings mean "not given".
struct SheetMapping {
    std::string file;                          // the mapping file, for diagnostics ("" when none)
    std::string agency;                        // the agency of every row (or of rows whose agency cell is empty)
    Where agency_where;
    std::string kind;                          // the agency's kind
    std::string kind_file;                     // the file that gave the kind (for diagnostics)
    Where kind_where;
    std::string area;                          // default area
    std::optional<engine::DateOrder> date_order;  // dmy, mdy, ymd; nullopt or Auto: decide per column
    std::optional<bool> date_1904;             // serial numbers in CSV: the 1904 system
    std::string sheet;                         // XLSX sheet name
    std::uint32_t header_row = 0;              // 1-based row of the header; 0: the first non-blank, non-comment row
    Where header_row_where;
    char delimiter = 0;                        // 0: by extension (',' or tab)
    std::array<std::vector<ColumnName>, k_sheet_field_count> columns;  // several for summary
    std::vector<std::pair<std::string, ColumnName>> child_seen_columns; // per index child: (child, column)
    std::array<std::vector<std::pair<std::string, std::string>>, k_sheet_field_count> values;  // (as written, meaning)

    // Fills what this mapping leaves unset from another (lower-precedence) mapping.
    void fill_from(const SheetMapping& lower);
};

// Reads a spreadsheet mapping file (case-format §6); problems become diagnostics in the case.
SheetMapping read_mapping(engine::Case& c, const std::string& file, std::string_view text);

}  // namespace sightline::formats::detail
