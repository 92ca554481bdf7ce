// The readers behind load_case (case_reader.cpp), and where each one lives; those declared
// elsewhere name their header. Internal to sightline_formats.
//
//   every source of a case, in turn case_reader.cpp         read_source
//   ... CSV ones on several threads fast/parallel_reader.cpp     read_sources_on_threads
//   case.yaml (the manifest)        manifest_reader.cpp     read_manifest
//   an agency's YAML chronology     agency_file_reader.cpp  read_agency_yaml
//   entries in either of those      yaml_entries.cpp        read_entries (yaml_entries.hpp)
//   a spreadsheet mapping file      sheet_mapping.cpp       read_mapping (sheet_mapping.hpp)
//   a spreadsheet source            spreadsheet.cpp         read_spreadsheet_source
//   CSV and TSV                     csv_reader.cpp          read_csv
//   XLSX                            xlsx_reader.cpp         read_xlsx
//   Word (DOCX)                     docx_reader.cpp         read_docx
//   the rows of any of those three  sheet_reader.cpp        read_sheet (sheet_reader.hpp)
//   their headings                  headings.cpp            recognise_header (headings.hpp)
//   cells written as words          cell_values.cpp         child_seen_from_words (cell_values.hpp)
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "entry_builder.hpp"
#include "sheet_mapping.hpp"
#include "sheet_reader.hpp"
#include "text_encoding.hpp"
#include "sightline/engine/model.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::formats::detail {

// A file name's extension, lowercased, with its dot (".csv"); "" when it has none.
std::string lower_extension(std::string_view path);

// One entry of the manifest's sources: list.
struct SourceSpec {
    std::string file;      // relative to the manifest's folder
    std::string mapping;   // optional mapping file for spreadsheets
    std::string sheet;     // optional sheet name for XLSX
    std::string agency;    // spreadsheets: the agency of every row (overrides the mapping)
    std::string kind;      // spreadsheets: that agency's kind
    std::string area;      // spreadsheets: default area
    std::string date_order;  // spreadsheets: dmy, mdy, ymd or auto
    Where where;           // in the manifest
};

// Whether path (relative to the working folder) resolves outside folder, following "..", and
// symbolic links of the parts that exist.
bool outside_folder(const std::filesystem::path& folder, const std::filesystem::path& path);

// Reads case.yaml into the case (people, relationships, residences, areas, agencies, rules,
// inline entries) and returns the sources it lists.
std::vector<SourceSpec> read_manifest(engine::Case& c, const std::string& file, std::string_view text);

// Reads a native single-agency chronology (case-format §3).
void read_agency_yaml(engine::Case& c, engine::SourceId source, const std::string& file, std::string_view text);

// Reads a CSV (or, with tab, TSV) file's bytes as source `source`.
void read_csv(engine::Case& c, engine::SourceId source, const std::string& file, FileBuffer bytes,
              SheetMapping mapping, bool tab);
// The same from text already decoded (decode_text), read as on_thread says when not null.
void read_csv_text(engine::Case& c, engine::SourceId source, const std::string& file, DecodedText text,
                   SheetMapping mapping, bool tab, OnThread* on_thread = nullptr);
// At most how many CSV records the text holds (line ends plus one): enough slots for its entries.
std::size_t record_bound(std::string_view text);

// Reads an XLSX workbook's sheet (the mapping's, else the first) as source `source`, from the
// file's bytes; `file` names it in diagnostics.
void read_xlsx(engine::Case& c, engine::SourceId source, const std::string& file, std::string_view bytes,
               SheetMapping mapping, const XlsxLimits& limits);

// Reads a Word document's chronology table(s) as source `source`, from the file's bytes (the
// same limits as a workbook's); `file` names it in diagnostics, rows placed as table and row.
void read_docx(engine::Case& c, engine::SourceId source, const std::string& file, std::string_view bytes,
               SheetMapping mapping, const XlsxLimits& limits);

// Reads a spreadsheet source already added to c.sources: finds its mapping (given, else
// <name>.mapping.yaml beside it), applies the overrides, and reads it. `where`/`manifest` place
// problems with the mapping file itself; empty manifest means the sheet's own path.
void read_spreadsheet_source(engine::Case& c, engine::SourceId source, const SpreadsheetOptions& options,
                             const std::string& manifest, Where where);
// The first half of that: the mapping with the overrides applied. False (with a mapping-missing
// error in c) when a named mapping cannot be read and the sheet must not be read.
bool spreadsheet_mapping(engine::Case& c, const SpreadsheetOptions& options, const std::string& manifest, Where where,
                         SheetMapping& mapping);

// Reads one source of the manifest into the case (the reference path: every source read in
// turn, in manifest order, gives the case load_case returns).
void read_source(engine::Case& c, engine::SourceId id, const SourceSpec& spec, const std::filesystem::path& case_dir,
                 const std::string& manifest);
// The options a spreadsheet source is read with: its file, and its mapping and overrides.
SpreadsheetOptions sheet_options(const engine::Source& src, const SourceSpec& spec, const std::filesystem::path& case_dir);
// Reads the sources as read_source does, each in turn, but CSV and TSV ones on several threads
// at once: the same case, entry for entry and diagnostic for diagnostic (the accelerator).
void read_sources_on_threads(engine::Case& c, const std::vector<SourceSpec>& specs, const std::vector<engine::SourceId>& ids,
                             const std::filesystem::path& case_dir, const std::string& manifest, unsigned threads);

}  // namespace sightline::formats::detail
