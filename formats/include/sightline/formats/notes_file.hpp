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

// Writes notes atomically (every note kept, including those whose entries vanished).
void write_notes(const engine::ReviewNotes& notes, const std::string& path);

}  // namespace sightline::formats
