// RFC 4180 tokenizing in place.
#include "csv_tokenizer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sightline::formats::detail;

namespace {

struct Record {
    std::uint32_t line;
    std::vector<std::string> cells;
    RowProblem problem;
};

std::vector<Record> tokenize(std::string text, char delimiter = ',', bool unescape = true) {
    CsvTokenizer t(text.data(), text.size(), delimiter);
    std::vector<Record> out;
    SheetRow row;
    while (t.next(row, unescape)) {
        Record r{row.line, {}, row.problem};
        for (const SheetCell& c : row.cells) r.cells.emplace_back(c.text);
        out.push_back(std::move(r));
    }
    return out;
}

TEST(CsvTokenizer, QuotedCellsWithCommasQuotesAndNewlines) {
    const auto rows = tokenize("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(rows[1].line, 2u);
    EXPECT_EQ(rows[2].line, 4u);  // the physical line where the record starts
    EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"last", "", ""}));
}

TEST(CsvTokenizer, LineEndsCrLfLfAndCr) {
    const auto rows = tokenize("a,b\r\n1,2\r3,4\n5,\"6\r\n7\"\r\n");
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"1", "2"}));
    EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"3", "4"}));
    EXPECT_EQ(rows[3].cells[1], "6\r\n7");
    EXPECT_EQ(rows[3].line, 4u);
}

TEST(CsvTokenizer, NoFinalNewlineAndEmptyLines) {
    const auto rows = tokenize("a\n\nb");
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{""}));
    EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"b"}));
    EXPECT_EQ(rows[2].line, 3u);
}

TEST(CsvTokenizer, TabsAndSemicolons) {
    EXPECT_EQ(tokenize("a\tb, c\n", '\t')[0].cells, (std::vector<std::string>{"a", "b, c"}));
    EXPECT_EQ(tokenize("a;\"b;c\"\n", ';')[0].cells, (std::vector<std::string>{"a", "b;c"}));
}

TEST(CsvTokenizer, ReportsUnterminatedQuotesAndTextAfterAQuote) {
    const auto open = tokenize("a,b\n1,\"never closed\n2,3\n");
    ASSERT_EQ(open.size(), 2u);
    EXPECT_EQ(open[1].problem, RowProblem::UnterminatedQuote);
    EXPECT_EQ(open[1].cells[1], "never closed\n2,3\n");
    const auto junk = tokenize("\"ab\"cd,e\n");
    EXPECT_EQ(junk[0].problem, RowProblem::TextAfterQuote);
    EXPECT_EQ(junk[0].cells, (std::vector<std::string>{"abcd", "e"}));
}

TEST(CsvTokenizer, ReadOnlyScanKeepsEscapesAndRewindsToTheMark) {
    std::string text = "h\n\"a \"\"b\"\"\"\nc\n";
    CsvTokenizer t(text.data(), text.size(), ',');
    SheetRow row;
    ASSERT_TRUE(t.next(row, true));
    t.mark();
    ASSERT_TRUE(t.next(row, false));
    EXPECT_EQ(row.cells[0].text, "a \"\"b\"\"");
    EXPECT_EQ(text, "h\n\"a \"\"b\"\"\"\nc\n");  // nothing written
    t.rewind();
    ASSERT_TRUE(t.next(row, true));
    EXPECT_EQ(row.line, 2u);
    EXPECT_EQ(row.cells[0].text, "a \"b\"");
    ASSERT_TRUE(t.next(row, true));
    EXPECT_EQ(row.cells[0].text, "c");
    EXPECT_FALSE(t.next(row, true));
}

TEST(CsvTokenizer, CellNames) {
    EXPECT_EQ(column_letters(1), "A");
    EXPECT_EQ(column_letters(26), "Z");
    EXPECT_EQ(column_letters(27), "AA");
    EXPECT_EQ(column_letters(16384), "XFD");
    EXPECT_EQ(cell_name(14, 2), "B14");
}

}  // namespace
