// People: unknown subjects, adults invisible to health and social care, unchecked new household members.
#include <gtest/gtest.h>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

const char* k_case = R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2013-01-10}
  - {id: mum, name: Mum, sex: female, born: 1990}
  - {id: lee, name: Lee, aliases: [Mr L], sex: male}
  - {id: dad, name: Dave, sex: male}
residences:
  - {people: [kid, mum], area: Oldtown, from: 2015-01-01, to: 2015-06-01}
  - {people: [kid, mum, lee], area: Oldtown, address: new flat, from: 2015-06-01}
agencies:
  - {name: Police, kind: police}
  - {name: Housing, kind: housing}
  - {name: CSC, kind: childrens_social_care}
  - {name: HV, kind: health_visiting}
entries:
)";

TEST(People, AnAdultOnlyInPoliceAndHousingRecordsIsFlaggedByName) {
    const Case c = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "Disturbance", subjects: [Mr L, mum]}
  - {date: 2015-03-01, agency: Housing, type: housing, summary: "Tenancy", subjects: [Lee]}
  - {date: 2015-03-05, agency: CSC, type: home_visit, summary: "Visit; Dave present", subjects: [mum, kid, dad]}
  - {date: 2015-04-01, agency: Police, type: police_incident, summary: "Dave seen", subjects: [dad]}
)");
    const auto f = of_kind(analyse_people(c), FindingKind::InvisibleAdult);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(data<InvisibleAdultFinding>(f[0]).person, c.find_person("lee"));
    EXPECT_EQ(f[0].message, "Lee appears in 2 records of Police and Housing but in no health or social care record: no one "
                            "assessing the children's safety knew of him.");
}

TEST(People, NamedInACareRecordsWordsIsNotInvisible) {
    const Case c = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "Disturbance", subjects: [lee]}
  - {date: 2015-03-05, agency: HV, type: home_visit, summary: "Mum says Lee is living here now"}
)");
    EXPECT_TRUE(of_kind(analyse_people(c), FindingKind::InvisibleAdult).empty());
}

TEST(People, UnknownSubjectsWithEveryPlace) {
    const Case c = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "x", subjects: [Uncle Mick]}
  - {date: 2015-02-09, agency: CSC, type: phone_call, summary: "y", subjects: [uncle  mick, mum]}
)");
    const auto f = of_kind(analyse_people(c), FindingKind::UnknownPerson);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(data<UnknownPersonFinding>(f[0]).name, "Uncle Mick");
    EXPECT_EQ(data<UnknownPersonFinding>(f[0]).count, 2);
    EXPECT_EQ(f[0].entries.size(), 2u);
    // Known to social care, so not invisible.
    EXPECT_TRUE(of_kind(analyse_people(c), FindingKind::InvisibleAdult).empty());
}

TEST(People, NewHouseholdMemberWithoutACheck) {
    const Case unchecked = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-06-20, agency: CSC, type: home_visit, summary: "Visit", subjects: [mum, kid]}
)");
    const auto f = of_kind(analyse_people(unchecked), FindingKind::UncheckedAdult);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].message, "Lee joined Kid's household in Oldtown on 2015-06-01, and no assessment, check or visit naming "
                            "him is recorded within 28 days of it.");
    const Case checked = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-06-20, agency: CSC, type: assessment, summary: "Checks on mother's new partner Lee", subjects: [mum]}
)");
    EXPECT_TRUE(of_kind(analyse_people(checked), FindingKind::UncheckedAdult).empty());
    const Case late = case_from_yaml(std::string(k_case) + R"(
  - {date: 2015-06-30, agency: CSC, type: assessment, summary: "Checks", subjects: [lee]}
)");
    EXPECT_EQ(of_kind(analyse_people(late), FindingKind::UncheckedAdult).size(), 1u);  // 29 days: too late
}

}  // namespace
