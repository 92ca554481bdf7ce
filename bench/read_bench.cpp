// Benchmark: reading a case of agency CSV files (or the same entries as native YAML) with
// load_case, split into reading and merging. A program that prints figures, never a timed test.
//
//   read_bench [--agencies N] [--rows M] [--dir CASE] [--yaml] [--threads T] [--keep]
//
// Without --dir, writes a corpus of N files x M rows (sightline generate --corpus) to a temporary
// folder. With --yaml, first rewrites every source as a native YAML chronology (what `sightline
// import` writes) and reads that instead. Prints rows/s, MB/s and the process's peak resident memory.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench_support.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/agency_writer.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/case_writer.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/synthetic.hpp"

namespace fs = std::filesystem;
using namespace sightline;

namespace {

using bench::peak_rss_mib;
using bench::since;

std::uintmax_t source_bytes(const engine::Case& c) {
    std::uintmax_t bytes = 0;
    for (const engine::Source& s : c.sources) bytes += fs::file_size(s.opened);
    return bytes;
}

// Rewrites every source of the case at `from` as native YAML in `to`.
void to_yaml(const std::string& from, const std::string& to) {
    const engine::Case c = formats::load_case(from, {.merge = false});
    fs::create_directories(fs::path(to) / "agencies");
    std::vector<formats::ManifestSource> items;
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
        std::string text;
        engine::Diagnostics problems;
        formats::write_agency_yaml(c, static_cast<engine::SourceId>(i), text, problems);
        const std::string file = fs::path(c.sources[i].path).replace_extension(".yaml").generic_string();
        formats::write_file_atomic((fs::path(to) / file).string(), text);
        items.push_back({file, {}, {}});
    }
    std::string manifest;
    formats::write_manifest_yaml(c, items, manifest);
    formats::write_file_atomic((fs::path(to) / "case.yaml").string(), manifest);
}

}  // namespace

int main(int argc, char** argv) {
    engine::CorpusOptions corpus;
    bool keep = false, yaml = false;
    unsigned threads = 0;
    std::string dir;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--agencies") && i + 1 < argc) corpus.agencies = static_cast<std::uint32_t>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) corpus.rows = std::strtoull(argv[++i], nullptr, 10);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
        else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (!std::strcmp(argv[i], "--yaml")) yaml = true;
        else if (!std::strcmp(argv[i], "--keep")) keep = true;
        else {
            std::fprintf(stderr, "usage: read_bench [--agencies N] [--rows M] [--dir CASE] [--yaml] [--threads T] [--keep]\n");
            return 64;
        }
    }
    const fs::path scratch = fs::temp_directory_path() / ("sightline-read-bench-" + std::to_string(::getpid()));
    if (dir.empty()) {
        dir = (scratch / "csv").string();
        std::printf("writing %u files x %llu rows to %s\n", corpus.agencies, static_cast<unsigned long long>(corpus.rows), dir.c_str());
        formats::write_corpus(corpus, dir, 2);
    }
    if (yaml) {
        const std::string to = (scratch / "yaml").string();
        std::printf("rewriting %s as native YAML in %s\n", dir.c_str(), to.c_str());
        to_yaml(dir, to);
        dir = to;
    }
    const double before = peak_rss_mib();
    formats::LoadOptions options;
    options.merge = false;
    options.threads = threads;
    const auto t0 = std::chrono::steady_clock::now();
    engine::Case c = formats::load_case(dir, options);
    const double read = since(t0);
    const double read_peak = peak_rss_mib();
    const auto t1 = std::chrono::steady_clock::now();
    engine::merge(c);
    const double merged = since(t1);
    std::uint64_t rows = 0, made = 0, rejected = 0;
    for (const auto& s : c.sources) {
        rows += s.counts.rows_read;
        made += s.counts.entries_made;
        rejected += s.counts.rows_rejected;
    }
    const double mb = static_cast<double>(source_bytes(c)) / 1e6;
    std::printf("input      %.1f MB in %zu %s files\n", mb, c.sources.size(), yaml ? "yaml" : "csv");
    std::printf("rows       read %llu = entries %llu + rejected %llu (%zu errors)\n", static_cast<unsigned long long>(rows),
                static_cast<unsigned long long>(made), static_cast<unsigned long long>(rejected), c.diagnostics.error_count());
    std::printf("read       %.3f s: %.0f rows/s, %.1f MB/s (%u threads)\n", read, static_cast<double>(rows) / read, mb / read,
                engine::thread_count(threads));
    std::printf("merge      %.3f s (sort, ids)\n", merged);
    std::printf("total      %.3f s: %.0f rows/s\n", read + merged, static_cast<double>(rows) / (read + merged));
    std::printf("peak RSS   %.0f MiB (%.0f MiB before loading, %.0f MiB after reading; %.2fx the input)\n", peak_rss_mib(),
                before, read_peak, peak_rss_mib() / (mb / 1.048576));
    if (!keep) fs::remove_all(scratch);
    return 0;
}
