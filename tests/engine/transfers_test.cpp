// Transfers: moves, who should follow, first contact in the new area, the old side, misrouting.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;
using namespace sightline::test;

namespace {

// A baby (under 5) and a school-age sibling move from Oldtown to Newtown on Monday 2015-03-02.
std::string moving_case(const std::string& entries, const std::string& extra = "") {
    return R"(sightline: 1
case: {title: T, index_children: [baby, big], scope: {from: 2014-10-01, to: 2015-09-30}}
people:
  - {id: baby, name: Baby, sex: male, born: 2014-10-01}
  - {id: big, name: Big, sex: female, born: 2008-01-01}
  - {id: mum, name: Mum, sex: female}
residences:
  - {people: [mum, baby, big], area: Oldtown, from: 2014-10-01, to: 2015-03-02}
  - {people: [mum, baby, big], area: Newtown, from: 2015-03-02}
agencies:
  - {name: Oldtown HV, kind: health_visiting, area: Oldtown}
  - {name: Newtown HV, kind: health_visiting, area: Newtown}
  - {name: Oldtown CSC, kind: childrens_social_care, area: Oldtown}
  - {name: Newtown CSC, kind: childrens_social_care, area: Newtown}
  - {name: Old Surgery, kind: gp, area: Oldtown}
  - {name: New Surgery, kind: gp, area: Newtown}
  - {name: Old School, kind: school, area: Oldtown}
  - {name: New School, kind: school, area: Newtown}
  - {name: Shire Police, kind: police, area: Oldtown}
)" + extra + "entries:\n" + entries;
}

std::string e(const std::string& date, const std::string& agency, const std::string& type = "contact",
              const std::string& more = "") {
    return "  - {date: " + date + ", agency: " + agency + ", type: " + type + ", summary: x" + more + "}\n";
}

// Transfer findings for one agency kind.
std::vector<Finding> transfers(const std::vector<Finding>& all, AgencyKind kind) {
    return of_kind<TransferFinding>(all, [&](const TransferFinding& t) { return t.agency_kind == kind; });
}

// The one transfer finding for an agency kind.
Finding transfer(const std::vector<Finding>& all, AgencyKind kind) {
    const auto t = transfers(all, kind);
    EXPECT_EQ(t.size(), 1u) << to_string(kind);
    if (!t.empty()) return t[0];
    Finding none;
    none.data = TransferFinding{};
    return none;
}

TEST(Transfers, UniversalServicesAndInvolvedKindsAreChecked) {
    const std::string entries =
        e("2015-01-20", "Oldtown HV", "home_visit") + e("2015-02-10", "Oldtown CSC", "home_visit") +
        e("2015-02-20", "Oldtown CSC", "case_closed") + e("2015-01-10", "Old School") +
        e("2015-03-05", "Oldtown HV", "case_transfer", ", to: [Newtown HV]") + e("2015-03-20", "Newtown HV", "home_visit") +
        e("2015-04-06", "New Surgery", "registration") + e("2015-05-01", "Newtown CSC", "referral");
    const auto all = analyse_transfers(case_from_yaml(moving_case(entries)));
    const auto moves = of_kind(all, FindingKind::Move);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_EQ(moves[0].message, "Baby and Big moved from Oldtown to Newtown on 2015-03-02.");

    const Finding hv = transfer(all, AgencyKind::HealthVisiting);
    EXPECT_EQ(data<TransferFinding>(hv).status, TransferStatus::Ok);
    EXPECT_EQ(data<TransferFinding>(hv).first_contact_days, 3);  // informed by the old HV's transfer
    EXPECT_EQ(data<TransferFinding>(hv).informed_days, 3);
    EXPECT_EQ(data<TransferFinding>(hv).own_contact_days, 18);
    EXPECT_EQ(data<TransferFinding>(hv).old_side, OldSide::TransferSent);
    EXPECT_FALSE(hv.concern);

    const Finding gp = transfer(all, AgencyKind::Gp);
    EXPECT_EQ(data<TransferFinding>(gp).status, TransferStatus::Late);
    EXPECT_EQ(data<TransferFinding>(gp).first_contact_days, 35);
    EXPECT_EQ(data<TransferFinding>(gp).old_side, OldSide::NotInvolved);

    const Finding csc = transfer(all, AgencyKind::ChildrensSocialCare);
    EXPECT_EQ(data<TransferFinding>(csc).status, TransferStatus::Late);
    EXPECT_EQ(data<TransferFinding>(csc).first_contact_days, 60);
    EXPECT_EQ(data<TransferFinding>(csc).threshold_unit, ThresholdUnit::WorkingDays);
    EXPECT_EQ(data<TransferFinding>(csc).old_side, OldSide::ClosedWithoutHandover);
    EXPECT_NE(csc.message.find("Oldtown CSC closed its case on 2015-02-20 without handing over to Newtown."), std::string::npos);

    const Finding school = transfer(all, AgencyKind::School);
    EXPECT_EQ(data<TransferFinding>(school).status, TransferStatus::Missed);
    EXPECT_FALSE(data<TransferFinding>(school).first_contact_days.has_value());
    EXPECT_TRUE(school.concern);
    EXPECT_NE(school.message.find("School never followed the move to Newtown"), std::string::npos);

    // Police forces are not expected to "follow".
    EXPECT_TRUE(transfers(all, AgencyKind::Police).empty());
}

