// Word returns: the chronology table(s) of a .docx, found among the document's other tables and
// read row by row, with the cells as Word keeps them (merged, tracked, wrapped in controls).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/columns.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;
using sightline::test::write_docx;

namespace {

// A paragraph of plain text.
std::string p(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}
// A cell holding some paragraphs, with optional cell properties.
std::string tc(const std::string& paragraphs, const std::string& props = "") {
    return "<w:tc>" + (props.empty() ? "" : "<w:tcPr>" + props + "</w:tcPr>") + paragraphs + "</w:tc>";
}
// A row of plain-text cells.
std::string tr(const std::vector<std::string>& cells, const std::string& props = "") {
    std::string out = "<w:tr>" + (props.empty() ? "" : "<w:trPr>" + props + "</w:trPr>");
    for (const std::string& c : cells) out += tc(p(c));
    return out + "</w:tr>";
}
std::string tbl(const std::string& rows) {
    return "<w:tbl><w:tblPr/><w:tblGrid/>" + rows + "</w:tbl>";
}

constexpr const char* k_header_props = "<w:tblHeader/>";

// The source's rows and entries add up: rows read = entries made + rows rejected.
void expect_accounted(const Case& c) {
    for (const Source& s : c.sources)
        EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;
}

std::map<std::string, const Entry*> by_summary(const Case& c) {
    std::map<std::string, const Entry*> out;
    c.chronology.for_each_entry([&](const Entry& e) { out[std::string(e.summary)] = &e; });
    return out;
}

}  // namespace

// A template as agencies return it: a title, the child's details, then the chronology, whose
// cells hold what Word puts in cells.
TEST(DocxReader, ReadsTheChronologyAfterTheDetailsTable) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    const std::string details = tbl(tr({"Child's name", "Child A"}) + tr({"Date of birth", "01/10/2014"}) +
                                    tr({"Agency", "Metropolitan Police"}));
    const std::string chronology = tbl(
        tr({"Date", "Time", "Details of event", "Action taken / outcome", "Child seen?"}, k_header_props) +
        // Two paragraphs, typographic quotes, a hyperlink and a simple field.
        "<w:tr>" + tc(p("24/06/2015")) + tc(p("10.30am")) +
        tc("<w:p><w:r><w:t>Officers attended; Mum said \xE2\x80\x9Cit\xE2\x80\x99s "
           "fine\xE2\x80\x9D.</w:t></w:r></w:p>"
           "<w:p><w:hyperlink><w:r><w:t>See log</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> "
           "</w:t></w:r>"
           "<w:fldSimple w:instr=\" REF x \"><w:r><w:t>CAD 1</w:t></w:r></w:fldSimple></w:p>") +
        tc(p("CCN sent")) + tc(p("Yes")) + "</w:tr>" +
        // A tracked change: the inserted words are read, the deleted ones are not.
        "<w:tr>" + tc(p("Mon 29th June 2015")) + tc(p("")) +
        tc("<w:p><w:r><w:t xml:space=\"preserve\">Home visit, </w:t></w:r>"
           "<w:del w:id=\"1\" w:author=\"PC\"><w:r><w:delText>nobody in</w:delText></w:r></w:del>"
           "<w:ins w:id=\"2\" w:author=\"PC\"><w:r><w:t>no reply</w:t></w:r></w:ins></w:p>") +
        tc(p("")) + tc(p("No")) + "</w:tr>" +
        // The header pasted again from another page; a heading across the table.
        tr({"Date", "Time", "Details of event", "Action taken / outcome", "Child seen?"}) + "<w:tr>" +
        tc(p("2016"), "<w:gridSpan w:val=\"5\"/>") + "</w:tr>" +
        // A date merged down over two rows: both rows have it.
        "<w:tr>" + tc(p("03/02/2016"), "<w:vMerge w:val=\"restart\"/>") + tc(p("")) +
        tc(p("Referral to CSC")) + tc(p("")) + tc(p("")) + "</w:tr>" + "<w:tr>" + tc(p(""), "<w:vMerge/>") +
        tc(p("")) + tc(p("Strategy discussion held")) + tc(p("")) + tc(p("")) + "</w:tr>" +
        // A content control still showing its placeholder is an empty cell; the writer could not date it.
        "<w:tr>" + tc(p("Not known")) + tc(p("")) + tc(p("Neighbour reported shouting")) + tc(p("")) +
        "<w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click or tap here to "
        "enter "
        "text.</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>");
    write_docx(dir.file("agencies/p.docx"), p("Internal chronology") + details + p("") + chronology);
    const Case c = load_sheet_case(dir, "  - agencies/p.docx\n");
    const auto got = printed(c, dir);
    expect_accounted(c);
    EXPECT_EQ(c.sources[0].counts.rows_read, 5u) << joined(got);
    EXPECT_EQ(c.sources[0].counts.entries_made, 5u);
    EXPECT_EQ(c.sources[0].counts.undated, 1u);
    EXPECT_EQ(c.sources[0].counts.skipped_rows, 2u);  // the pasted header and the heading
    EXPECT_EQ(got,
              (std::vector<std::string>{
                  "agencies/p.docx:table 1: note: table 1 is not a chronology (it starts 'Child's name', "
                  "'Child A'); skipped [table-skipped]",
                  "agencies/p.docx:table 2:row 5: note: row 5 is one cell across the table ('2016'); read as "
                  "a heading, not an entry [row-heading]"}));
    const auto e = by_summary(c);
    ASSERT_EQ(e.size(), 5u);
    const Entry& first =
        *e.at("Officers attended; Mum said \xE2\x80\x9Cit\xE2\x80\x99s fine\xE2\x80\x9D.\nSee log CAD 1");
    EXPECT_EQ(format_date(first.date), "2015-06-24 10:30");
    EXPECT_EQ(c.agency_name(first.agency), "Metropolitan Police");  // from the details table
    EXPECT_EQ(formats::source_text(c, first), "agencies/p.docx:table 2:row 2");
    EXPECT_EQ(c.chronology.seen(first, 0), ChildSeen::Seen);
    EXPECT_TRUE(first.type_inferred);
    ASSERT_EQ(first.extra.count, 1u);
    EXPECT_EQ(c.chronology.extras_of(first)[0].first, "Action taken / outcome");
    const Entry& visit = *e.at("Home visit, no reply");
    EXPECT_EQ(format_date(visit.date), "2015-06-29");
    EXPECT_EQ(visit.type, EntryType::NoAccessVisit);
    EXPECT_EQ(format_date(e.at("Referral to CSC")->date), "2016-02-03");
    EXPECT_EQ(format_date(e.at("Strategy discussion held")->date), "2016-02-03");
    EXPECT_EQ(formats::source_text(c, *e.at("Strategy discussion held")), "agencies/p.docx:table 2:row 7");
    const Entry& undated = *e.at("Neighbour reported shouting");
    EXPECT_TRUE(undated.undated);
    EXPECT_EQ(c.chronology.seen(undated, 0), ChildSeen::NotRecorded);  // the placeholder said nothing
}

