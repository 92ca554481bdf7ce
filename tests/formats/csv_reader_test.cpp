// CSV and TSV files as agencies export them: BOM, CRLF, Windows-1252, quoting, ragged and blank rows.
#include <gtest/gtest.h>

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

constexpr const char* k_police = "  - {file: agencies/a.csv, agency: Metropolitan Police, date_order: dmy}\n";

TEST(CsvReader, ExcelExportWithBomCrlfAndQuotedNewlines) {
    TempDir dir;
    dir.write("agencies/a.csv",
              "\xEF\xBB\xBF" "Date,Type,Summary\r\n"
              "24/06/2015,contact,\"Call from school, re \"\"bruise\"\"\r\nsecond line\"\r\n"
              "\r\n"
              ",,\r\n"
              "25/06/2015,home visit,Seen\r\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.chronology.entries[0].summary, "Call from school, re \"bruise\"\r\nsecond line");
    EXPECT_EQ(c.chronology.entries[1].where.line, 6u);
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, 2u);
    EXPECT_EQ(n.blank_rows, 2u);
    EXPECT_EQ(c.sources[0].format, "csv");
}

TEST(CsvReader, Windows1252IsConvertedWithOneWarning) {
    TempDir dir;
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact,Caf\xE9 meeting \x96 mum\n"
                                "25/06/2015,contact,\x93quoted\x94\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "agencies/a.csv:2: warning: file is not utf-8, so it was read as windows-1252 (as "
                                   "Excel saves csv); check line 2 reads right: '24/06/2015,contact,Caf\xC3\xA9 meeting "
                                   "\xE2\x80\x93 mum' [encoding-windows-1252]"}));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.chronology.entries[0].summary, "Caf\xC3\xA9 meeting \xE2\x80\x93 mum");
    EXPECT_EQ(c.chronology.entries[1].summary, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(CsvReader, Utf16TabSeparatedText) {
    TempDir dir;
    const std::string text = "Date\tType\tSummary\r\n24/06/2015\tcontact\tCaf\xC3\xA9\r\n";
    std::string utf16 = "\xFF\xFE";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto ch = static_cast<unsigned char>(text[i]);
        if (ch == 0xC3) {  // é as UTF-16LE
            utf16 += std::string("\xE9\0", 2);
            ++i;
            continue;
        }
        utf16 += static_cast<char>(ch);
        utf16 += '\0';
    }
    dir.write("agencies/a.tsv", utf16);
    const Case c = load_sheet_case(dir, "  - {file: agencies/a.tsv, agency: Metropolitan Police}\n");
    ASSERT_EQ(c.chronology.entries.size(), 1u) << joined(printed(c, dir));
    EXPECT_EQ(c.chronology.entries[0].summary, "Caf\xC3\xA9");
    EXPECT_EQ(c.sources[0].format, "tsv");
}

TEST(CsvReader, SemicolonsWhenTheHeaderHasNoComma) {
    TempDir dir;
    dir.write("agencies/a.csv", "Date;Type;Summary\n24/06/2015;contact;one, two\n");
    const Case c = load_sheet_case(dir, k_police);
    ASSERT_EQ(c.chronology.entries.size(), 1u) << joined(printed(c, dir));
    EXPECT_EQ(c.chronology.entries[0].summary, "one, two");
}

TEST(CsvReader, RaggedRowsAreRejectedButTrailingEmptyCellsAreNot) {
    TempDir dir;
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact,seen, mum and baby\n"
                                "25/06/2015,contact\n26/06/2015,contact,ok,,\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "agencies/a.csv:2:4: error: row has 4 cells but the header has 3; is a comma or "
                                   "quote missing? [row-ragged]",
                                   "agencies/a.csv:3:3: error: row has 2 cells but the header has 3; is a comma or "
                                   "quote missing? [row-ragged]"}));
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, 3u);
    EXPECT_EQ(n.entries_made, 1u);
    EXPECT_EQ(n.rows_rejected, 2u);
}

