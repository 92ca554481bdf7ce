// XLSX workbooks: shared and inline strings, rich text, sparse rows, number formats that make
// date cells, both date systems, sheets by name, and hostile or broken files.
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "sightline/engine/merge.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;
using sightline::test::write_xlsx;

namespace {

constexpr const char* k_source = "  - {file: agencies/a.xlsx, agency: Metropolitan Police}\n";

// A header row (shared strings 0-2: Date, Type, Summary) for hand-made sheets.
constexpr const char* k_header_strings = "<si><t>Date</t></si><si><t>Type</t></si><si><t>Summary</t></si>";
constexpr const char* k_header_row =
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>";

TEST(XlsxReader, ReadsAWorkbookWrittenByLibxlsxwriter) {
    TempDir dir;
    const std::string path = dir.file("agencies/a.xlsx");
    std::filesystem::create_directories(dir.file("agencies"));
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* notes = workbook_add_worksheet(wb, "Notes");
    worksheet_write_string(notes, 0, 0, "not this sheet", nullptr);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Chronology");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* when = workbook_add_format(wb);
    format_set_num_format(when, "d mmm yyyy hh:mm");
    lxw_format* time = workbook_add_format(wb);
    format_set_num_format(time, "hh:mm");
    const char* header[] = {"Date", "Time", "Type", "Summary", "Child seen", "Seq", "Recorded"};
    for (lxw_col_t i = 0; i < 7; ++i) worksheet_write_string(ws, 0, i, header[i], nullptr);
    lxw_datetime d1 = {2015, 6, 24, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 0, &d1, date);
    lxw_datetime t1 = {0, 0, 0, 14, 30, 0};
    worksheet_write_datetime(ws, 1, 1, &t1, time);
    worksheet_write_string(ws, 1, 2, "home visit", nullptr);
    worksheet_write_string(ws, 1, 3, "=HYPERLINK(\"not a formula\")", nullptr);
    worksheet_write_boolean(ws, 1, 4, 1, nullptr);
    worksheet_write_number(ws, 1, 5, 2, nullptr);
    lxw_datetime rec = {2015, 6, 25, 9, 0, 0};
    worksheet_write_datetime(ws, 1, 6, &rec, when);
    lxw_datetime d2 = {2015, 6, 26, 9, 15, 0};
    worksheet_write_datetime(ws, 2, 0, &d2, when);
    worksheet_write_string(ws, 2, 2, "phone call", nullptr);
    worksheet_write_string(ws, 2, 3, "Second", nullptr);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    dir.write("agencies/a.mapping.yaml", "sheet: chronology\n");
    const Case c = load_sheet_case(dir, k_source);
    const auto got = printed(c, dir);
    ASSERT_EQ(c.chronology.entries.size(), 2u) << joined(got);
    const Entry& first = c.chronology.entries[0];
    EXPECT_EQ(format_date(first.date), "2015-06-24 14:30");
    EXPECT_EQ(first.summary, "=HYPERLINK(\"not a formula\")");
    EXPECT_EQ(c.chronology.seen(first, 0), ChildSeen::Seen);
    EXPECT_EQ(first.seq, 2);
    EXPECT_EQ(first.where.line, 2u);
    ASSERT_EQ(first.extra.count, 1u);
    EXPECT_EQ(c.chronology.extras_of(first)[0].second, "2015-06-25 09:00");
    EXPECT_EQ(format_date(c.chronology.entries[1].date), "2015-06-26 09:15");
    EXPECT_EQ(c.sources[0].format, "xlsx");
}

TEST(XlsxReader, StringsRichTextInlineSparseRowsAndBuiltinDateFormats) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    write_xlsx(dir.file("agencies/a.xlsx"),
               std::string(k_header_row) +
                   // A date cell in built-in format 14, a rich-text shared string, a skipped cell.
                   "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>42179</v></c><c r=\"B2\" t=\"s\"><v>3</v></c>"
                   "<c r=\"C2\" t=\"s\"><v>4</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>kept</t></is></c></row>"
                   // Row 3 is missing altogether; row 4 has an inline string summary with an escape.
                   "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>26/06/2015</t></is></c>"
                   "<c r=\"B4\" t=\"str\"><f>x</f><v>contact</v></c>"
                   "<c r=\"C4\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">line_x000D_</t></r><r><t>two</t></r>"
                   "<rPh><t>phonetic</t></rPh></is></c></row>",
               std::string(k_header_strings) +
                   "<si><t>home visit</t></si><si><r><rPr><b/></rPr><t>Seen </t></r><r><t>&amp; well</t></r></si>",
               "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>");
    const Case c = load_sheet_case(dir, k_source);
    const auto got = printed(c, dir);
    ASSERT_EQ(c.chronology.entries.size(), 2u) << joined(got);
    const Entry& a = c.chronology.entries[0];
    EXPECT_EQ(format_date(a.date), "2015-06-24");
    EXPECT_EQ(a.summary, "Seen & well");
    ASSERT_EQ(a.extra.count, 1u);
    EXPECT_EQ(c.chronology.extras_of(a)[0].first, "column E");
    EXPECT_EQ(c.chronology.entries[1].summary, "line\rtwo");
    EXPECT_EQ(c.chronology.entries[1].where.line, 4u);
}