TEST(Transfers, ThresholdBoundaries) {
    // GP at exactly 28 days is on time; school at 29 days is late.
    const std::string entries = e("2015-03-30", "New Surgery", "registration") + e("2015-03-31", "New School", "registration") +
                                e("2015-03-10", "Newtown HV", "home_visit");
    const auto all = analyse_transfers(case_from_yaml(moving_case(entries)));
    EXPECT_EQ(data<TransferFinding>(transfer(all, AgencyKind::Gp)).status, TransferStatus::Ok);
    EXPECT_EQ(data<TransferFinding>(transfer(all, AgencyKind::Gp)).first_contact_days, 28);
    EXPECT_EQ(data<TransferFinding>(transfer(all, AgencyKind::School)).status, TransferStatus::Late);
    EXPECT_EQ(data<TransferFinding>(transfer(all, AgencyKind::School)).first_contact_days, 29);
}

TEST(Transfers, SocialCareCountsWorkingDays) {
    // Involved at the move; 2015-03-23 is 15 working days after Monday 2015-03-02, 03-24 is 16.
    const std::string before = e("2015-02-25", "Oldtown CSC", "home_visit");
    const auto ok = analyse_transfers(case_from_yaml(moving_case(before + e("2015-03-23", "Newtown CSC"))));
    EXPECT_EQ(data<TransferFinding>(transfer(ok, AgencyKind::ChildrensSocialCare)).status, TransferStatus::Ok);
    EXPECT_EQ(data<TransferFinding>(transfer(ok, AgencyKind::ChildrensSocialCare)).first_contact_working_days, 15);
    const auto late = analyse_transfers(case_from_yaml(moving_case(before + e("2015-03-24", "Newtown CSC"))));
    EXPECT_EQ(data<TransferFinding>(transfer(late, AgencyKind::ChildrensSocialCare)).status, TransferStatus::Late);
    EXPECT_EQ(working_days_between(days_from_civil(2015, 3, 2), days_from_civil(2015, 3, 9)), 5);
}

TEST(Transfers, KindsNotInvolvedAtTheMoveAreNotExpected) {
    // The old CSC's last record is 91 days before the move: outside the 90-day lookback.
    const auto all = analyse_transfers(case_from_yaml(moving_case(e("2014-12-01", "Oldtown CSC", "home_visit"))));
    EXPECT_TRUE(transfers(all, AgencyKind::ChildrensSocialCare).empty());
    const auto involved = analyse_transfers(case_from_yaml(moving_case(e("2014-12-02", "Oldtown CSC", "home_visit"))));
    EXPECT_EQ(transfers(involved, AgencyKind::ChildrensSocialCare).size(), 1u);
}

