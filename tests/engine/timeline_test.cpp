// Timeline maths: visible marks match a brute-force filter, folding, lanes, overlays, axis ticks.
#include "sightline/engine/timeline.hpp"

#include <gtest/gtest.h>

#include <random>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

Track random_track(std::mt19937& rng, std::size_t n) {
    Track t;
    std::int64_t at = 0;
    for (std::size_t i = 0; i < n; ++i) {
        at += static_cast<std::int64_t>(rng() % 5000);  // clumps and gaps
        if (rng() % 50 == 0) at += 200000;
        const std::int64_t span = rng() % 10 == 0 ? static_cast<std::int64_t>(rng() % 40000) : 0;
        t.start.push_back(at);
        t.end.push_back(at + span);
        t.entry.push_back(static_cast<std::uint32_t>(i));
        t.style.push_back(static_cast<MarkStyle>(rng() % 5));
        t.max_span = std::max(t.max_span, span);
    }
    return t;
}

TEST(Timeline, VisibleMarksCoverExactlyTheEntriesABruteForceFilterFinds) {
    std::mt19937 rng(1234);
    std::vector<Mark> marks;
    for (int round = 0; round < 200; ++round) {
        Track t = random_track(rng, 1 + rng() % 400);
        if (round % 3 == 0) {  // with the running maximum of ends, as build_timeline fills it
            std::int64_t running = std::numeric_limits<std::int64_t>::min();
            for (std::int64_t e : t.end) t.end_max.push_back(running = std::max(running, e));
        }
        const std::int64_t span = t.end.back() + 1;
        const std::int64_t v0 = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span)) - 1000;
        const std::int64_t v1 = v0 + 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span));
        const std::int64_t gap = 1 + static_cast<std::int64_t>(rng() % 3000);
        const std::int64_t cap = round % 2 == 0 ? 0 : gap * static_cast<std::int64_t>(1 + rng() % 20);
        visible_marks(t, v0, v1, gap, marks, cap);
        // Brute force: the entries overlapping the view.
        std::vector<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < t.size(); ++i)
            if (t.start[i] <= v1 && t.end[i] >= v0) expected.push_back(i);
        // Every expected entry is in exactly one mark; marks are in order and do not overlap.
        std::vector<std::uint32_t> covered;
        std::int64_t previous_last = std::numeric_limits<std::int64_t>::min();
        for (const Mark& m : marks) {
            ASSERT_GE(m.count, 1u);
            EXPECT_GT(m.t0, previous_last);
            for (std::uint32_t k = m.first; k < m.first + m.count; ++k) {
                if (t.start[k] <= v1 && t.end[k] >= v0) covered.push_back(k);
                if (k > m.first) {
                    EXPECT_LT(t.start[k] - t.start[k - 1], gap);  // folded only when close
                }
            }
            previous_last = t.start[m.first + m.count - 1];
            if (cap > 0 && m.count > 1) {
                EXPECT_LE(m.t1 - m.t0, cap);  // a fold never spans more than the cap
            }
        }
        EXPECT_EQ(covered, expected) << "round " << round;
        // Folding keeps the number of marks to what the pixels can show.
        if (cap == 0) {
            EXPECT_LE(marks.size(), static_cast<std::size_t>((v1 - v0) / gap + 2 + t.max_span / gap + 1));
        }
    }
}

TEST(Timeline, NearestEntry) {
    Track t;
    for (std::int64_t s : {100, 200, 1000}) {
        t.start.push_back(s);
        t.end.push_back(s + 10);
        t.entry.push_back(0);
        t.style.push_back(MarkStyle::Seen);
    }
    t.max_span = 10;
    EXPECT_EQ(nearest_in_track(t, 205, 50), 1);
    EXPECT_EQ(nearest_in_track(t, 160, 50), 1);  // 50 past the first, 40 before the second
    EXPECT_EQ(nearest_in_track(t, 130, 50), 0);
    EXPECT_EQ(nearest_in_track(t, 105, 50), 0);  // inside its span
    EXPECT_EQ(nearest_in_track(t, 600, 50), -1);
}

TEST(Timeline, LanesGroupedByAreaOrKindWithFamilyLast) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid]}
people:
  - {id: kid, name: Kid}
agencies:
  - {name: Zed CSC, kind: childrens_social_care, area: Bay}
  - {name: Alpha GP, kind: gp, area: Bay}
  - {name: Police, kind: police, area: Ash}
  - {name: Gran, kind: family}
