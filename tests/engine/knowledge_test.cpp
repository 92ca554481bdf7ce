// Who knew what: time-respecting propagation over to: links, and agencies never told.
#include "sightline/engine/knowledge.hpp"

#include <gtest/gtest.h>

#include "sightline/engine/corroboration.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

const char* k_case = R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2013-01-10}
agencies:
  - {name: Police, kind: police}
  - {name: CSC, kind: childrens_social_care}
  - {name: HV, kind: health_visiting}
  - {name: GP, kind: gp}
  - {name: School, kind: school}
entries:
  - {date: 2015-01-10, agency: CSC, type: letter, summary: "Earlier letter to HV", to: [HV]}
  - {date: 2015-02-01, agency: Police, type: police_incident, summary: "DA incident", tags: [domestic_abuse]}
  - {date: 2015-02-03, agency: Police, type: notification, summary: "Notification to CSC", to: [CSC]}
  - {date: 2015-02-10, agency: CSC, type: letter, summary: "Letter to GP", to: [GP]}
  - {date: 2015-03-01, agency: HV, type: home_visit, summary: "Visit"}
  - {date: 2015-03-02, agency: GP, type: gp_consultation, summary: "Consultation"}
  - {date: 2015-03-03, agency: School, type: contact, summary: "Contact"}
)";

TEST(Knowledge, InformationTravelsOnlyForwardInTime) {
    const Case c = case_from_yaml(k_case);
    const auto all = who_knew(c, find_clusters(c));
    ASSERT_EQ(all.size(), 1u);
    const RiskKnowledge& rk = all[0];
    std::map<std::string, std::int32_t> knew;
    for (const Knowing& k : rk.knew) knew[std::string(c.agency_name(k.agency))] = k.day;
    EXPECT_EQ(knew.size(), 3u);
    EXPECT_EQ(format_day(knew["Police"]), "2015-02-01");
    EXPECT_EQ(format_day(knew["CSC"]), "2015-02-03");
    EXPECT_EQ(format_day(knew["GP"]), "2015-02-10");  // passed on by CSC after it learnt it
    EXPECT_EQ(knew.count("HV"), 0u);                  // CSC's letter to HV came before the incident
    std::vector<std::string> never;
    for (AgencyId a : rk.never) never.emplace_back(c.agency_name(a));
    EXPECT_EQ(never, (std::vector<std::string>{"HV", "School"}));

    const auto f = of_kind(analyse_knowledge(c, find_clusters(c)), FindingKind::NotShared);
    ASSERT_EQ(f.size(), 1u);
    EXPECT_EQ(f[0].message, "2015-02-01 Police, police incident: HV and School were in contact with the family within 90 "
                            "days but never received it. 3 agencies knew.");
    const auto csc_knew = known_by(all, c.find_agency("CSC"), days_from_civil(2015, 2, 2));
    EXPECT_TRUE(csc_knew.empty());
    EXPECT_EQ(known_by(all, c.find_agency("CSC"), days_from_civil(2015, 2, 3)).size(), 1u);
}

TEST(Knowledge, EveryoneToldMeansNothingToReport) {
    const std::string yaml = std::string(k_case) +
                             "  - {date: 2015-02-04, agency: Police, type: notification, summary: x, to: [HV, School]}\n";
    const Case c = case_from_yaml(yaml);
    EXPECT_TRUE(of_kind(analyse_knowledge(c, find_clusters(c)), FindingKind::NotShared).empty());
}

