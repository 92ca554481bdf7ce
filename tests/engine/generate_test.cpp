// The generator's values: corpus rows as agencies write them, and realistic cases whose story
// follows the figures it is drawn from.
#include "sightline/engine/generate.hpp"

#include <gtest/gtest.h>

#include <set>
#include <vector>

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

// The realistic shape draws its own choices apart: its rows are the standard shape's rows, with a
// time in about 40% of them; each file's order is a permutation of the rows, and not date order.
TEST(Generate, RealisticCorpusRowsAreTheStandardRowsInRecordOrder) {
    CorpusOptions standard;
    standard.agencies = 5;
    standard.rows = 2000;
    CorpusOptions realistic = standard;
    realistic.shape = CorpusShape::Realistic;
    std::uint64_t timed = 0;
    for (std::uint32_t a = 0; a < standard.agencies; ++a) {
        CorpusRows x(standard, a), y(realistic, a);
        CorpusRow r, s;
        std::vector<std::int32_t> days;
        while (x.next(r)) {
            ASSERT_TRUE(y.next(s));
            EXPECT_EQ(r.day, s.day);
            EXPECT_EQ(r.minute, s.minute);
            EXPECT_EQ(r.details, s.details);
            EXPECT_EQ(r.child_seen, s.child_seen);
            EXPECT_TRUE(r.timed);
            EXPECT_FALSE(r.alone);
            if (s.alone) {
                EXPECT_EQ(s.child_seen, "Y");
            }
            timed += s.timed;
            days.push_back(s.day);
        }
        EXPECT_FALSE(y.next(s));
        const std::vector<std::uint32_t> order = corpus_file_order(realistic, a);
        ASSERT_EQ(order.size(), standard.rows);
        std::vector<bool> seen(order.size());
        std::size_t inversions = 0;
        for (std::size_t k = 0; k < order.size(); ++k) {
            ASSERT_LT(order[k], order.size());
            EXPECT_FALSE(seen[order[k]]);
            seen[order[k]] = true;
            if (k && days[order[k]] < days[order[k - 1]]) ++inversions;
        }
        EXPECT_GT(inversions, 10u);
        EXPECT_LT(inversions, standard.rows / 10);  // mostly in order: blocks and single rows out of place
        EXPECT_EQ(order, corpus_file_order(realistic, a));
    }
    EXPECT_GT(timed, 5 * 2000 * 35 / 100);
    EXPECT_LT(timed, 5 * 2000 * 45 / 100);
    // Four layouts, each header naming one field.
    for (std::uint32_t a = 0; a < 4; ++a) {
        const CorpusLayout l = corpus_layout(a);
        std::set<std::string_view> headers(l.headers.begin(), l.headers.end());
        std::set<CorpusColumn> columns(l.order.begin(), l.order.end());
        EXPECT_EQ(headers.size(), k_corpus_columns);
        EXPECT_EQ(columns.size(), k_corpus_columns);
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
