// Spreadsheet rows to entries (sheet_reader.cpp), shared by the CSV, XLSX and Word readers so
// that all of them behave exactly like the native YAML reader (through EntryBuilder). With it
// come what those readers need of a sheet: its headings (headings.hpp) and its mapping
// (sheet_mapping.hpp). Internal to sightline_formats.
#pragma once

#include <string>
#include <string_view>

#include "entry_builder.hpp"
#include "headings.hpp"
#include "sheet.hpp"
#include "sheet_mapping.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// Reads the rows of a sheet into the case's chronology as source `source`, and records the
// source's counts. Cell text inside owned_text is already owned by the chronology's TextStore.
// on_thread, when not null, says how a source read on one of several threads is read.
void read_sheet(engine::Case& c, engine::SourceId source, const std::string& file, SheetSource& rows,
                SheetMapping mapping, std::string_view owned_text = {}, OnThread* on_thread = nullptr);

}  // namespace sightline::formats::detail
