// Child seen: sightings, unseen periods (any professional and per kind), recording figures.
#include <gtest/gtest.h>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

// A two-year-old, scope April to July 2015; entries appended by each test.
std::string base(const std::string& entries, const std::string& extra = "") {
    return R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-04-01, to: 2015-07-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2013-01-10}
  - {id: sib, name: Sib, sex: male, born: 2009-05-01}
  - {id: mum, name: Mum, sex: female}
agencies:
  - {name: CSC, kind: childrens_social_care}
  - {name: HV, kind: health_visiting}
  - {name: Gran, kind: family}
)" + extra + "entries:\n" + entries;
}

std::string entry(const std::string& date, const std::string& agency, const std::string& seen,
                  const std::string& type = "home_visit", const std::string& more = "") {
    return "  - {date: " + date + ", agency: " + agency + ", type: " + type + ", summary: x, child_seen: " + seen + more + "}\n";
}

TEST(ChildSeen, PeriodsRunFromScopeStartThroughSightingsToScopeEnd) {
    const Case c = case_from_yaml(base(entry("2015-04-10", "HV", "seen") + entry("2015-05-09", "HV", "seen_alone") +
                                       entry("2015-06-07", "HV", "seen")));
    const auto periods = of_kind(analyse_child_seen(c), FindingKind::UnseenPeriod);
    // 04-01..04-10 = 9, 04-10..05-09 = 29, 05-09..06-07 = 29, 06-07..07-31 = 54
    ASSERT_EQ(periods.size(), 3u);
    EXPECT_EQ(text(data<UnseenPeriodFinding>(periods[0]).from), "2015-04-10");
    EXPECT_EQ(text(data<UnseenPeriodFinding>(periods[0]).to), "2015-05-09");
    EXPECT_EQ(data<UnseenPeriodFinding>(periods[0]).days, 29);
    EXPECT_FALSE(data<UnseenPeriodFinding>(periods[0]).agency_kind.has_value());
    EXPECT_EQ(data<UnseenPeriodFinding>(periods[2]).days, 54);
    EXPECT_EQ(text(data<UnseenPeriodFinding>(periods[2]).to), "2015-07-31");
    EXPECT_NE(periods[2].message.find("(end of scope)"), std::string::npos);
}

TEST(ChildSeen, ThresholdBoundaryIsExclusive) {
    // Exactly 28 days is not reported; 29 is.
    const Case at = case_from_yaml(base(entry("2015-04-01", "HV", "seen") + entry("2015-04-29", "HV", "seen") +
                                        entry("2015-05-27", "HV", "seen") + entry("2015-06-24", "HV", "seen") +
                                        entry("2015-07-22", "HV", "seen")));
    EXPECT_TRUE(of_kind(analyse_child_seen(at), FindingKind::UnseenPeriod).empty());
    const Case over = case_from_yaml(base(entry("2015-04-01", "HV", "seen") + entry("2015-04-30", "HV", "seen") +
                                          entry("2015-05-27", "HV", "seen") + entry("2015-06-24", "HV", "seen") +
                                          entry("2015-07-22", "HV", "seen")));
    const auto p = of_kind(analyse_child_seen(over), FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 29);
}

TEST(ChildSeen, NotSeenFamilyAndUnrecordedContactsDoNotEndAPeriod) {
    const Case c = case_from_yaml(base(entry("2015-04-01", "CSC", "seen") + entry("2015-04-20", "CSC", "not_seen") +
                                       entry("2015-05-01", "Gran", "seen", "contact") +
                                       entry("2015-05-10", "HV", "not_recorded") + entry("2015-06-15", "CSC", "seen") +
                                       entry("2015-07-20", "CSC", "seen")));
    const auto any = of_kind<UnseenPeriodFinding>(analyse_child_seen(c), [](const auto& p) { return !p.agency_kind; });
    ASSERT_GE(any.size(), 1u);
    const Finding& f = any[0];
    EXPECT_EQ(text(data<UnseenPeriodFinding>(f).from), "2015-04-01");
    EXPECT_EQ(text(data<UnseenPeriodFinding>(f).to), "2015-06-15");
    EXPECT_EQ(data<UnseenPeriodFinding>(f).days, 75);
    EXPECT_EQ(data<UnseenPeriodFinding>(f).contacts_without_sighting.size(), 2u);  // the not_seen visit and the unrecorded HV contact, not Gran
    EXPECT_EQ(data<UnseenPeriodFinding>(f).family_sightings.size(), 1u);
    EXPECT_NE(f.message.find("Family said they saw her 1 time"), std::string::npos);
}

