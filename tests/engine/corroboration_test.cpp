// Corroboration: clusters, the pair score, reviewer decisions, and independence of source order.
#include "sightline/engine/corroboration.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "sightline/engine/merge.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

const char* k_head = R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2012-01-10}
  - {id: mum, name: Mum, sex: female}
  - {id: lee, name: Lee, sex: male}
agencies:
  - {name: Police, kind: police}
  - {name: CSC, kind: childrens_social_care}
  - {name: HV, kind: health_visiting}
  - {name: GP, kind: gp}
  - {name: Hospital, kind: hospital}
entries:
)";

std::vector<std::set<std::string>> summaries_of(const Case& c, const std::vector<Cluster>& clusters) {
    std::vector<std::set<std::string>> out;
    for (const Cluster& cl : clusters) {
        std::set<std::string> s;
        for (EntryIndex i : cl.members) s.insert(std::string(c.chronology.entries[index_of(i)].summary));
        out.push_back(s);
    }
    return out;
}

TEST(Corroboration, PoliceIncidentAndSocialCareNotificationAreOneCluster) {
    const Case c = case_from_yaml(std::string(k_head) + R"(
  - {date: 2015-06-21 23:40, agency: Police, type: police_incident, summary: "DA at Cannon Street flat, Mum and Lee arguing, kid asleep", subjects: [mum, lee, kid], child_seen: seen, ref: CAD 4471}
  - {date: 2015-06-23, agency: CSC, type: notification, summary: "Police notification CAD 4471 received: argument at Cannon Street flat on 21/06; the child was not present", subjects: [mum], child_seen: not_seen}
  - {date: 2015-06-22, agency: HV, type: home_visit, summary: "Routine visit, weighed, feeding well", child_seen: seen}
  - {date: 2015-06-21, agency: GP, type: gp_consultation, summary: "Mum asthma review", subjects: [mum]}
)");
    const auto clusters = find_clusters(c);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].members.size(), 2u);
    const auto findings = analyse_clusters(c, clusters);
    const auto on = [](DiscrepancyAspect a) { return [a](const DiscrepancyFinding& d) { return d.aspect == a; }; };
    const auto seen = of_kind<DiscrepancyFinding>(findings, on(DiscrepancyAspect::ChildSeen));
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_NE(seen[0].message.find("Police say she was; CSC say she was not."), std::string::npos);
    EXPECT_EQ(data<DiscrepancyFinding>(seen[0]).child, c.find_person("kid"));
    const auto people = of_kind<DiscrepancyFinding>(findings, on(DiscrepancyAspect::People));
    ASSERT_EQ(people.size(), 1u);
    EXPECT_NE(people[0].message.find("Police name Lee; CSC do not."), std::string::npos);
    EXPECT_EQ(data<DiscrepancyFinding>(people[0]).person, c.find_person("lee"));
    EXPECT_FALSE(data<DiscrepancyFinding>(people[0]).child.has_value());  // absent from the JSON, not null
}

// A receipt's "not seen" is its recorder's own (the social worker who read the notification did not
// see the child), not a claim about the incident, unless its words say the child was not there;
// and a visit days later is another occasion, where a partner's absence says nothing.
TEST(Corroboration, ReceiptsAndLaterVisitsDoNotContradictAnIncident) {
    const Case c = case_from_yaml(std::string(k_head) + R"(
  - {date: 2015-06-21 23:40, agency: Police, type: police_incident, summary: "DA at Cannon Street flat, Mum and Lee arguing, kid asleep", subjects: [mum, lee, kid], child_seen: seen, ref: CAD 4471}
  - {date: 2015-06-23, agency: CSC, type: notification, summary: "Police notification CAD 4471 received: argument at Cannon Street flat on 21/06, Mum and Lee", subjects: [mum, lee], child_seen: not_seen}
  - {date: 2015-06-26, agency: HV, type: home_visit, summary: "Visit after police notification CAD 4471 of the argument at Cannon Street flat: Mum alone, kid weighed", subjects: [mum, kid], child_seen: not_seen}
)");
    const auto findings = analyse_clusters(c, find_clusters(c));
    EXPECT_TRUE(of_kind<DiscrepancyFinding>(findings, [](const auto& d) { return d.aspect == DiscrepancyAspect::ChildSeen; }).empty());
    EXPECT_TRUE(of_kind<DiscrepancyFinding>(findings, [](const auto& d) { return d.aspect == DiscrepancyAspect::People; }).empty());
}

