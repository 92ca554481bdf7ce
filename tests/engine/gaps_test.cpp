// Gaps: no agency contact at all, and per case-holding agency while involved.
#include <gtest/gtest.h>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

std::string case_with(const std::string& entries, const std::string& rules = "") {
    return R"(sightline: 1
case: {title: T, index_children: [kid], scope: {from: 2015-01-01, to: 2015-06-30}}
people:
  - {id: kid, name: Kid, sex: female, born: 2012-01-10}
agencies:
  - {name: CSC, kind: childrens_social_care}
  - {name: GP, kind: gp}
  - {name: Gran, kind: family}
)" + rules + "entries:\n" + entries;
}

std::string e(const std::string& date, const std::string& agency, const std::string& type = "contact") {
    return "  - {date: " + date + ", agency: " + agency + ", type: " + type + ", summary: x}\n";
}

TEST(Gaps, NoAgencyContactLongerThanTheThreshold) {
    const std::string c = case_with(e("2015-01-01", "GP") + e("2015-02-10", "GP") + e("2015-03-25", "GP") + e("2015-03-01", "Gran") +
                             e("2015-03-10", "GP", "injury") + e("2015-05-05", "GP") + e("2015-06-16", "GP") + e("2015-06-30", "GP"));
    const auto gaps = of_kind<GapFinding>(analyse_gaps(case_from_yaml(c)), [](const auto& g) { return !g.agency; });
    // 01-01..02-10 = 40 (not > 42); 02-10..03-25 = 43 (family and an injury are not contacts);
    // 03-25..05-05 = 41; 05-05..06-16 = 42 (not > 42)
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(text(data<GapFinding>(gaps[0]).from), "2015-02-10");
    EXPECT_EQ(text(data<GapFinding>(gaps[0]).to), "2015-03-25");
    EXPECT_EQ(data<GapFinding>(gaps[0]).days, 43);
    EXPECT_FALSE(data<GapFinding>(gaps[0]).agency.has_value());
    EXPECT_EQ(data<GapFinding>(gaps[0]).family_entries.size(), 1u);
    EXPECT_EQ(gaps[0].entries.size(), 2u);
}

TEST(Gaps, ScopeEdgesCountAndLooseDatesDoNotCloseAGap) {
    const std::string c = case_with(e("2015-03-01", "GP") + e("2015-04", "GP") + e("2015-06-01", "GP"));
    const auto gaps = of_kind<GapFinding>(analyse_gaps(case_from_yaml(c)), [](const auto& g) { return !g.agency; });
    ASSERT_EQ(gaps.size(), 2u);  // the last 29 days to scope end are within the threshold
    EXPECT_EQ(data<GapFinding>(gaps[0]).days, 59);  // scope start to the first contact
    EXPECT_NE(gaps[0].message.find("(start of scope)"), std::string::npos);
    EXPECT_EQ(data<GapFinding>(gaps[1]).days, 92);  // "2015-04" cannot close it
    EXPECT_EQ(data<GapFinding>(gaps[1]).uncertain_contacts.size(), 1u);
}

// Principle 1 (docs/analyses.md): contacts dated only loosely that could fall so that no stretch
// is longer than the threshold leave the records unable to show a gap: no concern, said so.
TEST(Gaps, LooseDatesThatCouldFillAGapMakeItNoConcern) {
    const std::string c = case_with(e("2015-01-01", "GP") + e("2015-02-01", "GP") + e("2015-03-01", "GP") +
                                    e("2015-04", "GP") + e("2015-05-20", "GP") + e("2015-06-30", "GP"));
    const auto gaps = of_kind<GapFinding>(analyse_gaps(case_from_yaml(c)), [](const auto& g) { return !g.agency; });
    ASSERT_EQ(gaps.size(), 1u);  // 03-01 to 05-20, 80 days; "2015-04" could be on 04-10
    EXPECT_FALSE(gaps[0].concern);
    EXPECT_NE(gaps[0].message.find("1 contact is dated only loosely and could fall so that no stretch is longer than "
                                   "the threshold: the records cannot show a gap."),
              std::string::npos)
        << gaps[0].message;
}

TEST(Gaps, PerCaseHoldingAgencyWhileInvolved) {
    const std::string entries = e("2015-01-01", "GP") + e("2015-01-05", "CSC", "case_opened") + e("2015-02-01", "GP") +
                                e("2015-03-01", "GP") + e("2015-03-20", "CSC") + e("2015-04-01", "GP") +
                                e("2015-04-02", "CSC", "case_closed") + e("2015-05-01", "GP") + e("2015-06-01", "GP") +
                                e("2015-06-20", "CSC", "referral") + e("2015-06-30", "GP");
    const auto by = [](std::string agency) { return [agency](const GapFinding& g) { return g.agency == agency; }; };
    const auto per = of_kind<GapFinding>(analyse_gaps(case_from_yaml(case_with(entries))), by("CSC"));
    // Open 01-05, silent until 03-20 (74 days); closed 04-02; the re-referral starts a new spell.
    ASSERT_EQ(per.size(), 1u);
    EXPECT_EQ(data<GapFinding>(per[0]).days, 74);
    EXPECT_EQ(data<GapFinding>(per[0]).agency_kind, AgencyKind::ChildrensSocialCare);
    EXPECT_EQ(per[0].message.substr(0, 40), "CSC recorded nothing for 74 days while i");
    // A GP is a universal service: no per-agency gaps for it.
    EXPECT_TRUE(of_kind<GapFinding>(analyse_gaps(case_from_yaml(case_with(entries))), by("GP")).empty());
    // Overridable.
    EXPECT_TRUE(of_kind<GapFinding>(analyse_gaps(case_from_yaml(case_with(entries, "rules: {agency_gap_days: 80}\n"))), by("CSC"))
                    .empty());
}

}  // namespace
