// Work on several threads: sources read at once, ids hashed and keys sorted in halves. The
// results never depend on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace sightline::engine {

// The number of threads to use when asked for 0: one per core.
inline unsigned thread_count(unsigned asked) {
    return asked ? asked : std::max(1u, std::thread::hardware_concurrency());
}

// Runs work(i) for every i in [0, n) on up to `threads` threads (this one included), handing out
// items one at a time (for items of uneven cost, such as files).
template <class Work>
void parallel_for(std::size_t n, unsigned threads, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t i = next++; i < n; i = next++) work(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(run);
    run();
    for (std::thread& t : pool) t.join();
}

// Runs work(begin, end) on `threads` contiguous ranges covering [0, n) (for items of even cost).
template <class Work>
void parallel_ranges(std::size_t n, unsigned threads, Work&& work) {
    const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(threads, n / 4096 + 1));
    std::vector<std::thread> pool;
    for (std::size_t p = 1; p < parts; ++p) pool.emplace_back([&, p] { work(n * p / parts, n * (p + 1) / parts); });
    work(0, n / parts);
    for (std::thread& t : pool) t.join();
}

// Sorts on two threads when there are two and enough items: halves sorted at once, then merged.
// The result is the same as std::sort's for a strict weak order with no equal items.
template <class T, class Less>
void parallel_sort(std::vector<T>& v, unsigned threads, Less less) {
    if (threads < 2 || v.size() < 65536) {
        std::sort(v.begin(), v.end(), less);
        return;
    }
    const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
    std::thread other([&] { std::sort(v.begin(), mid, less); });
    std::sort(mid, v.end(), less);
    other.join();
    std::inplace_merge(v.begin(), mid, v.end(), less);
}

}  // namespace sightline::engine
