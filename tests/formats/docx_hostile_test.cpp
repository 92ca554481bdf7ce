// Word documents a reader must survive: zip bombs, junk, documents without tables, rows far wider
// than any table, tables nested in cells thousands deep, merged cells with nothing above them.
// Each finishes in bounded time and memory with the exact diagnostic (docs/fuzzing.md, "Hostile
// inputs").
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sightline/formats/spreadsheet.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;

namespace {

constexpr const char* k_source = "  - {file: agencies/a.docx, agency: Metropolitan Police}\n";

// A document whose body is `body` (WordprocessingML), with the package's relationships.
void write_document(const std::string& path, const std::string& body) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    test::write_zip(
        path,
        {{"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
         {"_rels/.rels",
          "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
         {"word/document.xml",
          "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          "<w:body>" + body + "</w:body></w:document>"}});
}

std::string para(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }
std::string cell(const std::string& text, const std::string& properties = "") {
    return "<w:tc>" + (properties.empty() ? "" : "<w:tcPr>" + properties + "</w:tcPr>") + para(text) + "</w:tc>";
}
std::string row(const std::vector<std::string>& texts) {
    std::string out = "<w:tr>";
    for (const std::string& t : texts) out += cell(t);
    return out + "</w:tr>";
}
const std::string k_header = row({"Date", "Details"});

// The most memory the process has held, in MiB.
long peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

// Rows whose cells span thousands of grid columns cost no memory for the columns they span: 2,000
// rows of a details cell spanning 16,000 columns took 1 GB when every spanned column was a string.
// A gridSpan of 4 billion, and a row of 20,000 cells, are rows too wide for a spreadsheet.
// (First in this file: the peak memory it checks is the process's.)
TEST(DocxHostile, RowsFarWiderThanATableAreBounded) {
    TempDir dir;
    std::string rows = k_header;
    rows += "<w:tr>" + cell("24/06/2015") + cell("Spans four billion columns", "<w:gridSpan w:val=\"4000000000\"/>") +
            "</w:tr>";
    rows += "<w:tr>";
    for (int i = 0; i < 20000; ++i) rows += cell("x");
    rows += "</w:tr>";
    for (int r = 0; r < 2000; ++r)
        rows += "<w:tr>" + cell("25/06/2015") + cell("Home visit", "<w:gridSpan w:val=\"16000\"/>") + cell("far") +
                "</w:tr>";
    write_document(dir.file("agencies/a.docx"), "<w:tbl>" + rows + "</w:tbl>");
    const long before = peak_rss_mib();
    const Case c = load_sheet_case(dir, k_source);
    EXPECT_LT(peak_rss_mib() - before, 200);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "agencies/a.docx:table 1:row 2: error: row has more than 16384 cells, the most a "
                                   "spreadsheet has [row-too-wide]",
                                   "agencies/a.docx:table 1:row 3: error: row has more than 16384 cells, the most a "
                                   "spreadsheet has [row-too-wide]",
                                   "agencies/a.docx:table 1:row 4: warning: unknown field 'column WQL' is not part of "
                                   "the format; kept as written [key-unknown]"}))
        << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2000u);
    const auto extras = c.chronology.extras_of(c.chronology.entries[0]);
    ASSERT_EQ(extras.size(), 1u);
    EXPECT_EQ(extras[0].first, "column WQL");  // column 16,002
    EXPECT_EQ(extras[0].second, "far");
    EXPECT_EQ(c.sources[0].counts.rows_read, 2002u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 2u);
}

TEST(DocxHostile, ZipBombIsRefused) {
    TempDir dir;
    // 64 MiB of spaces in the document part compresses to a few hundred kilobytes.
    write_document(dir.file("agencies/a.docx"), "<w:tbl>" + k_header + "</w:tbl>" + std::string(std::size_t{64} << 20, ' '));
    Case c;
    formats::SpreadsheetOptions o;
    o.path = dir.file("agencies/a.docx");
    o.agency = "Metropolitan Police";
    o.limits.max_part_bytes = 16u << 20;
    formats::read_spreadsheet(c, o);
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics.items()[0].code, "docx-too-large");
    EXPECT_EQ(c.diagnostics.items()[0].message,
              "cannot read '" + o.path + "' as a Word document: part 'word/document.xml' expands to more than 16.0 "
              "MiB; refused (is the file damaged or a zip bomb?)");
    o.limits.max_part_bytes = 512u << 20;
    o.limits.max_total_bytes = 1u << 20;
    Case d;
    formats::read_spreadsheet(d, o);
    ASSERT_EQ(d.diagnostics.size(), 1u);
    EXPECT_EQ(d.diagnostics.items()[0].code, "docx-too-large");
    EXPECT_EQ(d.diagnostics.items()[0].message,
              "cannot read '" + o.path + "' as a Word document: the document expands to more than 1.0 MiB; refused "
              "(is the file damaged or a zip bomb?)");
}

