// What the benchmark programs share: the process's peak memory and elapsed time.
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

// Seconds since t.
inline double since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace sightline::bench
