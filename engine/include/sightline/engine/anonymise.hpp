// Anonymising a case: every person's name becomes a role ("Child A", "Mother", "Mother's partner")
// in people, subjects, summaries, notes and addresses, so that an export can be shared.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// The role a person is given: their `role:` in case.yaml when set; else index children are
// "Child A", "Child B", ...; parents, step-parents, partners of a parent, grandparents and
// siblings are named by their relation to the first index child ("Mother", "Father",
// "Mother's partner", "Maternal grandmother", "Sibling 1"); anyone else is "Adult 1", "Adult 2".
std::vector<std::string> roles_for(const Case& c);

// Is this name also an English word ("Dean", "Mark", "Rose", "May", "Will", "Brown")? Such a
// name is replaced only where it is written with a capital and not used as the word.
bool common_word_name(std::string_view name);

// What anonymise() replaced, for reporting.
struct AnonymiseReport {
    std::size_t people = 0;            // people renamed
    std::size_t unnamed = 0;           // subjects who are nobody in the case, renamed "Unnamed person N"
    std::size_t replacements = 0;      // names replaced in summaries and notes
};

// Rewrites the case, and the findings already made from it, in place: analyse first, then
// anonymise, so the findings are exactly those of the real case. Every form of each person's
// name is replaced wherever it is written (summaries, fields outside the format, people lists,
// notes, decisions, episodes, findings, diagnostics, file names): the full name, each part of it,
// aliases and their parts, titles with the surname ("Ms Morley"), and initials ("K", "K.", "KM"),
// with possessives and in capitals. At each place the longest form written there is replaced,
// and a form several people share ("Morley") becomes "[name]". Names are matched as whole words
// ignoring case, except: an initial only in capitals and standing alone ("R cries", not "A&E");
// a name that is also a word (common_word_name: "Dean", "Mark", "Rose", "May") only with a
// capital, and not where it is used as the word: a month beside a number ("3 May", "May 2015"),
// or a sentence's first word followed by be, have, not, on, of, above, below, near, under, also,
// need or needs ("May be", "Mark on her arm"). Person ids become slugs of the roles; addresses, in
// residences and in the text (also the street without its number, or without "flat"), become
// "[address]" (the area is kept). Entry ids are kept (they were made from the real text), so
// notes and decisions still match. Agency names are kept but for names of people inside them;
// practitioner labels are already anonymous and are kept.
AnonymiseReport anonymise(Case& c, std::vector<Finding>& findings);

}  // namespace sightline::engine
