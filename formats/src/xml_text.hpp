// Text as XML character data, for every writer of XML (Word documents, SVG). Internal to
// sightline_formats.
#pragma once

#include <string>
#include <string_view>

namespace sightline::formats::detail {

// Appends text escaped for XML character data and attribute values: & < > " as entities, and
// control characters other than tab (which XML 1.0 cannot hold) as spaces.
void append_xml_text(std::string& out, std::string_view text);

// The same, as a new string.
inline std::string xml_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_xml_text(out, text);
    return out;
}

}  // namespace sightline::formats::detail
