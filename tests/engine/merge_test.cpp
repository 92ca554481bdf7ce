// Merge: deterministic order independent of source order, stable ids, idempotence.
#include "sightline/engine/merge.hpp"

#include "merge_rule.hpp"  // the reference and the accelerated merge, side by side
#include "fast/radix_order.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace sightline::engine;

namespace {

struct Row {
    const char* date;
    const char* summary;
    const char* ref;
    int seq;
};

// Builds a case with one source per row list, added in the given order.
Case build(const std::vector<std::pair<std::string, std::vector<Row>>>& sources) {
    Case c;
    for (const auto& [path, rows] : sources) {
        const auto source = static_cast<SourceId>(c.sources.size());
        Source s;
        s.path = path;
        s.format = "yaml";
        c.sources.push_back(s);
        const AgencyId agency = c.intern_agency(path);
        std::uint32_t line = 1;
        for (const Row& r : rows) {
            Entry e;
            e.date = *parse_date(r.date).date;
            e.summary = c.chronology.text.store(r.summary);
            e.ref = c.chronology.text.store(r.ref);
            e.seq = r.seq;
            e.agency = agency;
            e.type = EntryType::Contact;
            e.where = {source, ++line, 5};
            c.chronology.entries.push_back(e);
        }
    }
    return c;
}

std::vector<std::string> ids_in_order(const Case& c) {
    std::vector<std::string> out;
    for (const Entry& e : c.chronology.entries) out.push_back(entry_id(e) + " " + std::string(e.summary));
    return out;
}

TEST(Merge, OrdersByEarliestInstantThenSeqThenSource) {
    Case c = build({{"b.yaml", {{"2015-06-24", "b-day", "", 0}, {"2015-06-24", "b-seq2", "", 2}}},
                    {"a.yaml", {{"2015-06", "a-month", "", 0}, {"2015-06-24", "a-seq1", "", 1},
                                {"2015-06-24 09:00", "a-timed", "", 0}, {"2015-06-24", "a-day", "", 0}}}});
    merge(c);
    std::vector<std::string> summaries;
    for (const Entry& e : c.chronology.entries) summaries.emplace_back(e.summary);
    EXPECT_EQ(summaries, (std::vector<std::string>{"a-month", "a-day", "b-day", "a-seq1", "b-seq2", "a-timed"}));
}

TEST(Merge, SameResultWhateverTheOrderOfSources) {
    // Seeded property test: many random cases, each merged with its sources shuffled.
    std::mt19937 rng(20151120);
    const char* dates[] = {"2015-06-24", "2015-06", "~2015", "2015-06-24 14:30", "2015-06-20/2015-06-30",
                           "before 2015-07", "spring 2015", "2015-06-24"};
    for (int round = 0; round < 50; ++round) {
        std::vector<std::pair<std::string, std::vector<Row>>> sources;
        std::vector<std::string> texts;  // keeps the summaries alive
        texts.reserve(200);
        const int n_sources = 2 + static_cast<int>(rng() % 5);
        for (int s = 0; s < n_sources; ++s) {
            std::vector<Row> rows;
            const int n_rows = 1 + static_cast<int>(rng() % 8);
            for (int r = 0; r < n_rows; ++r) {
                texts.push_back("entry " + std::to_string(rng() % 4));  // repeats on purpose
                rows.push_back({dates[rng() % 8], texts.back().c_str(), (rng() % 3 == 0) ? "REF-1" : "",
                                static_cast<int>(rng() % 3)});
            }
            sources.emplace_back("agency-" + std::to_string(s) + ".yaml", rows);
        }
        Case reference = build(sources);
        merge(reference);
        const std::vector<std::string> expected = ids_in_order(reference);
        for (int shuffle = 0; shuffle < 5; ++shuffle) {
            std::shuffle(sources.begin(), sources.end(), rng);
            Case c = build(sources);
            merge(c);
            ASSERT_EQ(ids_in_order(c), expected) << "round " << round;
            // The accelerated merge, made to run on a case this small, gives the same.
            Case fast = build(sources);
            detail::merge_fast(fast, 2);
            ASSERT_EQ(ids_in_order(fast), expected) << "round " << round << ", accelerated";
        }
        // Merging again changes nothing.
        merge(reference);
        ASSERT_EQ(ids_in_order(reference), expected);
    }
}

TEST(Merge, IdsAreStableAndRepeatsGetSuffixes) {
    Case c = build({{"police.yaml", {{"2015-06-21", "DA incident", "CAD 4471", 0},
                                     {"2015-06-22", "Same row sent twice", "", 0},
                                     {"2015-06-22", "Same row sent twice", "", 0}}}});
    merge(c);
    const auto& e = c.chronology.entries;
    ASSERT_EQ(e.size(), 3u);
    EXPECT_EQ(entry_id(e[0]).size(), 12u);
    EXPECT_EQ(entry_id(e[2]), entry_id(e[1]) + "-2");
    // A ref keeps the id when the agency rewords the summary.
    Case revised = build({{"police.yaml", {{"2015-06-21", "DA incident, reworded", "CAD 4471", 0}}}});
    merge(revised);
    EXPECT_EQ(entry_id(revised.chronology.entries[0]), entry_id(e[0]));
    // The id does not depend on capitals or spacing.
    Case spaced = build({{"police.yaml", {{"2015-06-22", "same  row SENT twice", "", 0}}}});
    merge(spaced);
    EXPECT_EQ(entry_id(spaced.chronology.entries[0]), entry_id(e[1]));
}

// Enough entries to be split between threads, each repeated in a second and third source: the
// repeats are numbered the same on one thread and on several, in source order, every id once.
TEST(Merge, RepeatsAmongManyEntriesAreNumberedTheSameOnEveryThreadCount) {
    std::vector<Row> rows;
    std::vector<std::string> words;
    for (int i = 0; i < 70000; ++i) words.push_back("contact number " + std::to_string(i));
    for (int i = 0; i < 70000; ++i) rows.push_back({i % 2 ? "2015-06-21" : "2016-01-05 10:30", words[static_cast<std::size_t>(i)].c_str(), "", 0});
    const std::vector<Row> few(rows.begin(), rows.begin() + 500);
    const auto numbered = [&](unsigned threads) {
        Case c = build({{"a.yaml", rows}, {"b.yaml", few}, {"a-again.yaml", few}});
        // The same agency for all three sources, so that their rows are the same content.
        for (Entry& e : c.chronology.entries) e.agency = AgencyId{0};
        merge(c, threads);  // 71,000 entries: on two threads, the accelerated merge
        std::vector<std::string> ids;
        for (const Entry& e : c.chronology.entries) ids.push_back(entry_id(e));
        return ids;
    };
    const std::vector<std::string> one = numbered(1), two = numbered(2);
    EXPECT_EQ(one, two);
    ASSERT_EQ(one.size(), 71000u);
    EXPECT_EQ(std::set<std::string>(one.begin(), one.end()).size(), one.size());
    const auto ends_with = [](const std::string& id, const char* tail) { return id.size() > 12 && id.substr(12) == tail; };
    EXPECT_EQ(std::count_if(one.begin(), one.end(), [&](const std::string& id) { return ends_with(id, "-2"); }), 500);
    EXPECT_EQ(std::count_if(one.begin(), one.end(), [&](const std::string& id) { return ends_with(id, "-3"); }), 500);
}

// The accelerated merge moves the entries into their order in place, following the order's
// cycles on every thread and cutting long ones into stretches. Orders of every shape: random (one
// cycle holding most entries, and many small ones), one cycle through every entry, a few entries
// in place among swapped pairs, and already in order. Each gives what the reference gives.
TEST(Merge, EntriesAreMovedIntoTheSameOrderByBothMergesWhateverTheCycles) {
    constexpr int n = 150000;
    std::vector<std::string> words;
    for (int i = 0; i < n; ++i) words.push_back("entry " + std::to_string(i));
    const auto day = [](int k) {  // the k-th day from 2010-01-01 (well inside the calendar)
        return *parse_date(format_day(14610 + k)).date;
    };
    std::mt19937 random(7);
    std::vector<int> shuffled(n);
    for (int i = 0; i < n; ++i) shuffled[static_cast<std::size_t>(i)] = i;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const std::vector<std::pair<const char*, std::function<int(int)>>> shapes = {
        {"random", [&](int i) { return shuffled[static_cast<std::size_t>(i)]; }},
        {"one cycle", [&](int i) { return (i + 1) % n; }},
        {"swapped pairs", [&](int i) { return i % 3 == 0 ? i : (i % 3 == 1 ? i + 1 : i - 1); }},
        {"in order", [&](int i) { return i; }},
    };
    for (const auto& [shape, place] : shapes) {
        const auto merged = [&](bool fast) {
            Case c = build({{"a.yaml", {}}});
            for (int i = 0; i < n; ++i) {
                Entry e;
                e.date = day(place(i) / 2);  // two entries a day: the source order breaks ties
                e.summary = c.chronology.text.store(words[static_cast<std::size_t>(i)]);
                e.agency = AgencyId{0};
                e.type = EntryType::Contact;
                e.where = {SourceId{0}, static_cast<std::uint32_t>(i + 2), 1};
                c.chronology.entries.push_back(e);
            }
            if (fast) detail::merge_fast(c, 2);
            else detail::merge_reference(c);
            return ids_in_order(c);
        };
        const std::vector<std::string> reference = merged(false), fast = merged(true);
        ASSERT_EQ(reference.size(), static_cast<std::size_t>(n)) << shape;
        EXPECT_TRUE(reference == fast) << shape;
    }
}

// The accelerated merge sorts keys packed into one number when they fit in 64 bits, and sorts
// them field by field when they do not: both must give the reference's order, with undated
// entries, seq before and after zero, several sources and many entries on one minute.
TEST(Merge, BothMergesOrderTheSameWhetherOrNotTheKeysPackIntoOneNumber) {
    constexpr int n = 70000;
    std::mt19937 random(11);
    std::vector<std::string> dates;  // minutes over twenty years, some of them shared
    for (int i = 0; i < 5000; ++i) {
        const int day = std::uniform_int_distribution<int>(0, 7300)(random);
        const int minute = std::uniform_int_distribution<int>(0, 1439)(random);
        char time[16];
        std::snprintf(time, sizeof time, " %02d:%02d", minute / 60, minute % 60);
        const std::string date = format_day(10957 + day) + (i % 4 == 0 ? "" : time);
        if (parse_date(date).date) dates.push_back(date);  // not a minute the clocks skip
    }
    const struct {
        const char* shape;
        std::int32_t seq_low, seq_high;
    } shapes[] = {
        {"packed: seq from -3 to 3", -3, 3},
        {"too wide for one number: seq over every int32", std::numeric_limits<std::int32_t>::min(),
         std::numeric_limits<std::int32_t>::max()},
    };
    for (const auto& [shape, seq_low, seq_high] : shapes) {
        const auto merged = [&](bool fast) {
            std::mt19937 rows(5);
            Case c = build({{"a.yaml", {}}, {"b.yaml", {}}, {"c.yaml", {}}});
            for (int i = 0; i < n; ++i) {
                Entry e;
                if (i % 97 == 0) {
                    e.undated = true;
                    e.date_text = "not known";
                } else {
                    e.date = *parse_date(dates[rows() % dates.size()]).date;
                }
                e.seq = std::uniform_int_distribution<std::int32_t>(seq_low, seq_high)(rows);
                if (i % 3 == 0) e.seq = 0;
                e.summary = c.chronology.text.store("entry " + std::to_string(i));
                e.agency = AgencyId{0};
                e.type = EntryType::Contact;
                e.where = {SourceId{static_cast<std::uint32_t>(rows() % 3)}, static_cast<std::uint32_t>(i + 2), 1};
                c.chronology.entries.push_back(e);
            }
            if (fast) detail::merge_fast(c, 2);
            else detail::merge_reference(c);
            std::vector<std::string> ids = ids_in_order(c);
            for (const Entry& e : c.chronology.undated) ids.push_back(entry_id(e));
            return ids;
        };
        const std::vector<std::string> reference = merged(false), fast = merged(true);
        ASSERT_EQ(reference.size(), static_cast<std::size_t>(n)) << shape;
        EXPECT_TRUE(reference == fast) << shape;
    }
}

// The radix order on its own: the order sorting the keys gives whenever it says it packed them,
// and it packs every case a reader makes (dates within the calendar, any seq a file can give).
TEST(RadixOrder, GivesTheOrderSortingGivesOrSaysTheKeysDoNotPack) {
    std::mt19937_64 random(3);
    constexpr std::uint64_t k_undated = detail::KeyRanges::k_undated;
    const auto primary_in = [&](std::uint64_t span) { return (std::uint64_t{1} << 63) + random() % span; };
    struct Shape {
        const char* name;
        std::size_t n;
        unsigned threads;
        int undated_percent;
        std::uint64_t primary_span;   // 0: every bit
        std::uint32_t seq_span;       // 0: every bit
        bool no_source;               // some entries have no source (rank k_no_index)
        bool packs;
    };
    const Shape shapes[] = {
        {"empty", 0, 2, 0, 1000, 1, false, true},
        {"one entry", 1, 2, 0, 1000, 1, false, true},
        {"more threads than keys", 3, 5, 0, 1000, 4, false, true},
        {"one undated entry", 1, 2, 100, 1000, 1, false, true},
        {"all undated", 4000, 2, 100, 1000, 1, false, true},
        {"a third undated, seq small", 20000, 2, 33, 400000000, 7, false, true},
        {"one thread, many on a minute", 20000, 1, 5, 50, 3, false, true},
        {"some with no source", 20000, 3, 10, 1000, 2, true, true},
        {"seq over every int32", 20000, 2, 10, 1000000, 0, false, false},
        {"instants over every bit", 20000, 2, 10, 0, 1, false, false},
    };
    for (const Shape& shape : shapes) {
        std::vector<detail::SortKey> keys(shape.n);
        detail::KeyRanges ranges;
        for (std::uint32_t i = 0; i < shape.n; ++i) {
            const bool undated = static_cast<int>(random() % 100) < shape.undated_percent;
            const auto seq = static_cast<std::uint32_t>(shape.seq_span == 0 ? random() : (1u << 31) + random() % shape.seq_span);
            const std::uint32_t rank = shape.no_source && random() % 4 == 0 ? k_no_index : static_cast<std::uint32_t>(random() % 7);
            keys[i] = undated ? detail::SortKey{k_undated, 0, rank, 0, i}
                              : detail::SortKey{shape.primary_span == 0 ? random() % k_undated : primary_in(shape.primary_span),
                                                seq, rank, 0, i};
            ranges.add(keys[i]);
        }
        std::vector<std::uint32_t> order(shape.n, 7);
        const bool packed = detail::radix_order(keys, ranges, order, shape.threads);
        EXPECT_EQ(packed, shape.packs) << shape.name;
        if (!packed) continue;
        std::sort(keys.begin(), keys.end());
        for (std::size_t k = 0; k < shape.n; ++k) ASSERT_EQ(order[k], keys[k].index) << shape.name << " at " << k;
    }
    // A dated key with the undated entries' instant and a seq of its own is not packed: the
    // packing would put it among them by rank alone.
    const std::vector<detail::SortKey> end_keys = {{k_undated, 5, 0, 0, 0}, {k_undated, 0, 1, 0, 1}};
    detail::KeyRanges end_ranges;
    for (const detail::SortKey& k : end_keys) end_ranges.add(k);
    std::vector<std::uint32_t> end_order(2);
    EXPECT_FALSE(detail::radix_order(end_keys, end_ranges, end_order, 2));
}

TEST(Merge, IdIndexFindsEveryEntry) {
    Case c = build({{"a.yaml", {{"2015-01-01", "x", "", 0}, {"2015-01-02", "y", "", 0}}}});
    merge(c);
    const EntryIdIndex index(c.chronology);
    for (std::uint32_t i = 0; i < c.chronology.entries.size(); ++i)
        EXPECT_EQ(index.find(entry_id(c.chronology.entries[i])), static_cast<EntryIndex>(i));
    EXPECT_FALSE(index.find("000000000000"));
}

TEST(Merge, AreaFallsBackToTheAgencysArea) {
    Case c = build({{"a.yaml", {{"2015-01-01", "x", "", 0}}}});
    const AreaId ealing = c.intern_area("Ealing");
    c.agencies[0].area = ealing;
    merge(c);
    EXPECT_EQ(c.chronology.entries[0].area, ealing);
}

TEST(Merge, StableHashIsFnv1a) {
    EXPECT_EQ(stable_hash(""), 0xcbf29ce484222325ull);
    EXPECT_EQ(stable_hash("a"), 0xaf63dc4c8601ec8cull);
}

}  // namespace
