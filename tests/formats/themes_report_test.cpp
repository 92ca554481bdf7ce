// Themes across cases: finding and reading many cases (a failure kept to its case, the same
// figures on any number of threads, names kept in the case), and the reports.
#include "sightline/formats/themes_report.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sightline/formats/themes_reader.hpp"
#include "support/temp_dir.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::read_zip_part;
using sightline::test::TempDir;

namespace {

const std::string k_sample = std::string(SIGHTLINE_SAMPLES) + "/child-r";

// Two cases and a broken one in a folder, and a folder that is no case.
void write_cases(const TempDir& dir) {
    const std::string one =
        "sightline: 1\ncase: {title: One Smith, index_children: [a]}\n"
        "people: [{id: a, name: Ann Smith, born: 2015-01-01}]\n"
        "agencies: [{name: GP, kind: gp}]\nentries:\n"
        "  - {date: 2015-02-01, agency: GP, type: appointment, summary: Ann Smith seen, child_seen: seen}\n"
        "  - {date: 2015-09-01, agency: GP, type: appointment, summary: Ann Smith seen, child_seen: seen}\n";
    dir.write("cases/b-one/case.yaml", one);
    dir.write("cases/c-two/case.yaml", "sightline: 1\ncase: {title: Two}\nentries: []\n");
    dir.write("cases/a-broken/case.yaml", "sightline: 1\ncase: {title: [unclosed\n");
    dir.write("cases/notes/readme.txt", "not a case\n");
}

std::string json_of(const Themes& t) {
    std::string out;
    formats::write_themes_json(t, out);
    return out;
}

}  // namespace

TEST(FindCases, FolderOfCasesOneLevelDownInNameOrder) {
    TempDir dir;
    write_cases(dir);
    const std::string cases = dir.file("cases");
    const formats::CaseList list = formats::find_cases({cases, k_sample});
    EXPECT_EQ(list.cases,
              (std::vector<std::string>{cases + "/a-broken", cases + "/b-one", cases + "/c-two", k_sample}));
    EXPECT_EQ(list.skipped, (std::vector<std::string>{cases + "/notes"}));
    EXPECT_TRUE(list.missing.empty());
}

TEST(FindCases, AFolderWithNoCaseIsReported) {
    TempDir dir;
    write_cases(dir);
    const formats::CaseList list = formats::find_cases({dir.file("cases/notes")});
    ASSERT_EQ(list.missing.size(), 1u);
    EXPECT_EQ(list.missing[0].message,
              "no case.yaml in '" + dir.file("cases/notes") + "' or in the folders in it");
}

TEST(ReadThemes, ABrokenCaseIsReportedAndTheOthersRead) {
    TempDir dir;
    write_cases(dir);
    formats::ThemesOptions o;
    o.threads = 2;
    const Themes t = formats::read_themes(formats::find_cases({dir.file("cases")}), o);
    ASSERT_EQ(t.cases.size(), 2u);
    EXPECT_EQ(t.cases[0].folder, dir.file("cases") + "/b-one");
    EXPECT_EQ(t.cases[1].folder, dir.file("cases") + "/c-two");
    ASSERT_EQ(t.failed.size(), 1u);
    EXPECT_EQ(t.failed[0].folder, dir.file("cases") + "/a-broken");
    EXPECT_NE(t.failed[0].message.find("a-broken/case.yaml:3:1: error: "), std::string::npos)
        << t.failed[0].message;
    EXPECT_NE(t.failed[0].message.find("[yaml-syntax]"), std::string::npos) << t.failed[0].message;
}

TEST(ReadThemes, AMissingCaseFailsAlone) {
    TempDir dir;
    write_cases(dir);
    const Themes t =
        formats::read_themes(formats::find_cases({dir.file("nowhere"), dir.file("cases/c-two")}), {});
    ASSERT_EQ(t.failed.size(), 1u);
    EXPECT_NE(t.failed[0].message.find("[case-missing]"), std::string::npos) << t.failed[0].message;
    EXPECT_EQ(t.cases.size(), 1u);
}

TEST(ReadThemes, SameFiguresOnAnyNumberOfThreads) {
    TempDir dir;
    write_cases(dir);
    const formats::CaseList list = formats::find_cases({dir.file("cases"), k_sample, k_sample});
    formats::ThemesOptions one;
    one.threads = 1;
    formats::ThemesOptions four;
    four.threads = 4;
    EXPECT_EQ(json_of(formats::read_themes(list, one)), json_of(formats::read_themes(list, four)));
}

