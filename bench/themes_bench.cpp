// Benchmark: `sightline themes` over many generated cases. A program that prints figures, never a
// timed test.
//
//   themes_bench [--cases N] [--threads T] [--seed S] [--dir DIR] [--keep]
//
// Without --dir, writes N realistic cases (sightline generate --case, seeds S, S+1, ...) to a
// temporary folder first. Then reads and analyses every case as `sightline themes` does (each
// case read, merged and analysed as `sightline check` does one, on T threads side by side; the
// time zone database and the vocabularies are loaded once per process, not once per case), and
// prints cases per second elapsed and per CPU second: anonymised (the default) and with --named
// (exactly check's work), on T threads and on one.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench_support.hpp"
#include "sightline/engine/generate.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/synthetic.hpp"
#include "sightline/formats/themes_reader.hpp"

namespace fs = std::filesystem;
using namespace sightline;

namespace {

using bench::peak_rss_mib;
using bench::since;

// Reads every case of the list and prints how fast: cases per second elapsed, and per CPU second
// (what one core does when nothing else runs on it).
void run(const char* what, const formats::CaseList& list, const formats::ThemesOptions& options) {
    const auto t = std::chrono::steady_clock::now();
    const double cpu = bench::cpu_seconds();
    const engine::Themes themes = formats::read_themes(list, options);
    const double s = since(t);
    const double used = bench::cpu_seconds() - cpu;
    std::int64_t findings = 0;
    for (const engine::CaseThemes& c : themes.cases) findings += c.findings();
    const auto n = static_cast<double>(list.cases.size());
    std::printf(
        "%-30s %u thread%s  %7.3f s  %6.0f cases/s  %6.0f cases/CPU s  (%zu cases, %zu failed, %lld "
        "findings)\n",
        what, options.threads, options.threads == 1 ? " " : "s", s, n / s, n / used, themes.cases.size(),
        themes.failed.size(), static_cast<long long>(findings));
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t cases = 1000;
    unsigned threads = 2;
    std::uint64_t seed = 1;
    bool keep = false;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--cases") && i + 1 < argc)
            cases = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc)
            threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc)
            dir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep"))
            keep = true;
        else {
            std::fprintf(stderr,
                         "usage: themes_bench [--cases N] [--threads T] [--seed S] [--dir DIR] [--keep]\n");
            return 64;
        }
    }
    if (threads == 0 || cases == 0) {
        std::fprintf(stderr, "themes_bench: --cases and --threads must be at least 1\n");
        return 64;
    }
    const fs::path scratch =
        fs::temp_directory_path() / ("sightline-themes-bench-" + std::to_string(::getpid()));
    if (dir.empty()) {
        dir = scratch.string();
        const auto t = std::chrono::steady_clock::now();
        engine::parallel_for(cases, threads, [&](std::size_t k) {
            char name[32];
            std::snprintf(name, sizeof name, "case-%04zu", k + 1);
            const engine::SyntheticCase s = engine::generate_case(seed + k);
            formats::write_synthetic_case(s, (scratch / name).string(), seed + k);
        });
        std::printf("%-30s %8.3f s  (%zu cases in %s)\n", "generate", since(t), cases, dir.c_str());
    }
    const formats::CaseList list = formats::find_cases({dir});
    formats::ThemesOptions options;
    options.threads = threads;
    run("themes (anonymised)", list, options);
    options.named = true;
    run("themes --named (check's work)", list, options);
    options.threads = 1;
    options.named = false;
    run("themes (anonymised)", list, options);
    std::printf("%-30s peak RSS %.0f MiB\n", "", peak_rss_mib());
    if (!keep && dir == scratch.string()) fs::remove_all(scratch);
    return 0;
}
