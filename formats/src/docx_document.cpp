// Writing Word documents: the package parts, and the body as WordprocessingML.
#include "docx_document.hpp"
#include "xml_text.hpp"

#include <zip.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/palette.hpp"
#include "sightline/formats/io.hpp"

namespace sightline::formats::detail {

namespace {

// A4 in twentieths of a point, and the margins (1.5 cm).
constexpr int k_a4_short = 11906, k_a4_long = 16838, k_margin = 850;

constexpr const char* k_content_types =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Default Extension="png" ContentType="image/png"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>)"
    R"(</Types>)";

constexpr const char* k_package_rels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";

// The styles, then one relationship per image (rIdImage1, ...).
std::string document_rels(std::size_t images) {
    std::string out =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)";
    for (std::size_t i = 1; i <= images; ++i)
        out += R"(<Relationship Id="rIdImage)" + std::to_string(i) +
               R"(" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image)" +
               std::to_string(i) + R"(.png"/>)";
    return out + "</Relationships>";
}

// Normal text 9 pt, three heading levels, and a bordered table style.
constexpr const char* k_styles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
    R"(<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/>)"
    R"(<w:sz w:val="18"/><w:szCs w:val="18"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>)"
    R"(<w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>)"
    R"(<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>)"
    R"(<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/>)"
    R"(<w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr>)"
    R"(<w:rPr><w:b/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>)"
    R"(<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>)"
    R"(<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>)"
    R"(<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>)"
    R"(<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>)"
    R"(<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>)"
    R"(<w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>)"
    R"(<w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/>)"
    R"(<w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders></w:tblPr></w:style>)"
    R"(</w:styles>)";

// A run of text (line breaks within it kept as breaks), in the normal size or `half_points`.
std::string run(std::string_view text, bool bold, bool italic, int half_points = 0) {
    std::string out = "<w:r>";
    if (bold || italic || half_points)
        out += std::string("<w:rPr>") + (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") +
               (half_points ? "<w:sz w:val=\"" + std::to_string(half_points) + "\"/>" : std::string()) + "</w:rPr>";
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n') continue;
        if (start > 0) out += "<w:br/>";
        out += "<w:t xml:space=\"preserve\">" + xml_text(text.substr(start, i - start)) + "</w:t>";
        start = i + 1;
    }
    return out + "</w:r>";
}

// "1F618D".
std::string hex_colour(std::uint32_t rgb) {
    static constexpr char k_hex[] = "0123456789ABCDEF";
    std::string out;
    for (int shift = 20; shift >= 0; shift -= 4) out.push_back(k_hex[(rgb >> shift) & 0xF]);
    return out;
}

}  // namespace

void WordDocument::heading(std::string_view text, int level) {
    m_body += "<w:p><w:pPr><w:pStyle w:val=\"Heading" + std::to_string(std::clamp(level, 1, 3)) + "\"/></w:pPr>" +
              run(text, false, false) + "</w:p>";
}

void WordDocument::paragraph(std::string_view text, bool italic) {
    m_body += "<w:p>" + (text.empty() ? std::string() : run(text, false, italic)) + "</w:p>";
}

void WordDocument::bullet(std::string_view text) {
    m_body += "<w:p><w:pPr><w:ind w:left=\"360\" w:hanging=\"240\"/></w:pPr>" +
              run("\xE2\x80\xA2\t", false, false) + run(text, false, false) + "</w:p>";
}

void WordDocument::table(const DocumentTable& t) {
    const int page = (m_landscape ? k_a4_long : k_a4_short) - 2 * k_margin;
    const std::size_t columns =
        std::max(t.header.size(), t.rows.empty() ? std::size_t{0} : t.rows.front().size());
    std::vector<double> shares = t.widths;
    shares.resize(columns, shares.empty() ? 1.0 : shares.back());
    const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
    std::vector<int> twips;
    for (double s : shares) twips.push_back(static_cast<int>(std::lround(page * s / total)));

    m_body += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" + std::to_string(page) +
              "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" "
              "w:firstRow=\"1\"/></w:tblPr><w:tblGrid>";
    for (int w : twips) m_body += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    m_body += "</w:tblGrid>";
    const int size = t.small ? 15 : 0;  // half-points: 7.5 pt
    std::size_t row_number = 0;
    const auto row = [&](const std::vector<std::string>& cells, bool header) {
        m_body += "<w:tr>";
        // The header repeats on every page and is never split; no row breaks across pages.
        m_body += header && t.repeat_header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
                                            : "<w:trPr><w:cantSplit/></w:trPr>";
        for (std::size_t c = 0; c < columns; ++c) {
            const std::string_view text = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
            m_body += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(twips[c]) + "\" w:type=\"dxa\"/>";
            const std::uint32_t fill = header ? engine::palette::k_table_header : t.fill(row_number, c);
            if (fill != k_no_colour) m_body += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + hex_colour(fill) + "\"/>";
            m_body += "</w:tcPr>";
            // Paragraphs for the cell's lines; a cell always has one.
            std::size_t start = 0;
            bool any = false;
            for (std::size_t i = 0; i <= text.size(); ++i) {
                if (i < text.size() && text[i] != '\n') continue;
                const std::string_view line = text.substr(start, i - start);
                m_body += "<w:p>" +
                          (line.empty() ? std::string()
                                        : run(line, header || (t.bold_first_column && c == 0), false, size)) +
                          "</w:p>";
                any = true;
                start = i + 1;
            }
            if (!any) m_body += "<w:p/>";
            m_body += "</w:tc>";
        }
        m_body += "</w:tr>";
    };
    if (!t.header.empty()) row(t.header, true);
    for (const auto& r : t.rows) {
        row(r, false);
        ++row_number;
    }
    m_body += "</w:tbl>";
    m_body += "<w:p/>";  // Word needs a paragraph after a table
}

