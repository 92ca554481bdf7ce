// `sightline merge CASE [--format csv|md|json] [-o FILE]`: the integrated chronology.
#include <iostream>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/phases.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/xlsx_writer.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline merge CASE [--format md|csv|json|xlsx|docx|html] [-o FILE] [--anonymise]
                       [--csv-raw] [--threads T] [--quiet]

Merges every single-agency chronology of a case into one integrated chronology,
in date order, keeping each agency's own words and where each line came from.

  CASE            a case folder (with case.yaml) or a manifest file
  --format FMT    md (Markdown table, the default), csv, json (case-format section 8), or
                  xlsx (a workbook: child seen coloured, frozen header, filters, an empty
                  Review notes column; needs -o FILE), docx (a Word table on A4 landscape,
                  header row on every page, undated entries in their own section, review
                  notes; needs -o FILE) or html (the same as one page); taken from the -o
                  file's extension when not given
  -o FILE         write to FILE (atomically: a crash never leaves half a file); default stdout
  --anonymise     replace every person's name by a role ("Child A", "Mother", "Mother's
                  partner"; set one with role: in case.yaml) wherever it is written
  --threads T     cores to use: the default, 0, is every core; 1 reads the sources one
                  after another and merges on one thread (the reference path; the result
                  is the same byte for byte, only slower on a large case)
  --csv-raw       csv: write cells as they are; by default a cell starting with =, +, -, @,
                  a tab or a carriage return gets an apostrophe before it, so that a spreadsheet
                  shows it rather than running it as a formula (sightline reads it back without
                  the apostrophe; see docs/security.md)
  --quiet         do not print the summary to stderr

Diagnostics are printed to stderr as file:line:col: severity: message [code].
Exit status: 0 merged cleanly, 2 the input has errors (rejected rows are reported;
every other row is still merged), 64 bad usage.
)";

// One line per source and a total, on stderr, for the person running the merge.
void print_summary(const engine::Case& c, const std::string& output, const std::string& format) {
    std::uint64_t read = 0, made = 0, rejected = 0, blank = 0, undated = 0;
    for (const engine::Source& s : c.sources) {
        read += s.counts.rows_read;
        made += s.counts.entries_made;
        rejected += s.counts.rows_rejected;
        blank += s.counts.blank_rows;
        undated += s.counts.undated;
    }
    std::size_t agencies = 0;
    for (const engine::Agency& a : c.agencies)
        if (a.registered || a.kind != engine::AgencyKind::Unknown) ++agencies;
    std::cerr << c.info.title << ": " << made << (made == 1 ? " entry" : " entries") << " from " << c.sources.size()
              << (c.sources.size() == 1 ? " source" : " sources");
    // The first and last dated entries (the undated ones are apart).
    const auto& entries = c.chronology.entries;
    if (!entries.empty()) {
        const engine::Entry& first = entries.front();
        const engine::Entry& last = entries.back();
        std::cerr << ", " << engine::format_date(first.date) << " to " << engine::format_date(last.date);
    }
    std::cerr << "\n  rows read " << read << " = entries " << made << " + rejected " << rejected;
    if (undated) std::cerr << " (" << undated << " of the entries undated, listed after the dated ones)";
    if (blank) std::cerr << " (and " << blank << " blank rows skipped)";
    std::cerr << "\n  " << c.diagnostics.error_count() << " errors, " << c.diagnostics.warning_count()
              << " warnings\n";
    if (!output.empty() && output != "-") std::cerr << "  wrote " << output << " (" << format << ")\n";
}

}  // namespace

int run_merge(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output", "--threads"},
                    {"--help", "-h", "--quiet", "--anonymise", "--anonymize", "--csv-raw"});
    if (!args.ok()) return usage_error("merge", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("merge", "expected one CASE (a folder or case.yaml)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "md");
    if (format != "md" && format != "csv" && format != "json" && format != "xlsx" && format != "docx" && format != "html")
        return usage_error("merge", "unknown format '" + format + "'; expected md, csv, json, xlsx, docx or html");
    if ((format == "xlsx" || format == "docx" || format == "html") && (!output || *output == "-"))
        return usage_error("merge", format + " is written to a file: give -o FILE." + format);
    if (args.has("--csv-raw") && format != "csv") return usage_error("merge", "--csv-raw is for --format csv");
    const auto formulas = args.has("--csv-raw") ? formats::CsvFormulas::Raw : formats::CsvFormulas::Guarded;

    const bool anonymised = args.has("--anonymise") || args.has("--anonymize");
    engine::mark_phase("command line read");
    const std::optional<std::uint64_t> threads = whole_number(args.get("--threads"));
    if (args.get("--threads") && (!threads || *threads > 1024))
        return usage_error("merge", "--threads needs a whole number of cores, not '" + *args.get("--threads") + "'");
    engine::Case c = formats::load_case(args.positionals()[0], {.threads = static_cast<unsigned>(threads.value_or(0))});
    std::vector<engine::Finding> none;
    if (anonymised) anonymise(c, none);
    print_diagnostics(c);
    if (format == "xlsx") {
        engine::Diagnostics warnings;
        formats::write_chronology_xlsx(c, *output, warnings);
        for (const engine::Diagnostic& d : warnings.items()) std::cerr << formats::format_diagnostic(d) << '\n';
        if (!args.has("--quiet")) print_summary(c, *output, format);
        return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
    }
    if (format == "docx" || format == "html") {
        if (format == "docx") formats::write_chronology_docx(c, *output);
        else formats::write_chronology_html(c, *output);
        if (!args.has("--quiet")) print_summary(c, *output, format);
        return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
    }
    if (format == "csv") {
        // A million rows are written as they are made, never held as one string.
        stream_output(output.value_or(""), [&](const std::function<void(std::string_view)>& write) {
            formats::write_chronology_csv(c, write, 0, formulas);
        });
    } else {
        std::string out;
        if (format == "json") formats::write_merge_json(c, out);
        else formats::write_chronology_markdown(c, out);
        write_output(output.value_or(""), out);
    }
    if (!args.has("--quiet")) print_summary(c, output.value_or(""), format);
    engine::mark_phase("summary printed");
    return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
