// `sightline themes PATH...`: what a set of cases has in common, each case analysed as `check`
// analyses it.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/themes_reader.hpp"
#include "sightline/formats/themes_report.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help =
    R"(usage: sightline themes PATH... [--format text|json|html|xlsx] [-o FILE] [--named] [--threads N]

Analyses many cases as 'sightline check' analyses one, and reports what they have in common:
  - per finding kind: the cases with it (and with one of concern), its findings, of concern;
  - children unseen: each child's longest period unseen by any professional, by the child's
    age band (under 1, 1-4, 5-11, 12+): median and quartiles;
  - transfers at moves, by agency kind and status (ok, late, missed, unknown), with the
    median days to first contact;
  - patterns and people (invisible adults, unchecked new partners, missed appointments,
    repeated domestic abuse, re-referrals, infant injuries, changes of worker) by case;
  - recording: the share of contacts that do not say whether the child was seen, by agency kind;
  - per case: its title, entries, dates and findings by kind.

  PATH            a case folder (with case.yaml), a manifest file, or a folder of case
                  folders (those holding case.yaml, one level down)
  --format FMT    text (the default), json, html (one self-contained page with SVG charts,
                  for printing too) or xlsx (one row per case, one sheet per theme; needs
                  -o FILE); taken from the -o file's extension when not given
  -o FILE         write to FILE (atomically); default stdout
  --named         keep people's names; by default every case is anonymised (names replaced
                  by roles: "Child A", "Mother's partner") before anything leaves it, and an
                  error whose message may quote the case's words keeps only its place and code
  --threads N     cases read at once (default: one per core)

Cases are read side by side; a case that cannot be read, or whose input has errors, is
reported with its first error and left out of the figures, and the others are still read
('sightline check CASE' lists every problem).
Exit status: 0 no findings of concern, 1 findings of concern, 2 a case could not be read
(the others are still reported), 64 bad usage.
)";

}  // namespace

int run_themes(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output", "--threads"}, {"--help", "-h", "--named"});
    if (!args.ok()) return usage_error("themes", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().empty())
        return usage_error("themes", "expected one or more PATHs (cases or folders of cases)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "text");
    if (format != "text" && format != "json" && format != "html" && format != "xlsx")
        return usage_error("themes", "unknown format '" + format + "'; expected text, json, html or xlsx");
    if (format == "xlsx" && (!output || *output == "-"))
        return usage_error("themes", "xlsx is written to a file: give -o FILE.xlsx");
    const std::optional<std::uint64_t> threads = whole_number(args.get("--threads"));
    if (args.get("--threads") && (!threads || *threads == 0 || *threads > 1024))
        return usage_error("themes", "--threads must be a whole number from 1 to 1024, not '" +
                                         *args.get("--threads") + "'");

    const formats::CaseList list = formats::find_cases(args.positionals());
    formats::ThemesOptions options;
    options.named = args.has("--named");
    options.threads = static_cast<unsigned>(threads.value_or(0));
    const engine::Themes themes = formats::read_themes(list, options);

    for (const std::string& folder : list.skipped)
        std::cerr << "sightline themes: " << folder << ": no case.yaml; not a case\n";
    for (const engine::FailedCase& f : themes.failed)
        std::cerr << "sightline themes: " << f.line() << '\n';
    if (format == "xlsx") {
        formats::write_themes_xlsx(themes, *output);
    } else {
        std::string out;
        if (format == "json")
            formats::write_themes_json(themes, out);
        else if (format == "html")
            formats::write_themes_html(themes, out);
        else
            formats::write_themes_text(themes, out);
        write_output(output.value_or(""), out);
    }
    if (output && *output != "-")
        std::cerr << "wrote " << *output << " (" << format << "): " << themes.cases.size()
                  << " cases analysed, " << themes.failed.size() << " could not be read\n";
    if (!themes.failed.empty()) return k_exit_input_errors;
    return themes.any_concern() ? k_exit_findings : k_exit_clean;
}

}  // namespace sightline::cli
