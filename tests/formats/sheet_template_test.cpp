// Templates for agencies: filled in, they read without a mapping and pass check.
#include "sightline/formats/sheet_template.hpp"

#include <gtest/gtest.h>

#include <zip.h>

#include <filesystem>

#include "headings.hpp"
#include "support/zip_builder.hpp"
#include "sightline/engine/merge.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;

namespace {

formats::TemplateSpec police() { return {"Riverside Police", "police", "Ealing"}; }

TEST(SheetTemplate, EveryHeaderIsRecognised) {
    for (std::string_view h : formats::template_headers())
        EXPECT_TRUE(formats::detail::recognise_header(h)) << h;
}

TEST(SheetTemplate, EveryWordHeaderIsRecognised) {
    for (std::string_view h : formats::word_template_headers())
        EXPECT_TRUE(formats::detail::recognise_header(h) || formats::detail::recognise_text_header(h)) << h;
}

// The Word template's document.xml, read out of the package.
std::string document_xml(const std::string& path) {
    std::string xml = test::read_zip_part(path, "word/document.xml");
    EXPECT_FALSE(xml.empty()) << path;
    return xml;
}

// The Word template as an agency fills it in (its first empty rows typed into), read back: the
// details table names the agency and its kind, the headings need no mapping.
TEST(SheetTemplate, FilledWordTemplateReadsWithoutAMapping) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    const std::string path = dir.file("agencies/police.docx");
    formats::write_template_docx(police(), path);
    std::string xml = document_xml(path);
    const auto fill = [&](const std::vector<std::string>& cells) {
        // The first body row whose cells are all empty paragraphs.
        const std::string empty_row_start = "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
        std::size_t at = xml.find(empty_row_start);
        for (; at != std::string::npos; at = xml.find(empty_row_start, at + 1)) {
            const std::size_t end = xml.find("</w:tr>", at);
            const std::string row = xml.substr(at, end - at);
            if (row.find("<w:t ") == std::string::npos && row.find("<w:t>") == std::string::npos) break;  // no text
        }
        ASSERT_NE(at, std::string::npos);
        std::size_t cell = at;
        for (const std::string& text : cells) {
            cell = xml.find("<w:p></w:p>", cell);
            const std::string p = "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
            xml.replace(cell, 11, p);
            cell += p.size();
        }
    };
    fill({"Mon 2nd February 2015", "10.30am", "Officers attended; Mum and baby seen", "", "Yes", "Mum; Baby A",
          "", "CCN to CSC", "PC1", "CAD 1"});
    fill({"Not known", "", "Intelligence log about the address", "", "N/A", "", "", "", "", ""});
    sightline::test::write_docx(path, "");  // the package, then its document replaced by the filled one
    {
        int err = 0;
        zip_t* z = zip_open(path.c_str(), 0, &err);
        zip_source_t* src = zip_source_buffer(z, xml.data(), xml.size(), 0);
        zip_file_add(z, "word/document.xml", src, ZIP_FL_OVERWRITE);
        zip_close(z);
    }
    const Case c = load_sheet_case(dir, "  - agencies/police.docx\n");
    EXPECT_TRUE(c.diagnostics.empty() || !c.diagnostics.has_errors()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 1u) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.undated.size(), 1u);
    const Entry& e = c.chronology.entries[0];
    EXPECT_EQ(format_date(e.date), "2015-02-02 10:30");
    EXPECT_EQ(c.agency_name(e.agency), "Riverside Police");
    EXPECT_EQ(c.agency_kind(e.agency), AgencyKind::Police);
    EXPECT_EQ(c.chronology.seen(e, 0), ChildSeen::Seen);
    EXPECT_EQ(e.ref, "CAD 1");
    EXPECT_EQ(c.sources[0].counts.rows_read, 2u);
    EXPECT_EQ(c.sources[0].counts.blank_rows, 10u);  // the template's twelve rows, two filled
}

TEST(SheetTemplate, FilledCsvTemplateReadsWithoutAMapping) {
    TempDir dir;
    std::string csv;
    formats::write_template_csv(police(), csv);
    EXPECT_EQ(csv.substr(0, 28), "# agency: Riverside Police\r\n");
    csv += "01/02/2015,10:00,Home visit,\"Visit, all seen\",Mum; Baby A,Seen alone,Yes,Face to face,PC1,,R-1,\r\n"
           "03/02/2015,,Phone call,Call,Mum,Not recorded,,Phone,PC1,Ealing Health Visiting,R-2,\r\n";
    dir.write("agencies/police.csv", csv);
    const Case c = load_sheet_case(dir, "  - agencies/police.csv\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    const Entry& e = c.chronology.entries[0];
    EXPECT_EQ(format_date(e.date), "2015-02-01 10:00");
    EXPECT_EQ(c.agency_kind(e.agency), AgencyKind::Police);
    EXPECT_EQ(c.area_name(e.area), "Ealing");
    EXPECT_EQ(c.chronology.seen(e, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(e.modality, Modality::FaceToFace);
    EXPECT_EQ(e.views_sought, Tri::Yes);
    EXPECT_EQ(c.sources[0].counts.skipped_rows, 5u);
}

TEST(SheetTemplate, FilledXlsxTemplateReadsWithoutAMapping) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    formats::write_template_xlsx(police(), dir.file("agencies/police.xlsx"),
                                 {{"2015-02-01", "10:00", "Home visit", "Visit", "Mum", "Seen", "No", "Video"},
                                  {"", "", "", "", ""},
                                  {"June 2015", "", "Strategy discussion", "Strategy meeting", "", "Not seen"}});
    const Case c = load_sheet_case(dir, "  - agencies/police.xlsx\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(format_date(c.chronology.entries[0].date), "2015-02-01 10:00");
    EXPECT_EQ(c.chronology.entries[0].modality, Modality::Video);
    EXPECT_EQ(format_date(c.chronology.entries[1].date), "2015-06");
    EXPECT_EQ(c.chronology.entries[1].type, EntryType::StrategyDiscussion);
}

}  // namespace
