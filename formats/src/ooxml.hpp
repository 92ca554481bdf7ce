// Office Open XML packages (XLSX workbooks, DOCX documents): the zip with its size guards, and
// the XML helpers both readers use. Internal to sightline_formats.
#pragma once

#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "sightline/formats/spreadsheet.hpp"

struct zip;

namespace sightline::formats::detail {

// Why a package cannot be read: a code ("xlsx-invalid", "docx-too-large") and a message.
struct PackageFailure {
    std::string code;
    std::string message;
};

// A library's message in our style: lowercase first letter ("Not a zip archive" -> "not a zip archive").
std::string lowercase_first(std::string s);

// An open package. Every part read counts towards the limits, by what it really expands to, not
// by what its header claims (a zip bomb expands a few kilobytes into gigabytes).
class ZipParts {
public:
    // bytes must outlive the archive. format names the codes ("xlsx" gives xlsx-invalid and
    // xlsx-too-large); noun names the whole in messages ("workbook", "document").
    ZipParts(std::string_view bytes, const XlsxLimits& limits, std::string format, std::string noun);
    ~ZipParts();
    ZipParts(const ZipParts&) = delete;
    ZipParts& operator=(const ZipParts&) = delete;

    [[nodiscard]] bool ok() const { return m_zip != nullptr; }
    [[nodiscard]] const std::string& open_error() const { return m_open_error; }
    [[nodiscard]] bool has(const std::string& name) const;
    // Reads a part into a buffer; nullopt with failure set when it cannot.
    std::optional<std::string> read(const std::string& name, std::optional<PackageFailure>& failure);
    // Parses a part read with read() (in place: the document points into text).
    std::optional<pugi::xml_document> parse(std::string& text, const std::string& name,
                                            std::optional<PackageFailure>& failure) const;
    // "<format>-invalid".
    [[nodiscard]] std::string invalid() const { return m_format + "-invalid"; }

private:
    bool too_big(const std::string& name, std::uint64_t size, std::optional<PackageFailure>& failure) const;

    XlsxLimits m_limits;
    std::string m_format, m_noun;
    ::zip* m_zip = nullptr;
    std::string m_open_error;
    std::uint64_t m_total = 0;
};

// An element's name without its namespace prefix ("x:row" -> "row").
std::string_view local(const pugi::xml_node& n);
// The first child element with that local name.
pugi::xml_node child(const pugi::xml_node& n, std::string_view name);
// An attribute by local name ("r:id" is found as "id").
pugi::xml_attribute attribute(const pugi::xml_node& n, std::string_view name);
// The target of the relationship with this Id (or of this Type, ending so) in a .rels part,
// resolved against the folder of the part that owns it ("xl/" for xl/_rels/workbook.xml.rels).
std::string relationship_target(const pugi::xml_document& rels, std::string_view id, std::string_view folder);
std::string relationship_of_type(const pugi::xml_document& rels, std::string_view type_suffix,
                                 std::string_view folder);

}  // namespace sightline::formats::detail
