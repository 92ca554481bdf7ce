// The chronology as a table: dated rows then undated ones, filtered by words, sorted by a column.
#include "sightline/engine/chronology_table.hpp"

#include <gtest/gtest.h>

#include <set>

#include "sightline/formats/case_reader.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

// Two entries the agencies could not date, written between dated ones (source order: the
// police's "Not known" before the school's "unknown").
const char* k_case = R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2013-01-10}
  - {id: mum, name: Mum, sex: female, born: 1990}
  - {id: lee, name: Lee, sex: male}
agencies:
  - {name: Police, kind: police}
  - {name: School, kind: school}
  - {name: CSC, kind: childrens_social_care}
entries:
  - {date: 2015-05-01, agency: School, type: meeting, summary: "Attendance meeting", subjects: [mum]}
  - {date: Not known, agency: Police, type: police_incident, type_inferred: true, summary: "Intelligence: Lee using another name", subjects: [lee]}
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "Domestic incident", subjects: [mum, lee]}
  - {date: unknown, agency: School, type: other, summary: "Kid told a supervisor about shouting", child_seen: seen}
  - {date: 2015-03-10, agency: CSC, type: home_visit, type_inferred: true, summary: "Visit, kid seen", subjects: [kid], child_seen: seen}
  - {date: 2015-03-10, agency: CSC, type: team huddle, summary: "Team huddle"}
)";

std::vector<std::string> summaries(const Case& c, const TableRows& rows) {
    std::vector<std::string> out;
    for (std::size_t r = 0; r < rows.size(); ++r)
        out.emplace_back(entry_at(c.chronology, rows.at(r)).summary);
    return out;
}

TEST(ChronologyTable, DatedRowsInDateOrderThenUndatedInSourceOrder) {
    const Case c = case_from_yaml(k_case);
    ASSERT_EQ(c.chronology.entries.size(), 4u);
    ASSERT_EQ(c.chronology.undated.size(), 2u);
    const TableRows rows = table_rows(c, "");
    EXPECT_EQ(rows.dated.size(), 4u);
    EXPECT_EQ(rows.undated.size(), 2u);
    EXPECT_EQ(summaries(c, rows),
              (std::vector<std::string>{"Domestic incident", "Visit, kid seen", "Team huddle",
                                        "Attendance meeting", "Intelligence: Lee using another name",
                                        "Kid told a supervisor about shouting"}));
    // Row 4 is the first undated entry, and an undated entry is found at its row.
    EXPECT_EQ(rows.at(4), undated_ref(0));
    EXPECT_TRUE(entry_at(c.chronology, rows.at(4)).undated);
    EXPECT_EQ(entry_at(c.chronology, rows.at(4)).date_text, "Not known");
    EXPECT_EQ(rows.row_of(undated_ref(1)), 5u);
    EXPECT_EQ(rows.row_of(dated_ref(0)), 0u);
    // A dated and an undated entry with the same index are different rows.
    EXPECT_NE(rows.row_of(dated_ref(1)), rows.row_of(undated_ref(1)));
}

TEST(ChronologyTable, ByDateDescendingReversesTheDatedRowsOnly) {
    const Case c = case_from_yaml(k_case);
    const TableRows rows = table_rows(c, "", TableSort::Date, false);
    EXPECT_EQ(summaries(c, rows),
              (std::vector<std::string>{"Attendance meeting", "Team huddle", "Visit, kid seen",
                                        "Domestic incident", "Intelligence: Lee using another name",
                                        "Kid told a supervisor about shouting"}));
}