entries:
  - {date: 2015-01-01, agency: Gran, type: contact, summary: x, child_seen: seen}
  - {date: 2015-01-02, agency: Zed CSC, type: home_visit, summary: x, child_seen: seen_alone}
  - {date: 2015-01, agency: Zed CSC, type: meeting, summary: x}
  - {date: 2015-01-03, agency: Alpha GP, type: gp_consultation, summary: x, child_seen: not_seen}
  - {date: 2015-01-04, agency: Police, type: police_incident, summary: x}
)");
    const TimelineModel by_area = build_timeline(c, LaneGrouping::Area);
    ASSERT_EQ(by_area.lanes.size(), 4u);
    EXPECT_EQ(by_area.lanes[0].label, "Police");
    EXPECT_EQ(by_area.lanes[1].label, "Alpha GP");
    EXPECT_EQ(by_area.lanes[2].label, "Zed CSC");
    EXPECT_EQ(by_area.lanes[3].label, "Gran");
    EXPECT_EQ(by_area.lanes[2].days.size(), 1u);
    EXPECT_EQ(by_area.lanes[2].spans.size(), 1u);  // "2015-01" spans the month
    EXPECT_EQ(by_area.lanes[2].days.style[0], MarkStyle::SeenAlone);
    EXPECT_EQ(by_area.lanes[1].days.style[0], MarkStyle::NotSeen);
    EXPECT_EQ(by_area.lanes[3].days.style[0], MarkStyle::Family);
    const TimelineModel by_kind = build_timeline(c, LaneGrouping::Kind);
    EXPECT_EQ(by_kind.lanes[0].group, "Children's social care");
    EXPECT_EQ(agency_colour(AgencyKind::Police, "Police"), agency_colour(AgencyKind::Police, "Police"));
}

TEST(Timeline, EntriesByPersonListEachEntryOnceInOrder) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid]}
people:
  - {id: kid, name: Kid}
  - {id: mum, name: Mum}
  - {id: gran, name: Gran}
entries:
  - {date: 2015-01-01, agency: GP, type: gp_consultation, summary: x, subjects: [kid, mum]}
  - {date: 2015-01-02, agency: GP, type: contact, summary: x, subjects: [mum, Mum]}
  - {date: 2015-01-03, agency: GP, type: contact, summary: x, subjects: [kid, "a neighbour"]}
)");
    const auto by_person = entries_by_person(c);
    ASSERT_EQ(by_person.size(), 3u);
    EXPECT_EQ(by_person[0], (std::vector<std::uint32_t>{0, 2}));
    EXPECT_EQ(by_person[1], (std::vector<std::uint32_t>{0, 1}));  // named twice in entry 1, listed once
    EXPECT_TRUE(by_person[2].empty());
}

TEST(Timeline, OverlaysFromTheSample) {
    const Case c = formats::load_case(std::string(SIGHTLINE_SAMPLES) + "/child-r");
    const auto findings = analyse(c);
    const TimelineOverlays o = build_overlays(c, findings);
    ASSERT_EQ(o.children.size(), 2u);
    EXPECT_EQ(o.children[0].label, "Riley seen (last 2016-01-27)");
    EXPECT_EQ(o.children[0].sightings.size(), 41u);
    ASSERT_EQ(o.moves.size(), 2u);
    EXPECT_EQ(o.moves[1].label, "Eastmere \xE2\x86\x92 Lowbridge");
    EXPECT_EQ(o.moves[1].not_followed, (std::vector<std::string>{"Health visiting: missed"}));
    EXPECT_EQ(o.moves[0].not_followed, (std::vector<std::string>{"GP: 65 days (late)", "Children's social care: 129 days (late)"}));
    ASSERT_EQ(o.gaps.size(), 1u);
    EXPECT_EQ(seconds_day(o.gaps[0].t1) - seconds_day(o.gaps[0].t0), 43);
    EXPECT_FALSE(o.markers.empty());
    // The reviewer's key practice episode, whole days from its first to its last.
    ASSERT_EQ(o.episodes.size(), 1u);
    EXPECT_EQ(o.episodes[0].label, "1. Eastmere: the CIN case and the summer unseen");
    EXPECT_EQ(format_day(seconds_day(o.episodes[0].t0)), "2015-06-21");
    EXPECT_EQ(seconds_day(o.episodes[0].t1) - seconds_day(o.episodes[0].t0), 114);
}

// The overlays pick their findings by typed fields: unseen periods by anyone (not per agency
// kind) on the child's lane, gaps with no agency, each move's label from its areas, and under it
// each late or missed transfer's kind, status and days.
TEST(Timeline, OverlaysFromASmallCaseUseEachFindingsFields) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-08-31}}
people:
  - {id: kid, name: Kid, sex: female, born: 2012-01-01}
residences:
  - {people: [kid], area: Oldtown, from: 2012-01-01, to: 2015-03-02}
  - {people: [kid], area: Newtown, from: 2015-03-02}
agencies:
  - {name: Oldtown CSC, kind: childrens_social_care, area: Oldtown}
  - {name: Newtown CSC, kind: childrens_social_care, area: Newtown}
  - {name: Old HV, kind: health_visiting, area: Oldtown}
  - {name: New Surgery, kind: gp, area: Newtown}
