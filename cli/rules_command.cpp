// `sightline rules [CASE] [--format text|md]`: every analysis threshold, its default, unit and reason.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/rules.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline rules [CASE] [--format text|md]

Lists every threshold the analyses use: its name (as written under rules: in
case.yaml), its value, its unit, and why it has that default. With CASE, shows
the values in force for that case, marking those it overrides; a rule the case
names wrongly is reported (exit 2 when a value is invalid).
)";

}  // namespace

int run_rules(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format"}, {"--help", "-h"});
    if (!args.ok()) return usage_error("rules", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "md") return usage_error("rules", "unknown format '" + format + "'; expected text or md");
    if (args.positionals().size() > 1) return usage_error("rules", "expected at most one CASE");
    engine::Rules rules;
    bool rule_errors = false;
    if (args.positionals().size() == 1) {
        const engine::Case c = formats::load_case(args.positionals()[0]);
        rules = c.rules;
        // The case's problems with its rules: said before the values they leave in force.
        for (const engine::Diagnostic& d : c.diagnostics.items()) {
            const bool about_rules = d.code == "rule-unknown" || d.message.starts_with("rule '") || d.message.starts_with("'rules'");
            if (!about_rules) continue;
            std::cerr << formats::format_diagnostic(d) << '\n';
            rule_errors = rule_errors || d.severity == engine::Severity::Error;
        }
    }

    std::string out;
    if (format == "md") {
        out += "| rule | default | unit | why |\n|---|---|---|---|\n";
        for (const engine::RuleInfo& r : engine::rule_table())
            out += "| `" + std::string(r.name) + "` | " + std::to_string(rules.get(r.id)) + " | " + std::string(r.unit) +
                   " | " + std::string(r.reason) + " |\n";
    } else {
        for (const engine::RuleInfo& r : engine::rule_table()) {
            out += std::string(r.name) + " = " + std::to_string(rules.get(r.id)) + " " + std::string(r.unit);
            if (rules.overridden(r.id)) out += "  (set by the case; default " + std::to_string(r.default_value) + ")";
            out += "\n    " + std::string(r.reason) + "\n";
        }
    }
    std::cout << out;
    return rule_errors ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