TEST(Corroboration, EntriesThatMerelyShareADayAreNotAClusterAndNorAreFarApartOnes) {
    const Case c = case_from_yaml(std::string(k_head) + R"(
  - {date: 2015-03-02, agency: HV, type: home_visit, summary: "Visit, kid well", child_seen: seen}
  - {date: 2015-03-02, agency: GP, type: gp_consultation, summary: "Kid cough", child_seen: seen}
  - {date: 2015-04-01, agency: Police, type: police_incident, summary: "Shoplifting report at Market Street", ref: CAD 1}
  - {date: 2015-04-20, agency: CSC, type: notification, summary: "Police report of shoplifting at Market Street"}
)");
    EXPECT_TRUE(find_clusters(c).empty());
}

TEST(Corroboration, AnEmergencyAttendanceAndTheGpLetterAboutIt) {
    const Case c = case_from_yaml(std::string(k_head) + R"(
  - {date: 2015-08-09 14:20, agency: Hospital, type: hospital_attendance, summary: "ED: kid scald to left hand from kettle", subjects: [kid], to: [GP]}
  - {date: 2015-08-12, agency: GP, type: letter, summary: "ED letter received: scald left hand 09/08, filed", subjects: [kid]}
)");
    const auto clusters = find_clusters(c);
    ASSERT_EQ(clusters.size(), 1u);
    const ClusterScorer scorer(c);
    const PairScore s = scorer.score(clusters[0].members[0], clusters[0].members[1]);
    EXPECT_EQ(s.link, 35);
    EXPECT_EQ(s.date_mention, 35);
    EXPECT_TRUE(s.candidate);
}

TEST(Corroboration, DatesMentionedInText) {
    const std::int32_t near = days_from_civil(2015, 6, 25);
    const auto d = dates_mentioned("argument on 20/06, seen 21/06/2015 and 3rd July; ref 15/4502 and CAD 4471/21JUN15", near);
    ASSERT_EQ(d.size(), 3u);
    EXPECT_EQ(format_day(d[0]), "2015-06-20");
    EXPECT_EQ(format_day(d[1]), "2015-06-21");
    EXPECT_EQ(format_day(d[2]), "2015-07-03");
    EXPECT_TRUE(dates_mentioned("31/02 and 45/06", near).empty());
    // Numbers before words that merely start like months are not dates.
    EXPECT_TRUE(dates_mentioned("on 3 separate occasions, 2 marks, 4 decades, about 5 maybe", near).empty());
    EXPECT_EQ(format_day(dates_mentioned("seen 3rd Sept", near)[0]), "2015-09-03");
    EXPECT_EQ(format_day(dates_mentioned("born 12/03/98", near)[0]), "1998-03-12");
    EXPECT_EQ(format_day(dates_mentioned("on 30/12", days_from_civil(2016, 1, 3))[0]), "2015-12-30");  // nearest year
}

TEST(Corroboration, DuplicatesWithinOneAgencyAreAFindingAndBothKept) {
    const Case c = case_from_yaml(std::string(k_head) + R"(
  - {date: 2015-05-01, agency: HV, type: home_visit, summary: "Visit, kid seen"}
  - {date: 2015-05-01, agency: HV, type: home_visit, summary: "visit,  Kid seen"}
)");
    const auto d = of_kind(analyse_clusters(c, find_clusters(c)), FindingKind::DuplicateEntry);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(data<DuplicateEntryFinding>(d[0]).count, 2);
    EXPECT_EQ(c.chronology.entries.size(), 2u);
}

