// The case model: finding people, areas and agencies by what agencies call them.
#include "sightline/engine/model.hpp"

#include <gtest/gtest.h>

using namespace sightline::engine;

namespace {

Person person(std::string id, std::string name, std::vector<std::string> aliases = {}) {
    Person p;
    p.id = std::move(id);
    p.name = std::move(name);
    p.aliases = std::move(aliases);
    return p;
}

TEST(CaseModel, FindsPeopleByIdNameOrAliasIgnoringCase) {
    Case c;
    ASSERT_TRUE(c.add_person(person("lee", "Lee", {"Mr L", "boyfriend"})));
    ASSERT_TRUE(c.add_person(person("mother", "Dana", {"mum"})));
    EXPECT_EQ(c.find_person("lee"), static_cast<PersonId>(0));
    EXPECT_EQ(c.find_person("MR  L"), static_cast<PersonId>(0));
    EXPECT_EQ(c.find_person(" Boyfriend "), static_cast<PersonId>(0));
    EXPECT_EQ(c.find_person("Mum"), static_cast<PersonId>(1));
    EXPECT_TRUE(is_none(c.find_person("Uncle Mick")));
}

TEST(CaseModel, DuplicateIdsAreRefusedAndSharedAliasesAreAmbiguous) {
    Case c;
    ASSERT_TRUE(c.add_person(person("a", "Alex", {"A"})));
    EXPECT_FALSE(c.add_person(person("a", "Another")));
    ASSERT_TRUE(c.add_person(person("b", "Alex B", {"Alex"})));
    EXPECT_TRUE(is_none(c.find_person("alex")));  // two people answer to it
    EXPECT_EQ(c.find_person("a"), static_cast<PersonId>(0));  // ids always win
}

TEST(CaseModel, AgenciesGetKindAndAreaFromTheirNames) {
    Case c;
    const AreaId eastmere = c.intern_area("Eastmere");
    c.add_area_alias(eastmere, "Eastmere Borough");
    const AgencyId csc = c.intern_agency("Eastmere Children's Social Care");
    EXPECT_EQ(c.agency(csc).kind, AgencyKind::ChildrensSocialCare);
    EXPECT_EQ(c.agency(csc).area, eastmere);
    EXPECT_TRUE(c.agency(csc).kind_inferred);
    EXPECT_EQ(c.intern_agency("eastmere children's social care"), csc);
    const AgencyId hv = c.intern_agency("Eastmere Borough Health Visiting");
    EXPECT_EQ(c.agency(hv).kind, AgencyKind::HealthVisiting);
    EXPECT_EQ(c.agency(hv).area, eastmere);
    EXPECT_EQ(c.agency(c.intern_agency("Someone")).kind, AgencyKind::Unknown);
    EXPECT_TRUE(is_none(c.agency(c.intern_agency("Eastmereville GP")).area));  // a prefix of a word is not a match
}

TEST(CaseModel, AreasResolveByAlias) {
    Case c;
    const AreaId h = c.intern_area("Hammersmith & Fulham");
    c.add_area_alias(h, "LBHF");
    EXPECT_EQ(c.find_area("lbhf"), h);
    EXPECT_EQ(c.intern_area("LBHF"), h);
    EXPECT_TRUE(is_none(c.find_area("Luton")));
}

TEST(Chronology, PerChildSeenValuesFallBackToTheScalar) {
    Chronology ch;
    Entry scalar;
    scalar.child_seen = ChildSeen::Seen;
    EXPECT_EQ(ch.seen(scalar, 0), ChildSeen::Seen);
    EXPECT_EQ(ch.seen(scalar, 1), ChildSeen::Seen);
    Entry mapped;
    mapped.seen_map = 0;
    ch.seen_values = {ChildSeen::SeenAlone, ChildSeen::NotSeen};
    EXPECT_EQ(ch.seen(mapped, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(ch.seen(mapped, 1), ChildSeen::NotSeen);
}

}  // namespace
