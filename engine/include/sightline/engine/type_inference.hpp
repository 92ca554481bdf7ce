// Entry types read from an entry's words, for sources that give a date and free text ("Details
// of event") but no type column. The rules, their order and what they cannot do are in
// docs/analyses.md, "Types read from the words"; the table itself is in type_inference.cpp.
#pragma once

#include <string_view>

#include "sightline/engine/vocabulary.hpp"

namespace sightline::engine {

class Case;

// An entry type read from an entry's text when the source has no type (or an empty cell).
struct InferredType {
    EntryType type = EntryType::Other;  // Other when nothing in the text says
    bool domestic_abuse = false;  // the text tells of domestic abuse: the reader adds the tag domestic_abuse
    std::string_view cue;         // the words that decided it, as found in the text (points into the
                                  // text), for explanations; empty for Other
};

// Reads the type an agency would have written from the words of one entry. The words are matched
// whole (any case, typographic apostrophes as plain ones), a negated word ("no injuries", "not
// admitted") does not count, and the most specific cue decides: a failed contact over the
// contact it failed ("DNA for 2 year check"), a named process over what it followed, and so on
// down to single common words. The agency's kind breaks ties: a GP's "seen", a school's
// "absent", a police force's "attended". After the first call (which builds the table) it allocates
// nothing for texts of up to 256 words: about 1.4 us for a 170-byte summary on one core.
InferredType infer_entry_type(std::string_view text, AgencyKind agency_kind = AgencyKind::Unknown);

// Reads the type of every entry whose source wrote none (Entry::type_unread) from its summary,
// with its agency's kind as the case finally has it: done once every source is read, so that the
// kind one source declares holds for every source naming the agency, in whatever order they are
// listed. A domestic abuse cue puts the tag domestic_abuse before the entry's other tags. On up
// to `threads` threads (0: one per core); the result does not depend on their number.
void read_unwritten_types(Case& c, unsigned threads = 0);

}  // namespace sightline::engine
