// Themes across cases: the distribution maths, one case's summary, and the cross-case figures.
#include "sightline/engine/themes.hpp"

#include <gtest/gtest.h>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

TEST(Distribution, EmptyHasNoValues) {
    const Distribution d = distribution({});
    EXPECT_EQ(d.count, 0u);
    EXPECT_EQ(d.median, 0);
    EXPECT_EQ(d.max, 0);
}

TEST(Distribution, OneValueIsEveryStatistic) {
    const Distribution d = distribution({81});
    EXPECT_EQ(d.count, 1u);
    for (const double v : {d.min, d.q1, d.median, d.q3, d.max}) EXPECT_EQ(v, 81);
}

TEST(Distribution, MedianOfAnOddCountIsTheMiddleValue) {
    EXPECT_EQ(distribution({40, 10, 30, 20, 50}).median, 30);
}

TEST(Distribution, MedianOfAnEvenCountIsTheMeanOfTheMiddleTwo) {
    EXPECT_EQ(distribution({13, 10}).median, 11.5);
    EXPECT_EQ(distribution({1, 2, 3, 4}).median, 2.5);
}

// Excel's QUARTILE.INC of {7, 15, 36, 39, 40, 41} (the textbook example): 20.25, 37.5, 39.75.
TEST(Distribution, QuartilesInterpolateAsExcelsQuartileInc) {
    const Distribution d = distribution({41, 7, 39, 15, 40, 36});
    EXPECT_EQ(d.min, 7);
    EXPECT_DOUBLE_EQ(d.q1, 20.25);
    EXPECT_DOUBLE_EQ(d.median, 37.5);
    EXPECT_DOUBLE_EQ(d.q3, 39.75);
    EXPECT_EQ(d.max, 41);
}

// R's quantile(1:10) (type 7): 3.25, 5.5, 7.75.
TEST(Distribution, QuartilesOfOneToTen) {
    const Distribution d = distribution({10, 9, 8, 7, 6, 5, 4, 3, 2, 1});
    EXPECT_DOUBLE_EQ(d.q1, 3.25);
    EXPECT_DOUBLE_EQ(d.median, 5.5);
    EXPECT_DOUBLE_EQ(d.q3, 7.75);
}

TEST(Distribution, QuantileEndsAreTheSmallestAndLargest) {
    const std::vector<std::int64_t> sorted = {3, 8, 100};
    EXPECT_EQ(quantile(sorted, 0), 3);
    EXPECT_EQ(quantile(sorted, 1), 100);
    EXPECT_EQ(quantile(sorted, 0.5), 8);
    EXPECT_DOUBLE_EQ(quantile(sorted, 0.75), 54);
}

TEST(Distribution, RepeatedValuesStayPut) {
    const Distribution d = distribution({30, 30, 30, 30});
    EXPECT_EQ(d.q1, 30);
    EXPECT_EQ(d.q3, 30);
}

TEST(AgeBand, BoundsAsTheNationalReviewsCount) {
    EXPECT_EQ(age_band(0), AgeBand::UnderOne);
    EXPECT_EQ(age_band(1), AgeBand::OneToFour);
    EXPECT_EQ(age_band(4), AgeBand::OneToFour);
    EXPECT_EQ(age_band(5), AgeBand::FiveToEleven);
    EXPECT_EQ(age_band(11), AgeBand::FiveToEleven);
    EXPECT_EQ(age_band(12), AgeBand::TwelvePlus);
    EXPECT_EQ(age_band(17), AgeBand::TwelvePlus);
    EXPECT_EQ(label(AgeBand::OneToFour), "1-4");
    EXPECT_EQ(to_string(AgeBand::TwelvePlus), "12_plus");
}

TEST(PercentOf, RoundsHalfUp) {
    EXPECT_EQ(percent_of(1, 3), 33);
    EXPECT_EQ(percent_of(1, 8), 13);  // 12.5
    EXPECT_EQ(percent_of(0, 0), 0);
}

