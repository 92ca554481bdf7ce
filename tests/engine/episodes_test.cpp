// Key practice episodes: contacts, children seen, findings inside, who knew what at the end.
#include "sightline/engine/episodes.hpp"

#include <gtest/gtest.h>

#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/merge.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

const char* k_case = R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: kid, name: Kid, born: 2014-06-01}
  - {id: mum, name: Mum}
agencies:
  - {name: Police, kind: police, area: Bay}
  - {name: CSC, kind: childrens_social_care, area: Bay}
  - {name: GP, kind: gp, area: Bay}
  - {name: Gran, kind: family}
entries:
  - {date: 2015-02-01, agency: GP, type: gp_consultation, summary: "baby check", subjects: [kid], child_seen: seen}
  - {date: 2015-03-01, agency: Police, type: police_incident, summary: "domestic incident", subjects: [mum, kid], tags: [domestic_abuse], to: [CSC]}
  - {date: 2015-03-03, agency: CSC, type: notification, summary: "notification from police", subjects: [kid]}
  - {date: 2015-03-10, agency: CSC, type: home_visit, summary: "no reply", subjects: [kid], child_seen: not_seen}
  - {date: 2015-03-20, agency: Gran, type: contact, summary: "Gran saw him", subjects: [kid], child_seen: seen}
  - {date: 2015-03, agency: GP, type: letter, summary: "letter", subjects: [mum]}
  - {date: 2015-06-01, agency: CSC, type: home_visit, summary: "seen", subjects: [kid], child_seen: seen}
)";

TEST(Episodes, ContactsChildrenFindingsAndWhoKnewAtTheEnd) {
    Case c = case_from_yaml(k_case);
    c.notes.episodes.push_back({"After the incident", "2015-03-01", "2015-03", "", 1});
    c.notes.episodes.push_back({"Unreadable", "2015-13-01", "2015-04-01", "", 2});
    const auto findings = analyse(c);
    const auto views = episode_views(c, findings, who_knew(c, find_clusters(c)));
    ASSERT_EQ(views.size(), 1u);  // the unreadable one is left out
    const EpisodeView& v = views[0];
    EXPECT_EQ(v.episode, 0u);
    EXPECT_EQ(format_day(v.from_day), "2015-03-01");
    EXPECT_EQ(format_day(v.to_day), "2015-03-31");  // a month ends on its last day
    // Police, CSC twice, Gran, the GP's letter dated "2015-03"; not February's check or June's visit.
    ASSERT_EQ(v.entries.size(), 5u);
    ASSERT_EQ(v.agencies.size(), 4u);
    EXPECT_EQ(c.agency_name(v.agencies[0].agency), "Police");
    EXPECT_EQ(c.agency_name(v.agencies[1].agency), "GP");  // the month-dated letter sorts from its first day
    EXPECT_EQ(c.agency_name(v.agencies[2].agency), "CSC");
    EXPECT_EQ(v.agencies[2].contacts, 2u);
    EXPECT_EQ(v.agencies[2].saw_a_child, 0u);
    ASSERT_EQ(v.children.size(), 1u);
    EXPECT_EQ(v.children[0].sightings, 0u);  // Gran's sighting is not a professional one
    EXPECT_EQ(v.children[0].not_seen, 1u);
    ASSERT_TRUE(v.children[0].last_seen);
    EXPECT_EQ(format_day(*v.children[0].last_seen), "2015-02-01");
    // Findings of concern overlap the episode, and only those.
    for (const std::uint32_t f : v.findings) {
        EXPECT_TRUE(findings[f].concern);
        EXPECT_LE(findings[f].from_day, v.to_day);
        EXPECT_GE(findings[f].to_day, v.from_day);
    }
    // The incident: Police recorded it and told CSC that day; the GP never knew.
    ASSERT_EQ(v.risks.size(), 1u);
    EXPECT_EQ(c.chronology.entries[index_of(v.risks[0].event)].summary, "domestic incident");
    ASSERT_EQ(v.risks[0].known_from.size(), 4u);
    EXPECT_EQ(format_day(*v.risks[0].known_from[0]), "2015-03-01");
    EXPECT_FALSE(v.risks[0].known_from[1]);
    EXPECT_EQ(format_day(*v.risks[0].known_from[2]), "2015-03-01");  // told the same day (to: CSC)
}

TEST(Episodes, DatesReadAsTheyAreWritten) {
    EXPECT_FALSE(episode_days({"x", "2015-06", "2015-05", "", 0}));  // reversed
    EXPECT_FALSE(episode_days({"x", "", "2015-05", "", 0}));
    const auto d = episode_days({"x", "summer 2015", "~2015-10", "", 0});
    ASSERT_TRUE(d);
    EXPECT_EQ(format_day(d->first), "2015-06-01");
}

}  // namespace
