// `sightline generate`: realistic fictional cases with their planted truth, or bulk corpora for
// benchmarks. Deterministic from --seed.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/generate.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/synthetic.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline generate [--case] [--cases N] [--full-names] [--seed N] -o DIR
       sightline generate --corpus [--shape standard|realistic] [--agencies N] [--rows M] [--years Y]
                          [--seed N] [--threads T] -o DIR

Writes fictional data: nothing in it is about real people.

  --case          one realistic case (the default): a family drawn from the figures of
                  published reviews, the areas it lived in, every agency's chronology
                  (native YAML, and the police's as a CSV export with UK dates), and
                  truth.json beside it: every finding of the planted kinds the analyses
                  must make (unseen periods, gaps, moves, transfers ok/late/missed,
                  misrouted notifications, adults known only to police or housing,
                  incidents several agencies recorded) in the shape of 'sightline check
                  --format json' (check reports other kinds too; see docs/synthetic-data.md)
  --cases N       N realistic cases in DIR/case-001, DIR/case-002, ... (seeds SEED, SEED+1, ...)
  --full-names    realistic cases: people with full names ("Kirsty May Morley"; all fictional),
                  written as agencies write them (full name, first name, "Ms Morley", a
                  known-as name, capitals, a child's initial), for trying --anonymise; the
                  same story and truth as without
  --corpus        a bulk corpus for benchmarks: N agency spreadsheets of M rows each (UK dates,
                  a time column, quoted details) and a case.yaml listing them, so that
                  'sightline merge DIR --format csv -o out.csv' reads them all
  --shape S       corpus: 'standard' (the default): one layout for every file, every row timed,
                  rows in date order, every agency in case.yaml's agencies: registry; or
                  'realistic', shaped like agencies' returns: no registry, each file with its
                  own headers and column order and a NAME.mapping.yaml beside it naming its
                  agency, kind and area and what its child-seen words ("Yes", "Seen alone",
                  "Not seen", "N/A") and names of people mean; rows in record order, not date
                  order; a time in about 40% of rows, in the agency's style (14:30, 14.30,
                  1430hrs, 2.30pm)
  --agencies N    corpus: agencies (files), default 50
  --rows M        corpus: rows per agency, default 20000 (50 x 20000 is a million rows)
  --years Y       corpus: the years the rows span from 2013 (default 4; more years, fewer records
                  a day: what the analyses of 'sightline check' cost depends on that density)
  --threads T     corpus: files written at once, default the number of cores
  --seed N        the seed (default 1): the same seed always writes the same files
  -o DIR          the folder to write (created; files in it are replaced)

Exit status: 0 written, 64 bad usage.
)";

}  // namespace

int run_generate(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--cases", "--seed", "--agencies", "--rows", "--years", "--threads", "--shape", "-o", "--output"},
                    {"--help", "-h", "--case", "--corpus", "--full-names"});
    if (!args.ok()) return usage_error("generate", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (!args.positionals().empty()) return usage_error("generate", "unexpected argument '" + args.positionals()[0] + "'");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    if (!output || output->empty() || *output == "-") return usage_error("generate", "give -o DIR, the folder to write");
    if (args.has("--case") && args.has("--corpus")) return usage_error("generate", "choose --case or --corpus, not both");
    for (const char* option : {"--cases", "--seed", "--agencies", "--rows", "--years", "--threads"})
        if (args.get(option) && !whole_number(args.get(option)))
            return usage_error("generate", std::string(option) + " needs a whole number, not '" + *args.get(option) + "'");
    const std::uint64_t seed = whole_number(args.get("--seed")).value_or(1);
    const auto start = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

    if (args.has("--corpus")) {
        if (args.get("--cases")) return usage_error("generate", "--cases is for realistic cases, not --corpus");
        if (args.has("--full-names")) return usage_error("generate", "--full-names is for realistic cases, not --corpus");
        engine::CorpusOptions o;
        o.seed = seed;
        o.agencies = static_cast<std::uint32_t>(whole_number(args.get("--agencies")).value_or(50));
        o.rows = whole_number(args.get("--rows")).value_or(20000);
        o.years = static_cast<std::uint32_t>(whole_number(args.get("--years")).value_or(4));
        if (const std::optional<std::string> shape = args.get("--shape")) {
            if (*shape == "realistic") o.shape = engine::CorpusShape::Realistic;
            else if (*shape != "standard")
                return usage_error("generate", "--shape must be standard or realistic, not '" + *shape + "'");
        }
        if (o.years == 0 || o.years > 7000) return usage_error("generate", "--years must be from 1 to 7000");
        if (o.agencies == 0 || o.agencies > 100000) return usage_error("generate", "--agencies must be from 1 to 100000");
        const unsigned threads = static_cast<unsigned>(
            whole_number(args.get("--threads")).value_or(engine::thread_count(0)));
        const formats::CorpusWritten w = formats::write_corpus(o, *output, std::max(1u, threads));
        std::fprintf(stderr, "wrote %s: %llu rows in %u files, %.1f MB, in %.2f s\n", output->c_str(),
                     static_cast<unsigned long long>(w.rows), o.agencies, static_cast<double>(w.bytes) / 1e6, seconds());
        return k_exit_clean;
    }
    for (const char* option : {"--agencies", "--rows", "--years", "--threads", "--shape"})
        if (args.get(option)) return usage_error("generate", std::string(option) + " is for --corpus");
    const std::uint64_t cases = whole_number(args.get("--cases")).value_or(1);
    if (cases == 0 || cases > 100000) return usage_error("generate", "--cases must be from 1 to 100000");
    for (std::uint64_t k = 0; k < cases; ++k) {
        char name[32];
        std::snprintf(name, sizeof name, "/case-%03llu", static_cast<unsigned long long>(k + 1));
        const std::string dir = args.get("--cases") ? *output + name : *output;
        const engine::SyntheticCase s = engine::generate_case(seed + k, {.full_names = args.has("--full-names")});
        formats::write_synthetic_case(s, dir, seed + k);
        std::fprintf(stderr, "wrote %s: %zu entries from %zu sources, %zu findings in truth.json\n", dir.c_str(),
                     s.c.chronology.entries.size(), s.c.sources.size(), s.truth.size());
    }
    return k_exit_clean;
}

}  // namespace sightline::cli