void WordDocument::page_break() { m_body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"; }

void WordDocument::picture(const Picture& p, std::string_view caption) {
    // The page's width, and its height less room for a caption, in twips; no more than 1.5 times
    // the picture's own size at 96 dpi (15 twips a unit).
    const double page_w = (m_landscape ? k_a4_long : k_a4_short) - 2 * k_margin;
    const double page_h = (m_landscape ? k_a4_short : k_a4_long) - 2 * k_margin - 900;
    const double twips = std::min({page_w / p.width(), page_h / p.height(), 22.5});
    // About 200 pixels to the printed inch (1440 twips), never below the picture's own size.
    const float scale = static_cast<float>(std::clamp(twips * 200 / 1440, 1.0, 3.0));
    m_images.emplace_back("word/media/image" + std::to_string(m_images.size() + 1) + ".png", picture_png(p, scale));
    const std::string n = std::to_string(m_images.size());
    const std::string cx = std::to_string(std::lround(p.width() * twips * 635));  // EMU: 635 a twip
    const std::string cy = std::to_string(std::lround(p.height() * twips * 635));
    m_body += "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
              "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" + cx + "\" cy=\"" + cy +
              "\"/><wp:docPr id=\"" + n + "\" name=\"Picture " + n + "\" descr=\"" + xml_text(p.title()) +
              "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
              "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
              "<pic:pic><pic:nvPicPr><pic:cNvPr id=\"" + n + "\" name=\"image" + n + ".png\"/><pic:cNvPicPr/></pic:nvPicPr>"
              "<pic:blipFill><a:blip r:embed=\"rIdImage" + n + "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
              "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" + cx + "\" cy=\"" + cy +
              "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
              "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>";
    if (!caption.empty()) m_body += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + run(caption, false, true) + "</w:p>";
}

void WordDocument::save(const std::string& path) const {
    const int w = m_landscape ? k_a4_long : k_a4_short, h = m_landscape ? k_a4_short : k_a4_long;
    const std::string document =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" )"
        R"(xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" )"
        R"(xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" )"
        R"(xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>)" +
        m_body + "<w:sectPr><w:pgSz w:w=\"" + std::to_string(w) + "\" w:h=\"" + std::to_string(h) + "\"" +
        (m_landscape ? " w:orient=\"landscape\"" : "") + "/><w:pgMar w:top=\"" + std::to_string(k_margin) +
        "\" w:right=\"" + std::to_string(k_margin) + "\" w:bottom=\"" + std::to_string(k_margin) +
        "\" w:left=\"" + std::to_string(k_margin) +
        "\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
    std::vector<std::pair<std::string, std::string_view>> parts = {
        {"[Content_Types].xml", k_content_types},
        {"_rels/.rels", k_package_rels},
        {"word/styles.xml", k_styles},
        {"word/document.xml", document}};
    const std::string rels = document_rels(m_images.size());
    parts.emplace_back("word/_rels/document.xml.rels", rels);
    for (const auto& [name, png] : m_images) parts.emplace_back(name, png);

    AtomicPath out(path);
    int err = 0;
    zip_t* z = zip_open(out.temp_path().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) fail_unwritable(path, "cannot create the zip archive");
    for (const auto& [name, content] : parts) {
        // The archive reads the buffers when it is closed: they live until then.
        zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) {
            if (src) zip_source_free(src);
            zip_discard(z);
            fail_unwritable(path, std::string("cannot add ") + name);
        }
    }
    if (zip_close(z) != 0) {
        const std::string why = zip_strerror(z);
        zip_discard(z);
        fail_unwritable(path, why);
    }
    out.commit();
}

}  // namespace sightline::formats::detail