TEST(XlsxReader, CustomFormatsAndThe1904System) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    // 164: a date ("dd/mm/yyyy"); 165: a number with a literal "d" in quotes and a colour; 40717 in
    // the 1904 system is 24 June 2015.
    write_xlsx(dir.file("agencies/a.xlsx"),
               std::string(k_header_row) +
                   "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>40717</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
                   "<c r=\"C2\" s=\"2\"><v>3</v></c></row>",
               k_header_strings, "<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>",
               "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy;@\"/>"
               "<numFmt numFmtId=\"165\" formatCode=\"[Red]0&quot; days&quot;\"/>",
               true);
    const Case c = load_sheet_case(dir, k_source);
    ASSERT_EQ(c.chronology.entries.size(), 1u) << joined(printed(c, dir));
    EXPECT_EQ(format_date(c.chronology.entries[0].date), "2015-06-24");
    EXPECT_EQ(c.chronology.entries[0].summary, "3");  // a number, not a date
}

TEST(XlsxReader, ExcelsFake29February1900NamesTheCell) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    write_xlsx(dir.file("agencies/a.xlsx"),
               std::string(k_header_row) +
                   "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>60</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
                   "<c r=\"C2\" t=\"s\"><v>2</v></c></row>"
                   "<row r=\"3\"><c r=\"A3\" s=\"2\"><v>0.5</v></c><c r=\"B3\" t=\"s\"><v>1</v></c>"
                   "<c r=\"C3\" t=\"s\"><v>2</v></c></row>",
               k_header_strings, "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"20\"/>");
    const Case c = load_sheet_case(dir, k_source);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "agencies/a.xlsx:2:1: error: excel date serial 60 is 29 February 1900, which does "
                                   "not exist in cell A2 [date-invalid]",
                                   "agencies/a.xlsx:3:1: error: cell holds a time of day but no date in cell A3 "
                                   "[date-syntax]"}));
    EXPECT_EQ(c.sources[0].counts.rows_read, 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 2u);
}

TEST(XlsxReader, BrokenAndHostileFiles) {
    TempDir dir;
    dir.write("agencies/a.xlsx", "Date,Type,Summary\nnot a zip\n");
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.xlsx: error: cannot read 'agencies/a.xlsx' as a workbook: not an "
                                        "xlsx file (not a zip archive) [xlsx-invalid]"}));

    test::write_zip(dir.file("agencies/a.xlsx"), {{"xl/workbook.xml", "<workbook/>"}});
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.xlsx: error: cannot read 'agencies/a.xlsx' as a workbook: the "
                                        "workbook has no part 'xl/_rels/workbook.xml.rels' [xlsx-invalid]"}));

    test::write_zip(dir.file("agencies/a.xlsx"), {{"xl/workbook.xml", "<workbook><sheets>"}});
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.xlsx: error: cannot read 'agencies/a.xlsx' as a workbook: part "
                                        "'xl/workbook.xml' is not well-formed xml (start-end tags mismatch at byte "
                                        "17) [xlsx-invalid]"}));

    write_xlsx(dir.file("agencies/a.xlsx"), k_header_row, k_header_strings);
    dir.write("agencies/a.mapping.yaml", "sheet: Police\n");
    EXPECT_EQ(printed(load_sheet_case(dir, k_source), dir),
              (std::vector<std::string>{"agencies/a.xlsx: error: no sheet 'Police' in 'agencies/a.xlsx'; its sheets "
                                        "are 'Sheet1' [sheet-missing]"}));
    std::filesystem::remove(dir.file("agencies/a.mapping.yaml"));

    // A zip bomb: 64 MiB of one repeated row compresses to a few hundred kilobytes.
    std::string rows(std::size_t{64} << 20, ' ');
    write_xlsx(dir.file("agencies/a.xlsx"), std::string(k_header_row) + rows, k_header_strings);
    Case c;
    c.info.timezone = "Europe/London";
    formats::SpreadsheetOptions o;
    o.path = dir.file("agencies/a.xlsx");
    o.agency = "Metropolitan Police";
    o.limits.max_part_bytes = 16u << 20;
    formats::read_spreadsheet(c, o);
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics.items()[0].code, "xlsx-too-large");
    EXPECT_EQ(c.diagnostics.items()[0].message,
              "cannot read '" + o.path + "' as a workbook: part 'xl/worksheets/sheet1.xml' expands to more than 16.0 "
              "MiB; refused (is the file damaged or a zip bomb?)");
    o.limits.max_part_bytes = 512u << 20;
    o.limits.max_total_bytes = 1u << 20;
    Case d;
    formats::read_spreadsheet(d, o);
    ASSERT_EQ(d.diagnostics.size(), 1u);
    EXPECT_EQ(d.diagnostics.items()[0].message,
              "cannot read '" + o.path + "' as a workbook: the workbook expands to more than 1.0 MiB; refused (is "
              "the file damaged or a zip bomb?)");
}

}  // namespace

namespace {

// A workbook whose rows each have a cell in column XFD: read without padding every row to
// 16,384 cells; the far cell is kept as an extra field, as it was before.
TEST(XlsxReader, HostileCellsInTheLastColumnCostNoPadding) {
    TempDir dir;
    std::string rows = k_header_row;
    for (int r = 2; r <= 20001; ++r)
        rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>42179</v></c><c r=\"B" +
                std::to_string(r) + "\" t=\"inlineStr\"><is><t>contact</t></is></c><c r=\"C" + std::to_string(r) +
                "\" t=\"inlineStr\"><is><t>s</t></is></c><c r=\"XFD" + std::to_string(r) +
                "\" t=\"inlineStr\"><is><t>far</t></is></c></row>";
    std::filesystem::create_directories(dir.file("agencies"));
    write_xlsx(dir.file("agencies/a.xlsx"), rows, k_header_strings);
    const Case c = load_sheet_case(dir, k_source);
    ASSERT_EQ(c.chronology.entries.size(), 20000u);
    const auto extras = c.chronology.extras_of(c.chronology.entries[0]);
    ASSERT_EQ(extras.size(), 1u);
    EXPECT_EQ(extras[0].first, "column XFD");
    EXPECT_EQ(extras[0].second, "far");
}

}  // namespace
