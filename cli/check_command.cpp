// `sightline check CASE [--format text|json]`: diagnostics and findings.
#include <algorithm>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/engine/return_check.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/json.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline check CASE [--format text|json] [-o FILE] [--anonymise]
       sightline check RETURN [--case CASE] [--agency NAME] [--kind KIND] [--mapping FILE]
                              [--date-order dmy|mdy|ymd] [--format text|json] [-o FILE]

Reads a case, reports every problem in its input, and runs the analyses.

  CASE            a case folder (with case.yaml) or a manifest file
  --format FMT    text (a readable report, the default) or json (case-format section 8)
  -o FILE         write the report to FILE (atomically); default stdout
  --anonymise     replace every person's name by a role ("Child A", "Mother", "Mother's
                  partner"; set one with role: in case.yaml) wherever it is written

Given one agency's RETURN instead (a .docx, .xlsx, .csv or .tsv file), checks it before it
is sent, each problem at its row: dates that cannot be read, rows out of date order,
contacts that do not say whether the child was seen, rows with no date (kept as undated),
rows with no type (read from the words), and, with --case, people the case does not know.

  --case CASE     the review's case: its people, agencies and areas
  --agency NAME, --kind KIND, --mapping FILE, --date-order ORD   as for a source in case.yaml

Exit status: 0 clean, 1 findings of concern (a case) or things to put right (a return), 2 the
input has errors, 64 bad usage.
)";

// `sightline check RETURN`: one agency's return on its own, before it is sent.
int check_return(const Args& args, const std::string& path, const std::string& format,
                 const std::optional<std::string>& output) {
    engine::Case c;
    const std::optional<std::string> case_path = args.get("--case");
    if (case_path) {
        formats::LoadOptions lo;
        lo.merge = false;
        lo.read_sources = false;
        c = formats::load_case(*case_path, lo);
    }
    formats::SpreadsheetOptions o;
    o.path = path;
    o.mapping = args.get("--mapping").value_or("");
    o.agency = args.get("--agency").value_or("");
    o.kind = args.get("--kind").value_or("");
    o.date_order = args.get("--date-order").value_or("");
    const engine::SourceId source = formats::read_spreadsheet(c, o);
    engine::Diagnostics all;
    for (const engine::Diagnostic& d : c.diagnostics.items()) {
        // Without the case every name is unknown: names are checked only against a case.
        if (!case_path && d.code == "subject-unknown") continue;
        all.add(d);
    }
    all.append(engine::check_return(c, source, path));
    all.sort();
    const engine::SourceCounts& n = c.sources[engine::index_of(source)].counts;
    std::string out;
    if (format == "json") {
        formats::JsonWriter w(out);
        w.begin_object();
        w.field("sightline", 1);
        w.field("return", path);
        w.field("rows_read", n.rows_read);
        w.field("entries_made", n.entries_made);
        w.field("rows_rejected", n.rows_rejected);
        w.field("undated", n.undated);
        w.key("diagnostics");
        formats::write_diagnostics_json(all, w);
        w.end_object();
        out.push_back('\n');
    } else {
        for (const engine::Diagnostic& d : all.items()) out += formats::format_diagnostic(d) + "\n";
        out += path + ": " + std::to_string(n.rows_read) + (n.rows_read == 1 ? " row" : " rows") + " read: " +
               std::to_string(n.entries_made - n.undated) + " dated, " + std::to_string(n.undated) + " undated, " +
               std::to_string(n.rows_rejected) + " rejected; ";
        if (all.has_errors())
            out += std::to_string(all.error_count()) + " errors to correct before it is sent";
        else if (all.warning_count())
            out += std::to_string(all.warning_count()) + " things to put right before it is sent";
        else
            out += "ready to send";
        if (!case_path) out += " (names are checked against the case's people with --case CASE)";
        out += "\n";
    }
    write_output(output.value_or(""), out);
    if (all.has_errors()) return k_exit_input_errors;
    return all.warning_count() ? k_exit_findings : k_exit_clean;
}

}  // namespace

int run_check(int argc, char** argv) {
    const Args args(argc, argv, 2,
                    {"--format", "-o", "--output", "--case", "--agency", "--kind", "--mapping", "--date-order"},
                    {"--help", "-h", "--anonymise", "--anonymize"});
    if (!args.ok()) return usage_error("check", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1)
        return usage_error("check", "expected one CASE (a folder or case.yaml) or one RETURN (a .docx, .xlsx or .csv file)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    const std::string format = pick_format(args.get("--format"), output, "text");
    if (format != "text" && format != "json") return usage_error("check", "unknown format '" + format + "'; expected text or json");

    const std::string& path = args.positionals()[0];
    if (formats::is_spreadsheet(path)) return check_return(args, path, format, output);
    for (const char* only_return : {"--case", "--agency", "--kind", "--mapping", "--date-order"})
        if (args.get(only_return))
            return usage_error("check", std::string(only_return) + " applies to checking one return (a .docx, .xlsx or .csv file)");
    engine::Case c = formats::load_case(path);
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
