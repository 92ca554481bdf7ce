// Vocabularies: canonical names, synonyms, and guessing kinds from agency names.
#include "sightline/engine/vocabulary.hpp"

#include <gtest/gtest.h>

using namespace sightline::engine;

TEST(Vocabulary, EntryTypesAndSynonyms) {
    EXPECT_EQ(parse_entry_type("home_visit"), EntryType::HomeVisit);
    EXPECT_EQ(parse_entry_type("Home visit"), EntryType::HomeVisit);
    EXPECT_EQ(parse_entry_type("DNA"), EntryType::MissedAppointment);
    EXPECT_EQ(parse_entry_type("was_not_brought"), EntryType::MissedAppointment);
    EXPECT_EQ(parse_entry_type("Was not brought"), EntryType::MissedAppointment);
    EXPECT_EQ(parse_entry_type("MERLIN"), EntryType::Notification);
    EXPECT_EQ(parse_entry_type("A&E attendance"), EntryType::HospitalAttendance);
    EXPECT_EQ(parse_entry_type("Strategy meeting"), EntryType::StrategyDiscussion);
    EXPECT_EQ(parse_entry_type("supervision"), EntryType::Free);
    for (std::string_view name : entry_type_names()) EXPECT_EQ(to_string(parse_entry_type(name)), name);
}

TEST(Vocabulary, ChildSeenValues) {
    EXPECT_EQ(parse_child_seen("seen_alone"), ChildSeen::SeenAlone);
    EXPECT_EQ(parse_child_seen("Seen alone"), ChildSeen::SeenAlone);
    EXPECT_EQ(parse_child_seen("Y"), ChildSeen::Seen);
    EXPECT_EQ(parse_child_seen("no"), ChildSeen::NotSeen);
    EXPECT_EQ(parse_child_seen(""), ChildSeen::NotRecorded);
    EXPECT_FALSE(parse_child_seen("maybe"));
    EXPECT_EQ(allowed_child_seen(), "not_recorded, not_seen, seen, seen_alone");
}

TEST(Vocabulary, AgencyKinds) {
    for (std::string_view name : agency_kind_names()) EXPECT_EQ(to_string(*parse_agency_kind(name)), name);
    EXPECT_EQ(parse_agency_kind("CSC"), AgencyKind::ChildrensSocialCare);
    EXPECT_FALSE(parse_agency_kind("wizards"));
    EXPECT_EQ(infer_agency_kind("Lowbridge Children\xE2\x80\x99s Social Care"), AgencyKind::ChildrensSocialCare);
    EXPECT_EQ(infer_agency_kind("Mere Lane Surgery"), AgencyKind::Gp);
    EXPECT_EQ(infer_agency_kind("Southvale Police"), AgencyKind::Police);
    EXPECT_EQ(infer_agency_kind("Lowbridge Park Primary"), AgencyKind::School);
    EXPECT_EQ(infer_agency_kind("Eastmere General Hospital"), AgencyKind::Hospital);
    EXPECT_EQ(infer_agency_kind("Eastmere Health Visiting"), AgencyKind::HealthVisiting);
    EXPECT_EQ(infer_agency_kind("Lowbridge Housing"), AgencyKind::Housing);
    EXPECT_EQ(infer_agency_kind("The Grange"), AgencyKind::Unknown);
}

TEST(Vocabulary, NormaliseWord) {
    EXPECT_EQ(normalise_word("  Children's Social-Care "), "childrens_social_care");
    EXPECT_EQ(normalise_word("Children\xE2\x80\x99s"), "childrens");
}
