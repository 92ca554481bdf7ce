// `sightline note CASE ENTRY [TEXT] [--by NAME]`: sets or removes the review note on one entry in
// notes.yaml, recorded in the review log beside it.
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/review_log.hpp"

namespace sightline::cli {

namespace {

constexpr const char* k_help = R"(usage: sightline note CASE ENTRY [TEXT] [--by NAME]

Sets the review note on one entry of the case in notes.yaml (beside case.yaml), as the
viewer's Save note does; without TEXT, or with "", removes it. ENTRY is the entry's id
(the Id column of 'sightline merge'). Written atomically; the change (note added, edited
or removed, with the text before and after) is appended to the review log beside it,
notes.log.jsonl ('sightline log CASE' shows it).

  --by NAME       who made the change (default: the OS user)

Exit status: 0 saved, 2 no such entry or the notes could not be written, 64 bad usage.
)";

}  // namespace

int run_note(int argc, char** argv) {
    const Args args(argc, argv, 2, {"--by"}, {"--help", "-h"});
    if (!args.ok()) return usage_error("note", args.error());
    if (args.has("--help") || args.has("-h")) {
        std::cout << k_help;
        return k_exit_clean;
    }
    const auto& pos = args.positionals();
    if (pos.size() < 2 || pos.size() > 3) return usage_error("note", "expected CASE, ENTRY and the note's TEXT");
    engine::Case c = formats::load_case(pos[0]);
    bool found = false;
    c.chronology.for_each_entry([&](const engine::Entry& e) { found = found || engine::entry_id(e) == pos[1]; });
    if (!found) {
        std::cerr << formats::format_diagnostic({engine::Severity::Error, c.manifest_path, 0, 0, "entry-unknown",
                                                  "no entry '" + pos[1] + "' in the case (ids are in the Id column of 'sightline merge')"})
                  << '\n';
        return k_exit_input_errors;
    }
    const std::string path = c.notes.file.empty() ? formats::notes_path_for(c) : c.notes.file;
    formats::save_entry_note(path, pos[1], pos.size() == 3 ? pos[2] : std::string(), args.get("--by").value_or(""));
    return k_exit_clean;
}

}  // namespace sightline::cli
