// `sightline knew CASE --agency NAME --at DATE`: what one agency could have known by a day.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/knowledge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/knowledge_report.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline knew CASE --agency NAME --at DATE [--format text|json]

Lists the risk events (police incidents, injuries, arrests, missing episodes, and
anything tagged domestic_abuse, injury, self_harm, ...) that one agency could
have known about by a date: those it recorded itself, those it was told of
through `to:` links (directly or passed on), and incidents it recorded in its
own words. Also lists the risk events it had not received by then.

  --agency NAME   the agency's name as in the case (case-insensitive)
  --at DATE       a date (2015-10-12; a month such as 2015-10 means its last day)
  --format FMT    text (default) or json
)";

}  // namespace

int run_knew(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--agency", "--at", "--format"}, {"--help", "-h"});
    if (!args.ok()) return usage_error("knew", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("knew", "expected one CASE");
    const auto agency_name = args.get("--agency");
    const auto at_text = args.get("--at");
    if (!agency_name || !at_text) return usage_error("knew", "--agency and --at are required");
    const std::string format = args.get("--format").value_or("text");
    if (format != "text" && format != "json") return usage_error("knew", "unknown format '" + format + "'; expected text or json");

    const engine::DateParseResult at = engine::parse_date(*at_text);
    if (!at.date) {
        std::cerr << "sightline knew: " << at.error->message << " [" << at.error->code << "]\n";
        return k_exit_input_errors;
    }
    engine::Case c = formats::load_case(args.positionals()[0]);
    print_diagnostics(c);
    const engine::AgencyId agency = c.find_agency(*agency_name);
    if (engine::is_none(agency)) {
        std::string known;
        for (const engine::Agency& a : c.agencies) known += "\n  " + a.name;
        std::cerr << "sightline knew: no agency '" << *agency_name << "' in the case; agencies are:" << known << "\n";
        return k_exit_input_errors;
    }
    const std::int32_t day = at.date->latest_day();
    const auto all = engine::who_knew(c, engine::find_clusters(c));
    const formats::KnewReport report{agency, day, engine::known_by(all, agency, day), &all};
    std::string out;
    if (format == "json") formats::write_knew_json(c, report, out);
    else formats::write_knew_text(c, report, out);
    std::cout << out;
    return k_exit_clean;
}

}  // namespace sightline::cli
