// `sightline genogram CASE [--at DATE] [--format svg|png|json] [-o FILE]`: the genogram at a date.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline genogram CASE [--at DATE] [--format svg|png|json] [-o FILE] [--anonymise]

Draws the family at a date: McGoldrick symbols (square male, circle female,
diamond unknown, X deceased, double outline for the index child), partners
side by side with slashes for separation (one) and divorce (two), children
under their parents in birth order, and a boundary round each household on
that date. People outside the index child's household are faded.

  CASE            a case folder (with case.yaml) or a manifest file
  --at DATE       the day to draw (YYYY-MM-DD; a partial date such as 2015-06 means
                  its first day); default: the end of the case's scope, else the
                  date of the last entry
  --format FMT    svg (the default: a drawing for a report), png (the same drawing
                  as an image for a slide or a Word document; needs -o FILE) or json
                  (positions, states and household outlines); taken from the -o
                  file's extension when not given
  -o FILE         write to FILE (atomically); default stdout
  --anonymise     replace every person's name by a role ("Child A", "Mother", "Mother's
                  partner"; set one with role: in case.yaml) wherever it is written

People never move between dates: only who is born, who has died, ages,
partnerships and households change. See docs/genogram.md.
Exit status: 0 drawn, 2 the input has errors or the date is invalid, 64 bad usage.
)";

}  // namespace

int run_genogram(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--at", "--format", "-o", "--output"}, {"--help", "-h", "--anonymise", "--anonymize"});
    if (!args.ok()) return usage_error("genogram", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1)
        return usage_error("genogram", "expected one CASE (a folder or case.yaml)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "svg");
    if (format != "svg" && format != "json" && format != "png")
        return usage_error("genogram", "unknown format '" + format + "'; expected svg, png or json");
    if (format == "png" && (!output || *output == "-"))
        return usage_error("genogram", "png is a binary format: give -o FILE.png");

    std::optional<std::int32_t> day;
    if (const auto at = args.get("--at")) {
        const engine::DateParseResult parsed = engine::parse_date(*at);
        if (!parsed.date) {
            std::cerr << "sightline genogram: error: --at: " << parsed.error->message << " ["
                      << parsed.error->code << "]\n";
            return k_exit_input_errors;
        }
        day = parsed.date->earliest_day();
    }

    engine::Case c = formats::load_case(args.positionals()[0]);
    std::vector<engine::Finding> none;
    if (args.has("--anonymise") || args.has("--anonymize")) anonymise(c, none);
    print_diagnostics(c);
    if (!day) {
        if (c.info.scope_to)
            day = c.info.scope_to->latest_day();
        else if (!c.chronology.entries.empty())
            day = c.chronology.entries.back().date.latest_day();
        else
            return usage_error("genogram", "the case has no scope end and no entries; give --at DATE");
    }
    const engine::GenogramLayout layout = engine::compute_layout(c);
    for (const engine::Diagnostic& d : layout.diagnostics.items())
        std::cerr << formats::format_diagnostic(d) << '\n';
    const engine::GenogramAt at = engine::genogram_at(layout, c, *day);
    std::string out;
    if (format == "json")
        formats::write_genogram_json(c, layout, at, out);
    else if (format == "png")
        out = formats::picture_png(formats::genogram_picture(c, layout, at));
    else
        formats::write_genogram_svg(c, layout, at, out);
    write_output(output.value_or(""), out);
    if (output && *output != "-") std::cerr << "wrote " << *output << " (" << format << ", at " << engine::format_day(*day) << ")\n";
    return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