TEST(Transfers, MovesAreInferredFromEntryAreasWithoutResidences) {
    const std::string yaml = R"(sightline: 1
case: {title: T, index_children: [baby], scope: {from: 2015-01-01, to: 2015-06-30}}
people:
  - {id: baby, name: Baby, sex: male, born: 2014-10-01}
agencies:
  - {name: Oldtown HV, kind: health_visiting, area: Oldtown}
  - {name: Newtown HV, kind: health_visiting, area: Newtown}
  - {name: Newtown Surgery, kind: gp, area: Newtown}
entries:
  - {date: 2015-01-10, agency: Oldtown HV, type: home_visit, summary: x}
  - {date: 2015-02-10, agency: Oldtown HV, type: home_visit, summary: x}
  - {date: 2015-03-10, agency: Newtown HV, type: home_visit, summary: x}
  - {date: 2015-04-10, agency: Newtown Surgery, type: registration, summary: x}
)";
    const auto all = analyse_transfers(case_from_yaml(yaml));
    const auto moves = of_kind(all, FindingKind::Move);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_TRUE(data<MoveFinding>(moves[0]).inferred);
    EXPECT_EQ(text(*data<MoveFinding>(moves[0]).date), "2015-03-10");
    EXPECT_NE(moves[0].message.find("No residences are recorded: this move is inferred"), std::string::npos);
    EXPECT_EQ(data<TransferFinding>(transfer(all, AgencyKind::Gp)).status, TransferStatus::Late);
}

TEST(Transfers, NotificationToTheAreaTheChildLeftIsMisrouted) {
    const std::string entries = e("2015-04-01", "Shire Police", "notification", ", to: [Oldtown CSC]") +
                                e("2015-04-02", "Shire Police", "notification", ", to: [Oldtown HV]") +
                                e("2015-04-11", "Shire Police", "notification", ", to: [Newtown CSC]") +
                                e("2015-02-01", "Shire Police", "notification", ", to: [Oldtown CSC]");
    const auto m = of_kind(analyse_transfers(case_from_yaml(moving_case(entries))), FindingKind::MisroutedNotification);
    ASSERT_EQ(m.size(), 2u);  // the February one went to the right area at the time
    EXPECT_EQ(data<MisroutedNotificationFinding>(m[0]).to_agency, "Oldtown CSC");
    EXPECT_EQ(data<MisroutedNotificationFinding>(m[0]).child_area, "Newtown");
    EXPECT_EQ(data<MisroutedNotificationFinding>(m[0]).days_until_right_area, 10);
    EXPECT_EQ(data<MisroutedNotificationFinding>(m[1]).to_agency, "Oldtown HV");
    EXPECT_FALSE(data<MisroutedNotificationFinding>(m[1]).days_until_right_area.has_value());  // never
    EXPECT_NE(m[1].message.find("No health visiting in Newtown is recorded as hearing of it."), std::string::npos);
}

// Principles (docs/analyses.md): only what passes on a risk can go to the wrong area. Asking the
// old area for history, telling a colleague the family moved, saying a case will close: none is.
TEST(Transfers, OrdinaryExchangesAfterAMoveAreNotMisrouted) {
    const std::string entries =
        e("2015-03-10", "Newtown CSC", "information_request", ", to: [Oldtown HV]") +
        "  - {date: 2015-03-04, agency: Oldtown HV, type: notification, summary: \"Notified Old Surgery that the family "
        "has moved to Newtown\", to: [Old Surgery]}\n"
        "  - {date: 2015-03-20, agency: Newtown CSC, type: phone_call, summary: \"Phoned Oldtown CSC to say the "
        "assessment will close with no further action\", to: [Oldtown CSC]}\n"
        "  - {date: 2015-03-25, agency: Newtown CSC, type: case_closed, summary: \"Closed; Oldtown CSC informed\", "
        "to: [Oldtown CSC]}\n";
    const auto m = of_kind(analyse_transfers(case_from_yaml(moving_case(entries))), FindingKind::MisroutedNotification);
    EXPECT_TRUE(m.empty()) << m.front().message;
}