TEST(CsvReader, QuoteProblems) {
    TempDir dir;
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact,\"fine\"x\n25/06/2015,contact,\"never closed\n"
                                "26/06/2015,contact,swallowed\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "agencies/a.csv:2:3: warning: text after the closing quote of a cell; kept as part "
                                   "of the cell [csv-quote]",
                                   "agencies/a.csv:3:3: error: quoted cell never closes; the rest of the file was read "
                                   "as one cell [csv-quote]"}));
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    EXPECT_EQ(c.chronology.entries[0].summary, "finex");
    EXPECT_EQ(c.sources[0].counts.rows_read, 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);
}

TEST(CsvReader, MissingFileIsASourceError) {
    TempDir dir;
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{
                                   "case.yaml:16:5: error: cannot read source 'agencies/a.csv': No such file or "
                                   "directory [source-missing]"}));
}

}  // namespace

// [SECTION] Hostile inputs: each gives a clear error (or is read whole) in bounded time and memory.

namespace {

TEST(CsvReader, HostileTenMegabyteCellIsKeptWhole) {
    TempDir dir;
    std::string cell(std::size_t{10} << 20, 'x');
    for (std::size_t i = 1000; i < cell.size(); i += 1000) cell[i] = i % 3000 == 0 ? '"' : ',';
    std::string quoted = "\"";
    for (char ch : cell) quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact," + quoted + "\"\n25/06/2015,contact,short\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.chronology.entries[0].summary, cell);
}

TEST(CsvReader, HostileHundredThousandColumnRowsAreRejected) {
    TempDir dir;
    std::string wide_row = "26/06/2015,contact,a";
    for (int i = 0; i < 100000; ++i) wide_row += ",v";
    // Under a normal header: that row is rejected, the others are read.
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact,ok\n" + wide_row + "\n27/06/2015,contact,ok\n");
    Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{"agencies/a.csv:3:16385: error: row has more than 16384 cells, "
                                                         "the most a spreadsheet has [row-too-wide]"}));
    EXPECT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);
    // As the header: every row is rejected, with one error.
    std::string wide_header = "Date,Type,Summary";
    for (int i = 0; i < 100000; ++i) wide_header += ",C" + std::to_string(i);
    dir.write("agencies/a.csv", wide_header + "\n24/06/2015,contact,a\n" + wide_row + "\n");
    c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{"agencies/a.csv:1: error: the header has more than 16384 "
                                                         "columns, the most a spreadsheet has; all 2 rows rejected "
                                                         "[row-too-wide]"}));
    EXPECT_EQ(c.sources[0].counts.rows_read, 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 2u);
}

TEST(CsvReader, HostileBinaryJunkIsRowsAccountedFor) {
    TempDir dir;
    std::string junk;
    std::uint32_t x = 12345;
    for (int i = 0; i < 200000; ++i) {
        x = x * 1103515245u + 12345u;
        junk.push_back(static_cast<char>(x >> 24));
    }
    dir.write("agencies/a.csv", junk);
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_TRUE(c.diagnostics.has_errors());
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, n.entries_made + n.rows_rejected);
    EXPECT_EQ(n.entries_made, c.chronology.entries.size());
}

TEST(CsvReader, HostileYearNinetyNineThousand) {
    TempDir dir;
    dir.write("agencies/a.csv", "Date,Type,Summary\n24/06/2015,contact,a\n01/06/99999,contact,b\n");
    const Case c = load_sheet_case(dir, k_police);
    EXPECT_EQ(printed(c, dir), (std::vector<std::string>{"agencies/a.csv:3:1: error: date '01/06/99999' is outside the "
                                                         "years 1000 to 9999 [date-out-of-range]"}));
    EXPECT_EQ(c.chronology.entries.size(), 1u);
}

}  // namespace
