// Anonymising a case: every person's name becomes a role ("Child A", "Mother", "Mother's partner")
// in people, subjects, summaries, notes and addresses, so that an export can be shared.
#pragma once

#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// The role a person is given: their `role:` in case.yaml when set; else index children are
// "Child A", "Child B", ...; parents, step-parents, partners of a parent, grandparents and
// siblings are named by their relation to the first index child ("Mother", "Father",
// "Mother's partner", "Maternal grandmother", "Sibling 1"); anyone else is "Adult 1", "Adult 2".
std::vector<std::string> roles_for(const Case& c);

// What anonymise() replaced, for reporting.
struct AnonymiseReport {
    std::size_t people = 0;            // people renamed
    std::size_t unnamed = 0;           // subjects who are nobody in the case, renamed "Unnamed person N"
    std::size_t replacements = 0;      // names replaced in summaries and notes
};

// Rewrites the case, and the findings already made from it, in place: analyse first, then
// anonymise, so the findings are exactly those of the real case. Names and aliases are replaced
// as whole words, ignoring case (a one-letter alias only where it stands alone in capitals);
// person ids become slugs of the roles; addresses, in residences and in the text, become
// "[address]" (the area is kept). Entry ids are kept (they
// were made from the real text), so notes and decisions still match. Agency names are kept but
// for names of people inside them; practitioner labels are already anonymous and are kept.
AnonymiseReport anonymise(Case& c, std::vector<Finding>& findings);

}  // namespace sightline::engine
