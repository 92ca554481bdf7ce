// Work on several threads: every item done once, the same sorted order whatever the threads,
// and an exception on any thread reaches the caller after every thread has finished.
#include "sightline/engine/parallel.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <stdexcept>

using namespace sightline::engine;

TEST(Parallel, EveryItemOnce) {
    for (unsigned threads : {1u, 2u, 5u}) {
        std::vector<std::atomic<int>> done(100000);
        parallel_for(done.size(), threads, [&](std::size_t i) { ++done[i]; });
        for (const auto& d : done) ASSERT_EQ(d.load(), 1);
        std::vector<std::atomic<int>> ranged(100000);
        parallel_ranges(ranged.size(), threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) ++ranged[i];
        });
        for (const auto& d : ranged) ASSERT_EQ(d.load(), 1);
    }
}

TEST(Parallel, SortIsStdSortWhateverTheThreads) {
    std::mt19937_64 rng(7);
    std::vector<std::uint64_t> v(300000);
    for (auto& x : v) x = rng();
    std::vector<std::uint64_t> expected = v;
    std::sort(expected.begin(), expected.end());
    for (unsigned threads : {1u, 2u, 4u}) {
        std::vector<std::uint64_t> w = v;
        parallel_sort(w, threads, std::less<>());
        EXPECT_EQ(w, expected);
    }
}

TEST(Parallel, AnExceptionOnAnyThreadReachesTheCaller) {
    std::atomic<int> finished{0};
    EXPECT_THROW(parallel_for(1000, 2,
                              [&](std::size_t i) {
                                  if (i == 700) throw std::runtime_error("item 700");
                                  ++finished;
                              }),
                 std::runtime_error);
    EXPECT_THROW(parallel_ranges(100000, 2, [&](std::size_t begin, std::size_t) {
                     if (begin > 0) throw std::runtime_error("second range");
                 }),
                 std::runtime_error);
}
