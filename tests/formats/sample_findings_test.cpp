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

    static Finding transfer(const std::string& date, const std::string& kind) {
        for (const Finding& f : of_kind(*s_findings, FindingKind::Transfer, "agency_kind", kind))
            if (text_field(f, "date") == date) return f;
        ADD_FAILURE() << "no " << kind << " transfer for the move on " << date;
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
    std::int64_t longest = 0;
    Finding best;
    for (const Finding& f : of_kind(*s_findings, FindingKind::UnseenPeriod, "agency_kind", ""))
        if (text_field(f, "child") == "child-r" && int_field(f, "days") > longest) {
            longest = int_field(f, "days");
            best = f;
        }
    EXPECT_EQ(longest, 81);
    EXPECT_EQ(text_field(best, "from"), "2015-07-13");
    EXPECT_EQ(text_field(best, "to"), "2015-10-02");
    EXPECT_EQ(std::get<EntryList>(*best.get("contacts_without_sighting")).size(), 14u);
    EXPECT_EQ(std::get<EntryList>(*best.get("family_sightings")).size(), 1u);  // Pat on 2015-08-30
}

TEST_F(SampleFindings, NoSocialWorkerSawRileyFor117Days) {
    bool found = false;
    for (const Finding& f : of_kind(*s_findings, FindingKind::UnseenPeriod, "agency_kind", "childrens_social_care"))
        if (text_field(f, "child") == "child-r" && int_field(f, "days") == 117) {
            found = true;
            EXPECT_EQ(text_field(f, "from"), "2015-06-25");
            EXPECT_EQ(text_field(f, "to"), "2015-10-20");
        }
    EXPECT_TRUE(found);
}

TEST_F(SampleFindings, TransferLatenciesAreExact) {
    // Move 1: Harrowfield -> Eastmere, 2015-02-14.
    EXPECT_EQ(int_field(transfer("2015-02-14", "health_visiting"), "informed_days"), 6);
    EXPECT_EQ(int_field(transfer("2015-02-14", "health_visiting"), "own_contact_days"), 19);
    EXPECT_EQ(text_field(transfer("2015-02-14", "health_visiting"), "status"), "ok");
    EXPECT_EQ(int_field(transfer("2015-02-14", "gp"), "first_contact_days"), 65);
    EXPECT_EQ(text_field(transfer("2015-02-14", "gp"), "status"), "late");
    EXPECT_EQ(int_field(transfer("2015-02-14", "childrens_social_care"), "first_contact_days"), 129);
    EXPECT_EQ(text_field(transfer("2015-02-14", "childrens_social_care"), "old_side"), "closed_without_handover");
    // Move 2: Eastmere -> Lowbridge, 2015-10-12.
    EXPECT_EQ(int_field(transfer("2015-10-12", "childrens_social_care"), "first_contact_days"), 8);
    EXPECT_EQ(int_field(transfer("2015-10-12", "childrens_social_care"), "own_contact_days"), 15);
    EXPECT_EQ(int_field(transfer("2015-10-12", "gp"), "first_contact_days"), 24);
    EXPECT_EQ(int_field(transfer("2015-10-12", "school"), "first_contact_days"), 21);
    EXPECT_EQ(text_field(transfer("2015-10-12", "health_visiting"), "status"), "missed");
}

TEST_F(SampleFindings, MisroutedNotificationHeardAfter14Days) {
    const auto m = of_kind(*s_findings, FindingKind::MisroutedNotification);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(text_field(m[0], "date"), "2015-11-10");
    EXPECT_EQ(text_field(m[0], "to_agency"), "Eastmere Children's Social Care");
    EXPECT_EQ(int_field(m[0], "days_until_right_area"), 14);
}

TEST_F(SampleFindings, TheOneGapIs43Days) {
    const auto gaps = of_kind(*s_findings, FindingKind::Gap, "agency", "");
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(text_field(gaps[0], "from"), "2015-08-12");
    EXPECT_EQ(text_field(gaps[0], "to"), "2015-09-24");
    EXPECT_EQ(int_field(gaps[0], "days"), 43);
    const auto csc = of_kind(*s_findings, FindingKind::Gap, "agency", "Eastmere Children's Social Care");
    ASSERT_EQ(csc.size(), 1u);
    EXPECT_EQ(int_field(csc[0], "days"), 58);
}

}  // namespace
