// RFC 4180 tokenizing in place.
#include "csv_tokenizer.hpp"
#include "entry_builder.hpp"
#include "readers.hpp"
#include "text_encoding.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
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

namespace {

// Cells that cross the sixteen-byte steps of the scans at every offset: quotes, doubled quotes,
// line breaks and delimiters land before, on and after each step.
TEST(CsvTokenizer, LongCellsAtEveryOffset) {
    for (std::size_t pad = 0; pad < 40; ++pad) {
        const std::string x(pad, 'x'), y(pad % 17, 'y'), z(20, 'z'), w(pad, 'w');
        const std::string text = x + ",\"" + y + "\"\"q\"\"\n" + z + "\"," + w + "\r\nnext\n";
        for (const bool unescape : {true, false}) {
            SCOPED_TRACE("pad " + std::to_string(pad) + (unescape ? "" : ", read-only"));
            const auto rows = tokenize(text, ',', unescape);
            ASSERT_EQ(rows.size(), 2u);
            const std::string quoted = unescape ? y + "\"q\"\n" + z : y + "\"\"q\"\"\n" + z;
            EXPECT_EQ(rows[0].cells, (std::vector<std::string>{x, quoted, w}));
            EXPECT_EQ(rows[0].problem, RowProblem::None);
            EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"next"}));
            EXPECT_EQ(rows[1].line, 3u);
        }
    }
}

// Line ends counted one at a time, as the bound is defined.
std::size_t records_by_hand(const std::string& s) {
    std::size_t n = 1;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) ++n;
    if (!s.empty() && (s.back() == '\n' || s.back() == '\r')) --n;
    return n;
}

TEST(CsvRecordBound, CountsLineFeedsAndLoneCarriageReturnsAtEveryOffset) {
    EXPECT_EQ(record_bound(""), 1u);
    EXPECT_EQ(record_bound("a\r\nb\rc\nd"), 4u);
    EXPECT_EQ(record_bound("a\r\nb\rc\nd\n"), 4u);  // as many records as tokenized
    EXPECT_EQ(record_bound("a\r\nb\rc\nd\r"), 4u);
    EXPECT_EQ(record_bound("a\n\n"), 2u);
    for (const std::string& text : {std::string("a\n\n"), std::string("\n"), std::string("h\r\n\"x\ny\"\r\n")}) {
        std::string copy = text;
        CsvTokenizer t(copy.data(), copy.size(), ',');
        SheetRow row;
        std::size_t records = 0;
        while (t.next(row, true)) ++records;
        EXPECT_GE(record_bound(text), records) << text;
    }
    std::string big;  // more line feeds than a byte counter holds, between every kind of line end
    for (std::size_t line = 0; line < 20000; ++line)
        big += std::string(line % 23, 'x') + (line % 7 == 0 ? "\r\n" : line % 11 == 0 ? "\r" : "\n");
    EXPECT_EQ(record_bound(big), records_by_hand(big));
    for (std::size_t pad = 0; pad < 40; ++pad) {
        const std::string text = std::string(pad, 'a') + "\r\n" + std::string(pad % 5, 'b') + "\r" + "c\n" +
                                 std::string(pad % 13, 'd') + "\n\r\r\n" + std::string(pad % 3, 'e') + "\r";
        SCOPED_TRACE("pad " + std::to_string(pad));
        EXPECT_EQ(record_bound(text), records_by_hand(text));
    }
}

}  // namespace

namespace {

// The slots of a source read on its own thread are counted from its records; should they ever
// fall short, the entries past them are still made (appended to the chronology), never lost.
TEST(CsvReader, EntriesPastTheirSlotsAreKept) {
    sightline::engine::Case c;
    c.sources.push_back({"a.csv", "a.csv", "csv", {}, {}});
    const std::string csv = "Date,Type,Summary\n24/06/2015,Home visit,one\n25/06/2015,Home visit,two\n26/06/2015,Home visit,three\n";
    sightline::formats::FileBuffer raw;
    raw.data = std::make_unique<char[]>(csv.size() + 1);
    std::memcpy(raw.data.get(), csv.c_str(), csv.size() + 1);
    raw.size = csv.size();
    SheetMapping mapping;
    mapping.agency = "Eastmere Police";
    mapping.date_order = sightline::engine::DateOrder::Dmy;
    std::vector<sightline::engine::Entry> slots(1);
    OnThread out{slots.data(), slots.data() + slots.size()};
    read_csv_text(c, sightline::engine::SourceId{0}, "a.csv", decode_text(std::move(raw)), std::move(mapping), false, &out);
    EXPECT_FALSE(c.diagnostics.has_errors());
    EXPECT_EQ(out.next, out.end);
    EXPECT_EQ(slots[0].summary, "one");
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.chronology.entries[0].summary, "two");
    EXPECT_EQ(c.chronology.entries[1].summary, "three");
    EXPECT_EQ(c.sources[0].counts.entries_made, 3u);
    EXPECT_EQ(c.sources[0].counts.rows_read, 3u);
}

}  // namespace