TEST(DocxHostile, BinaryJunkIsNotADocument) {
    TempDir dir;
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
    dir.write("agencies/a.docx", junk);
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.docx: error: cannot read 'agencies/a.docx' as a Word document: not "
                                        "a docx file (not a zip archive) [docx-invalid]"}));
}

TEST(DocxHostile, DocumentWithNoTable) {
    TempDir dir;
    write_document(dir.file("agencies/a.docx"), para("Chronology") + para("24/06/2015 Home visit"));
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.docx: error: no table in 'agencies/a.docx': a return's chronology "
                                        "is read from a table with a date column and a details column (sightline "
                                        "template --agency NAME -o return.docx makes one) [docx-no-table]"}));
}

// Tables nested in a cell, and content controls around the chronology, 100,000 deep: read
// without recursion (they exhausted the stack when each level was a call).
TEST(DocxHostile, DeepNestingFinishes) {
    TempDir dir;
    for (const int depth : {2000, 100000}) {
        std::string open, close;
        for (int i = 0; i < depth; ++i) {
            open += "<w:tbl><w:tr><w:tc>";
            close += "</w:tc></w:tr></w:tbl><w:p/>";
        }
        write_document(dir.file("agencies/a.docx"), "<w:tbl>" + k_header + "<w:tr>" + cell("24/06/2015") + "<w:tc>" +
                                                        open + para("deepest") + close + "</w:tc></w:tr></w:tbl>");
        const Case c = load_sheet_case(dir, k_source);
        EXPECT_EQ(printed(c, dir), std::vector<std::string>{}) << depth << "\n" << joined(printed(c, dir));
        ASSERT_EQ(c.chronology.entries.size(), 1u) << depth;
        EXPECT_EQ(c.chronology.entries[0].summary, "deepest");
    }
    std::string open, close;
    for (int i = 0; i < 100000; ++i) {
        open += "<w:sdt><w:sdtContent>";
        close += "</w:sdtContent></w:sdt>";
    }
    write_document(dir.file("agencies/a.docx"),
                   open + "<w:tbl>" + k_header + row({"24/06/2015", "Inside"}) + "</w:tbl>" + close);
    const Case c = load_sheet_case(dir, k_source);
    EXPECT_EQ(printed(c, dir), std::vector<std::string>{}) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    EXPECT_EQ(c.chronology.entries[0].summary, "Inside");
}

// A cell continuing a vertical merge in the first row has no cell above to take its text from:
// it is empty (its own text is not what Word shows), a column without a heading, and the rows
// below are read.
TEST(DocxHostile, VerticalMergeContinuedInTheFirstRow) {
    TempDir dir;
    write_document(dir.file("agencies/a.docx"),
                   "<w:tbl><w:tr>" + cell("Not shown", "<w:vMerge/>") + cell("Date") + cell("Details") + "</w:tr>" +
                       row({"1", "24/06/2015", "Home visit"}) + "</w:tbl>");
    const Case c = load_sheet_case(dir, k_source);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{"agencies/a.docx:table 1:row 2: warning: unknown field "
                                                         "'column A' is not part of the format; kept as written "
                                                         "[key-unknown]"}))
        << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    EXPECT_EQ(c.chronology.entries[0].summary, "Home visit");
    const auto extras = c.chronology.extras_of(c.chronology.entries[0]);
    ASSERT_EQ(extras.size(), 1u);
    EXPECT_EQ(extras[0].first, "column A");
    EXPECT_EQ(extras[0].second, "1");
}

}  // namespace
