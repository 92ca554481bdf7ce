// The integrated chronology as XLSX: read back by sightline's own reader, sheets past the row
// limit, long cells split with a warning, colours for child seen.
#include "sightline/formats/xlsx_writer.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/spreadsheet.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::printed;
using sightline::test::read_zip_part;
using sightline::test::TempDir;

namespace {

// A one-child case with n entries; entry 2's summary is long.
Case small_case(const TempDir& dir, int n, std::size_t long_summary = 0) {
    std::string yaml = "sightline: 1\ncase: {title: W, index_children: [a]}\npeople: [{id: a, name: Ann}]\n"
                       "agencies: [{name: North Police, kind: police, area: North}]\nentries:\n";
    for (int i = 1; i <= n; ++i) {
        const std::string summary = (i == 2 && long_summary) ? std::string(long_summary, 'x') : "=SUM(A1) entry " + std::to_string(i);
        yaml += "  - {agency: North Police, date: 2015-06-" + std::string(i < 10 ? "0" : "") + std::to_string(i) +
                ", type: home_visit, summary: \"" + summary + "\", ref: R" + std::to_string(i) +
                ", child_seen: " + (i % 3 == 0 ? "not_seen" : i % 3 == 1 ? "seen" : "not_recorded") + "}\n";
    }
    dir.write("case.yaml", yaml);
    return formats::load_case(dir.path());
}

// Reads one sheet of a written chronology back as a source of a fresh case.
Case read_back(const std::string& path, const std::string& sheet) {
    Case c;
    Person ann;
    ann.id = "a";
    ann.name = "Ann";
    c.add_person(ann);
    c.info.index_children.push_back(static_cast<PersonId>(0));
    formats::SpreadsheetOptions o;
    o.path = path;
    o.sheet = sheet;
    formats::read_spreadsheet(c, o);
    return c;
}

TEST(XlsxWriter, SplitsLongTextAtSpacesOnCharacterBoundaries) {
    EXPECT_EQ(formats::split_cell_text("short", 10), (std::vector<std::string_view>{"short"}));
    EXPECT_EQ(formats::split_cell_text("aaaa bbbb cccc", 10), (std::vector<std::string_view>{"aaaa bbbb ", "cccc"}));
    EXPECT_EQ(formats::split_cell_text("\xC3\xA9\xC3\xA9\xC3\xA9", 2), (std::vector<std::string_view>{"\xC3\xA9\xC3\xA9", "\xC3\xA9"}));
    EXPECT_EQ(formats::split_cell_text("", 5).size(), 1u);
}

TEST(XlsxWriter, WritesWhatTheReaderReadsBack) {
    TempDir dir;
    const Case c = small_case(dir, 5);
    ASSERT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    Diagnostics warnings;
    formats::write_chronology_xlsx(c, dir.file("out.xlsx"), warnings);
    EXPECT_TRUE(warnings.empty());
    const Case back = read_back(dir.file("out.xlsx"), "");
    ASSERT_EQ(back.chronology.entries.size(), 5u) << joined(printed(back, dir));
    for (std::size_t i = 0; i < 5; ++i) {
        const Entry& a = c.chronology.entries[i];
        const Entry& b = back.chronology.entries[i];
        EXPECT_EQ(format_date(b.date), format_date(a.date));
        EXPECT_EQ(b.summary, a.summary);  // "=SUM(A1) ..." stays text, never a formula
        EXPECT_EQ(b.ref, a.ref);
        EXPECT_EQ(back.agency_name(b.agency), "North Police");
        EXPECT_EQ(back.chronology.seen(b, 0), c.chronology.seen(a, 0));
    }
    const std::string styles = read_zip_part(dir.file("out.xlsx"), "xl/styles.xml");
    EXPECT_NE(styles.find("FFC6EFCE"), std::string::npos);  // green: seen
    EXPECT_NE(styles.find("FFFFEB9C"), std::string::npos);  // amber: not seen
    EXPECT_NE(styles.find("FFE7E6E6"), std::string::npos);  // grey: not recorded
    const std::string sheet = read_zip_part(dir.file("out.xlsx"), "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<pane ySplit=\"1\""), std::string::npos);          // frozen header
    EXPECT_NE(sheet.find("<autoFilter ref=\"A1:O6\""), std::string::npos);   // filters on every column
    EXPECT_EQ(sheet.find("<f>"), std::string::npos);                        // no formulas
}

TEST(XlsxWriter, ContinuesOnANewSheetPastTheRowLimit) {
    TempDir dir;
    const Case c = small_case(dir, 9);
    Diagnostics warnings;
    formats::XlsxWriteOptions o;
    o.max_rows_per_sheet = 5;  // a header and four entries per sheet
    formats::write_chronology_xlsx(c, dir.file("out.xlsx"), warnings, o);
    const Case one = read_back(dir.file("out.xlsx"), "Chronology");
    const Case two = read_back(dir.file("out.xlsx"), "Chronology (2)");
    const Case three = read_back(dir.file("out.xlsx"), "Chronology (3)");
    EXPECT_EQ(one.chronology.entries.size(), 4u);
    EXPECT_EQ(two.chronology.entries.size(), 4u);
    ASSERT_EQ(three.chronology.entries.size(), 1u);
    EXPECT_EQ(three.chronology.entries[0].ref, "R9");
}

TEST(XlsxWriter, SplitsLongCellsOverRowsWithAWarning) {
    TempDir dir;
    const Case c = small_case(dir, 3, 45);
    Diagnostics warnings;
    formats::XlsxWriteOptions o;
    o.max_cell_chars = 20;
    const std::string out = dir.file("out.xlsx");
    formats::write_chronology_xlsx(c, out, warnings, o);
    ASSERT_EQ(warnings.size(), 1u);
    const Diagnostic& w = warnings.items()[0];
    EXPECT_EQ(w.code, "cell-split");
    EXPECT_EQ(w.line, 7u);  // the entry's line in case.yaml
    EXPECT_EQ(w.message, "the Summary of entry " + entry_id(c.chronology.entries[1]) +
                             " has 45 characters, more than an excel cell holds (20); it continues on 2 more rows of '" +
                             out + "'");
    // Nothing is lost: the pieces, in order, make the summary again.
    const std::string sheet = read_zip_part(out, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<t>" + std::string(20, 'x') + "</t>"), std::string::npos);
    EXPECT_NE(sheet.find("<t>xxxxx</t>"), std::string::npos);
    EXPECT_NE(sheet.find("<t>(continued)</t>"), std::string::npos);
}

}  // namespace
