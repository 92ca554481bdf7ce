// Writing Word documents (WordprocessingML, ECMA-376 Part 1 §17): headings, paragraphs and
// tables whose header row repeats on every page, zipped with libzip and written atomically.
// Plain markup that Word and LibreOffice open without a repair prompt. Internal to
// sightline_formats.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline::formats::detail {

// One table: a header row (repeated on every page) and body rows, each cell's text (line breaks
// as new paragraphs). widths are the columns' shares of the page width (any units).
struct WordTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;
    bool bold_first_column = false;  // a details table: labels on the left
    bool repeat_header = true;
};

class WordDocument {
public:
    // A4, landscape or portrait, 1.5 cm margins.
    explicit WordDocument(bool landscape) : m_landscape(landscape) {}

    void heading(std::string_view text, int level);
    void paragraph(std::string_view text, bool italic = false);
    // "- text" items, one paragraph each with a bullet.
    void bullet(std::string_view text);
    void table(const WordTable& t);

    // Writes the package to path atomically; throws engine::Error when it cannot.
    void save(const std::string& path) const;

private:
    bool m_landscape;
    std::string m_body;  // w:body content
};

}  // namespace sightline::formats::detail
