// A document written once and saved as HTML or Word: headings, paragraphs, bullets, tables,
// pictures and page breaks. The reports (`report`, `episodes`, `merge -o .docx`) write to this
// interface; html_document.cpp and docx_document.cpp are its two forms. Internal to
// sightline_formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/formats/picture.hpp"

namespace sightline::formats::detail {

// One table: a header row (repeated on every page) and body rows, each cell's text (line breaks
// as new paragraphs). widths are the columns' shares of the page width (any units).
struct DocumentTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;
    // Cell backgrounds, row by row as `rows` (0xRRGGBB, or k_no_colour); may be empty or short.
    std::vector<std::vector<std::uint32_t>> fills;
    bool bold_first_column = false;  // a details table: labels on the left
    bool repeat_header = true;
    bool small = false;              // a long table in a smaller type

    [[nodiscard]] std::uint32_t fill(std::size_t row, std::size_t column) const {
        if (row >= fills.size() || column >= fills[row].size()) return k_no_colour;
        return fills[row][column];
    }
};

class Document {
public:
    virtual ~Document() = default;
    // level 1 (the document's title), 2 or 3.
    virtual void heading(std::string_view text, int level) = 0;
    virtual void paragraph(std::string_view text, bool italic = false) = 0;
    // "- text" items, one paragraph each with a bullet.
    virtual void bullet(std::string_view text) = 0;
    virtual void table(const DocumentTable& t) = 0;
    // A picture as wide as the page allows (or its own width, if less), with a caption under it.
    virtual void picture(const Picture& p, std::string_view caption) = 0;
    // What follows starts a new page when printed.
    virtual void page_break() = 0;
    // Writes the document to path atomically; throws engine::Error when it cannot.
    virtual void save(const std::string& path) const = 0;
};

}  // namespace sightline::formats::detail