entries:
  - {date: 2015-01-05, agency: Oldtown CSC, type: case_opened, summary: x, child_seen: seen}
  - {date: 2015-01-20, agency: Old HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-02-10, agency: Old HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-02-25, agency: Oldtown CSC, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-03-01, agency: Old HV, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-04-15, agency: New Surgery, type: registration, summary: x}
  - {date: 2015-05-20, agency: Newtown CSC, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-06-10, agency: Newtown CSC, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-07-01, agency: Newtown CSC, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-07-25, agency: Newtown CSC, type: home_visit, summary: x, child_seen: seen}
  - {date: 2015-08-20, agency: Newtown CSC, type: home_visit, summary: x, child_seen: seen}
)");
    const auto findings = analyse(c);
    const TimelineOverlays o = build_overlays(c, findings);

    // The lane: only the periods no professional saw her (social care's 51 days is not one).
    std::vector<std::uint32_t> by_anyone, by_kind;
    for (std::uint32_t n = 0; n < findings.size(); ++n)
        if (const auto* p = findings[n].as<UnseenPeriodFinding>()) (p->agency_kind ? by_kind : by_anyone).push_back(n);
    ASSERT_FALSE(by_kind.empty());
    ASSERT_EQ(o.children.size(), 1u);
    std::vector<std::uint32_t> drawn;
    for (const Band& b : o.children[0].unseen) drawn.push_back(b.finding);
    EXPECT_EQ(drawn, by_anyone);
    ASSERT_EQ(by_anyone.size(), 1u);  // 2015-03-01 to 2015-05-20
    EXPECT_EQ(format_day(seconds_day(o.children[0].unseen[0].t0)), "2015-03-01");

    // The family's gaps: the one with no agency (45 days), not Oldtown CSC's silence while involved.
    std::vector<std::uint32_t> family_gaps, agency_gaps;
    for (std::uint32_t n = 0; n < findings.size(); ++n)
        if (const auto* g = findings[n].as<GapFinding>()) (g->agency ? agency_gaps : family_gaps).push_back(n);
    ASSERT_FALSE(agency_gaps.empty());
    ASSERT_EQ(family_gaps.size(), 1u);
    ASSERT_EQ(o.gaps.size(), 1u);
    EXPECT_EQ(o.gaps[0].finding, family_gaps[0]);
    EXPECT_EQ(seconds_day(o.gaps[0].t1) - seconds_day(o.gaps[0].t0), 45);

    // The move and what did not follow it: no health visitor in Newtown, the GP 44 days late,
    // social care 79 days late.
    ASSERT_EQ(o.moves.size(), 1u);
    EXPECT_EQ(o.moves[0].label, "Oldtown \xE2\x86\x92 Newtown");
    EXPECT_EQ(format_day(seconds_day(o.moves[0].t)), "2015-03-02");
    EXPECT_EQ(o.moves[0].not_followed,
              (std::vector<std::string>{"Health visiting: missed", "GP: 44 days (late)", "Children's social care: 79 days (late)"}));
}

TEST(Timeline, OpenEndedScopesAndHugeRangesStayBounded) {
    const Case c = case_from_yaml(R"(sightline: 1
case: {title: T, scope: {from: before 2015-01, to: after 2015-12}}
entries:
  - {date: 2015-06-01, agency: GP, type: contact, summary: x}
)");
    const TimelineModel m = build_timeline(c, LaneGrouping::Area);
    EXPECT_EQ(format_day(seconds_day(m.t_min)), "2014-12-31");
    EXPECT_EQ(format_day(seconds_day(m.t_max)), "2016-01-01");
    const auto ticks = axis_ticks(std::numeric_limits<std::int64_t>::min() / 2, std::numeric_limits<std::int64_t>::max() / 2, 1000);
    EXPECT_LE(ticks.size(), 200u);  // returns, bounded by the years dates can have
}

TEST(Timeline, AxisTicksReadAsYearsMonthsDaysOrHours) {
    const std::int64_t y2014 = day_seconds(days_from_civil(2014, 1, 1));
    const std::int64_t y2016 = day_seconds(days_from_civil(2016, 1, 1));
    auto years = axis_ticks(day_seconds(days_from_civil(2000, 1, 1)), day_seconds(days_from_civil(2020, 1, 1)), 800);
    ASSERT_FALSE(years.empty());
    EXPECT_EQ(years.front().label, "2000");
    auto months = axis_ticks(y2014, y2016, 2000);
    EXPECT_EQ(months.front().label, "2014");
    EXPECT_EQ(months[1].label, "Feb");
    auto days = axis_ticks(day_seconds(days_from_civil(2015, 6, 1)), day_seconds(days_from_civil(2015, 6, 15)), 1400);
    EXPECT_EQ(days.front().label, "1 Jun");
    EXPECT_EQ(days[1].label, "2 Jun");
    auto hours = axis_ticks(day_seconds(days_from_civil(2015, 6, 1)), day_seconds(days_from_civil(2015, 6, 2)), 2000);
    EXPECT_EQ(hours.front().label, "1 Jun");
    EXPECT_EQ(hours[1].label, "01:00");
    auto quarters = axis_ticks(y2014, y2016, 1400);
    EXPECT_EQ(quarters[1].label, "Apr");
    for (const auto& ticks : {years, months, days, hours})
        for (std::size_t k = 1; k < ticks.size(); ++k) EXPECT_GT(ticks[k].t, ticks[k - 1].t);
}

}  // namespace
