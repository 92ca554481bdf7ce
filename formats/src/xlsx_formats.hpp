// Cell formats shared by every workbook Sightline writes (the chronology, the themes workbook, the
// blank return template), so that their header rows look alike, and like the Word and HTML tables'.
#pragma once

#include <xlsxwriter.h>

#include "sightline/engine/palette.hpp"

namespace sightline::formats::detail {

// A table's header row: bold, shaded, ruled below, wrapped, at the top of its cell.
inline lxw_format* add_header_format(lxw_workbook* book) {
    lxw_format* f = workbook_add_format(book);
    format_set_bold(f);
    format_set_bg_color(f, static_cast<int>(engine::palette::k_table_header));
    format_set_bottom(f, LXW_BORDER_THIN);
    format_set_text_wrap(f);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

}  // namespace sightline::formats::detail