// Word splits a long table, or the writer starts a new one: the same header, or none and the
// same columns, continues the chronology; a table that looks dated but has no header is said so.
TEST(DocxReader, TablesThatContinueTheChronology) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    const auto header = tr({"Date", "Significant event", "Source"});
    write_docx(dir.file("agencies/h.docx"),
               tbl(header + tr({"13/02/2015", "Letter sent", "File"})) + p("") +
                   tbl(header + tr({"14/02/2015", "Phone call to mum", "File"})) + p("") +
                   tbl(tr({"03/03/2015", "Home visit, child seen", "File"})) + p("") +
                   tbl(tr({"When", "What"}) + tr({"04/02/2015", "x"}) + tr({"05/02/2015", "y"})));
    const Case c = load_sheet_case(dir, "  - {file: agencies/h.docx, agency: Ealing Health Visiting}\n");
    const auto got = printed(c, dir);
    expect_accounted(c);
    EXPECT_EQ(c.chronology.entries.size(), 3u) << joined(got);
    EXPECT_EQ(
        got, (std::vector<std::string>{
                 "agencies/h.docx:table 3: note: table 3 has no header row; its rows are read as the rest of "
                 "table 1 (the same 3 columns) [table-continues]",
                 "agencies/h.docx:table 4: warning: table 4 has dated rows but no header with a date and a "
                 "details column ('When', 'What'); it is not read: give its headings in a mapping (columns: "
                 "date:, summary:) [table-unread]"}));
    std::map<std::string, std::string> where;
    for (const Entry& e : c.chronology.entries) where[std::string(e.summary)] = formats::source_text(c, e);
    EXPECT_EQ(where.at("Phone call to mum"), "agencies/h.docx:table 2:row 2");
    EXPECT_EQ(where.at("Home visit, child seen"), "agencies/h.docx:table 3:row 1");
}

