// Writing one self-contained HTML file.
#include "html_document.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sightline/engine/palette.hpp"
#include "sightline/formats/io.hpp"
#include "xml_text.hpp"

namespace sightline::formats::detail {

namespace {

// Screen and print: A4 landscape, tables that repeat their header and never split a row,
// pictures no wider than the page.
constexpr const char* k_style = R"(
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 10pt; color: #1c2833; margin: 1.5em; }
h1 { font-size: 18pt; margin: 0.2em 0 0.4em; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; border-bottom: 1px solid #aab7b8; break-after: avoid; }
h3 { font-size: 11pt; margin: 1em 0 0.3em; break-after: avoid; }
p { margin: 0.3em 0; }
p.note { font-style: italic; color: #5d6d7e; }
ul { margin: 0.3em 0; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; table-layout: fixed; }
th, td { border: 1px solid #808080; padding: 2px 4px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.small { font-size: 8pt; }
table.details td:first-child { font-weight: bold; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
figure { margin: 0.5em 0 1em; text-align: center; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-style: italic; color: #5d6d7e; margin-top: 0.2em; }
.page-break { break-before: page; }
@page { size: A4 landscape; margin: 1.2cm; }
@media print { body { margin: 0; } }
)";

// Text with line breaks kept.
std::string lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n') continue;
        if (start > 0) out += "<br>";
        append_xml_text(out, text.substr(start, i - start));
        start = i + 1;
    }
    return out;
}

std::string css_colour(std::uint32_t rgb) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out = "#";
    for (int shift = 20; shift >= 0; shift -= 4) out.push_back(k_hex[(rgb >> shift) & 0xF]);
    return out;
}

}  // namespace

void HtmlDocument::close_list() {
    if (m_in_list) m_body += "</ul>\n";
    m_in_list = false;
}

void HtmlDocument::heading(std::string_view text, int level) {
    close_list();
    level = std::clamp(level, 1, 3);
    if (level == 1 && m_title.empty()) m_title = std::string(text);
    const std::string tag = "h" + std::to_string(level);
    m_body += "<" + tag + ">" + lines(text) + "</" + tag + ">\n";
}

void HtmlDocument::paragraph(std::string_view text, bool italic) {
    close_list();
    m_body += std::string(italic ? "<p class=\"note\">" : "<p>") + lines(text) + "</p>\n";
}

void HtmlDocument::bullet(std::string_view text) {
    if (!m_in_list) m_body += "<ul>\n";
    m_in_list = true;
    m_body += "<li>" + lines(text) + "</li>\n";
}

void HtmlDocument::table(const DocumentTable& t) {
    close_list();
    std::string cls = t.small ? "small" : "";
    if (t.bold_first_column) cls += cls.empty() ? "details" : " details";
    m_body += cls.empty() ? "<table>\n" : "<table class=\"" + cls + "\">\n";
    const std::size_t columns = std::max(t.header.size(), t.rows.empty() ? std::size_t{0} : t.rows.front().size());
    if (!t.widths.empty()) {
        std::vector<double> shares = t.widths;
        shares.resize(columns, shares.back());
        const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
        m_body += "<colgroup>";
        for (double s : shares) {
            const long tenths = std::lround(1000 * s / total);  // of a percent
            m_body += "<col style=\"width:" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%\">";
        }
        m_body += "</colgroup>\n";
    }
    if (!t.header.empty()) {
        m_body += "<thead><tr>";
        for (const std::string& h : t.header) m_body += "<th>" + lines(h) + "</th>";
        m_body += "</tr></thead>\n";
    }
    m_body += "<tbody>\n";
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        m_body += "<tr>";
        for (std::size_t c = 0; c < columns; ++c) {
            const std::uint32_t fill = t.fill(r, c);
            m_body += fill == k_no_colour ? "<td>" : "<td style=\"background:" + css_colour(fill) + "\">";
            if (c < t.rows[r].size()) m_body += lines(t.rows[r][c]);
            m_body += "</td>";
        }
        m_body += "</tr>\n";
    }
    m_body += "</tbody></table>\n";
}

void HtmlDocument::picture(const Picture& p, std::string_view caption) {
    close_list();
    m_body += "<figure>\n";
    write_picture_svg(p, m_body, false);
    if (!caption.empty()) m_body += "<figcaption>" + lines(caption) + "</figcaption>\n";
    m_body += "</figure>\n";
}

void HtmlDocument::page_break() {
    close_list();
    m_body += "<div class=\"page-break\"></div>\n";
}

std::string HtmlDocument::html() const {
    std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>";
    append_xml_text(out, m_title);
    out += "</title>\n<style>";
    out += k_style;
    out += "th { background: " + css_colour(engine::palette::k_table_header) + "; }\n";
    out += "</style>\n</head>\n<body>\n";
    out += m_body;
    if (m_in_list) out += "</ul>\n";
    out += "</body>\n</html>\n";
    return out;
}

void HtmlDocument::save(const std::string& path) const { write_file_atomic(path, html()); }

}  // namespace sightline::formats::detail
