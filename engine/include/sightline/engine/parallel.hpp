// Work on several threads, the one toolbox for it: sources read at once, ids hashed and keys
// sorted in halves, a chronology formatted in blocks written in order, analyses scored in ranges.
// An exception on any thread is carried to the caller once every thread has stopped. The results
// never depend on the number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
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

// Runs format(block, out) for blocks [0, n) on `threads` threads (this one included) and hands
// each block's bytes to write, in block order. No thread only writes: the thread that finishes
// the next block to be written writes it, and every ready block after it, then formats again, so
// that the threads are never more than the cores. At most four buffers per thread exist at once.
// Buffer: default-constructible, with clear() and view(). An exception thrown by format or write
// stops every thread and is rethrown here once they have stopped.
template <class Buffer, class Format, class Write>
void ordered_blocks(std::size_t n, unsigned threads, Format&& format, Write&& write) {
    if (threads < 2 || n < 2) {
        Buffer buf;
        for (std::size_t b = 0; b < n; ++b) {
            buf.clear();
            format(b, buf);
            write(buf.view());
        }
        return;
    }
    constexpr std::size_t k_none = static_cast<std::size_t>(-1);
    const std::size_t ring = 4 * threads;
    std::vector<Buffer> buffers(ring);
    std::vector<std::size_t> ready(ring, k_none);  // the block a buffer holds, once made
    std::mutex m;
    std::condition_variable changed;
    std::size_t written = 0;   // blocks handed to write
    bool writing = false;      // a thread is writing: it takes every block made meanwhile, in order
    bool stop = false;         // formatting or writing failed: every thread gives up
    std::exception_ptr error;  // and this is thrown once they have
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t b = next++; b < n; b = next++) {
            {
                // The buffer is free once the block `ring` places before it has been written.
                std::unique_lock lock(m);
                changed.wait(lock, [&] { return written + ring > b || stop; });
                if (stop) return;
            }
            Buffer& buf = buffers[b % ring];
            buf.clear();
            std::unique_lock lock(m, std::defer_lock);
            try {
                format(b, buf);
                lock.lock();
                ready[b % ring] = b;
                if (writing) continue;  // the writing thread takes it
                writing = true;
                while (!stop && ready[written % ring] == written) {
                    const std::size_t w = written;
                    lock.unlock();
                    write(buffers[w % ring].view());
                    lock.lock();
                    ready[w % ring] = k_none;
                    ++written;
                    changed.notify_all();
                }
                writing = false;
            } catch (...) {
                // The file cannot be written (a full disk, ...): stop everyone, then report it.
                if (!lock.owns_lock()) lock.lock();
                if (!error) error = std::current_exception();
                stop = true;
                writing = false;
                changed.notify_all();
                return;
            }
        }
    };
    detail::Workers workers;
    for (unsigned t = 1; t < threads; ++t) workers.start(work);
    workers.run_here(work);
    workers.finish();
    if (error) std::rethrow_exception(error);
}

}  // namespace sightline::engine
