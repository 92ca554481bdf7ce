// The shared text helpers.
#include "sightline/engine/text.hpp"

#include <gtest/gtest.h>

using namespace sightline::engine;

TEST(Text, CaseInsensitiveCompareAndSearch) {
    EXPECT_TRUE(iequals("Southvale Police", "southvale POLICE"));
    EXPECT_FALSE(iequals("Police", "Polic"));
    EXPECT_TRUE(contains_ci("Domestic incident at home", "INCIDENT"));
    EXPECT_TRUE(contains_ci("anything", ""));
    EXPECT_FALSE(contains_ci("short", "longer needle"));
    EXPECT_EQ(ascii_lowercase("Café ABC"), "café abc");
    EXPECT_EQ(trim(" \t text\r\n"), "text");
}

TEST(Text, NamesJoinAsASentence) {
    EXPECT_EQ(join_names({}), "");
    EXPECT_EQ(join_names({"A"}), "A");
    EXPECT_EQ(join_names({"A", "B"}), "A and B");
    EXPECT_EQ(join_names({"A", "B", "C"}), "A, B and C");
}

TEST(Text, ExcerptsCutAtASpaceAndNeverInsideACharacter) {
    EXPECT_EQ(excerpt("  short  ", 20), "short");
    EXPECT_EQ(excerpt("Police attended a domestic incident at the flat", 24), "Police attended a...");
    // No space in the second half: cut at the limit, backing off a two-byte character.
    EXPECT_EQ(excerpt("abcdefghé", 9), "abcdefgh...");
    EXPECT_EQ(excerpt("abcdefghij", 5), "abcde...");
}
