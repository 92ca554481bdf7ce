// `sightline episodes CASE [--format md|json|html|docx] [-o FILE] [--anonymise]`: the key practice
// episodes of notes.yaml, each as a learning event reads it.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/documents.hpp"
#include "sightline/formats/episodes_report.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline episodes CASE [--format md|json|html|docx] [-o FILE] [--anonymise]

For each key practice episode in the case's notes.yaml (episodes: title, from, to,
note), what a learning event needs on one page: the agencies in contact and how
often they saw a child, each index child seen or not and when last seen, the
findings of concern inside the episode, and a who-knew-what grid: the risk events
from a year before the episode to its end and the day each agency could first
have known of them.

  CASE            a case folder (with case.yaml) or a manifest file
  --format FMT    md (the default: Markdown, to open in a Markdown viewer or paste into
                  a report; the who-knew-what grid is a wide table), json, or the
                  learning-event pack: html (one self-contained page to print) or docx
                  (Word, pictures as PNG), one page per episode with the timeline cut
                  to it and the genogram at its start and end (needs -o FILE); taken
                  from the -o file's extension when not given
  -o FILE         write to FILE (atomically); default stdout
  --anonymise     names replaced by roles, for handing out at a learning event

Exit status: 0, 2 when the input has errors (an episode whose dates cannot be read
is left out and named), 64 bad usage.
)";

}  // namespace

int run_episodes(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output"}, {"--help", "-h", "--anonymise", "--anonymize"});
    if (!args.ok()) return usage_error("episodes", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("episodes", "expected one CASE (a folder or case.yaml)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "md");
    if (format != "md" && format != "json" && format != "text" && format != "html" && format != "docx")
        return usage_error("episodes", "unknown format '" + format + "'; expected md, json, html or docx");
    const bool pack = format == "html" || format == "docx";
    if (pack && (!output || *output == "-" || formats::is_word_path(*output) != (format == "docx")))
        return usage_error("episodes", "the " + format + " pack is written to a file: give -o FILE." + format);

    auto [c, findings, views] = review_case(args.positionals()[0], args.has("--anonymise") || args.has("--anonymize"));
    std::string out;
    if (pack) formats::write_episodes_pack(c, findings, views, *output);
    else if (format == "json") formats::write_episodes_json(c, findings, views, out);
    else formats::write_episodes_markdown(c, findings, views, out);
    if (!pack) write_output(output.value_or(""), out);
    if (output && *output != "-")
        std::cerr << "wrote " << *output << " (" << views.size() << (views.size() == 1 ? " episode" : " episodes") << ")\n";
    return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
