// Rules: every threshold named, documented and overridable.
#include "sightline/engine/rules.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace sightline::engine;

TEST(Rules, EveryRuleHasAUniqueNameAUnitAndAReason) {
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < rule_table().size(); ++i) {
        const RuleInfo& r = rule_table()[i];
        EXPECT_EQ(static_cast<std::size_t>(r.id), i) << r.name;  // the table is in enum order
        EXPECT_TRUE(names.insert(r.name).second) << r.name;
        EXPECT_FALSE(r.unit.empty()) << r.name;
        EXPECT_GT(r.reason.size(), 20u) << r.name;
    }
}

TEST(Rules, OverridesReplaceDefaults) {
    Rules rules;
    EXPECT_EQ(rules.get(RuleId::UnseenDays), 28);
    EXPECT_FALSE(rules.overridden(RuleId::UnseenDays));
    rules.set(RuleId::UnseenDays, 14);
    EXPECT_EQ(rules.days(RuleId::UnseenDays), 14);
    EXPECT_TRUE(rules.overridden(RuleId::UnseenDays));
    EXPECT_EQ(find_rule("unseen_days"), RuleId::UnseenDays);
    EXPECT_FALSE(find_rule("unseen"));
}
