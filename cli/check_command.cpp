// `sightline check CASE [--format text|json]`: diagnostics and findings.
#include <algorithm>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/check_report.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline check CASE [--format text|json] [-o FILE] [--anonymise]

Reads a case, reports every problem in its input, and runs the analyses.

  CASE            a case folder (with case.yaml) or a manifest file
  --format FMT    text (a readable report, the default) or json (case-format section 8)
  -o FILE         write the report to FILE (atomically); default stdout
  --anonymise     replace every person's name by a role ("Child A", "Mother", "Mother's
                  partner"; set one with role: in case.yaml) wherever it is written

Exit status: 0 clean, 1 findings of concern, 2 the input has errors, 64 bad usage.
)";

}  // namespace

int run_check(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output"}, {"--help", "-h", "--anonymise", "--anonymize"});
    if (!args.ok()) return usage_error("check", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("check", "expected one CASE (a folder or case.yaml)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "text");
    if (format != "text" && format != "json") return usage_error("check", "unknown format '" + format + "'; expected text or json");

    engine::Case c = formats::load_case(args.positionals()[0]);
    std::vector<engine::Finding> findings = engine::analyse(c);
    if (args.has("--anonymise") || args.has("--anonymize")) anonymise(c, findings);
    std::string out;
    if (format == "json") formats::write_check_json(c, findings, out);
    else formats::write_check_text(c, findings, out);
    write_output(output.value_or(""), out);
    if (c.diagnostics.has_errors()) return k_exit_input_errors;
    const bool concern = std::any_of(findings.begin(), findings.end(), [](const engine::Finding& f) { return f.concern; });
    return concern ? k_exit_findings : k_exit_clean;
}

}  // namespace sightline::cli