TEST(ReadThemes, NamesStayInTheCaseUnlessNamed) {
    const formats::CaseList list = formats::find_cases({k_sample});
    const std::string anonymised = json_of(formats::read_themes(list, {}));
    for (const char* name : {"Riley", "Skye", "Dana", "Lee ", "Mick"})
        EXPECT_EQ(anonymised.find(name), std::string::npos) << name;
    EXPECT_NE(anonymised.find("\"title\":\"Child A\""), std::string::npos);
    EXPECT_NE(anonymised.find("Mother's partner"), std::string::npos);
    formats::ThemesOptions named;
    named.named = true;
    const std::string kept = json_of(formats::read_themes(list, named));
    EXPECT_NE(kept.find("\"title\":\"Child R\""), std::string::npos);
    EXPECT_NE(kept.find("Riley"), std::string::npos);
}

// An error whose message quotes the case's words keeps only its place and code, unless --named.
TEST(ReadThemes, AFailureKeepsNamesInTheCaseUnlessNamed) {
    TempDir dir;
    dir.write("c/case.yaml",
              "sightline: 1\ncase: {title: T, index_children: [a]}\n"
              "people: [{id: a, name: Ann}, {id: bob, name: Bob Jones}]\nentries:\n"
              "  - {date: 2015-02-01, agency: GP, type: contact, summary: x, child_seen: {bob: seen}}\n");
    const std::variant<CaseThemes, FailedCase> anonymised = formats::read_case_themes(dir.file("c"), {});
    ASSERT_TRUE(std::holds_alternative<FailedCase>(anonymised));
    const std::string& message = std::get<FailedCase>(anonymised).message;
    EXPECT_EQ(message, dir.file("c/case.yaml") +
                           ":5:76: error: the message may quote the case's words; 'sightline check' shows it "
                           "[child-unknown]");
    formats::ThemesOptions named;
    named.named = true;
    const std::variant<CaseThemes, FailedCase> kept = formats::read_case_themes(dir.file("c"), named);
    ASSERT_TRUE(std::holds_alternative<FailedCase>(kept));
    EXPECT_NE(std::get<FailedCase>(kept).message.find("bob"), std::string::npos)
        << std::get<FailedCase>(kept).message;
}

namespace {

// Two hand-made cases: one with a transfer and an unseen baby, one with a pattern whose message
// carries characters HTML must escape.
Themes made_themes() {
    CaseThemes a;
    a.folder = "cases/a";
    a.title = "Child A";
    a.entries = 12;
    a.first_day = days_from_civil(2015, 1, 5);
    a.last_day = days_from_civil(2015, 8, 20);
    a.counts[static_cast<std::size_t>(FindingKind::Transfer)] = 1;
    a.concerns[static_cast<std::size_t>(FindingKind::Transfer)] = 1;
    a.counts[static_cast<std::size_t>(FindingKind::UnseenPeriod)] = 1;
    a.children = {{AgeBand::UnderOne, 40}};
    a.transfers = {{AgencyKind::Gp, TransferStatus::Late, 51}};
    a.recording[static_cast<std::size_t>(AgencyKind::HealthVisiting)] = {8, 2};
    CaseThemes b;
    b.folder = "cases/b";
    b.title = "Child B <2>";
    b.counts[static_cast<std::size_t>(FindingKind::InvisibleAdult)] = 1;
    b.concerns[static_cast<std::size_t>(FindingKind::InvisibleAdult)] = 1;
    b.patterns = {{FindingKind::InvisibleAdult, true, "Mother's partner <known> to police & housing"}};
    b.children = {{AgeBand::FiveToEleven, std::nullopt}};
    return combine_themes({a, b}, {{"cases/c", "cases/c/case.yaml:1:1: error: bad [yaml-syntax]"}});
}

}  // namespace