TEST(ChronologyTable, OtherColumnsSortEachPartTiesInTheirOrder) {
    const Case c = case_from_yaml(k_case);
    // By agency: CSC, Police, School among the dated (the two CSC entries of one day keep their
    // order); the undated ones sorted among themselves, after every dated one.
    TableRows rows = table_rows(c, "", TableSort::Agency, true);
    EXPECT_EQ(summaries(c, rows),
              (std::vector<std::string>{"Visit, kid seen", "Team huddle", "Domestic incident",
                                        "Attendance meeting", "Intelligence: Lee using another name",
                                        "Kid told a supervisor about shouting"}));
    rows = table_rows(c, "", TableSort::Agency, false);
    EXPECT_EQ(summaries(c, rows),
              (std::vector<std::string>{"Attendance meeting", "Domestic incident", "Visit, kid seen",
                                        "Team huddle", "Kid told a supervisor about shouting",
                                        "Intelligence: Lee using another name"}));
    // By type as written out: "Home visit (inferred)" < "Meeting" < "Police incident" < "team huddle" (a free
    // type, as written).
    rows = table_rows(c, "", TableSort::Type, true);
    EXPECT_EQ(summaries(c, rows),
              (std::vector<std::string>{"Visit, kid seen", "Attendance meeting", "Domestic incident",
                                        "Team huddle", "Kid told a supervisor about shouting",
                                        "Intelligence: Lee using another name"}));
    // By whether the child was seen: seen before not recorded, in each part.
    rows = table_rows(c, "", TableSort::ChildSeen, true);
    EXPECT_EQ(summaries(c, rows)[0], "Visit, kid seen");
    EXPECT_EQ(summaries(c, rows)[4], "Kid told a supervisor about shouting");
}

TEST(ChronologyTable, WordsFilterBothPartsBySummaryAgencyTypeAndPeople) {
    const Case c = case_from_yaml(k_case);
    auto found = [&](std::string_view words) { return summaries(c, table_rows(c, words)); };
    EXPECT_EQ(found("SHOUTING"),
              (std::vector<std::string>{"Kid told a supervisor about shouting"}));  // summary, any case
    EXPECT_EQ(found("police"),
              (std::vector<std::string>{"Domestic incident", "Intelligence: Lee using another name"}));
    EXPECT_EQ(found("lee"),
              (std::vector<std::string>{"Domestic incident", "Intelligence: Lee using another name"}));
    EXPECT_EQ(found("Mum"),
              (std::vector<std::string>{"Domestic incident", "Attendance meeting"}));  // a person named
    // Types as written out: an inferred type is found by the word the outputs mark it with.
    EXPECT_EQ(found("(inferred)"),
              (std::vector<std::string>{"Visit, kid seen", "Intelligence: Lee using another name"}));
    EXPECT_EQ(found("HUDDLE"), (std::vector<std::string>{"Team huddle"}));
    EXPECT_TRUE(found("nothing like this").empty());
    const TableRows none = table_rows(c, "nothing like this");
    EXPECT_EQ(none.size(), 0u);
    EXPECT_FALSE(none.row_of(undated_ref(0)));
}

TEST(ChronologyTable, TypeLabelMarksAnInferredType) {
    const Case c = case_from_yaml(k_case);
    std::set<std::string> labels;
    c.chronology.for_each_entry([&](const Entry& e) { labels.insert(type_label(e)); });
    EXPECT_EQ(labels, (std::set<std::string>{"Home visit (inferred)", "Meeting", "Police incident",
                                             "Police incident (inferred)", "Other", "team huddle"}));
}

TEST(ChronologyTable, FindsDatedAndUndatedEntriesById) {
    const Case c = case_from_yaml(k_case);
    const EntryIdIndex ids(c.chronology);
    for (std::uint32_t i = 0; i < c.chronology.entries.size(); ++i)
        EXPECT_EQ(find_entry(ids, entry_id(c.chronology.entries[i])), dated_ref(i));
    for (std::uint32_t i = 0; i < c.chronology.undated.size(); ++i)
        EXPECT_EQ(find_entry(ids, entry_id(c.chronology.undated[i])), undated_ref(i));
    EXPECT_FALSE(find_entry(ids, "000000000000"));
}

TEST(ChronologyTable, TheSampleShowsEveryEntryOnceWithItsUndatedRowsLast) {
    const Case c = formats::load_case(std::string(SIGHTLINE_SAMPLES) + "/child-r");
    const TableRows rows = table_rows(c, "");
    ASSERT_EQ(rows.size(), c.chronology.entry_count());
    ASSERT_EQ(rows.undated.size(), 3u);  // one row each in the police, housing and school Word returns
    std::set<std::string> ids;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const Entry& e = entry_at(c.chronology, rows.at(r));
        EXPECT_EQ(e.undated, r >= rows.dated.size()) << r;
        ids.insert(entry_id(e));
    }
    EXPECT_EQ(ids.size(), rows.size());
    for (std::uint32_t u : rows.undated)
        EXPECT_EQ(c.chronology.undated[u].where.table, 2u);  // each in its return's table 2
}

}  // namespace
