// What the benchmark programs share: the process's peak memory, elapsed time and CPU time.
#pragma once

#include <sys/resource.h>

#include <chrono>

namespace sightline::bench {

// Peak resident set size of this process, in MiB.
inline double peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

// CPU seconds (user and system, every thread) this process has used so far: unlike elapsed time,
// not lengthened by other work on a shared machine.
inline double cpu_seconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

// Seconds since t.
inline double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace sightline::bench
