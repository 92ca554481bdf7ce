// Benchmark: the analyses behind `sightline check` on a large case, each timed on its own. A
// program that prints figures, never a timed test.
//
//   findings_bench [--agencies N] [--rows M] [--years Y] [--dir CASE] [--keep]
//
// Without --dir, writes a corpus of N agency files x M rows (sightline generate --corpus) to a
// temporary folder. Prints the time and the number of findings of each analysis.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>

#include "bench_support.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/synthetic.hpp"

namespace fs = std::filesystem;
using namespace sightline;

namespace {

using bench::peak_rss_mib;
using bench::since;

}  // namespace

int main(int argc, char** argv) {
    engine::CorpusOptions corpus;
    corpus.rows = 2000;
    bool keep = false;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--agencies") && i + 1 < argc) corpus.agencies = static_cast<std::uint32_t>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) corpus.rows = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--years") && i + 1 < argc) corpus.years = static_cast<std::uint32_t>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep")) keep = true;
        else {
            std::fprintf(stderr, "usage: findings_bench [--agencies N] [--rows M] [--years Y] [--dir CASE] [--keep]\n");
            return 64;
        }
    }
    const fs::path scratch = fs::temp_directory_path() / ("sightline-findings-bench-" + std::to_string(::getpid()));
    if (dir.empty()) {
        dir = scratch.string();
        formats::write_corpus(corpus, dir, 2);
    }
    auto t = std::chrono::steady_clock::now();
    auto lap = [&] {
        const double s = since(t);
        t = std::chrono::steady_clock::now();
        return s;
    };
    const engine::Case c = formats::load_case(dir);
    std::printf("%-22s %9.3f s  (%zu entries)\n", "load_case", lap(), c.chronology.entries.size());
    const std::vector<engine::Cluster> clusters = engine::find_clusters(c);
    std::printf("%-22s %9.3f s  %zu clusters\n", "find_clusters", lap(), clusters.size());
    const std::pair<const char*, std::function<std::vector<engine::Finding>()>> analyses[] = {
        {"child_seen", [&] { return engine::analyse_child_seen(c); }},
        {"gaps", [&] { return engine::analyse_gaps(c); }},
        {"transfers", [&] { return engine::analyse_transfers(c); }},
        {"clusters", [&] { return engine::analyse_clusters(c, clusters); }},
        {"people", [&] { return engine::analyse_people(c); }},
        {"knowledge", [&] { return engine::analyse_knowledge(c, clusters); }},
        {"patterns", [&] { return engine::analyse_patterns(c, clusters); }},
    };
    double total = 0;
    for (const auto& [name, run] : analyses) {
        const std::size_t n = run().size();
        const double s = lap();
        total += s;
        std::printf("%-22s %9.3f s  %zu findings\n", name, s, n);
    }
    std::printf("%-22s %9.3f s  (peak RSS %.0f MiB)\n", "analyses after load", total, peak_rss_mib());
    if (!keep && dir == scratch.string()) fs::remove_all(scratch);
    return 0;
}
