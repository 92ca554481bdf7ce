// `sightline report CASE -o report.html|report.docx [--anonymise] [--picture FILE]`: the
// overview report a reviewer reads in a minute and pastes from.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/documents.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline report CASE -o FILE [--format html|docx] [--anonymise] [--picture FILE]

The overview report of a case, as one self-contained HTML page (no external resource,
no script; prints on A4 landscape) or a Word document (pictures as PNG):

  - the summary check opens with;
  - the timeline: every agency's entries in lanes by area, each index child's
    sightings and unseen periods, findings of concern, moves and key practice
    episodes;
  - the genogram at each move and at the start and end of each key practice episode;
  - every finding of concern with the entries it rests on (date, agency, source);
  - how each agency recorded whether the child was seen; the transfers after each move;
  - who knew what at each key practice episode (notes.yaml).

  CASE            a case folder (with case.yaml) or a manifest file
  -o FILE         write to FILE (atomically): .html or .docx
  --format FMT    html or docx; taken from the -o file's extension when not given
  --anonymise     names replaced by roles (Child A, Mother, ...) everywhere, pictures included
  --picture FILE  also write the timeline picture alone, as SVG or PNG by FILE's extension
                  (for a slide); with --picture and no -o, only the picture is written

Exit status: 0 written, 2 the input has errors (the report is still written and says
so), 64 bad usage.
)";

}  // namespace

int run_report(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output", "--picture"}, {"--help", "-h", "--anonymise", "--anonymize"});
    if (!args.ok()) return usage_error("report", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("report", "expected one CASE (a folder or case.yaml)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::optional<std::string> picture = args.get("--picture");
    if ((!output || *output == "-") && !picture) return usage_error("report", "give -o FILE.html or -o FILE.docx");
    if (output && *output != "-") {
        const std::string format = pick_format(args.get("--format"), output, "html");
        if (format != "html" && format != "docx")
            return usage_error("report", "unknown format '" + format + "'; expected html or docx");
        if (formats::is_word_path(*output) != (format == "docx"))
            return usage_error("report", "the " + format + " report needs -o FILE." + format);
    }

    auto [c, findings, views] = review_case(args.positionals()[0], args.has("--anonymise") || args.has("--anonymize"));
    if (output && *output != "-") {
        formats::write_overview_report(c, findings, views, *output);
        std::cerr << "wrote " << *output << "\n";
    }
    if (picture) {
        formats::write_picture_file(formats::case_timeline_picture(c, findings), *picture);
        std::cerr << "wrote " << *picture << "\n";
    }
    return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
