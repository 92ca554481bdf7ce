// Patterns: each rule positive and negative.
#include <gtest/gtest.h>

#include "sightline/engine/corroboration.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

std::string with(const std::string& entries) {
    return R"(sightline: 1
case: {title: T, index_children: [baby], scope: {from: 2015-01-01, to: 2016-06-30}}
people:
  - {id: baby, name: Baby, sex: male, born: 2015-01-01}
agencies:
  - {name: Police, kind: police}
  - {name: CSC, kind: childrens_social_care}
  - {name: HV, kind: health_visiting}
  - {name: GP, kind: gp}
  - {name: Hospital, kind: hospital}
entries:
)" + entries;
}

std::vector<Finding> run(const std::string& entries) {
    const Case c = case_from_yaml(with(entries));
    return analyse_patterns(c, find_clusters(c));
}

TEST(Patterns, MissedAppointmentsPooledAcrossAgencies) {
    const auto yes = of_kind(run(R"(
  - {date: 2015-03-01, agency: HV, type: was_not_brought, summary: "8 week check"}
  - {date: 2015-05-29, agency: GP, type: dna, summary: "Imms"}
)"), FindingKind::MissedAppointments);
    ASSERT_EQ(yes.size(), 1u);  // 89 days apart
    EXPECT_EQ(data<MissedAppointmentsFinding>(yes[0]).count, 2);
    EXPECT_TRUE(of_kind(run(R"(
  - {date: 2015-03-01, agency: HV, type: was_not_brought, summary: "8 week check"}
  - {date: 2015-05-31, agency: GP, type: dna, summary: "Imms"}
)"), FindingKind::MissedAppointments).empty());  // 91 days apart
}

TEST(Patterns, RepeatedDomesticAbuseCountsIncidentsNotRecords) {
    const auto yes = of_kind(run(R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "x", tags: [domestic_abuse]}
  - {date: 2015-02-01, agency: Police, type: arrest, summary: "arrest", tags: [domestic_abuse]}
  - {date: 2015-12-01, agency: Police, type: police_incident, summary: "Domestic incident at home"}
)"), FindingKind::RepeatedDomesticAbuse);
    ASSERT_EQ(yes.size(), 1u);
    EXPECT_EQ(data<RepeatedDomesticAbuseFinding>(yes[0]).count, 2);
    EXPECT_TRUE(of_kind(run(R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "x", tags: [domestic_abuse]}
  - {date: 2016-02-05, agency: Police, type: police_incident, summary: "y", tags: [domestic_abuse]}
)"), FindingKind::RepeatedDomesticAbuse).empty());
}

// The police recording the incident again two days later is the same incident, even with the
// hospital's record of it between; only a third, months later, makes a second.
TEST(Patterns, RepeatedDomesticAbuseAnAgencysSecondRecordWithAnotherBetween) {
    const auto f = of_kind(run(R"(
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "Neighbour called police", tags: [domestic_abuse]}
  - {date: 2015-02-02, agency: Hospital, type: hospital_attendance, summary: "Mother attended with a cut lip", tags: [domestic_abuse]}
  - {date: 2015-02-03, agency: Police, type: police_incident, summary: "Follow-up visit by officers", tags: [domestic_abuse]}
  - {date: 2015-06-03, agency: Police, type: police_incident, summary: "Shouting reported", tags: [domestic_abuse]}
)"), FindingKind::RepeatedDomesticAbuse);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(data<RepeatedDomesticAbuseFinding>(f[0]).count, 3);  // 1 February (police), 2 February (hospital), 3 June
}

TEST(Patterns, ClosedThenReReferred) {
    const auto yes = of_kind(run(R"(
  - {date: 2015-02-01, agency: CSC, type: case_closed, summary: "Closed NFA"}
  - {date: 2015-09-01, agency: CSC, type: referral, summary: "Re-referral from school"}
)"), FindingKind::Rereferral);
    ASSERT_EQ(yes.size(), 1u);
    EXPECT_EQ(data<RereferralFinding>(yes[0]).days, 212);
    EXPECT_TRUE(of_kind(run(R"(
  - {date: 2015-02-01, agency: CSC, type: case_closed, summary: "Closed NFA"}
  - {date: 2016-02-02, agency: CSC, type: referral, summary: "New referral"}
)"), FindingKind::Rereferral).empty());
}

TEST(Patterns, InjuryToABabyUnderSixMonths) {
    const auto yes = of_kind(run(R"(
  - {date: 2015-05-10, agency: Hospital, type: injury, summary: "Bruise to cheek", subjects: [baby]}
)"), FindingKind::InfantInjury);
    ASSERT_EQ(yes.size(), 1u);
    EXPECT_EQ(data<InfantInjuryFinding>(yes[0]).age_days, 129);
    EXPECT_TRUE(of_kind(run(R"(
  - {date: 2015-07-03, agency: Hospital, type: injury, summary: "Bruise", subjects: [baby]}
)"), FindingKind::InfantInjury).empty());  // 183 days old
}

TEST(Patterns, NewPractitionersInOneAgency) {
    const auto yes = of_kind(run(R"(
  - {date: 2015-01-05, agency: CSC, type: home_visit, summary: a, practitioner: SW1}
  - {date: 2015-03-05, agency: CSC, type: home_visit, summary: b, practitioner: SW2}
  - {date: 2015-05-05, agency: CSC, type: home_visit, summary: c, practitioner: SW1}
  - {date: 2015-07-05, agency: CSC, type: home_visit, summary: d, practitioner: SW3}
  - {date: 2015-09-05, agency: CSC, type: home_visit, summary: e, practitioner: SW4}
)"), FindingKind::PractitionerChanges);
    ASSERT_EQ(yes.size(), 1u);
    EXPECT_EQ(data<PractitionerChangesFinding>(yes[0]).count, 3);  // SW2, SW3, SW4; going back to SW1 is not a change
    EXPECT_TRUE(of_kind(run(R"(
  - {date: 2015-01-05, agency: GP, type: gp_consultation, summary: a, practitioner: GP1}
  - {date: 2015-02-05, agency: GP, type: gp_consultation, summary: b, practitioner: GP2}
  - {date: 2015-03-05, agency: GP, type: gp_consultation, summary: c, practitioner: GP3}
  - {date: 2015-04-05, agency: GP, type: gp_consultation, summary: d, practitioner: GP4}
)"), FindingKind::PractitionerChanges).empty());  // a GP practice does not allocate one worker
}

}  // namespace
