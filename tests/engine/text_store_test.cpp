// TextStore: views stay valid as the store grows.
#include "sightline/engine/text_store.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace sightline::engine;

TEST(TextStore, ViewsSurviveGrowthAndAbsorb) {
    TextStore store;
    std::vector<std::string_view> views;
    std::vector<std::string> expected;
    for (int i = 0; i < 20000; ++i) {
        expected.push_back("text number " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 300), 'x'));
        views.push_back(store.store(expected.back()));
    }
    const std::string big(1u << 20, 'b');  // larger than a block
    const std::string_view big_view = store.store(big);
    TextStore other;
    const std::string_view moved = other.store("moved text");
    store.absorb(std::move(other));
    for (std::size_t i = 0; i < views.size(); ++i) ASSERT_EQ(views[i], expected[i]);
    EXPECT_EQ(big_view, big);
    EXPECT_EQ(moved, "moved text");
    EXPECT_EQ(store.store(""), std::string_view{});
}