namespace {

// A baby, then a child of 6: the baby unseen from birth for 80 days, the older child seen monthly
// but for one long spell; a move the GP followed late.
const char* k_case = R"(sightline: 1
case: {title: Baby B, index_children: [baby, big], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: baby, name: Baby Bee, born: 2015-01-01}
  - {id: big, name: Sam Bee, born: 2009-03-01}
  - {id: mum, name: Jo Bee, born: 1990-01-01}
  - {id: man, name: Lee Dee, born: 1985-01-01}
relationships:
  - {kind: parent, parent: mum, child: baby}
  - {kind: parent, parent: mum, child: big}
areas: [Eastmere, Lowbridge]
residences:
  - {people: [mum, baby, big], area: Eastmere, from: 2015-01-01, to: 2015-06-30}
  - {people: [mum, baby, big], area: Lowbridge, from: 2015-07-01}
agencies:
  - {name: East GP, kind: gp, area: Eastmere}
  - {name: Low GP, kind: gp, area: Lowbridge}
  - {name: School, kind: school, area: Eastmere}
  - {name: Police, kind: police, area: Eastmere}
entries:
  - {date: 2015-01-05, agency: East GP, type: appointment, summary: "Sam seen", subjects: [big], child_seen: {big: seen, baby: not_seen}}
  - {date: 2015-02-01, agency: School, type: contact, summary: "Sam in class", subjects: [big], child_seen: {big: seen}}
  - {date: 2015-03-22, agency: East GP, type: appointment, summary: "Baby weighed", subjects: [baby], child_seen: {baby: seen}}
  - {date: 2015-03-30, agency: School, type: contact, summary: "Sam in class", subjects: [big]}
  - {date: 2015-04-20, agency: Police, type: police_incident, summary: "Lee Dee arrested at the home", subjects: [man]}
  - {date: 2015-08-20, agency: Low GP, type: appointment, summary: "Registered", subjects: [baby, big], child_seen: {baby: seen, big: seen}}
)";

std::size_t count_of(const std::vector<Finding>& findings, FindingKind k) {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.kind() == k; }));
}

}  // namespace

TEST(SummariseCase, CountsEveryFindingByKind) {
    const Case c = case_from_yaml(k_case);
    const std::vector<Finding> findings = analyse(c);
    const CaseThemes t = summarise_case("cases/b", c, findings);
    EXPECT_EQ(t.folder, "cases/b");
    EXPECT_EQ(t.title, "Baby B");
    EXPECT_EQ(t.entries, 6u);
    EXPECT_EQ(format_day(*t.first_day), "2015-01-05");
    EXPECT_EQ(format_day(*t.last_day), "2015-08-20");
    for (std::size_t k = 0; k < t.counts.size(); ++k)
        EXPECT_EQ(t.counts[k], static_cast<std::int64_t>(count_of(findings, static_cast<FindingKind>(k))))
            << to_string(static_cast<FindingKind>(k));
    EXPECT_EQ(t.findings(), static_cast<std::int64_t>(findings.size()));
    EXPECT_EQ(t.of_concern(),
              std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.concern; }));
}

TEST(SummariseCase, TakesEachChildsLongestUnseenPeriodAndItsBand) {
    const Case c = case_from_yaml(k_case);
    const std::vector<Finding> findings = analyse(c);
    const CaseThemes t = summarise_case("b", c, findings);
    ASSERT_EQ(t.children.size(), 2u);
    // The longest of each child's unseen periods by any professional.
    for (std::size_t i = 0; i < 2; ++i) {
        std::int64_t longest = 0;
        for (const Finding& f : findings)
            if (const auto* u = f.as<UnseenPeriodFinding>();
                u && !u->agency_kind && u->child == c.info.index_children[i])
                longest = std::max(longest, u->days);
        ASSERT_GT(longest, 0) << i;
        EXPECT_EQ(t.children[i].longest_days, longest);
    }
    // The baby's longest began at birth (under 1); Sam's in 2015, aged 5 or 6.
    EXPECT_EQ(t.children[0].band, AgeBand::UnderOne);
    EXPECT_EQ(t.children[1].band, AgeBand::FiveToEleven);
}

TEST(SummariseCase, KeepsTransfersRecordingAndPatterns) {
    const Case c = case_from_yaml(k_case);
    const std::vector<Finding> findings = analyse(c);
    const CaseThemes t = summarise_case("b", c, findings);
    EXPECT_EQ(static_cast<std::size_t>(t.transfers.size()), count_of(findings, FindingKind::Transfer));
    for (const Finding& f : findings)
        if (const auto* tr = f.as<TransferFinding>(); tr && tr->agency_kind == AgencyKind::Gp) {
            const auto gp =
                std::find_if(t.transfers.begin(), t.transfers.end(),
                             [](const TransferOutcome& o) { return o.agency_kind == AgencyKind::Gp; });
            ASSERT_NE(gp, t.transfers.end());
            EXPECT_EQ(gp->status, tr->status);
            EXPECT_EQ(gp->first_contact_days, tr->first_contact_days);
        }
    std::int64_t contacts = 0, not_recorded = 0;
    for (const Finding& f : findings)
        if (const auto* r = f.as<SeenRecordingFinding>(); r && r->agency_kind == AgencyKind::School) {
            contacts += r->contacts;
            not_recorded += r->not_recorded;
        }
    EXPECT_EQ(t.recording[static_cast<std::size_t>(AgencyKind::School)].contacts, contacts);
    EXPECT_EQ(t.recording[static_cast<std::size_t>(AgencyKind::School)].not_recorded, not_recorded);
    EXPECT_GT(not_recorded, 0);  // "Sam in class" of 2015-03-30 does not say
    std::size_t patterns = 0;
    for (const FindingKind k : k_pattern_kinds) patterns += count_of(findings, k);
    EXPECT_EQ(t.patterns.size(), patterns);
}

