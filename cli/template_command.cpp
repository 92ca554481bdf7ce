// `sightline template --agency NAME --kind KIND -o FILE.xlsx|.csv`: a blank chronology to fill in.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/vocabulary.hpp"
#include "sightline/formats/sheet_template.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline template --agency NAME --kind KIND [--area AREA] -o FILE.docx|FILE.xlsx|FILE.csv

Writes a blank single-agency chronology for an agency to fill in, with the columns
Sightline reads without a mapping. A filled template can be listed in case.yaml's
sources as it is, and checked before it is sent (sightline check FILE).
  .docx   a Word document, landscape: the agency's and child's details, how to
          fill it in, and the chronology table (its header repeated on every page)
  .xlsx   a workbook: an Instructions sheet, date and time cells, and drop-down
          lists for the entry type, child seen, views sought and contact method
  .csv    lines naming the agency above the header

  --agency NAME     the agency, as the review names it ("Southvale Police")
  --kind KIND       its kind (police, gp, health_visiting, childrens_social_care, ...)
  --area AREA       its area (optional)
  --format FMT      docx, xlsx or csv; taken from the -o file's extension when not given
  -o FILE           the file to write (atomically); csv may go to stdout with -o -

Exit status: 0 written, 64 bad usage.
)";

}  // namespace

int run_template(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--agency", "--kind", "--area", "--format", "-o", "--output"}, {"--help", "-h"});
    if (!args.ok()) return usage_error("template", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (!args.positionals().empty()) return usage_error("template", "unexpected argument '" + args.positionals()[0] + "'");
    formats::TemplateSpec spec;
    spec.agency = args.get("--agency").value_or("");
    spec.kind = args.get("--kind").value_or("");
    spec.area = args.get("--area").value_or("");
    if (spec.agency.empty()) return usage_error("template", "--agency NAME is required");
    if (spec.kind.empty()) return usage_error("template", "--kind KIND is required");
    if (!engine::parse_agency_kind(spec.kind))
        return usage_error("template", "unknown agency kind '" + spec.kind + "'; expected one of " +
                                           engine::allowed_agency_kinds());
    const std::optional<std::string> output = args.get("-o") ? args.get("-o") : args.get("--output");
    if (!output) return usage_error("template", "give -o FILE.docx, -o FILE.xlsx or -o FILE.csv");
    // "-" is stdout, where only CSV can go.
    const std::string format = *output == "-" && !args.get("--format") ? std::string("csv") : pick_format(args.get("--format"), output, "");
    if (format != "xlsx" && format != "csv" && format != "docx")
        return usage_error("template", "cannot tell the format from '" + *output +
                                           "'; name the file .docx, .xlsx or .csv, or give --format");
    if ((format == "xlsx" || format == "docx") && *output == "-")
        return usage_error("template", format + " is a binary format: give -o FILE." + format);
    if (format == "xlsx") {
        formats::write_template_xlsx(spec, *output);
    } else if (format == "docx") {
        formats::write_template_docx(spec, *output);
    } else {
        std::string out;
        formats::write_template_csv(spec, out);
        write_output(*output, out);
    }
    if (*output != "-") std::cerr << "wrote " << *output << " for " << spec.agency << "\n";
    return k_exit_clean;
}

}  // namespace sightline::cli
