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