// A bad row is rejected at its table and row; a document with no chronology says what it has.
TEST(DocxReader, PlacesProblemsByTableAndRow) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    write_docx(
        dir.file("agencies/a.docx"),
        tbl(tr({"Date", "Details"}) + tr({"31/02/2015", "Seen at clinic"}) + tr({"21/03/2015", "Seen"})));
    write_docx(dir.file("agencies/b.docx"), p("Chronology") + tbl(tr({"Name", "Riley"})));
    write_docx(dir.file("agencies/c.docx"), p("We saw the family on 3 March."));
    const Case c = load_sheet_case(dir,
                                   "  - {file: agencies/a.docx, agency: Brook Lane Clinic}\n"
                                   "  - {file: agencies/b.docx, agency: Brook Lane Clinic}\n"
                                   "  - {file: agencies/c.docx, agency: Brook Lane Clinic}\n");
    const auto got = printed(c, dir);
    expect_accounted(c);
    EXPECT_EQ(
        got,
        (std::vector<std::string>{
            "agencies/a.docx:table 1:row 2: error: date '31/02/2015' does not exist [date-invalid]",
            "agencies/b.docx: error: no chronology table in 'agencies/b.docx': none of its 1 table has a "
            "header row with a date column and a details column (Date, Details) [chronology-missing]",
            "agencies/b.docx:table 1: note: table 1 is not a chronology (it starts 'Name', 'Riley'); "
            "skipped [table-skipped]",
            "agencies/c.docx: error: no table in 'agencies/c.docx': a return's chronology is read from a "
            "table with a date column and a details column (sightline template --agency NAME -o "
            "return.docx makes one) [docx-no-table]"}));
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);
    EXPECT_EQ(c.sources[0].counts.entries_made, 1u);
}

// A date column split over tables is decided as one, and its examples say which table.
TEST(DocxReader, DayMonthOrderAcrossTables) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    const auto header = tr({"Date", "Details"});
    write_docx(dir.file("agencies/u.docx"), tbl(header + tr({"01/02/2015", "Letter sent"})) + p("") +
                                                tbl(header + tr({"03/04/2015", "Phone call"})));
    const Case c = load_sheet_case(dir, "  - {file: agencies/u.docx, agency: Brook Lane Clinic}\n");
    const auto got = printed(c, dir);
    expect_accounted(c);
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(
        got.front(),
        "agencies/u.docx:table 1:row 1: error: cannot decide day/month order of column 'Date' (e.g. "
        "'01/02/2015' at table 1, row 2, '03/04/2015' at table 2, row 2); add date_order: dmy or mdy to the "
        "mapping, to the source in case.yaml, or under case: [date-order-undecided]");
    // The case's UK order settles it.
    const Case uk = load_sheet_case(dir, "  - {file: agencies/u.docx, agency: Brook Lane Clinic}\n",
                                    "  date_order: dmy\n");
    EXPECT_TRUE(uk.diagnostics.empty()) << joined(printed(uk, dir));
    EXPECT_EQ(uk.chronology.entries.size(), 2u);
}

// A return typed in LibreOffice Writer and saved as Word by LibreOffice (tests/data/returns):
// another program's idea of a .docx reads as its writer meant it.
TEST(DocxReader, ReadsAReturnSavedByLibreOffice) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    std::filesystem::copy_file(
        std::string(SIGHTLINE_SOURCE_DIR) + "/tests/data/returns/libreoffice-gp-return.docx",
        dir.file("agencies/gp.docx"));
    const Case c = load_sheet_case(dir, "  - agencies/gp.docx\n");
    const auto got = printed(c, dir);
    expect_accounted(c);
    EXPECT_EQ(
        got,
        (std::vector<std::string>{
            "agencies/gp.docx:table 1: note: table 1 is not a chronology (it starts 'Agency', 'Brookfield "
            "Surgery'); skipped [table-skipped]",
            "agencies/gp.docx:table 2:row 4: note: row 4 is one cell across the table ('2021'); read as a "
            "heading, not an entry [row-heading]"}));
    ASSERT_EQ(c.chronology.entries.size(), 4u);
    ASSERT_EQ(c.chronology.undated.size(), 1u);
    std::vector<std::string> dates;
    for (const Entry& e : c.chronology.entries) dates.push_back(format_date(e.date));
    EXPECT_EQ(dates, (std::vector<std::string>{"2020-03-03 09:10", "2020-04-13/2020-04-19",
                                               "~2021-01-11/2021-01-20", "2021-02-22 15:45"}));
    const Entry& first = c.chronology.entries[0];
    EXPECT_EQ(c.agency_name(first.agency), "Brookfield Surgery");
    EXPECT_EQ(c.agency_kind(first.agency), AgencyKind::Gp);  // "Agency type: GP" in the details
    EXPECT_EQ(first.summary,
              "Mum brought J for 1 year immunisations. All given.\nMum said dad \xE2\x80\x9Cis back on the "
              "scene\xE2\x80\x9D.");
    EXPECT_EQ(first.type, EntryType::Immunisation);
    EXPECT_EQ(c.chronology.seen(first, 0), ChildSeen::Seen);
    EXPECT_EQ(c.chronology.entries[2].type, EntryType::MissedAppointment);
    EXPECT_EQ(c.chronology.seen(c.chronology.entries[1], 0), ChildSeen::NotSeen);  // "No – phone call"
    EXPECT_EQ(c.chronology.undated[0].date_text, "Not known");
}
