// `sightline log CASE`: the review log of the case's notes, and whether its chain is intact.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/review_log.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline log CASE

Shows the review log (notes.log.jsonl beside notes.yaml): every change the viewer
or 'sightline note' made to the notes, when (UTC), by whom, what, and the text
before and after. Each record carries the SHA-256 of the one before, so a record
changed, removed, inserted or reordered afterwards breaks the chain; the last
record's hash is printed: kept elsewhere, it shows later that nothing was taken
off the end. Also says whether notes.yaml is as the last record left it.

Exit status: 0 the chain is intact (or there is no log yet), 1 it is broken,
2 the case or the log cannot be read, 64 bad usage.
)";

// A note's text on one line, quoted.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '\n') out += "\\n";
        else if (ch == '"') out += "\\\"";
        else out += ch;
    }
    return out + "\"";
}

}  // namespace

int run_log(int argc, char** argv) {
    const Args args(argc, argv, 2, {}, {"--help", "-h"});
    if (!args.ok()) return usage_error("log", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    if (args.positionals().size() != 1) return usage_error("log", "expected one CASE (a folder or case.yaml)");
    const engine::Case c = formats::load_case(args.positionals()[0], {.merge = false, .read_sources = false});
    const std::string notes = c.notes.file.empty() ? formats::notes_path_for(c) : c.notes.file;
    const formats::ReviewLog log = formats::read_review_log(notes);
    if (log.records.empty() && log.intact) {
        std::cout << log.path << ": no changes recorded yet\n";
        return k_exit_clean;
    }
    std::cout << log.path << ": " << log.records.size() << (log.records.size() == 1 ? " record\n" : " records\n");
    for (const formats::ReviewRecord& r : log.records) {
        std::cout << "#" << r.seq << "  " << r.when << "  " << r.change.who << "  " << r.change.what << "  " << r.change.entry << "\n";
        if (!r.change.before.empty()) std::cout << "    before: " << quoted(r.change.before) << "\n";
        if (!r.change.after.empty()) std::cout << "    after:  " << quoted(r.change.after) << "\n";
    }
    if (!log.intact) {
        std::cerr << formats::format_diagnostic({engine::Severity::Error, log.path, static_cast<std::uint32_t>(log.broken_line), 0,
                                                  "log-broken", log.problem})
                  << '\n';
        std::cout << "chain broken at line " << log.broken_line << ": the log was changed after it was written\n";
        return k_exit_findings;
    }
    if (!log.notes_match)
        std::cerr << formats::format_diagnostic({engine::Severity::Warning, notes, 0, 0, "log-notes-changed",
                                                  "notes.yaml is not as the last record of the log left it (changed by hand, "
                                                  "or by a program that does not keep the log)"})
                  << '\n';
    std::cout << "chain intact: " << log.records.size() << (log.records.size() == 1 ? " record" : " records")
              << ", last hash " << log.records.back().hash << "\n";
    return k_exit_clean;
}

}  // namespace sightline::cli
