// Spreadsheet rows to entries: mappings (case-format §6), header recognition, per-column
// day/month order, values maps, and accounting. Shared by the CSV and XLSX readers so that
// both behave exactly like the native YAML reader (through EntryBuilder).
// Internal to sightline_formats.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entry_builder.hpp"
#include "sheet.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// Entry fields a column can be mapped to.
enum class SheetField : std::uint8_t {
    Ref, Date, Time, Type, Summary, Subjects, ChildSeen, ViewsSought, Modality, Practitioner, To, Area,
    Seq, End, Tags, Agency
};
inline constexpr std::size_t k_sheet_field_count = static_cast<std::size_t>(SheetField::Agency) + 1;

// The field's name in mappings ("child_seen").
std::string_view field_name(SheetField f);
std::optional<SheetField> parse_sheet_field(std::string_view name);

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

// Reads the rows of a sheet into the case's chronology as source `source`, and records the
// source's counts. Cell text inside owned_text is already owned by the chronology's TextStore.
// With slots, entries go there instead of being appended (see EntrySlots).
void read_sheet(engine::Case& c, engine::SourceId source, const std::string& file, SheetSource& rows,
                SheetMapping mapping, std::string_view owned_text = {}, EntrySlots* slots = nullptr);

// The normal form of a header for recognition: lowercase letters and digits, single spaces
// ("Child seen (Y/N)" -> "child seen y n").
std::string header_key(std::string_view header);
// The field a header means without a mapping ("Date of contact" -> date), if any.
std::optional<SheetField> recognise_header(std::string_view header);

// A template's column of more text about an event ("Action taken / outcome", "Impact"): kept as a
// named field without a warning.
bool recognise_text_header(std::string_view header);

// A child-seen cell written as a sentence ("Yes - seen alone in her room", "No, at nursery",
// "N/A"): its verdict from its first words; nullopt when they say neither.
std::optional<engine::ChildSeen> child_seen_from_words(std::string_view text);
// A yes/no cell written as a sentence ("No - too young to say"); nullopt when it says neither.
std::optional<bool> yes_no_from_words(std::string_view text);

// Reads text like "42180" or "42180.5" as an Excel serial day number (at least five digits
// before any fraction, so that "2015" stays a year).
std::optional<double> serial_number(std::string_view text);

}  // namespace sightline::formats::detail
