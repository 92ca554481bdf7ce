// `sightline import SHEET [--mapping M] -o agency.yaml`: a spreadsheet to native YAML, lossless.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/agency_writer.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline import SHEET [--mapping FILE] [--sheet NAME] [--agency NAME]
                        [--kind KIND] [--area AREA] [--date-order dmy|mdy|ymd]
                        [--case CASE] [--partial] [-o FILE]

Converts a single-agency chronology kept as a spreadsheet (CSV, TSV or XLSX) into
Sightline's native YAML. Reading the YAML back gives the same entries; dates are
written in their canonical form, with the spreadsheet's wording in a comment.

  SHEET             the spreadsheet
  --mapping FILE    its mapping (case-format section 6); default SHEET's name with
                    .mapping.yaml, when that file exists
  --sheet NAME      the XLSX sheet (default: the mapping's, else the first)
  --agency NAME     the agency of every row (overrides the mapping)
  --kind KIND       that agency's kind (police, gp, health_visiting, ...)
  --area AREA       the default area of the rows
  --date-order ORD  dmy, mdy or ymd for columns whose day/month order cannot be decided
  --case CASE       resolve people, areas and agencies against this case's manifest
  --partial         write the entries read even when some rows were rejected
  -o FILE           write to FILE (atomically); default stdout

Exit status: 0 converted, 2 the sheet has errors (nothing written unless --partial),
64 bad usage.
)";

}  // namespace

int run_import(int argc, char** argv) {
    const Args args(argc, argv, 2,
                    {"--mapping", "--sheet", "--agency", "--kind", "--area", "--date-order", "--case", "-o", "--output"},
                    {"--help", "-h", "--partial"});
    if (!args.ok()) return usage_error("import", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("import", "expected one SHEET (a .csv, .tsv or .xlsx file)");
    const std::string& sheet = args.positionals()[0];
    if (!formats::is_spreadsheet(sheet))
        return usage_error("import", "'" + sheet + "' is not a spreadsheet sightline reads (.csv, .tsv, .xlsx)");
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");

    engine::Case c;
    if (const auto case_path = args.get("--case")) {
        formats::LoadOptions lo;
        lo.merge = false;
        lo.read_sources = false;
        c = formats::load_case(*case_path, lo);
    }
    formats::SpreadsheetOptions o;
    o.path = sheet;
    o.mapping = args.get("--mapping").value_or("");
    o.sheet = args.get("--sheet").value_or("");
    o.agency = args.get("--agency").value_or("");
    o.kind = args.get("--kind").value_or("");
    o.area = args.get("--area").value_or("");
    o.date_order = args.get("--date-order").value_or("");
    const engine::SourceId source = formats::read_spreadsheet(c, o);
    std::string out;
    formats::write_agency_yaml(c, source, out, c.diagnostics);
    c.diagnostics.sort();
    print_diagnostics(c);
    const engine::SourceCounts& n = c.sources[engine::index_of(source)].counts;
    std::cerr << sheet << ": rows read " << n.rows_read << " = entries " << n.entries_made << " + rejected "
              << n.rows_rejected;
    if (n.blank_rows) std::cerr << " (and " << n.blank_rows << " blank rows skipped)";
    std::cerr << "\n";
    if (c.diagnostics.has_errors() && !args.has("--partial")) {
        std::cerr << "nothing written: fix the errors above (or pass --partial to write the " << n.entries_made
                  << " entries that were read)\n";
        return k_exit_input_errors;
    }
    write_output(output.value_or(""), out);
    if (output && *output != "-") std::cerr << "wrote " << *output << "\n";
    return c.diagnostics.has_errors() ? k_exit_input_errors : k_exit_clean;
}

}  // namespace sightline::cli
