// Phase timings on stderr when SIGHTLINE_PHASES is set (see phases.hpp).
#include "sightline/engine/phases.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace sightline::engine {

void mark_phase(std::string_view done) {
    static const bool on = [] {
        const char* v = std::getenv("SIGHTLINE_PHASES");
        return v != nullptr && *v != '\0' && std::strcmp(v, "0") != 0;
    }();
    if (!on) return;
    using Clock = std::chrono::steady_clock;
    static Clock::time_point last = Clock::now();
    static bool started = false;
    const Clock::time_point now = Clock::now();
    if (started)
        std::fprintf(stderr, "phase  %-28.*s %7.3f s\n", static_cast<int>(done.size()), done.data(),
                     std::chrono::duration<double>(now - last).count());
    else
        std::fprintf(stderr, "phase  %-28.*s (the clock starts)\n", static_cast<int>(done.size()), done.data());
    started = true;
    last = now;
}

}  // namespace sightline::engine