TEST(Corroboration, ReviewerDecisionsConfirmAndSplitAndSurviveReimport) {
    TempDir dir;
    const std::string entries = R"(
  - {date: 2015-06-21, agency: Police, type: police_incident, summary: "DA at the flat", ref: CAD 9}
  - {date: 2015-06-23, agency: CSC, type: notification, summary: "Police notification CAD 9 received"}
  - {date: 2015-06-25, agency: HV, type: phone_call, summary: "Mum says argument on 20/06", ref: HV-7}
)";
    dir.write("case.yaml", std::string(k_head) + entries);
    Case before = formats::load_case(dir.path());
    auto clusters = find_clusters(before);
    ASSERT_EQ(clusters.size(), 1u);
    ASSERT_EQ(clusters[0].members.size(), 2u);  // the HV account is not joined by the rule
    const std::string police = entry_id(before.chronology.entries[0]);
    const std::string csc = entry_id(before.chronology.entries[1]);
    const std::string hv = entry_id(before.chronology.entries[2]);

    dir.write("notes.yaml", "sightline: 1\nclusters:\n  - {decision: confirm, entries: [" + police + ", " + hv +
                                "], note: same incident}\n");
    Case confirmed = formats::load_case(dir.path());
    clusters = find_clusters(confirmed);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].members.size(), 3u);
    EXPECT_TRUE(clusters[0].confirmed);
    const auto dates = of_kind<DiscrepancyFinding>(analyse_clusters(confirmed, clusters),
                                                   [](const DiscrepancyFinding& d) { return d.aspect == DiscrepancyAspect::Date; });
    ASSERT_EQ(dates.size(), 1u);  // 20/06 against 21/06
    ASSERT_TRUE(data<DiscrepancyFinding>(dates[0]).dates.has_value());
    EXPECT_EQ(data<DiscrepancyFinding>(dates[0]).dates->size(), 2u);
    EXPECT_NE(dates[0].message.find("HV put it on 2015-06-20"), std::string::npos);

    dir.write("notes.yaml", "sightline: 1\nclusters:\n  - {decision: split, entries: [" + police + ", " + csc + "]}\n");
    EXPECT_TRUE(find_clusters(formats::load_case(dir.path())).empty());

    // The agency revises its file: the HV entry's wording changes (same ref, so same id), the
    // police entry is dropped. The decision still applies where it can and the rest is reported.
    dir.write("notes.yaml", "sightline: 1\nclusters:\n  - {decision: confirm, entries: [" + police + ", " + hv + ", " + csc + "]}\n");
    dir.write("case.yaml", std::string(k_head) + R"(
  - {date: 2015-06-23, agency: CSC, type: notification, summary: "Police notification CAD 9 received"}
  - {date: 2015-06-25, agency: HV, type: phone_call, summary: "Mum said there was an argument on 20/06", ref: HV-7}
)");
    Case revised = formats::load_case(dir.path());
    clusters = find_clusters(revised);
    ASSERT_EQ(clusters.size(), 1u);
    EXPECT_EQ(clusters[0].members.size(), 2u);
    bool reported = false;
    for (const Diagnostic& d : revised.diagnostics.items())
        reported = reported || (d.code == "note-orphaned" && d.message == "cluster decision names entry '" + police +
                                                                               "', which is no longer in the case; the decision is kept");
    EXPECT_TRUE(reported);
}

