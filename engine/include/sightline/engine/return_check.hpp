// Checking one agency's return before it is sent to the review, as ChronoLator's check does:
// what a reviewer would otherwise send back. Values in, values out.
#pragma once

#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// Could a professional have seen the child at a contact of this type (a home visit, an
// appointment, an incident attended), so that the record should say whether they did? Letters,
// calls, meetings about the child and events (a birth, a move) need not.
bool could_see_child(EntryType type);

// Diagnostics about the entries of `source` (read, merged or not), placed at their rows:
//   row-order           a row dated before a row above it (a chronology runs oldest first);
//   child-seen-missing  a contact at which the child could have been seen that does not say
//                       whether they were (one warning for the whole return when none does);
//   row-undated         a row with no date, kept as undated (a note: add it if it can be found);
//   type-inferred       rows with no type, read from their words (one note with an example);
//   return-empty        no rows at all.
// `file` names the return in the diagnostics.
Diagnostics check_return(const Case& c, SourceId source, const std::string& file);

}  // namespace sightline::engine
