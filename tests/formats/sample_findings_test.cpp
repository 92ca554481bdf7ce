// The sample case's planted truths (samples/child-r/EXPECTED.md) come out exact.
#include <gtest/gtest.h>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

class SampleFindings : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_case = new Case(formats::load_case(std::string(SIGHTLINE_SAMPLES) + "/child-r"));
        s_findings = new std::vector<Finding>(analyse(*s_case));
    }
    static void TearDownTestSuite() {
        delete s_findings;
        delete s_case;
    }
    static Case* s_case;
    static std::vector<Finding>* s_findings;

    // The transfer finding for an agency kind at the move on a date.
    static TransferFinding transfer(const std::string& date, AgencyKind kind) {
        for (const Finding& f : *s_findings)
            if (const auto* t = f.as<TransferFinding>(); t && t->agency_kind == kind && text(t->date) == date) return *t;
        ADD_FAILURE() << "no " << to_string(kind) << " transfer for the move on " << date;
        return {};
    }
};

Case* SampleFindings::s_case = nullptr;
std::vector<Finding>* SampleFindings::s_findings = nullptr;

TEST_F(SampleFindings, LoadsCleanly) {
    EXPECT_EQ(s_case->chronology.entries.size(), 134u);
    EXPECT_EQ(s_case->diagnostics.error_count(), 0u);
    EXPECT_EQ(s_case->diagnostics.warning_count(), 1u);  // "Uncle Mick" is nobody in the case
}

TEST_F(SampleFindings, LongestUnseenPeriodIs81Days) {
    const PersonId riley = s_case->find_person("child-r");
    UnseenPeriodFinding best;
    for (const Finding& f : *s_findings)
        if (const auto* p = f.as<UnseenPeriodFinding>(); p && !p->agency_kind && p->child == riley && p->days > best.days)
            best = *p;
    EXPECT_EQ(best.days, 81);
    EXPECT_EQ(text(best.from), "2015-07-13");
    EXPECT_EQ(text(best.to), "2015-10-02");
    EXPECT_EQ(best.contacts_without_sighting.size(), 14u);
    EXPECT_EQ(best.family_sightings.size(), 1u);  // Pat on 2015-08-30
}

TEST_F(SampleFindings, NoSocialWorkerSawRileyFor117Days) {
    const PersonId riley = s_case->find_person("child-r");
    bool found = false;
    for (const Finding& f : *s_findings) {
        const auto* p = f.as<UnseenPeriodFinding>();
        if (p && p->agency_kind == AgencyKind::ChildrensSocialCare && p->child == riley && p->days == 117) {
            found = true;
            EXPECT_EQ(text(p->from), "2015-06-25");
            EXPECT_EQ(text(p->to), "2015-10-20");
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(SampleFindings, TransferLatenciesAreExact) {
    // Move 1: Harrowfield -> Eastmere, 2015-02-14.
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::HealthVisiting).informed_days, 6);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::HealthVisiting).own_contact_days, 19);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::HealthVisiting).status, TransferStatus::Ok);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::Gp).first_contact_days, 65);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::Gp).status, TransferStatus::Late);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::ChildrensSocialCare).first_contact_days, 129);
    EXPECT_EQ(transfer("2015-02-14", AgencyKind::ChildrensSocialCare).old_side, OldSide::ClosedWithoutHandover);
    // Move 2: Eastmere -> Lowbridge, 2015-10-12.
    EXPECT_EQ(transfer("2015-10-12", AgencyKind::ChildrensSocialCare).first_contact_days, 8);
    EXPECT_EQ(transfer("2015-10-12", AgencyKind::ChildrensSocialCare).own_contact_days, 15);
    EXPECT_EQ(transfer("2015-10-12", AgencyKind::Gp).first_contact_days, 24);
    EXPECT_EQ(transfer("2015-10-12", AgencyKind::School).first_contact_days, 21);
    EXPECT_EQ(transfer("2015-10-12", AgencyKind::HealthVisiting).status, TransferStatus::Missed);
}

TEST_F(SampleFindings, MisroutedNotificationHeardAfter14Days) {
    const auto m = of_kind(*s_findings, FindingKind::MisroutedNotification);
    ASSERT_EQ(m.size(), 1u);
    const auto& d = data<MisroutedNotificationFinding>(m[0]);
    EXPECT_EQ(text(d.date), "2015-11-10");
    EXPECT_EQ(d.to_agency, "Eastmere Children's Social Care");
    EXPECT_EQ(d.days_until_right_area, 14);
}

TEST_F(SampleFindings, TheOneGapIs43Days) {
    const auto gaps = of_kind<GapFinding>(*s_findings, [](const GapFinding& g) { return !g.agency; });
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(text(data<GapFinding>(gaps[0]).from), "2015-08-12");
    EXPECT_EQ(text(data<GapFinding>(gaps[0]).to), "2015-09-24");
    EXPECT_EQ(data<GapFinding>(gaps[0]).days, 43);
    const auto csc = of_kind<GapFinding>(
        *s_findings, [](const GapFinding& g) { return g.agency == "Eastmere Children's Social Care"; });
    ASSERT_EQ(csc.size(), 1u);
    EXPECT_EQ(data<GapFinding>(csc[0]).days, 58);
}

}  // namespace