// An arrest two days after the incident is the same event, even with another agency's risk event
// (a hospital attendance) recorded between them; a police incident weeks later is a new one.
TEST(Knowledge, AnAgencysFollowUpIsTheSameEventEvenWithAnotherBetween) {
    std::string yaml = k_case;
    yaml += "  - {date: 2015-02-02, agency: GP, type: injury, summary: \"Bruise seen\"}\n"
            "  - {date: 2015-02-03, agency: Police, type: arrest, summary: \"Partner arrested\"}\n"
            "  - {date: 2015-04-20, agency: Police, type: police_incident, summary: \"Second incident\"}\n";
    const Case c = case_from_yaml(yaml);
    const auto all = who_knew(c, find_clusters(c));
    std::vector<std::string> events;
    for (const RiskKnowledge& rk : all) {
        const Entry& e = c.chronology.entries[index_of(rk.event)];
        events.push_back(format_date(e.date) + " " + std::string(c.agency_name(e.agency)));
    }
    EXPECT_EQ(events, (std::vector<std::string>{"2015-02-01 Police", "2015-02-02 GP", "2015-04-20 Police"}));
}

}  // namespace

namespace {

// Evidence found later (a post-mortem dating an injury to weeks before the death) is no risk event
// any agency held at the time, no sighting and no contact; the misrouting rule's notion of passing
// a risk on leaves out enquiries and news of a move.
TEST(Knowledge, RetrospectiveEvidenceIsNotInformationAnyoneHeld) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2015-01-10}
agencies:
  - {name: Pathology, kind: hospital}
  - {name: HV, kind: health_visiting}
  - {name: CSC, kind: childrens_social_care}
entries:
  - {date: 2015-10-09/2015-10-23, agency: Pathology, type: injury, retrospective: true, child_seen: seen,
     summary: "Post-mortem: rib fractures dated to between 9 and 23 October"}
  - {date: 2015-10-30, agency: HV, type: home_visit, summary: "Visit", child_seen: seen}
  - {date: 2015-11-01, agency: CSC, type: information_request, summary: "Asked HV for the family's history", to: [HV]}
  - {date: 2015-11-02, agency: HV, type: notification, summary: "Told the GP the family has moved", to: [CSC]}
  - {date: 2015-11-03, agency: HV, type: notification, summary: "Concerns about bruising shared", to: [CSC]}
)");
    const Entry& post_mortem = c.chronology.entries[0];
    EXPECT_TRUE(post_mortem.retrospective);
    EXPECT_FALSE(is_risk_event(c, post_mortem));
    EXPECT_TRUE(who_knew(c, find_clusters(c)).empty());
    EXPECT_FALSE(passes_risk_information(c, c.chronology.entries[2]));  // an enquiry
    EXPECT_FALSE(passes_risk_information(c, c.chronology.entries[3]));  // news of a move
    EXPECT_TRUE(passes_risk_information(c, c.chronology.entries[4]));   // a concern
    // The only professional sighting is the visit: the post-mortem does not end an unseen period.
    const auto sightings = of_kind(analyse_child_seen(c), FindingKind::Sightings);
    ASSERT_EQ(sightings.size(), 1u);
    EXPECT_EQ(sightings[0].entries.size(), 1u);
}

}  // namespace

namespace {

// Evidence found later is set beside who saw the child in the window it gives (information).
TEST(ChildSeen, RetrospectiveEvidenceIsComparedWithTheSightingsInItsWindow) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2015-01-10}
agencies:
  - {name: Pathology, kind: hospital}
  - {name: HV, kind: health_visiting}
entries:
  - {date: 2015-10-02, agency: HV, type: home_visit, summary: "Visit", child_seen: seen}
  - {date: 2015-10-09/2015-10-23, agency: Pathology, type: injury, retrospective: true,
     summary: "Post-mortem: rib fractures dated to between 9 and 23 October"}
  - {date: 2015-10-30, agency: HV, type: home_visit, summary: "Visit", child_seen: seen}
)");
    const auto found = of_kind(analyse_child_seen(c), FindingKind::RetrospectiveEvidence);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].concern);
    EXPECT_EQ(found[0].message,
              "Evidence found later (2015-10-09/2015-10-23 Pathology, injury) places it from 2015-10-09 to 2015-10-23: "
              "no professional saw Kid in that time; the last sighting before it was 2015-10-02, the next after it "
              "2015-10-30. No agency held this evidence at the time.");
}

}  // namespace
