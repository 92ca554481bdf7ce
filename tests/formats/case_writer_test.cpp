// The manifest writer: what it writes reads back as the same case.
#include "sightline/formats/case_writer.hpp"

#include <gtest/gtest.h>

#include "sightline/formats/case_reader.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using namespace sightline::engine;

TEST(CaseWriter, TheSampleManifestReadsBackTheSame) {
    const Case original = formats::load_case(SIGHTLINE_SAMPLES "/child-r", {.merge = false, .read_sources = false});
    std::string text;
    formats::write_manifest_yaml(original, {{"agencies/police.csv", "Southvale Police", "agencies/police.mapping.yaml"}}, text);
    test::TempDir dir;
    dir.write("case.yaml", text);
    const Case again = formats::load_case(dir.path(), {.merge = false, .read_sources = false});
    EXPECT_TRUE(again.diagnostics.empty()) << (again.diagnostics.empty() ? "" : again.diagnostics.items().front().message);
    EXPECT_EQ(again.info.title, original.info.title);
    EXPECT_EQ(again.info.index_children, original.info.index_children);
    EXPECT_EQ(*again.info.scope_from, *original.info.scope_from);
    ASSERT_EQ(again.people.size(), original.people.size());
    for (std::size_t i = 0; i < again.people.size(); ++i) {
        EXPECT_EQ(again.people[i].id, original.people[i].id);
        EXPECT_EQ(again.people[i].aliases, original.people[i].aliases);
        EXPECT_EQ(again.people[i].born.has_value(), original.people[i].born.has_value());
        if (again.people[i].born) {
            EXPECT_EQ(*again.people[i].born, *original.people[i].born);
        }
    }
    EXPECT_EQ(again.relationships.size(), original.relationships.size());
    ASSERT_EQ(again.residences.size(), original.residences.size());
    for (std::size_t i = 0; i < again.residences.size(); ++i) {
        EXPECT_EQ(again.residences[i].people, original.residences[i].people);
        EXPECT_EQ(again.area_name(again.residences[i].area), original.area_name(original.residences[i].area));
    }
    std::size_t registered = 0;
    for (const Agency& a : original.agencies) {
        if (!a.registered) continue;
        ++registered;
        const AgencyId id = again.find_agency(a.name);
        ASSERT_FALSE(is_none(id)) << a.name;
        EXPECT_EQ(again.agency(id).kind, a.kind);
        EXPECT_EQ(again.area_name(again.agency(id).area), original.area_name(a.area));
    }
    EXPECT_GT(registered, 10u);
    EXPECT_NE(text.find("  - {file: agencies/police.csv, agency: Southvale Police, mapping: agencies/police.mapping.yaml}"),
              std::string::npos);
}