// Generated cases: many incidents each recorded by police and, a few days later, by social care,
// among unrelated routine contacts. Every pair must be one cluster, and nothing else.
TEST(Corroboration, GeneratedPoliceAndSocialCarePairsAreExactlyTheClusters) {
    std::mt19937 rng(4471);
    const char* places[] = {"Cannon Street", "Weir Road", "Marsh Court", "the park", "Mill Lane", "Station Road"};
    const char* what[] = {"argument", "assault", "criminal damage", "threats", "breach of bail", "noise complaint"};
    for (int round = 0; round < 10; ++round) {
        std::string yaml = k_head;
        std::set<std::pair<std::string, std::string>> expected;
        std::int32_t day = days_from_civil(2015, 1, 5);
        for (int k = 0; k < 12; ++k) {
            day += 12 + static_cast<std::int32_t>(rng() % 20);
            const std::string ref = "CAD " + std::to_string(1000 + round * 100 + k);
            const std::string place = places[rng() % 6];
            const std::string act = what[rng() % 6];
            const std::string police = "Incident " + ref + ": " + act + " at " + place + ", Mum and Lee present";
            const std::int32_t later = day + 1 + static_cast<std::int32_t>(rng() % 4);
            const std::string on = format_day(day);
            const std::string csc = "Police notification received re " + act + " at " + place + " on " + on.substr(8, 2) + "/" +
                                    on.substr(5, 2);
            yaml += "  - {date: " + on + ", agency: Police, type: police_incident, summary: \"" + police + "\", ref: \"" + ref + "\"}\n";
            yaml += "  - {date: " + format_day(later) + ", agency: CSC, type: notification, summary: \"" + csc + "\"}\n";
            // Routine contacts in between that must stay alone.
            yaml += "  - {date: " + format_day(day + 2) + ", agency: HV, type: home_visit, summary: \"Routine visit, weight and feeding\"}\n";
            yaml += "  - {date: " + format_day(day + 3) + ", agency: GP, type: gp_consultation, summary: \"Mum reviewed, medication\"}\n";
            expected.insert({police, csc});
        }
        const Case c = case_from_yaml(yaml);
        const auto clusters = find_clusters(c);
        std::set<std::pair<std::string, std::string>> got;
        for (const auto& members : summaries_of(c, clusters)) {
            ASSERT_EQ(members.size(), 2u) << "round " << round;
            got.insert({*members.begin(), *std::next(members.begin())});  // "Incident ..." sorts before "Police ..."
        }
        EXPECT_EQ(got, expected) << "round " << round;
    }
}

TEST(Corroboration, ClustersDoNotDependOnSourceOrder) {
    std::mt19937 rng(2015);
    const std::string a = R"(sightline: 1
agency: Police
kind: police
entries:
  - {date: 2015-06-21, type: police_incident, summary: "DA at Cannon Street flat", ref: CAD 1}
  - {date: 2015-08-01, type: police_incident, summary: "Assault at Mill Lane", ref: CAD 2}
  - {date: 2015-08-02, type: notification, summary: "Notification to CSC re assault", to: [CSC]}
)";
    const std::string b = R"(sightline: 1
agency: CSC
kind: childrens_social_care
entries:
  - {date: 2015-06-23, type: notification, summary: "Police notification re DA at Cannon Street flat on 21/06"}
  - {date: 2015-08-03, type: notification, summary: "Assault at Mill Lane notified by police"}
  - {date: 2015-08-04, type: home_visit, summary: "Visit after notification"}
)";
    const std::string d = R"(sightline: 1
agency: Hospital
kind: hospital
entries:
  - {date: 2015-08-01, type: hospital_attendance, summary: "Mum attended ED after assault at Mill Lane", to: [CSC]}
)";
    std::vector<std::pair<std::string, std::string>> files{{"a.yaml", a}, {"b.yaml", b}, {"d.yaml", d}};
    std::vector<std::set<std::string>> reference;
    for (int round = 0; round < 8; ++round) {
        std::shuffle(files.begin(), files.end(), rng);
        TempDir dir;
        std::string manifest = "sightline: 1\ncase: {title: T}\nsources:\n";
        for (const auto& [name, text] : files) {
            dir.write("agencies/" + name, text);
            manifest += "  - agencies/" + name + "\n";
        }
        dir.write("case.yaml", manifest);
        const Case c = formats::load_case(dir.path());
        const auto got = summaries_of(c, find_clusters(c));
        if (round == 0) {
            reference = got;
            EXPECT_EQ(reference.size(), 2u);
        } else {
            EXPECT_EQ(got, reference) << "round " << round;
        }
    }
}

}  // namespace
