// `sightline check CASE [--format text|json]`: diagnostics and findings.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline check CASE [--format text|json] [-o FILE]

Reads a case, reports every problem in its input, and runs the analyses.

  CASE            a case folder (with case.yaml) or a manifest file
  --format FMT    text (a readable report, the default) or json (case-format section 8)
  -o FILE         write the report to FILE (atomically); default stdout

Exit status: 0 clean, 1 findings of concern, 2 the input has errors, 64 bad usage.
)";

void write_check_json(const engine::Case& c, std::string& out) {
    formats::JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.field("entries", static_cast<std::uint64_t>(c.chronology.entries.size()));
    w.key("diagnostics");
    formats::write_diagnostics_json(c, w);
    w.key("findings");
    w.begin_array(true);
    w.end_array();
    w.end_object();
    out.push_back('\n');
}

void write_check_text(const engine::Case& c, std::string& out) {
    out += "Case: " + c.info.title + "\n";
    out += std::to_string(c.chronology.entries.size()) + " entries from " + std::to_string(c.sources.size()) + " sources\n\n";
    out += "Sources (rows read = entries + rejected):\n";
    for (const engine::Source& s : c.sources) {
        out += "  " + s.path + ": " + std::to_string(s.counts.rows_read) + " = " + std::to_string(s.counts.entries_made) +
               " + " + std::to_string(s.counts.rows_rejected);
        if (s.counts.blank_rows) out += " (" + std::to_string(s.counts.blank_rows) + " blank rows)";
        out += "\n";
    }
    out += "\nDiagnostics: " + std::to_string(c.diagnostics.error_count()) + " errors, " +
           std::to_string(c.diagnostics.warning_count()) + " warnings\n";
    for (const engine::Diagnostic& d : c.diagnostics.items()) out += "  " + formats::format_diagnostic(d) + "\n";
}

}  // namespace

int run_check(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--format", "-o", "--output"}, {"--help", "-h"});
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
    std::string out;
    if (format == "json") {
        write_check_json(c, out);
    } else {
        write_check_text(c, out);
    }
    write_output(output.value_or(""), out);
    if (c.diagnostics.has_errors()) return k_exit_input_errors;
    return k_exit_clean;
}

}  // namespace sightline::cli
