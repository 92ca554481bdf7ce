// The text of each column of the integrated chronology, one home for every writer (CSV,
// Markdown, XLSX, DOCX, HTML), the reports and the viewer, so an entry reads the same everywhere.
#pragma once

#include <cstdint>
#include <string>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// "Riley: seen; Skye: not recorded" (or just "Seen" for one index child).
std::string child_seen_text(const engine::Case& c, const engine::Entry& e);
// People named in the entry, by name, separated by "; ".
std::string people_text(const engine::Case& c, const engine::Entry& e);
// "agencies/police.csv:14", or for a Word table "agencies/police.docx:table 2:row 14".
std::string source_text(const engine::Case& c, const engine::Entry& e);
// The date's canonical text; for an undated entry "undated (Not known)", with what was written.
std::string date_text(const engine::Entry& e);
// The type as a reader would say it: "Home visit", the free word as written, or "Home visit
// (inferred)" when it was read from the words (engine::type_label, which the viewer's filter
// matches too).
std::string type_text(const engine::Entry& e);
// The entry's fields outside the format ("Action taken / outcome: ..."), one per line.
std::string other_fields_text(const engine::Chronology& ch, const engine::Entry& e);

// How a child-seen cell is coloured: green when every index child was seen, amber when one was
// not, grey when it was not recorded.
enum class SeenColour : std::uint8_t { Seen, NotSeen, NotRecorded };
SeenColour seen_colour(const engine::Case& c, const engine::Entry& e);
// Its background and text colours (0xRRGGBB).
struct CellColours {
    std::uint32_t fill = 0;
    std::uint32_t text = 0;
};
CellColours seen_cell_colours(SeenColour s);

}  // namespace sightline::formats
