// Headings: which column heading means which entry field. THIS is the place a heading is
// recognised, for CSV, TSV, XLSX and Word returns alike (the sheet reader binds columns with it,
// the Word reader finds its chronology tables with it), and the templates agencies fill in write
// only headings it recognises. Internal to sightline_formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline::formats::detail {

// Entry fields a column can be mapped to.
enum class SheetField : std::uint8_t {
    Ref, Date, Time, Type, Summary, Subjects, ChildSeen, ViewsSought, Modality, Practitioner, To, Area,
    Seq, End, Tags, Agency
};
inline constexpr std::size_t k_sheet_field_count = static_cast<std::size_t>(SheetField::Agency) + 1;

// The field's name in mappings ("child_seen").
std::string_view field_name(SheetField f);
// The field a mapping names ("child_seen" -> ChildSeen), if any.
std::optional<SheetField> parse_sheet_field(std::string_view name);

// The normal form of a header for recognition: lowercase letters and digits, single spaces
// ("Child seen (Y/N)" -> "child seen y n").
std::string header_key(std::string_view header);
// The field a header means without a mapping ("Date of contact" -> date), if any.
std::optional<SheetField> recognise_header(std::string_view header);

// A template's column of more text about an event ("Action taken / outcome", "Impact"): kept as a
// named field without a warning.
bool recognise_text_header(std::string_view header);

}  // namespace sightline::formats::detail
