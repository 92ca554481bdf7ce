// Benchmark: reading a corpus of agency CSV files with load_case (read, decide day/month order,
// parse, merge). A program that prints figures, never a timed test.
//
//   csv_read_bench [--agencies N] [--rows M] [--dir PATH] [--keep]
//
// Writes N files of M rows each (UK dates, times, quoted summaries with commas and doubled
// quotes, people lists) into a temporary folder, then loads the case once and prints rows/s,
// MB/s and the process's peak resident memory.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "sightline/formats/case_reader.hpp"

namespace fs = std::filesystem;

namespace {

constexpr const char* k_types[] = {"Home visit", "Phone call", "DNA", "GP consultation", "Strategy meeting",
                                   "A&E attendance", "Referral", "Letter"};
constexpr const char* k_people[] = {"Mum", "Baby A", "Mum; Baby A", "Mr Z", "Mum; Mr Z; Baby A", ""};

// Peak resident set size of this process, in MiB.
double peak_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::uintmax_t write_corpus(const fs::path& dir, int agencies, int rows) {
    fs::create_directories(dir / "agencies");
    std::ofstream manifest(dir / "case.yaml");
    manifest << "sightline: 1\ncase:\n  title: Bench\n  index_children: [child-a]\n  date_order: dmy\n"
                "people:\n  - {id: child-a, name: Baby A}\n  - {id: mother, name: Mum}\n  - {id: z, name: Mr Z}\n"
                "sources:\n";
    std::mt19937 rng(1);
    auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    std::uintmax_t bytes = 0;
    std::string buf;
    for (int a = 0; a < agencies; ++a) {
        const std::string name = "agencies/agency-" + std::to_string(a) + ".csv";
        manifest << "  - {file: " << name << ", agency: \"Agency " << a << "\", kind: other}\n";
        buf.clear();
        buf += "Ref,Date,Time,Type,Details,People involved,Child seen?,Practitioner\r\n";
        char line[512];
        for (int i = 0; i < rows; ++i) {
            const int n = std::snprintf(
                line, sizeof line,
                "A%d-%07d,%02u/%02u/%u,%02u:%02u,%s,\"Visit %d to the family home, mother spoke about \"\"the "
                "flat\"\", baby seen in cot, cot bedding checked, advice given on safe sleep\",%s,%s,W%u\r\n",
                a, i, 1 + pick(28), 1 + pick(12), 2013 + pick(4), pick(24), pick(60), k_types[pick(8)], i,
                k_people[pick(6)], pick(2) ? "Y" : "N", pick(40));
            buf.append(line, static_cast<std::size_t>(n));
        }
        std::ofstream(dir / name, std::ios::binary) << buf;
        bytes += buf.size();
    }
    return bytes;
}

}  // namespace

int main(int argc, char** argv) {
    int agencies = 50, rows = 20000;
    bool keep = false;
    fs::path dir = fs::temp_directory_path() / ("sightline-bench-" + std::to_string(::getpid()));
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--agencies") && i + 1 < argc) agencies = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) rows = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
        else if (!std::strcmp(argv[i], "--keep")) keep = true;
        else {
            std::fprintf(stderr, "usage: csv_read_bench [--agencies N] [--rows M] [--dir PATH] [--keep]\n");
            return 64;
        }
    }
    std::printf("writing %d files x %d rows to %s\n", agencies, rows, dir.c_str());
    const std::uintmax_t bytes = write_corpus(dir, agencies, rows);
    const double before = peak_rss_mib();
    const auto t0 = std::chrono::steady_clock::now();
    const sightline::engine::Case c = sightline::formats::load_case(dir.string());
    const auto t1 = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(t1 - t0).count();
    std::uint64_t read = 0, made = 0, rejected = 0;
    for (const auto& s : c.sources) {
        read += s.counts.rows_read;
        made += s.counts.entries_made;
        rejected += s.counts.rows_rejected;
    }
    const double mb = static_cast<double>(bytes) / 1e6;
    std::printf("input      %.1f MB in %d files\n", mb, agencies);
    std::printf("rows       read %llu = entries %llu + rejected %llu (%zu errors)\n",
                static_cast<unsigned long long>(read), static_cast<unsigned long long>(made),
                static_cast<unsigned long long>(rejected), c.diagnostics.error_count());
    std::printf("load_case  %.3f s: %.0f rows/s, %.1f MB/s (read, decide dates, parse, merge; one thread)\n", seconds,
                static_cast<double>(read) / seconds, mb / seconds);
    std::printf("peak RSS   %.0f MiB (%.0f MiB before loading; %.2fx the input)\n", peak_rss_mib(), before,
                peak_rss_mib() / (mb / 1.048576));
    if (!keep) fs::remove_all(dir);
    return 0;
}
