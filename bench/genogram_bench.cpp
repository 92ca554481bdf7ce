// Genogram timings: layout (compute_layout) and the at-date pass (genogram_at) for the
// sample case and generated families of growing size. Prints figures; asserts nothing.
//
//   genogram_bench                       the table of timings
//   genogram_bench --svg SEED SIZE FILE  also writes a generated family's SVG (at 2016-01-01)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "sightline/engine/genogram.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/io.hpp"
#include "support/family_generator.hpp"

namespace {

using namespace sightline;
using Clock = std::chrono::steady_clock;

// Median of `runs` timings of f, in milliseconds.
template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

void report(const char* name, const engine::Case& c, std::int32_t day) {
    engine::GenogramLayout layout;
    const double layout_ms = median_ms(21, [&] { layout = engine::compute_layout(c); });
    engine::GenogramAt at;
    const double at_ms = median_ms(101, [&] { at = engine::genogram_at(layout, c, day); });
    std::printf("%-26s %6zu %6zu %5zu %9u %10.3f %10.3f\n", name, c.people.size(), c.relationships.size(),
                layout.rows.size(), layout.crossings, layout_ms, at_ms);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::printf("usage: genogram_bench                       the table of timings\n"
                    "       genogram_bench --svg SEED SIZE FILE  also writes a generated family's SVG (at 2016-01-01)\n");
        return 0;
    }
    const std::int32_t day = engine::days_from_civil(2016, 1, 1);
    if (argc == 5 && std::strcmp(argv[1], "--svg") == 0) {
        test::FamilyGenerator gen(static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10)));
        const engine::Case c = gen.make(std::strtoul(argv[3], nullptr, 10));
        const engine::GenogramLayout layout = engine::compute_layout(c);
        std::string svg;
        formats::write_genogram_svg(c, layout, engine::genogram_at(layout, c, day), svg);
        formats::write_file_atomic(argv[4], svg);
        std::printf("wrote %s: %zu people, %zu generations, %u crossings\n", argv[4], c.people.size(),
                    layout.rows.size(), layout.crossings);
        return 0;
    }
    std::printf("%-26s %6s %6s %5s %9s %10s %10s\n", "case", "people", "links", "rows", "crossings",
                "layout ms", "at-date ms");
    const engine::Case sample = formats::load_case(SIGHTLINE_SAMPLES "/child-r");
    report("sample child-r", sample, engine::days_from_civil(2015, 11, 1));
    // For each size, the generated family (seeds 1..50) closest to it.
    for (const std::size_t size : {30u, 60u, 120u, 240u}) {
        engine::Case best;
        for (std::uint32_t seed = 1; seed <= 50; ++seed) {
            test::FamilyGenerator gen(seed);
            engine::Case c = gen.make(size);
            const auto distance = [&](const engine::Case& x) {
                return x.people.size() > size ? x.people.size() - size : size - x.people.size();
            };
            if (best.people.empty() || distance(c) < distance(best)) best = std::move(c);
        }
        report(("generated, about " + std::to_string(size)).c_str(), best, day);
    }
    return 0;
}