TEST(ThemesText, SaysWhatCouldNotBeReadThenEachTheme) {
    std::string out;
    formats::write_themes_text(made_themes(), out);
    EXPECT_EQ(out.substr(0, out.find('\n')),
              "Themes across 2 cases: 2 with findings of concern; 1 case could not be read.");
    for (const char* line :
         {"  cases/c: cases/c/case.yaml:1:1: error: bad [yaml-syntax]\n",
          "  transfer                         1 (1)         1 (1)\n",
          "  invisible adult                  1 (1)         1 (1)\n",
          "  under 1              1       1     40      40      40      40     40\n",
          "  5-11                 1       0\n",
          "  GP                            0     1       0        0      51\n",
          "  cases/b: invisible adult 1\n", "  Health visiting                   8             2    25%\n",
          "  cases/a (Child A): 12 entries, 2015-01-05 to 2015-08-20; 2 findings, 1 of concern (unseen "
          "period 1, "
          "transfer 1)\n",
          "  cases/b (Child B <2>): 0 entries, no dated entries; 1 finding, 1 of concern (invisible adult "
          "1)\n"})
        EXPECT_NE(out.find(line), std::string::npos) << line << "\n--- in:\n" << out;
}

TEST(ThemesJson, CarriesTheFieldsOfTheIssue) {
    const std::string out = json_of(made_themes());
    for (
        const char* part :
        {R"({"sightline":1,"cases":2,"anonymised":true,"failed":[)",
         R"({"case":"cases/c","message":"cases/c/case.yaml:1:1: error: bad [yaml-syntax]"})",
         R"("transfer":{"cases":1,"cases_concern":1,"findings":1,"concern":1})",
         R"("under_1":{"children":1,"longest_days":{"count":1,"min":40,"q1":40,"median":40,"q3":40,"max":40}})",
         R"("transfers":{"gp":{"ok":0,"late":1,"missed":0,"unknown":0}})",
         R"("recording":{"health_visiting":{"contacts":8,"not_recorded":2,"not_recorded_percent":25}})",
         R"({"case":"cases/a","title":"Child A","entries":12,"undated":0,"from":"2015-01-05","to":"2015-08-20","counts":{"unseen_period":1,"transfer":1})",
         R"("children":[{"age_band":"5_11","longest_unseen_days":null}])"})
        EXPECT_NE(out.find(part), std::string::npos) << part << "\n--- in:\n" << out;
}

TEST(ThemesHtml, SelfContainedWithChartsAndEscapedText) {
    std::string out;
    formats::write_themes_html(made_themes(), out);
    EXPECT_EQ(out.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(out.find("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""), std::string::npos);
    EXPECT_NE(out.find("@media print"), std::string::npos);
    EXPECT_NE(out.find("Mother's partner &lt;known&gt; to police &amp; housing"), std::string::npos)
        << "messages are escaped";
    EXPECT_NE(out.find("Child B &lt;2&gt;"), std::string::npos);
    for (const char* external : {"<script", "src=", "href=", "url(", "@import", "<link"})
        EXPECT_EQ(out.find(external), std::string::npos) << external;
    EXPECT_EQ(out.substr(out.size() - 8), "</html>\n");
}

TEST(ThemesXlsx, OneSheetPerThemeWithOneRowPerCase) {
    TempDir dir;
    const std::string path = dir.file("themes.xlsx");
    formats::write_themes_xlsx(made_themes(), path);
    const std::string book = read_zip_part(path, "xl/workbook.xml");
    for (const char* sheet : {"Summary", "Cases", "Finding kinds", "Children unseen", "Transfers",
                              "Patterns and people", "Recording", "Could not be read"})
        EXPECT_NE(book.find("name=\"" + std::string(sheet) + "\""), std::string::npos) << sheet;
    // "Cases" (sheet 2): a header and a row per case, filtered.
    const std::string cases = read_zip_part(path, "xl/worksheets/sheet2.xml");
    EXPECT_NE(cases.find("<autoFilter ref=\"A1:H3\"/>"), std::string::npos) << cases;
}

TEST(ThemesXlsx, AFolderThatCannotBeWrittenIsAnError) {
    TempDir dir;
    try {
        formats::write_themes_xlsx(made_themes(), dir.file("no/such/folder/themes.xlsx"));
        FAIL() << "written";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "file-unwritable");
    }
}

TEST(ThemesHtml, NoCasesSaySoInsteadOfEmptyCharts) {
    std::string out;
    formats::write_themes_html(combine_themes({}, {}), out);
    EXPECT_NE(out.find("<h1>Themes across 0 cases</h1>"), std::string::npos);
    EXPECT_NE(out.find("No case names an index child."), std::string::npos);
    EXPECT_NE(out.find("No case has a move between areas."), std::string::npos);
    EXPECT_NE(out.find("No contact involving an index child."), std::string::npos);
    EXPECT_EQ(out.find("nan"), std::string::npos);
}
