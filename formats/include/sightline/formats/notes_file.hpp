// notes.yaml: the reviewer's notes and decisions beside case.yaml (case-format §7).
#pragma once

#include <string>

#include "sightline/engine/model.hpp"

namespace sightline::formats {

// The notes file a case uses: notes.yaml in the manifest's folder.
std::string notes_path_for(const engine::Case& c);

// Reads notes.yaml (if present) into c.notes; problems become diagnostics in c.
void read_notes(engine::Case& c, const std::string& path);

// After the merge: reports notes and decisions whose entries are no longer in the case
// (a revised agency file dropped them). They are kept, never deleted.
void check_notes(engine::Case& c);

// Sets (or, with empty text, removes) the note on one entry in the notes file at path, creating it
// if need be. Everything else in the file is kept as it was: other notes (orphans included),
// decisions, episodes, keys this version does not know, and the opening comment lines (other
// comments are lost: yaml-cpp does not keep them).
// Written atomically; a file that cannot be read is left untouched and reported as an Error.
// The change (if any) is then recorded in the review log beside it (review_log.hpp), as made by
// `who` (the OS user when empty).
void save_entry_note(const std::string& path, const std::string& entry_id, const std::string& text,
                     const std::string& who = "");

}  // namespace sightline::formats
