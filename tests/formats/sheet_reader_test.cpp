// The shared sheet reader (through CSV files): mappings, header recognition, day/month order per
// column, values maps, extras, and one test per diagnostic code with its exact text.
#include "sheet_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "cell_values.hpp"
#include "headings.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::formats::detail::header_key;
using sightline::formats::detail::recognise_header;
using sightline::formats::detail::recognise_text_header;
using sightline::formats::detail::serial_number;
using sightline::formats::detail::SheetField;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;

namespace {

const Entry& only_entry(const Case& c) {
    EXPECT_EQ(c.chronology.entries.size(), 1u);
    return c.chronology.entries.front();
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST(SheetReader, RecognisesCommonHeaders) {
    EXPECT_EQ(header_key("  Child seen (Y/N) "), "child seen y n");
    EXPECT_EQ(header_key("Child\xE2\x80\x99s views sought?"), "child s views sought");
    EXPECT_EQ(recognise_header("Date"), SheetField::Date);
    EXPECT_EQ(recognise_header("Date of contact"), SheetField::Date);
    EXPECT_EQ(recognise_header("AGENCY"), SheetField::Agency);
    EXPECT_EQ(recognise_header("Source"), SheetField::Agency);
    EXPECT_EQ(recognise_header("Details"), SheetField::Summary);
    EXPECT_EQ(recognise_header("Child seen (Y/N)"), SheetField::ChildSeen);
    EXPECT_EQ(recognise_header("Child's views sought"), SheetField::ViewsSought);
    EXPECT_EQ(recognise_header("People involved"), SheetField::Subjects);
    EXPECT_EQ(recognise_header("Agencies informed"), SheetField::To);
    EXPECT_EQ(recognise_header("Event type"), SheetField::Type);
    EXPECT_EQ(recognise_header("Borough"), SheetField::Area);
    EXPECT_EQ(recognise_header("End date"), SheetField::End);
    EXPECT_FALSE(recognise_header("Notes"));
    // Template headings, whatever their case and punctuation.
    EXPECT_EQ(recognise_header("Date or Period of Event"), SheetField::Date);
    EXPECT_EQ(recognise_header("Significant Event"), SheetField::Summary);
    EXPECT_EQ(recognise_header("What happened?"), SheetField::Summary);
    EXPECT_EQ(recognise_header("Child seen and spoken to?"), SheetField::ChildSeen);
    EXPECT_EQ(recognise_header("Information shared with"), SheetField::To);
    EXPECT_EQ(recognise_header("Event Ref"), SheetField::Ref);
    EXPECT_EQ(recognise_header("Start Time"), SheetField::Time);
    EXPECT_TRUE(recognise_text_header("Action Taken / Outcome"));
    EXPECT_TRUE(recognise_text_header("IMPACT"));
    EXPECT_TRUE(recognise_text_header("RAG"));
    EXPECT_TRUE(recognise_text_header("Notes"));
    EXPECT_FALSE(recognise_text_header("Date"));
}

TEST(SheetReader, SerialNumbersNeedFiveDigits) {
    EXPECT_EQ(serial_number("42179"), 42179.0);
    EXPECT_EQ(serial_number(" 42179.5 "), 42179.5);
    EXPECT_FALSE(serial_number("2015"));
    EXPECT_FALSE(serial_number("42179."));
    EXPECT_FALSE(serial_number("4217x"));
    EXPECT_FALSE(serial_number("24/06/2015"));
}

TEST(SheetReader, ReadsEveryFieldThroughAMapping) {
    TempDir dir;
    dir.write("agencies/hv.csv",
              "Ref,Date,Time,Seq,Kind of contact,Event,Notes,Who,Seen?,Views,How,Worker,Told,Borough,End,Flags,Extra notes\n"
              "HV-1,10/07/2015,14:30,2,HV,Home visit,\"Mother and baby seen, all well\",Mum; Baby A | Lee,Y,yes,"
              "In person,HV1,Ealing Children's Social Care,LBE,12/07/2015,neglect; housing,\"kept \"\"as is\"\"\"\n");
    dir.write("agencies/hv.mapping.yaml", R"(agency: Ealing Health Visiting
kind: health_visiting
date_order: dmy
columns:
  ref: Ref
  date: Date
  time: Time
  seq: Seq
  type: Kind of contact
  summary: [Event, Notes]
  subjects: Who
  child_seen: "Seen?"
  views_sought: Views
  modality: How
  practitioner: Worker
  to: Told
  area: Borough
  end: End
  tags: Flags
values:
  type: {HV: home_visit}
  child_seen: {"Y": seen_alone}
  modality: {"In person": face_to_face}
)");
    const Case c = load_sheet_case(dir, "  - agencies/hv.csv\n");
    const Entry& e = only_entry(c);
    EXPECT_EQ(format_date(e.date), "2015-07-10 14:30");
    EXPECT_EQ(e.date_text, "10/07/2015 14:30");
    EXPECT_EQ(c.agency_name(e.agency), "Ealing Health Visiting");
    EXPECT_EQ(e.type, EntryType::HomeVisit);
    EXPECT_EQ(e.summary, "Home visit \xE2\x80\x94 Mother and baby seen, all well");
    EXPECT_EQ(e.ref, "HV-1");
    EXPECT_EQ(e.seq, 2);
    EXPECT_EQ(e.practitioner, "HV1");
    EXPECT_EQ(e.modality, Modality::FaceToFace);
    EXPECT_EQ(e.views_sought, Tri::Yes);
    EXPECT_EQ(c.chronology.seen(e, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(c.chronology.seen(e, 1), ChildSeen::SeenAlone);
    ASSERT_EQ(e.subjects.count, 3u);
    EXPECT_EQ(c.person(c.chronology.subjects_of(e)[0].person).id, "mother");
    EXPECT_EQ(c.person(c.chronology.subjects_of(e)[1].person).id, "child-a");
    EXPECT_TRUE(is_none(c.chronology.subjects_of(e)[2].person));
    ASSERT_EQ(e.to.count, 1u);
    EXPECT_EQ(c.agency_name(c.chronology.to_of(e)[0]), "Ealing Children's Social Care");
    EXPECT_EQ(c.area_name(e.area), "Ealing");
    ASSERT_NE(c.chronology.end_of(e), nullptr);
    EXPECT_EQ(format_date(*c.chronology.end_of(e)), "2015-07-12");
    EXPECT_TRUE(c.chronology.has_tag(e, "neglect"));
    EXPECT_TRUE(c.chronology.has_tag(e, "housing"));
    ASSERT_EQ(e.extra.count, 1u);
    EXPECT_EQ(c.chronology.extras_of(e)[0].first, "Extra notes");
    EXPECT_EQ(c.chronology.extras_of(e)[0].second, "kept \"as is\"");
    EXPECT_EQ(c.sources[0].counts.rows_read, 1u);
    EXPECT_EQ(c.sources[0].counts.entries_made, 1u);
}

TEST(SheetReader, ReadsWithoutAMappingByHeaders) {
    TempDir dir;
    dir.write("agencies/mixed.csv",
              "Date of contact,Agency,Details,Type,Child seen (Y/N),Notes,Colour\n"
              "26/06/2015,Metropolitan Police,Call out,police_incident,N,,\n"
              "27/06/2015,Brook Lane Clinic,GP appointment,gp_consultation,Y,late,\n");
    const Case c = load_sheet_case(dir, "  - agencies/mixed.csv\n");
    const auto got = printed(c, dir);
    ASSERT_EQ(c.chronology.entries.size(), 2u) << joined(got);
    const Entry& police = c.chronology.entries[0];
    EXPECT_EQ(c.agency_name(police.agency), "Metropolitan Police");
    EXPECT_EQ(c.agency_kind(police.agency), AgencyKind::Police);
    EXPECT_EQ(c.chronology.seen(police, 0), ChildSeen::NotSeen);
    const Entry& gp = c.chronology.entries[1];
    EXPECT_EQ(c.agency_kind(gp.agency), AgencyKind::Gp);
    EXPECT_EQ(c.area_name(gp.area), "Ealing");  // from the registry, at merge
    ASSERT_EQ(gp.extra.count, 1u);
    // A template's text column (Notes) is expected; a column nobody expects is named once.
    EXPECT_EQ(got, (std::vector<std::string>{
                       "agencies/mixed.csv:1:7: warning: column 'Colour' is not an entry field; kept as written [key-unknown]"}));
}

// A row the writer could not date is an entry, kept apart from the dated ones and counted.
TEST(SheetReader, UndatedRowsAreEntriesNotErrors) {
    TempDir dir;
    dir.write("agencies/u.csv",
              "Date,Type,Summary\n"
              "Not known,contact,Grandmother says she rang the school\n"
              "24/06/2015,home_visit,Seen at home\n"
              "N/K,phone_call,Call from a neighbour\n"
              ",letter,Letter on file with no date\n");
    const Case c = load_sheet_case(dir, "  - {file: agencies/u.csv, agency: Metropolitan Police}\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    ASSERT_EQ(c.chronology.undated.size(), 3u);
    EXPECT_EQ(c.chronology.undated[0].date_text, "Not known");
    EXPECT_EQ(c.chronology.undated[1].date_text, "N/K");
    EXPECT_EQ(c.chronology.undated[2].date_text, "");
    EXPECT_EQ(c.chronology.undated[0].summary, "Grandmother says she rang the school");  // source order
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, 4u);
    EXPECT_EQ(n.entries_made + n.rows_rejected, n.rows_read);
    EXPECT_EQ(n.undated, 3u);
    std::string json;
    formats::write_merge_json(c, json);
    EXPECT_NE(json.find(R"("date":null,"undated":true,"date_as_written":"Not known")"), std::string::npos) << json;
    EXPECT_EQ(json.find(R"("earliest":null)"), std::string::npos);
    std::string md;
    formats::write_chronology_markdown(c, md);
    EXPECT_NE(md.find("## Undated entries"), std::string::npos);
    EXPECT_LT(md.find("Seen at home"), md.find("## Undated entries"));
    EXPECT_GT(md.find("Letter on file"), md.find("## Undated entries"));
    std::string csv;
    formats::write_chronology_csv(c, csv);
    EXPECT_NE(csv.find("\r\nundated (Not known),Metropolitan Police,"), std::string::npos) << csv;
}

// A template's text columns become named fields; a type is read from the words when none is written.
TEST(SheetReader, TemplateColumnsWithoutAType) {
    TempDir dir;
    dir.write("agencies/school.csv",
              "Date or Period of Event,Significant Event,Action Taken / Outcome,Child seen and spoken to?\n"
              "24/06/2015,Mum rang to say A is unwell,Absence recorded,\"No - at home, unwell\"\n"
              "25/06/2015,A back in class,None,Yes - seen alone by class teacher\n");
    const Case c = load_sheet_case(dir, "  - {file: agencies/school.csv, agency: Ealing Primary, kind: school}\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    const Entry& first = c.chronology.entries[0];
    EXPECT_TRUE(first.type_inferred);
    EXPECT_EQ(first.summary, "Mum rang to say A is unwell");
    EXPECT_EQ(c.chronology.seen(first, 0), ChildSeen::NotSeen);
    EXPECT_EQ(c.chronology.seen(c.chronology.entries[1], 0), ChildSeen::SeenAlone);
    std::map<std::string, std::string> extras;
    for (const auto& [k, v] : c.chronology.extras_of(first)) extras[std::string(k)] = v;
    EXPECT_EQ(extras, (std::map<std::string, std::string>{
                          {"Action Taken / Outcome", "Absence recorded"},
                          {"Child seen and spoken to?", "No - at home, unwell"}}));  // the words behind the verdict
}

TEST(SheetReader, DirectivesAboveTheHeaderAndHeaderRow) {
    TempDir dir;
    dir.write("agencies/t.csv",
              "# agency: Brook Lane Clinic\n# kind: gp\n# date_order: dmy\n\"# Fill one row per contact, oldest first\"\n"
              "Date,Type,Summary\n01/02/2015,contact,Seen\n");
    const Case c = load_sheet_case(dir, "  - agencies/t.csv\n");
    const Entry& e = only_entry(c);
    EXPECT_EQ(format_date(e.date), "2015-02-01");
    EXPECT_EQ(c.agency_name(e.agency), "Brook Lane Clinic");
    EXPECT_EQ(c.sources[0].counts.skipped_rows, 4u);
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));

    dir.write("agencies/h.csv", "Police export,,\nrun 2015-12-01,,\nDate,Type,Summary\n2015-02-01,contact,Seen\n");
    dir.write("agencies/h.mapping.yaml", "agency: Metropolitan Police\nheader_row: 3\n");
    const Case h = load_sheet_case(dir, "  - agencies/h.csv\n");
    EXPECT_EQ(only_entry(h).where.line, 4u);
    EXPECT_EQ(h.sources[0].counts.skipped_rows, 2u);
}

TEST(SheetReader, AgencyColumnTakesKindsFromTheRegistry) {
    TempDir dir;
    dir.write("agencies/all.csv",
              "Date,Source,Type,Summary\n2015-02-01,Metropolitan Police,contact,a\n2015-02-02,Met,contact,b\n"
              "2015-02-03,Riverside Project,contact,c\n2015-02-04,,contact,d\n");
    dir.write("agencies/all.mapping.yaml", "agency_column: Source\nvalues:\n  agency: {Met: Metropolitan Police}\n");
    const Case c = load_sheet_case(dir, "  - agencies/all.csv\n");
    ASSERT_EQ(c.chronology.entries.size(), 3u);
    EXPECT_EQ(c.chronology.entries[0].agency, c.chronology.entries[1].agency);
    EXPECT_EQ(c.agency_kind(c.chronology.entries[0].agency), AgencyKind::Police);
    const auto got = printed(c, dir);
    EXPECT_TRUE(has(got, "agencies/all.csv:4:2: warning: agency 'Riverside Project' in column 'Source' is not in the "
                         "case's agencies: and its kind cannot be told from its name; add it to agencies: "
                         "[agency-unregistered]"))
        << joined(got);
    EXPECT_TRUE(has(got, "agencies/all.csv:5:2: error: row has no agency (column 'Source' is empty) [field-missing]"))
        << joined(got);
    EXPECT_EQ(c.sources[0].counts.rows_read, 4u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);
}

TEST(SheetReader, PerChildSeenColumnsAndValueMaps) {
    TempDir dir;
    dir.write("agencies/s.csv", "Date,Type,Summary,A seen,B seen\n2015-02-01,home visit,v,alone,no\n");
    dir.write("agencies/s.mapping.yaml",
              "agency: Ealing Health Visiting\ncolumns:\n  child_seen: {child-a: A seen, Child B: B seen}\n");
    const Case c = load_sheet_case(dir, "  - agencies/s.csv\n");
    const Entry& e = only_entry(c);
    EXPECT_EQ(c.chronology.seen(e, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(c.chronology.seen(e, 1), ChildSeen::NotSeen);
}

TEST(SheetReader, DecidesDayMonthOrderPerColumn) {
    TempDir dir;
    // One 26/06/2015 settles the column: 01/02/2015 is 1 February.
    dir.write("agencies/uk.csv", "Date,Type,Summary\n01/02/2015,contact,a\n26/06/2015,contact,b\n");
    // One 06/26/2015 settles it the other way: 01/02/2015 is 2 January.
    dir.write("agencies/us.csv", "Date,Type,Summary\n01/02/2015,contact,a\n06/26/2015,contact,b\n");
    const Case c = load_sheet_case(dir,
                                   "  - {file: agencies/uk.csv, agency: Metropolitan Police}\n"
                                   "  - {file: agencies/us.csv, agency: Brook Lane Clinic}\n");
    ASSERT_EQ(c.chronology.entries.size(), 4u) << joined(printed(c, dir));
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    std::vector<std::string> dates;
    for (const Entry& e : c.chronology.entries) dates.push_back(format_date(e.date));
    EXPECT_EQ(dates, (std::vector<std::string>{"2015-01-02", "2015-02-01", "2015-06-26", "2015-06-26"}));
}

TEST(SheetReader, ReadsDatesAndTimesAsPeopleWriteThem) {
    TempDir dir;
    // "Mon 13/06/2016" decides the column day first; a time column is read with its day.
    dir.write("agencies/a.csv", "Date,Time,Type,Summary\n"
                                "Mon 13/06/2016,10.30am,contact,a\n"
                                "w/c 01/02/2016,,contact,b\n"
                                "23/05/2016,morning,contact,c\n"
                                "Tue 23rd May 2016,,contact,d\n");
    // Only "w/c 01/02/2016" and "03/04/2016": the week's day could be either, and is not guessed.
    dir.write("agencies/b.csv", "Date,Type,Summary\nw/c 01/02/2016,contact,a\n03/04/2016,contact,b\n");
    const Case c = load_sheet_case(dir,
                                   "  - {file: agencies/a.csv, agency: Metropolitan Police}\n"
                                   "  - {file: agencies/b.csv, agency: Brook Lane Clinic}\n");
    const auto got = printed(c, dir);
    std::vector<std::string> dates;
    for (const Entry& e : c.chronology.entries) dates.push_back(format_date(e.date));
    std::sort(dates.begin(), dates.end());
    EXPECT_EQ(dates, (std::vector<std::string>{"2016-02-01/2016-02-07", "2016-05-23", "2016-05-23 morning",
                                               "2016-06-13 10:30"}))
        << joined(got);
    EXPECT_TRUE(has(got, "agencies/a.csv:5:1: warning: 'Tue 23rd May 2016': 23 May 2016 was a Monday [date-weekday]"))
        << joined(got);
    EXPECT_TRUE(has(got, "agencies/b.csv:2:1: error: date 'w/c 01/02/2016' could be day/month or month/day, and "
                         "column 'Date' does not say which [date-ambiguous]"))
        << joined(got);
}

TEST(SheetReader, UndecidableColumnIsAnErrorUntilTheMappingSaysDmy) {
    TempDir dir;
    dir.write("agencies/p.csv", "Date,Type,Summary\n2015-01-01,contact,iso is fine\n01/02/2015,contact,a\n"
                                "05/05/2015,contact,same either way\n03/04/2015,contact,b\n");
    const Case c = load_sheet_case(dir, "  - {file: agencies/p.csv, agency: Metropolitan Police}\n");
    const auto got = printed(c, dir);
    EXPECT_TRUE(has(got, "agencies/p.csv:1:1: error: cannot decide day/month order of column 'Date' (e.g. "
                         "'01/02/2015' at row 3, '03/04/2015' at row 5); add date_order: dmy or mdy to the mapping, to the source in case.yaml, or under case: "
                         "[date-order-undecided]"))
        << joined(got);
    EXPECT_TRUE(has(got, "agencies/p.csv:3:1: error: date '01/02/2015' could be day/month or month/day, and column "
                         "'Date' does not say which [date-ambiguous]"))
        << joined(got);
    EXPECT_EQ(c.sources[0].counts.entries_made, 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 2u);

    const Case d = load_sheet_case(dir, "  - {file: agencies/p.csv, agency: Metropolitan Police, date_order: dmy}\n");
    EXPECT_TRUE(d.diagnostics.empty()) << joined(printed(d, dir));
    ASSERT_EQ(d.chronology.entries.size(), 4u);
    EXPECT_EQ(format_date(d.chronology.entries[1].date), "2015-02-01");

    // The case's own default decides what the columns cannot.
    const Case e = load_sheet_case(dir, "  - {file: agencies/p.csv, agency: Metropolitan Police}\n", "  date_order: dmy\n");
    EXPECT_TRUE(e.diagnostics.empty()) << joined(printed(e, dir));
    EXPECT_EQ(format_date(e.chronology.entries[2].date), "2015-04-03");
}

TEST(SheetReader, MixedColumnsAndConflictsWithTheCaseDefault) {
    TempDir dir;
    dir.write("agencies/m.csv", "Date,Type,Summary\n26/06/2015,contact,a\n06/27/2015,contact,b\n01/02/2015,contact,c\n");
    const Case c = load_sheet_case(dir, "  - {file: agencies/m.csv, agency: Metropolitan Police}\n");
    const auto got = printed(c, dir);
    EXPECT_TRUE(has(got, "agencies/m.csv:1:1: error: column 'Date' mixes day/month and month/day dates ('26/06/2015' at "
                         "row 2 is day first, '06/27/2015' at row 3 is month first); dates that could be either are "
                         "rejected: correct the column, or add date_order: dmy or mdy to the mapping, to the source in case.yaml, or under case: [date-order-mixed]"))
        << joined(got);
    EXPECT_EQ(c.sources[0].counts.entries_made, 2u);
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);

    dir.write("agencies/us.csv", "Date,Type,Summary\n06/27/2015,contact,b\n");
    const Case d = load_sheet_case(dir, "  - {file: agencies/us.csv, agency: Metropolitan Police}\n", "  date_order: dmy\n");
    EXPECT_EQ(printed(d, dir), (std::vector<std::string>{
                                   "agencies/us.csv:1:1: warning: column 'Date' is read as month/day/year because of "
                                   "'06/27/2015' at row 2, although the case's date_order is dmy [date-order-conflict]"}));
    EXPECT_EQ(format_date(only_entry(d).date), "2015-06-27");

    // An explicit order is never overruled: a date that does not fit it does not exist.
    const Case e = load_sheet_case(dir, "  - {file: agencies/us.csv, agency: Metropolitan Police, date_order: dmy}\n");
    EXPECT_EQ(printed(e, dir), (std::vector<std::string>{
                                   "agencies/us.csv:2:1: error: date '06/27/2015' does not exist [date-invalid]"}));
}

TEST(SheetReader, ExcelSerialNumbersInTextColumns) {
    TempDir dir;
    dir.write("agencies/x.csv", "Date,Type,Summary\n42179,contact,a\n42179.604166667,contact,b\n60,contact,c\n");
    dir.write("agencies/y.csv", "Date,Type,Summary\n40717,contact,a\n");
    dir.write("agencies/y.mapping.yaml", "agency: Brook Lane Clinic\ndate_system: 1904\n");
    const Case c = load_sheet_case(dir, "  - {file: agencies/x.csv, agency: Metropolitan Police}\n  - agencies/y.csv\n");
    ASSERT_EQ(c.chronology.entries.size(), 3u) << joined(printed(c, dir));
    EXPECT_EQ(format_date(c.chronology.entries[0].date), "2015-06-24");
    EXPECT_EQ(format_date(c.chronology.entries[1].date), "2015-06-24");
    EXPECT_EQ(format_date(c.chronology.entries[2].date), "2015-06-24 14:30");
    // "60" is too short to be a serial: it is not a date at all.
    EXPECT_EQ(c.sources[0].counts.rows_rejected, 1u);
}

// One test per diagnostic code of the sheet reader, with its exact text.
struct SheetDiagnostic {
    const char* name;
    const char* csv;
    const char* mapping;  // "" for none
    const char* expected;
};

void PrintTo(const SheetDiagnostic& d, std::ostream* os) {
    *os << d.name << ": " << ::testing::PrintToString(std::string(d.csv));
    if (*d.mapping) *os << " with mapping " << ::testing::PrintToString(std::string(d.mapping));
}

class SheetDiagnostics : public ::testing::TestWithParam<SheetDiagnostic> {};

TEST_P(SheetDiagnostics, HaveExactText) {
    const SheetDiagnostic& d = GetParam();
    TempDir dir;
    dir.write("agencies/a.csv", d.csv);
    if (*d.mapping) dir.write("agencies/a.mapping.yaml", d.mapping);
    const Case c = load_sheet_case(dir, "  - agencies/a.csv\n");
    const auto got = printed(c, dir);
    EXPECT_TRUE(has(got, d.expected)) << d.name << "\nexpected: " << d.expected << "\ngot:\n" << joined(got);
    // Every row is accounted for, whatever went wrong.
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, n.entries_made + n.rows_rejected) << d.name;
}

INSTANTIATE_TEST_SUITE_P(
    Codes, SheetDiagnostics,
    ::testing::Values(
        SheetDiagnostic{"agency-missing", "Date,Type,Summary\n2015-01-01,contact,a\n\n2015-01-02,contact,b\n", "",
                        "agencies/a.csv:1: error: no agency for the rows: add 'agency: NAME' to the mapping or the "
                        "source in case.yaml, an Agency column, or a line '# agency: NAME' above the header; all 2 rows "
                        "rejected [agency-missing]"},
        SheetDiagnostic{"column-missing (required)", "At,What\n2015-01-01,a\n", "agency: Metropolitan Police\n",
                        "agencies/a.csv:1: error: no column for date, summary: name the columns in a mapping "
                        "file (columns:) or use headers such as Date and Details; all 1 rows rejected "
                        "[column-missing]"},
        SheetDiagnostic{"column-missing (mapping)", "Date,Type,Summary\n2015-01-01,contact,a\n",
                        "agency: Metropolitan Police\ncolumns:\n  ref: Record\n",
                        "agencies/a.mapping.yaml:3:8: error: no column 'Record' (for ref) in 'agencies/a.csv'; its "
                        "header (line 1) has: Date, Type, Summary [column-missing]"},
        SheetDiagnostic{"child-unknown (mapping)", "Date,Type,Summary,Z seen\n2015-01-01,contact,a,y\n",
                        "agency: Metropolitan Police\ncolumns:\n  child_seen: {mother: Z seen}\n",
                        "agencies/a.mapping.yaml:3:24: error: child_seen names 'mother', who is not one of the "
                        "case's index_children [child-unknown]"},
        SheetDiagnostic{"header-missing", "Date,Type,Summary\n", "agency: Metropolitan Police\nheader_row: 4\n",
                        "agencies/a.mapping.yaml:2:13: error: header_row 4 is past the end of 'agencies/a.csv' "
                        "[header-missing]"},
        SheetDiagnostic{"entries-missing", "\n\n# nothing here\n", "agency: Metropolitan Police\n",
                        "agencies/a.csv: warning: spreadsheet has no header row and no entries [entries-missing]"},
        SheetDiagnostic{"row-continues", "Date,Type,Summary\n24/06/2015,contact,a\n,,and the rest\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:3:1: warning: row 3 has no date and only text: is it the rest of row 2 "
                        "(24/06/2015)? kept as an undated entry; join the two rows in the return if so [row-continues]"},
        SheetDiagnostic{"date-invalid", "Date,Type,Summary\n31/02/2015,contact,a\n", "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:1: error: date '31/02/2015' does not exist [date-invalid]"},
        SheetDiagnostic{"date-syntax", "Date,Type,Summary\nsoon,contact,a\n", "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:1: error: cannot read date 'soon'; expected a form such as 2015-06-24, "
                        "2015-06, ~2015, spring 2015, 2015-06-24/2015-06-30 or before 2015-07, 24/06/2015, 24 June "
                        "2015, Jun-15 or w/c 22/06/2015 [date-syntax]"},
        SheetDiagnostic{"date-serial-invalid", "Date,Type,Summary\n9999999,contact,a\n", "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:1: error: excel date serial 9999999 is out of range (1 to 2958465, which is "
                        "9999-12-31) [date-serial-invalid]"},
        SheetDiagnostic{"time-invalid", "Date,Time,Type,Summary\n24/06/2015,25:10,contact,a\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:2: error: time in '24/06/2015 25:10' does not exist [time-invalid]"},
        SheetDiagnostic{"field-missing (summary)", "Date,Type,Event,Details\n24/06/2015,contact,,\n",
                        "agency: Metropolitan Police\ncolumns:\n  summary: [Event, Details]\n",
                        "agencies/a.csv:2:3: error: row has no summary (columns 'Event', 'Details' are empty) "
                        "[field-missing]"},
        SheetDiagnostic{"value-invalid (child_seen)", "Date,Type,Summary,Child seen\n24/06/2015,contact,a,maybe\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:4: error: unknown child_seen 'maybe' in column 'Child seen'; expected one of "
                        "not_recorded, not_seen, seen, seen_alone (or map it under values: child_seen:) [value-invalid]"},
        SheetDiagnostic{"value-invalid (modality)", "Date,Type,Summary,Method\n24/06/2015,contact,a,pigeon\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:4: error: unknown modality 'pigeon' in column 'Method'; expected one of "
                        "face_to_face, phone, video, letter, electronic, other (or map it under values: modality:) "
                        "[value-invalid]"},
        SheetDiagnostic{"value-invalid (views_sought)", "Date,Type,Summary,Views sought\n24/06/2015,contact,a,perhaps\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:4: error: views_sought must be yes or no, not 'perhaps' [value-invalid]"},
        SheetDiagnostic{"value-invalid (seq)", "Date,Type,Summary,Seq\n24/06/2015,contact,a,first\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:4: error: seq must be a whole number from 0, not 'first' [value-invalid]"},
        SheetDiagnostic{"value-invalid (kind)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Riverside Project\nkind: charity\n",
                        "agencies/a.mapping.yaml:2:7: error: unknown agency kind 'charity'; expected one of "
                        "childrens_social_care, early_help, police, health_visiting, family_nurse_partnership, "
                        "midwifery, gp, hospital, ambulance, school, early_years, school_nursing, camhs, "
                        "adult_mental_health, substance_misuse, housing, probation, youth_justice, "
                        "domestic_abuse_service, voluntary, family, other [value-invalid]"},
        SheetDiagnostic{"value-invalid (mapping field)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Metropolitan Police\ncolumns:\n  datum: Date\n",
                        "agencies/a.mapping.yaml:3:3: error: unknown field 'datum' in columns; expected one of ref, "
                        "date, time, type, summary, subjects, child_seen, views_sought, modality, practitioner, to, "
                        "area, seq, end, tags, agency [value-invalid]"},
        SheetDiagnostic{"value-invalid (date_order)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Metropolitan Police\ndate_order: uk\n",
                        "agencies/a.mapping.yaml:2:13: error: unknown date_order 'uk'; expected one of dmy, mdy, ymd, "
                        "auto [value-invalid]"},
        SheetDiagnostic{"field-type (mapping)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Metropolitan Police\ncolumns:\n  date: [Date, When]\n",
                        "agencies/a.mapping.yaml:3:9: error: column for 'date' must be one header; only summary may "
                        "list several [field-type]"},
        SheetDiagnostic{"key-unknown (mapping)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Metropolitan Police\nsheeet: x\n",
                        "agencies/a.mapping.yaml:2:1: warning: unknown key 'sheeet' in the mapping; ignored [key-unknown]"},
        SheetDiagnostic{"kind-conflict", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: Metropolitan Police\nkind: gp\n",
                        "agencies/a.mapping.yaml:2:7: warning: kind 'gp' differs from the registry's 'police' for "
                        "'Metropolitan Police'; the registry's is used [kind-conflict]"},
        SheetDiagnostic{"subject-unknown", "Date,Type,Summary,People\n24/06/2015,contact,a,Mum; Uncle Mick\n",
                        "agency: Metropolitan Police\n",
                        "agencies/a.csv:2:4: warning: subject 'Uncle Mick' is not a person in the case; kept as "
                        "written [subject-unknown]"},
        SheetDiagnostic{"yaml-syntax (mapping)", "Date,Type,Summary\n24/06/2015,contact,a\n",
                        "agency: [Metropolitan Police\n",
                        "agencies/a.mapping.yaml:2:1: error: malformed yaml: end of sequence flow not found [yaml-syntax]"}),
    [](const ::testing::TestParamInfo<SheetDiagnostic>& p) {
        std::string n = p.param.name;
        for (char& ch : n)
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return n;
    });

}  // namespace
