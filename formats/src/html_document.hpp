// Writing one self-contained HTML file: no external resource and no script, pictures as inline
// SVG, and print CSS (A4 landscape, table headers repeated, page breaks). Internal to
// sightline_formats.
#pragma once

#include <string>
#include <string_view>

#include "document.hpp"

namespace sightline::formats::detail {

class HtmlDocument final : public Document {
public:
    void heading(std::string_view text, int level) override;
    void paragraph(std::string_view text, bool italic = false) override;
    void bullet(std::string_view text) override;
    void table(const DocumentTable& t) override;
    void picture(const Picture& p, std::string_view caption) override;
    void page_break() override;
    void save(const std::string& path) const override;

    // The whole page, as save() writes it.
    [[nodiscard]] std::string html() const;

private:
    void close_list();

    std::string m_title;  // the first level-1 heading
    std::string m_body;
    bool m_in_list = false;
};

}  // namespace sightline::formats::detail