TEST(ChildSeen, LooselyDatedSightingsDoNotEndAPeriodButAreListed) {
    const Case c = case_from_yaml(base(entry("2015-04-01", "HV", "seen") + entry("2015-05", "HV", "seen") +
                                       entry("~2015-05-20", "HV", "seen") + entry("2015-07-20", "HV", "seen")));
    const auto p = of_kind(analyse_child_seen(c), FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 2u);
    // "2015-05" does not bound; "~2015-05-20" (approximate, one day) does.
    EXPECT_EQ(text(data<UnseenPeriodFinding>(p[0]).to), "2015-05-20");
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 49);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).uncertain_sightings.size(), 1u);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[1]).days, 61);
}

TEST(ChildSeen, RangedSightingCountsOnItsEarliestDayWhenNarrow) {
    const Case c = case_from_yaml(base(entry("2015-04-01", "HV", "seen") + entry("2015-05-10/2015-05-12", "HV", "seen") +
                                       entry("2015-06-01", "HV", "seen") + entry("2015-06-28", "HV", "seen") +
                                       entry("2015-07-25", "HV", "seen")));
    const auto p = of_kind(analyse_child_seen(c), FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(text(data<UnseenPeriodFinding>(p[0]).to), "2015-05-10");
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 39);
}

TEST(ChildSeen, BabiesHaveAShorterThreshold) {
    const std::string yaml = R"(sightline: 1
case: {title: T, index_children: [baby], scope: {from: 2015-01-01, to: 2015-03-31}}
people:
  - {id: baby, name: Baby, sex: male, born: 2015-01-01}
entries:
  - {date: 2015-01-01, agency: Maternity, type: birth, summary: born, child_seen: seen}
  - {date: 2015-01-24, agency: HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-02-21, agency: HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-03-14, agency: HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-03-31, agency: HV, type: home_visit, summary: x, child_seen: seen}
)";
    const auto p = of_kind(analyse_child_seen(case_from_yaml(yaml)), FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 2u);  // 23 and 28 days exceed 21; 21 does not
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 23);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).threshold_days, 21);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[1]).days, 28);
    EXPECT_NE(p[0].message.find("for a baby under 1"), std::string::npos);
    // The rule can be overridden per case.
    const std::string relaxed = yaml.substr(0, yaml.find("entries:")) + "rules: {unseen_days_infant: 28}\n" + yaml.substr(yaml.find("entries:"));
    EXPECT_TRUE(of_kind(analyse_child_seen(case_from_yaml(relaxed)), FindingKind::UnseenPeriod).empty());
}

TEST(ChildSeen, PerKindCountsOnlyThatKindsSightingsWhileInvolved) {
    const Case c = case_from_yaml(base(entry("2015-04-02", "CSC", "seen", "case_opened") + entry("2015-04-20", "HV", "seen") +
                                       entry("2015-05-10", "HV", "seen") + entry("2015-05-30", "HV", "seen") +
                                       entry("2015-06-15", "CSC", "seen") + entry("2015-06-20", "CSC", "not_seen", "case_closed") +
                                       entry("2015-07-10", "HV", "seen") + entry("2015-07-30", "HV", "seen")));
    const auto all = analyse_child_seen(c);
    EXPECT_TRUE(of_kind<UnseenPeriodFinding>(all, [](const auto& p) { return !p.agency_kind; }).empty());  // HV kept her seen
    const auto csc = of_kind<UnseenPeriodFinding>(
        all, [](const auto& p) { return p.agency_kind == AgencyKind::ChildrensSocialCare; });
    ASSERT_EQ(csc.size(), 1u);
    EXPECT_EQ(text(data<UnseenPeriodFinding>(csc[0]).from), "2015-04-02");
    EXPECT_EQ(text(data<UnseenPeriodFinding>(csc[0]).to), "2015-06-15");
    EXPECT_EQ(data<UnseenPeriodFinding>(csc[0]).days, 74);
    EXPECT_EQ(csc[0].message.substr(0, 46), "No social worker saw Kid for 74 days, from 201");
    // Nothing after the case closed on 06-20.
}

