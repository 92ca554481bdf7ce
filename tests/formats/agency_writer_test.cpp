// Import: a spreadsheet written as native YAML reads back to the same entries.
#include "sightline/formats/agency_writer.hpp"

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

// Everything an entry says, as text, for comparing two readings.
std::string describe(const Case& c, const Entry& e) {
    const Chronology& ch = c.chronology;
    std::string s = format_date(e.date) + "|" + std::string(c.agency_name(e.agency)) + "|" +
                    std::string(c.area_name(e.area)) + "|" + std::string(to_string(e.type)) + "|" +
                    std::string(e.type_text) + "|" + std::string(e.summary) + "|" + std::string(e.ref) + "|" +
                    std::string(e.practitioner) + "|" + std::to_string(e.seq) + "|" +
                    std::string(to_string(e.modality)) + "|" + std::to_string(static_cast<int>(e.views_sought)) + "|";
    for (const SubjectRef& r : ch.subjects_of(e)) s += std::string(r.text) + "=" + std::to_string(index_of(r.person)) + ",";
    s += "|";
    for (std::size_t i = 0; i < c.info.index_children.size(); ++i) s += std::string(to_string(ch.seen(e, i))) + ",";
    s += "|";
    for (AgencyId a : ch.to_of(e)) s += std::string(c.agency_name(a)) + ",";
    s += "|";
    for (std::string_view t : ch.tags_of(e)) s += std::string(t) + ",";
    s += "|";
    if (const FuzzyDate* end = ch.end_of(e)) s += format_date(*end);
    s += "|";
    for (const auto& [k, v] : ch.extras_of(e)) s += std::string(k) + "=" + std::string(v) + ",";
    return s + "|" + entry_id(e);
}

TEST(AgencyWriter, ImportedYamlReadsBackToTheSameEntries) {
    TempDir dir;
    dir.write("agencies/in.csv",
              "Ref,Date,Time,Seq,Agency,Type,Details,People,A seen,B seen,Views,Method,Worker,Told,Borough,End,Flags,Notes\n"
              "R1,24/06/2015,14:30,1,Metropolitan Police,DA incident,\"Call: \"\"help\"\"\nsecond line\",Mum; Baby A; "
              "Stranger,Y,N,yes,In person,PC1,Ealing Health Visiting,LBE,,da; night,\"colon: here, # hash\"\n"
              "R2,June 2015,,,Brook Lane Clinic,Odd word,~ summary,,,,,,,,,26/06/2015,,\n"
              "R3,~2014,,,Metropolitan Police,contact,yes,,seen,seen,no,Phone,,,,,,\n");
    dir.write("agencies/in.mapping.yaml", R"(agency_column: Agency
date_order: dmy
columns:
  ref: Ref
  date: Date
  time: Time
  seq: Seq
  type: Type
  summary: Details
  subjects: People
  child_seen: {child-a: A seen, child-b: B seen}
  views_sought: Views
  modality: Method
  practitioner: Worker
  to: Told
  area: Borough
  end: End
  tags: Flags
values:
  child_seen: {"Y": seen, "N": not_seen}
  modality: {"In person": face_to_face}
)");
    Case from_sheet = load_sheet_case(dir, "  - agencies/in.csv\n");
    ASSERT_EQ(from_sheet.chronology.entries.size(), 3u) << joined(printed(from_sheet, dir));
    std::string yaml;
    Diagnostics problems;
    formats::write_agency_yaml(from_sheet, static_cast<SourceId>(0), yaml, problems);
    EXPECT_TRUE(problems.empty());
    dir.write("agencies/in.yaml", yaml);
    const Case from_yaml = load_sheet_case(dir, "  - agencies/in.yaml\n");
    ASSERT_EQ(from_yaml.diagnostics.error_count(), 0u) << joined(printed(from_yaml, dir)) << yaml;
    ASSERT_EQ(from_yaml.chronology.entries.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i)
        EXPECT_EQ(describe(from_yaml, from_yaml.chronology.entries[i]), describe(from_sheet, from_sheet.chronology.entries[i]))
            << yaml;
    EXPECT_NE(yaml.find("date: 2015-06-24 14:30  # as written: 24/06/2015 14:30"), std::string::npos) << yaml;
}

TEST(AgencyWriter, AnExtraNamedLikeAFieldIsAnError) {
    TempDir dir;
    dir.write("agencies/in.csv", "Date,Event type,Summary,type\n2015-06-24,contact,a,kept\n");
    dir.write("agencies/in.mapping.yaml", "agency: Metropolitan Police\ncolumns: {type: Event type}\n");
    const Case c = load_sheet_case(dir, "  - agencies/in.csv\n");
    std::string yaml;
    Diagnostics problems;
    formats::write_agency_yaml(c, static_cast<SourceId>(0), yaml, problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.items()[0].code, "key-collision");
    EXPECT_EQ(problems.items()[0].message, "column 'type' is kept as an extra field but has the name of an entry "
                                           "field, so it cannot be written; rename the column or map it to the field");
}

}  // namespace
