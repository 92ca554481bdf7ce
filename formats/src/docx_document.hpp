// Writing Word documents (WordprocessingML, ECMA-376 Part 1 §17): headings, paragraphs,
// tables whose header row repeats on every page and pictures as PNG, zipped with libzip and written atomically.
// Plain markup that Word and LibreOffice open without a repair prompt. Internal to
// sightline_formats.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document.hpp"

namespace sightline::formats::detail {

class WordDocument final : public Document {
public:
    // A4, landscape or portrait, 1.5 cm margins.
    explicit WordDocument(bool landscape) : m_landscape(landscape) {}

    void heading(std::string_view text, int level) override;
    void paragraph(std::string_view text, bool italic = false) override;
    void bullet(std::string_view text) override;
    void table(const DocumentTable& t) override;
    // The picture as a PNG (word/media/imageN.png), inline, scaled to the page's width.
    void picture(const Picture& p, std::string_view caption) override;
    void page_break() override;
    void save(const std::string& path) const override;

private:
    bool m_landscape;
    std::string m_body;                                 // w:body content
    std::vector<std::pair<std::string, std::string>> m_images;  // part name, PNG bytes
};

}  // namespace sightline::formats::detail