namespace {

CaseThemes made_case(std::string folder, std::vector<ChildUnseen> children,
                     std::vector<TransferOutcome> transfers) {
    CaseThemes t;
    t.folder = std::move(folder);
    t.children = std::move(children);
    t.transfers = std::move(transfers);
    for (const TransferOutcome& o : t.transfers) {
        ++t.counts[static_cast<std::size_t>(FindingKind::Transfer)];
        if (o.status == TransferStatus::Late || o.status == TransferStatus::Missed)
            ++t.concerns[static_cast<std::size_t>(FindingKind::Transfer)];
    }
    return t;
}

}  // namespace

TEST(CombineThemes, TalliesKindsBandsTransfersAndRecording) {
    std::vector<CaseThemes> cases;
    cases.push_back(
        made_case("a", {{AgeBand::UnderOne, 30}, {AgeBand::FiveToEleven, std::nullopt}},
                  {{AgencyKind::Gp, TransferStatus::Ok, 10}, {AgencyKind::Gp, TransferStatus::Late, 40}}));
    cases.push_back(made_case("b", {{AgeBand::UnderOne, 50}},
                              {{AgencyKind::School, TransferStatus::Missed, std::nullopt}}));
    cases.push_back(made_case("c", {{AgeBand::UnderOne, 70}, {AgeBand::Unknown, 29}}, {}));
    cases[0].recording[static_cast<std::size_t>(AgencyKind::Police)] = {10, 4};
    cases[2].recording[static_cast<std::size_t>(AgencyKind::Police)] = {6, 2};
    const Themes th = combine_themes(std::move(cases), {{"d", "d/case.yaml:1:1: error: bad [yaml-syntax]"}});

    EXPECT_EQ(th.cases.size(), 3u);
    ASSERT_EQ(th.failed.size(), 1u);
    const KindTally& transfers = th.kinds[static_cast<std::size_t>(FindingKind::Transfer)];
    EXPECT_EQ(transfers.cases, 2);
    EXPECT_EQ(transfers.cases_concern, 2);
    EXPECT_EQ(transfers.findings, 3);
    EXPECT_EQ(transfers.concern, 2);

    const UnseenBand& babies = th.unseen[static_cast<std::size_t>(AgeBand::UnderOne)];
    EXPECT_EQ(babies.children, 3);
    EXPECT_EQ(babies.longest.count, 3u);
    EXPECT_EQ(babies.longest.median, 50);
    EXPECT_EQ(babies.longest.q1, 40);
    EXPECT_EQ(babies.longest.q3, 60);
    const UnseenBand& school_age = th.unseen[static_cast<std::size_t>(AgeBand::FiveToEleven)];
    EXPECT_EQ(school_age.children, 1);
    EXPECT_EQ(school_age.longest.count, 0u);  // never unseen past the threshold
    EXPECT_EQ(th.unseen[static_cast<std::size_t>(AgeBand::Unknown)].longest.max, 29);

    const TransferTally& gp = th.transfers[static_cast<std::size_t>(AgencyKind::Gp)];
    EXPECT_EQ(gp.by_status[static_cast<std::size_t>(TransferStatus::Ok)], 1);
    EXPECT_EQ(gp.by_status[static_cast<std::size_t>(TransferStatus::Late)], 1);
    EXPECT_EQ(gp.total(), 2);
    EXPECT_EQ(gp.first_contact_days.median, 25);
    const TransferTally& school = th.transfers[static_cast<std::size_t>(AgencyKind::School)];
    EXPECT_EQ(school.by_status[static_cast<std::size_t>(TransferStatus::Missed)], 1);
    EXPECT_EQ(school.first_contact_days.count, 0u);

    const RecordingTally& police = th.recording[static_cast<std::size_t>(AgencyKind::Police)];
    EXPECT_EQ(police.contacts, 16);
    EXPECT_EQ(police.not_recorded, 6);
    EXPECT_TRUE(th.any_concern());
}

TEST(CombineThemes, NoCasesNoConcern) {
    const Themes th = combine_themes({}, {});
    EXPECT_TRUE(th.cases.empty());
    EXPECT_FALSE(th.any_concern());
}

namespace {

// A failure located at the folder itself names it once; one inside it keeps the folder first.
TEST(ThemesFailedCase, NamesTheFolderOnce) {
    const sightline::engine::FailedCase at{"cases/x", "cases/x: error: cannot open 'cases/x' [case-missing]"};
    EXPECT_EQ(at.line(), at.message);
    const sightline::engine::FailedCase inside{"cases/x", "cases/x/case.yaml:1:1: error: bad [yaml-syntax]"};
    EXPECT_EQ(inside.line(), "cases/x: cases/x/case.yaml:1:1: error: bad [yaml-syntax]");
}

}  // namespace
