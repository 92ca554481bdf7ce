// sightline: one binary, many subcommands. Thin: parse arguments, call formats and engine.
#include <cstring>
#include <iostream>

#include "commands.hpp"
#include "sightline/engine/diagnostic.hpp"
#include "sightline/formats/diagnostic_printer.hpp"

namespace {

constexpr const char* k_help = R"(usage: sightline COMMAND [ARGS...]

Sightline merges single-agency chronologies into one integrated chronology for
child safeguarding reviews, and finds what a reader of a 100-page table misses.

commands:
  merge CASE     the integrated chronology (Markdown, CSV, JSON, XLSX, Word or HTML)
  check CASE     input problems and findings (text or JSON)
  knew CASE      what one agency could have known by a date (--agency, --at)
  report CASE    the overview report with pictures (HTML or Word)
  episodes CASE  each key practice episode (notes.yaml) for a learning event (Markdown, JSON,
                 or a pack in HTML or Word)
  note CASE ID   set or remove the review note on one entry (recorded in the review log)
  log CASE       the review log of the notes, and whether its chain is intact
  view CASE      open the viewer: the timeline next to the genogram
  rules [CASE]   the analysis thresholds, their defaults and reasons
  import SHEET   a spreadsheet (CSV, TSV, XLSX) to a native YAML chronology
  template       a blank chronology (XLSX or CSV) for an agency to fill in
  genogram CASE  the family and households at a date (SVG, PNG or JSON)
  generate       fictional cases with their planted truth, or bulk corpora for benchmarks
  themes PATH... what many cases have in common (text, JSON, HTML with charts, XLSX)

Run 'sightline COMMAND --help' for a command's options.
)";

struct Command {
    const char* name;
    int (*run)(int, char**);
};

constexpr Command k_commands[] = {
    {"merge", sightline::cli::run_merge},
    {"check", sightline::cli::run_check},
    {"rules", sightline::cli::run_rules},
    {"knew", sightline::cli::run_knew},
    {"episodes", sightline::cli::run_episodes},
    {"report", sightline::cli::run_report},
    {"view", sightline::cli::run_view},
    {"import", sightline::cli::run_import},
    {"template", sightline::cli::run_template},
    {"genogram", sightline::cli::run_genogram},
    {"generate", sightline::cli::run_generate},
    {"note", sightline::cli::run_note},
    {"log", sightline::cli::run_log},
    {"themes", sightline::cli::run_themes},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
        std::strcmp(argv[1], "help") == 0) {
        std::cout << k_help;
        return argc < 2 ? sightline::cli::k_exit_usage : 0;
    }
    if (std::strcmp(argv[1], "--version") == 0) {
        std::cout << "sightline " SIGHTLINE_VERSION " (case format 1)\n";
        return 0;
    }
    for (const Command& c : k_commands) {
        if (std::strcmp(argv[1], c.name) != 0) continue;
        try {
            return c.run(argc, argv);
        } catch (const sightline::engine::Error& e) {
            std::cerr << sightline::formats::format_diagnostic(e.diagnostic()) << '\n';
            return sightline::cli::k_exit_input_errors;
        }
    }
    std::cerr << "sightline: unknown command '" << argv[1] << "'\n" << k_help;
    return sightline::cli::k_exit_usage;
}
