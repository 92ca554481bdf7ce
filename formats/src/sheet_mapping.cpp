// Mappings (see sheet_mapping.hpp): layering them.
#include "sheet_mapping.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

void SheetMapping::fill_from(const SheetMapping& lower) {
    if (agency.empty() && !lower.agency.empty()) {
        agency = lower.agency;
        agency_where = lower.agency_where;
    }
    if (kind.empty() && !lower.kind.empty()) {
        kind = lower.kind;
        kind_file = lower.kind_file;
        kind_where = lower.kind_where;
    }
    if (area.empty()) area = lower.area;
    if (!date_order) date_order = lower.date_order;
    if (!date_1904) date_1904 = lower.date_1904;
    if (sheet.empty()) sheet = lower.sheet;
    if (header_row == 0) {
        header_row = lower.header_row;
        header_row_where = lower.header_row_where;
    }
    if (delimiter == 0) delimiter = lower.delimiter;
    for (std::size_t i = 0; i < k_sheet_field_count; ++i) {
        if (columns[i].empty()) columns[i] = lower.columns[i];
        if (values[i].empty()) values[i] = lower.values[i];
    }
    if (child_seen_columns.empty()) child_seen_columns = lower.child_seen_columns;
}

}  // namespace sightline::formats::detail
