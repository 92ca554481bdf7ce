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

TEST(Text, NamesAreFoldedAndFoundAsWholeWords) {
    EXPECT_EQ(fold_name("  Uncle   Mick "), "uncle mick");
    EXPECT_TRUE(names_in_text("Seen with UNCLE  mick at the door", {"Uncle Mick"}));
    EXPECT_FALSE(names_in_text("Leeds office called", {"Lee"}));  // inside a word
    EXPECT_TRUE(names_in_text("Lee, Dana's partner", {"Lee"}));
    EXPECT_FALSE(names_in_text("Al was there", {"Al"}));          // under three letters: never matched
}