// A police public protection desk is in its borough: a domestic abuse notification sent to the
// old borough's desk is misrouted, and the new borough heard when it was forwarded.
TEST(Transfers, ANotificationToTheOldBoroughsPoliceDeskIsMisrouted) {
    const std::string desks = "  - {name: Oldtown PPD, kind: police, area: Oldtown}\n"
                              "  - {name: Newtown PPD, kind: police, area: Newtown}\n";
    const std::string entries =
        "  - {date: 2015-04-01, agency: Shire Police, type: notification, summary: \"Domestic abuse incident: DASH "
        "medium, two children in the household\", to: [Oldtown PPD]}\n"
        "  - {date: 2015-04-13, agency: Oldtown PPD, type: notification, summary: \"DA notification forwarded to "
        "Newtown PPD: the family lives in Newtown\", to: [Newtown PPD]}\n";
    const auto m = of_kind(analyse_transfers(case_from_yaml(moving_case(entries, desks))), FindingKind::MisroutedNotification);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_TRUE(m[0].concern);
    EXPECT_EQ(m[0].message,
              "2015-04-01 Shire Police, notification went to Oldtown PPD in Oldtown, but the family was living in "
              "Newtown. Newtown heard 12 days later (2015-04-13 Oldtown PPD, notification).");
}

// Without a unit of that kind in the child's area, the records cannot say where it should have gone.
TEST(Transfers, NoUnitOfThatKindInTheChildsAreaIsNoMisrouting) {
    const std::string housing = "  - {name: Oldtown Housing, kind: housing, area: Oldtown}\n";
    const std::string entries = "  - {date: 2015-04-01, agency: Shire Police, type: notification, summary: \"Domestic "
                                "abuse at the flat\", to: [Oldtown Housing]}\n";
    const auto m = of_kind(analyse_transfers(case_from_yaml(moving_case(entries, housing))), FindingKind::MisroutedNotification);
    EXPECT_TRUE(m.empty());
}

// A kind whose records carry no area after the move: the records cannot say whether it followed.
TEST(Transfers, RecordsWithNoAreaCannotSayWhetherAKindFollowed) {
    const std::string valley = "  - {name: Valley Practice, kind: gp}\n";
    const std::string entries = e("2015-01-20", "Old Surgery", "gp_consultation") + e("2015-03-20", "Valley Practice", "gp_consultation");
    const auto all = analyse_transfers(case_from_yaml(moving_case(entries, valley)));
    const auto gp = of_kind(all, FindingKind::Transfer);
    const auto it = std::find_if(gp.begin(), gp.end(), [](const Finding& f) { return f.message.find("GP") != std::string::npos ||
                                                                                      f.message.find("gp") != std::string::npos; });
    ASSERT_NE(it, gp.end());
    EXPECT_FALSE(it->concern);
    EXPECT_EQ(it->message,
              "Cannot tell whether GP followed the move to Newtown on 2015-03-02: no GP record says it is in Newtown, "
              "and 2015-03-20 Valley Practice, GP consultation (after the move) has no area. Give Valley Practice its "
              "area in case.yaml's agencies: to check. Old Surgery recorded no handover.");
}

}  // namespace