TEST(ChildSeen, TwoIndexChildrenWithAChildSeenMap) {
    const std::string yaml = R"(sightline: 1
case: {title: T, index_children: [a, b], scope: {from: 2015-04-01, to: 2015-05-31}}
people:
  - {id: a, name: Ann, sex: female, born: 2012-01-01}
  - {id: b, name: Bob, sex: male, born: 2013-01-01}
entries:
  - {date: 2015-04-01, agency: HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-04-25, agency: HV, type: home_visit, summary: x, child_seen: {a: seen, b: not_seen}}
  - {date: 2015-05-20, agency: HV, type: home_visit, summary: x, child_seen: {a: seen_alone, Bob: seen}}
)";
    const Case c = case_from_yaml(yaml);
    const auto all = analyse_child_seen(c);
    const auto p = of_kind(all, FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(c.person(data<UnseenPeriodFinding>(p[0]).child).id, "b");
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 49);
    const auto s = of_kind(all, FindingKind::Sightings);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(data<SightingsFinding>(s[0]).count, 3);
    EXPECT_EQ(data<SightingsFinding>(s[0]).seen_alone, 1);
    EXPECT_EQ(data<SightingsFinding>(s[1]).count, 2);
}

TEST(ChildSeen, NoSightingsAtAllIsOnePeriod) {
    const Case c = case_from_yaml(base(entry("2015-05-01", "HV", "not_seen")));
    const auto p = of_kind(analyse_child_seen(c), FindingKind::UnseenPeriod);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(data<UnseenPeriodFinding>(p[0]).days, 121);
    EXPECT_NE(p[0].message.find("No professional saw Kid for 121 days, from 2015-04-01 (start of scope) to 2015-07-31 (end of scope)"),
              std::string::npos);
}

TEST(ChildSeen, RecordingFiguresCountContactsInvolvingTheChild) {
    const Case c = case_from_yaml(base(entry("2015-04-10", "HV", "seen") + entry("2015-04-11", "HV", "not_recorded") +
                                       entry("2015-04-12", "HV", "not_recorded", "gp_consultation", ", subjects: [mum]") +
                                       entry("2015-04-13", "HV", "not_recorded", "phone_call", ", subjects: [Kid]")));
    const auto r = of_kind(analyse_child_seen(c), FindingKind::SeenRecording);
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(data<SeenRecordingFinding>(r[0]).contacts, 3);  // two home visits and the call naming her; not the GP visit about mum
    EXPECT_EQ(data<SeenRecordingFinding>(r[0]).not_recorded, 2);
    EXPECT_EQ(data<SeenRecordingFinding>(r[0]).not_recorded_percent, 67);
    EXPECT_TRUE(r[0].concern);
}

}  // namespace

namespace {

TEST(ChildSeen, APartialBirthDateStartsThePeriodAtItsLatestDay) {
    // Born sometime in October 2014 and seen on the 29th: no unseen period from 1 October.
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [amy], scope: {from: 2014-09-01, to: 2014-11-20}}
people:
  - {id: amy, name: Amy, sex: female, born: 2014-10}
entries:
  - {date: 2014-10-29, agency: Maternity, type: home_visit, summary: x, child_seen: seen}
  - {date: 2014-11-15, agency: HV, type: home_visit, summary: x, child_seen: seen}
)");
    EXPECT_TRUE(of_kind(analyse_child_seen(c), FindingKind::UnseenPeriod).empty());
}

}  // namespace
