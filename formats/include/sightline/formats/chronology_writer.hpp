// Writing the integrated chronology, one source file per format (chronology_csv.cpp,
// chronology_json.cpp, chronology_markdown.cpp, chronology_document.cpp for Word and HTML); the column texts they share are in columns.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// `sightline merge --format json`: {"sightline":1, "case", "entries", "diagnostics", "sources"}.
void write_merge_json(const engine::Case& c, std::string& out);
// One row per entry with the columns a reviewer expects, and an empty "Review notes" column.
// A cell a spreadsheet would run as a formula (its first character =, +, -, @, a tab or a
// carriage return) is written with an apostrophe before it, which Sightline's CSV reader takes
// off again (docs/security.md); CsvFormulas::Raw writes every cell as it is (`merge --csv-raw`,
// for programs rather than spreadsheets).
enum class CsvFormulas : std::uint8_t { Guarded, Raw };
void write_chronology_csv(const engine::Case& c, std::string& out, CsvFormulas formulas = CsvFormulas::Guarded);
// The same, in pieces of about a megabyte handed to `write` in order, formatted on `threads`
// threads (0: one per core): a million rows never sit in memory as one string.
void write_chronology_csv(const engine::Case& c, const std::function<void(std::string_view)>& write,
                          unsigned threads = 0, CsvFormulas formulas = CsvFormulas::Guarded);
void write_chronology_markdown(const engine::Case& c, std::string& out);
// A Word document (A4 landscape): one table row per entry under a header row repeated on every
// page (date as written, agency in its colour, area, type, summary, people, child seen coloured,
// source, id, review notes), undated entries in their own section. Written atomically; throws
// engine::Error when it cannot.
void write_chronology_docx(const engine::Case& c, const std::string& path);
// The same as one self-contained HTML page.
void write_chronology_html(const engine::Case& c, const std::string& path);

// Appends text made safe for a Markdown table cell (| escaped, line breaks as <br>).
void append_markdown_cell(std::string& out, std::string_view cell);

// Writes the diagnostics array (used by merge, check and genogram JSON).
class JsonWriter;
void write_diagnostics_json(const engine::Case& c, JsonWriter& w);
void write_diagnostics_json(const engine::Diagnostics& diagnostics, JsonWriter& w);

}  // namespace sightline::formats
