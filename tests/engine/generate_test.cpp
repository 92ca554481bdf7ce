// The generator's values: corpus rows as agencies write them, and realistic cases whose story
// follows the figures it is drawn from.
#include "sightline/engine/generate.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace sightline::engine;

TEST(Generate, CorpusRowsAreInDateOrderAndAvoidTheClockChangeHour) {
    CorpusOptions o;
    o.agencies = 4;
    o.rows = 3000;
    for (std::uint32_t a = 0; a < o.agencies; ++a) {
        CorpusRows rows(o, a);
        CorpusRow row;
        std::int32_t last = 0;
        std::uint64_t n = 0;
        while (rows.next(row)) {
            ++n;
            EXPECT_GE(row.day, last);
            last = row.day;
            EXPECT_FALSE(row.minute >= 60 && row.minute < 120) << row.minute;
            EXPECT_FALSE(row.details.empty());
            EXPECT_EQ(row.number, n);
        }
        EXPECT_EQ(n, o.rows);
    }
}

TEST(Generate, CorpusAgenciesAreDistinctAndEachRowsStreamDependsOnlyOnItsAgency) {
    CorpusOptions o;
    o.agencies = 120;
    o.rows = 10;
    const auto agencies = corpus_agencies(o);
    std::set<std::string> names, files;
    for (const CorpusAgency& a : agencies) {
        EXPECT_TRUE(names.insert(a.name).second) << a.name;
        EXPECT_TRUE(files.insert(a.file).second) << a.file;
        EXPECT_NE(infer_agency_kind(a.name), AgencyKind::Unknown) << a.name;
    }
    CorpusRows first(o, 7), again(o, 7);
    CorpusRow x, y;
    while (first.next(x)) {
        ASSERT_TRUE(again.next(y));
        EXPECT_EQ(x.details, y.details);
        EXPECT_EQ(x.day, y.day);
    }
}

TEST(Generate, CasesFollowTheFiguresTheyAreDrawnFrom) {
    // Over many cases: under-ones are the largest age group, most cases have domestic abuse
    // incidents, and partners known only to police appear.
    int infants = 0, with_police_incidents = 0, cases = 200;
    for (int seed = 1; seed <= cases; ++seed) {
        const SyntheticCase s = generate_case(static_cast<std::uint64_t>(seed));
        const Person& child = s.c.person(s.c.info.index_children.front());
        ASSERT_TRUE(child.born);
        ASSERT_TRUE(s.c.info.scope_to);
        if (age_in_years(child.born->earliest_day(), s.c.info.scope_to->earliest_day()) < 1) ++infants;
        bool da = false;
        for (const Entry& e : s.c.chronology.entries) da = da || s.c.chronology.has_tag(e, "domestic_abuse");
        if (da) ++with_police_incidents;
        // Every source has entries and every entry a source.
        for (const Entry& e : s.c.chronology.entries) ASSERT_FALSE(is_none(e.where.source));
    }
    EXPECT_GT(infants, cases * 25 / 100);
    EXPECT_LT(infants, cases * 50 / 100);
    EXPECT_GT(with_police_incidents, cases * 40 / 100);
}