namespace {

TEST(Transfers, RecordsThatChangeAreaTooOftenInferNoMoves) {
    std::string yaml = R"(sightline: 1
case: {title: T, index_children: [baby], scope: {from: 2015-01-01, to: 2016-12-31}}
people:
  - {id: baby, name: Baby, sex: male, born: 2014-10-01}
agencies:
  - {name: A HV, kind: health_visiting, area: A}
  - {name: B HV, kind: health_visiting, area: B}
entries:
)";
    // Two records in A, two in B, and so on: 60 changes in two years.
    for (int k = 0; k < 120; ++k)
        yaml += "  - {date: " + format_day(days_from_civil(2015, 1, 2) + k * 6) + ", agency: " +
                ((k / 2) % 2 == 0 ? "A HV" : "B HV") + ", type: home_visit, summary: x}\n";
    const auto all = analyse_transfers(case_from_yaml(yaml));
    EXPECT_TRUE(of_kind(all, FindingKind::Transfer).empty());
    const auto moves = of_kind(all, FindingKind::Move);
    ASSERT_EQ(moves.size(), 1u);
    EXPECT_FALSE(data<MoveFinding>(moves[0]).date.has_value());
    EXPECT_EQ(data<MoveFinding>(moves[0]).area_changes, 59);
    EXPECT_NE(moves[0].message.find("too often to be moves of the family"), std::string::npos);
}

}  // namespace

namespace {

TEST(Transfers, EachChildsWindowEndsAtItsOwnNextMove) {
    // The baby moves to Newtown on 03-02; the older child follows on 03-05 (from Oldtown too).
    const std::string yaml = R"(sightline: 1
case: {title: T, index_children: [baby, big], scope: {from: 2014-10-01, to: 2015-09-30}}
people:
  - {id: baby, name: Baby, sex: male, born: 2014-10-01}
  - {id: big, name: Big, sex: female, born: 2008-01-01}
residences:
  - {people: [baby], area: Oldtown, from: 2014-10-01, to: 2015-03-02}
  - {people: [baby], area: Newtown, from: 2015-03-02}
  - {people: [big], area: Oldtown, from: 2014-10-01, to: 2015-03-05}
  - {people: [big], area: Newtown, from: 2015-03-05}
agencies:
  - {name: New Surgery, kind: gp, area: Newtown}
entries:
  - {date: 2015-03-20, agency: New Surgery, type: registration, summary: x}
)";
    const auto all = analyse_transfers(case_from_yaml(yaml));
    const auto gp = transfers(all, AgencyKind::Gp);
    ASSERT_EQ(gp.size(), 2u);
    EXPECT_EQ(data<TransferFinding>(gp[0]).status, TransferStatus::Ok);  // not cut short by the sibling's move three days later
    EXPECT_EQ(data<TransferFinding>(gp[0]).first_contact_days, 18);
    EXPECT_EQ(data<TransferFinding>(gp[1]).first_contact_days, 15);
}

TEST(Transfers, MovesBeforeTheScopeAndCasesWithoutIndexChildrenAreNotChecked) {
    const std::string before = R"(sightline: 1
case: {title: T, index_children: [baby], scope: {from: 2015-01-01, to: 2015-12-31}}
people:
  - {id: baby, name: Baby, sex: male, born: 2013-10-01}
residences:
  - {people: [baby], area: Oldtown, from: 2013-10-01, to: 2014-03-02}
  - {people: [baby], area: Newtown, from: 2014-03-02}
entries:
  - {date: 2015-03-20, agency: Newtown HV, type: home_visit, summary: x}
)";
    EXPECT_TRUE(analyse_transfers(case_from_yaml(before)).empty());
    const std::string nobody = R"(sightline: 1
case: {title: T}
agencies:
  - {name: Oldtown HV, kind: health_visiting, area: Oldtown}
  - {name: Newtown HV, kind: health_visiting, area: Newtown}
entries:
  - {date: 2015-01-10, agency: Oldtown HV, type: home_visit, summary: x}
  - {date: 2015-02-10, agency: Newtown HV, type: home_visit, summary: x}
  - {date: 2015-03-10, agency: Newtown HV, type: home_visit, summary: x}
)";
    EXPECT_TRUE(analyse_transfers(case_from_yaml(nobody)).empty());
}

}  // namespace
