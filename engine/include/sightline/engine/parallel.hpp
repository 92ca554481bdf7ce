// Work on several threads: sources read at once, ids hashed and keys sorted in halves. The
// results never depend on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sightline::engine {

// The number of threads to use when asked for 0: one per core. The cores are counted once per
// process (the C library reads them from /sys each time it is asked: once per case read would
// be once per case for `sightline themes`).
inline unsigned thread_count(unsigned asked) {
    static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return asked ? asked : cores;
}

namespace detail {

// Threads that always join, and pass on the first exception any of them threw.
class Workers {
public:
    template <class Work>
    void start(Work work) {
        m_pool.emplace_back([this, work]() mutable { guarded(work); });
    }
    template <class Work>
    void run_here(Work&& work) {
        guarded(work);
    }
    // Joins every thread, then rethrows the first exception, if any.
    void finish() {
        for (std::thread& t : m_pool) t.join();
        m_pool.clear();
        if (m_error) std::rethrow_exception(m_error);
    }
    ~Workers() {
        for (std::thread& t : m_pool) t.join();
    }

private:
    template <class Work>
    void guarded(Work& work) {
        try {
            work();
        } catch (...) {
            const std::lock_guard lock(m_mutex);
            if (!m_error) m_error = std::current_exception();
        }
    }
    std::vector<std::thread> m_pool;
    std::mutex m_mutex;
    std::exception_ptr m_error;
};

}  // namespace detail

// Runs work(i) for every i in [0, n) on up to `threads` threads (this one included), handing out
// items one at a time (for items of uneven cost, such as files).
template <class Work>
void parallel_for(std::size_t n, unsigned threads, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t i = next++; i < n; i = next++) work(i);
    };
    detail::Workers workers;
    for (unsigned t = 1; t < threads && t < n; ++t) workers.start(run);
    workers.run_here(run);
    workers.finish();
}

// Runs work(begin, end) on `threads` contiguous ranges covering [0, n) (for items of even cost).
template <class Work>
void parallel_ranges(std::size_t n, unsigned threads, Work&& work) {
    const std::size_t parts = std::max<std::size_t>(1, std::min<std::size_t>(threads, n / 4096 + 1));
    detail::Workers workers;
    for (std::size_t p = 1; p < parts; ++p) workers.start([&, p] { work(n * p / parts, n * (p + 1) / parts); });
    workers.run_here([&] { work(0, n / parts); });
    workers.finish();
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
    detail::Workers workers;
    workers.start([&] { std::sort(v.begin(), mid, less); });
    workers.run_here([&] { std::sort(mid, v.end(), less); });
    workers.finish();
    std::inplace_merge(v.begin(), mid, v.end(), less);
}

}  // namespace sightline::engine
