// What every fuzz target starts from: a small case with people, an index child and an agency,
// as the readers expect to find it before they read a source.
#pragma once

#include <string>

#include "sightline/engine/model.hpp"

namespace sightline::fuzz {

// A case with a manifest's worth of people (an index child, a mother, a man with aliases), two
// areas and a registered agency, and one source slot of the given format for the reader to fill.
inline engine::Case small_case(const std::string& format) {
    using namespace sightline::engine;
    Case c;
    Person child;
    child.id = "child-a";
    child.name = "Child A";
    child.aliases = {"Baby A"};
    child.born = make_day(2014, 10, 3);
    c.add_person(child);
    Person mother;
    mother.id = "mother";
    mother.name = "Mum";
    c.add_person(mother);
    Person z;
    z.id = "z";
    z.name = "Mr Z";
    z.aliases = {"boyfriend"};
    c.add_person(z);
    c.info.index_children = {static_cast<PersonId>(0)};
    c.intern_area("Eastmere");
    c.intern_area("Lowbridge");
    const AgencyId a = c.intern_agency("Eastmere Children's Social Care");
    c.agencies[index_of(a)].registered = true;
    c.agencies[index_of(a)].kind = AgencyKind::ChildrensSocialCare;
    Source s;
    s.path = s.opened = "fuzz." + format;
    s.format = format;
    c.sources.push_back(s);
    return c;
}

// Checks what every reader promises whatever the input: rows read = entries made + rows rejected,
// and every entry points into the chronology's side arrays. Traps (a crash libFuzzer reports) if not.
inline void check_accounting(const engine::Case& c) {
    using namespace sightline::engine;
    std::uint64_t made = 0;
    for (const Source& s : c.sources) {
        if (s.counts.rows_read != s.counts.entries_made + s.counts.rows_rejected) __builtin_trap();
        made += s.counts.entries_made;
    }
    if (made != c.chronology.entries.size()) __builtin_trap();
    const Chronology& ch = c.chronology;
    for (const Entry& e : ch.entries) {
        if (e.subjects.begin + e.subjects.count > ch.subjects.size()) __builtin_trap();
        if (e.to.begin + e.to.count > ch.recipients.size()) __builtin_trap();
        if (e.tags.begin + e.tags.count > ch.tags.size()) __builtin_trap();
        if (e.extra.begin + e.extra.count > ch.extras.size()) __builtin_trap();
        if (e.end != k_no_index && e.end >= ch.ends.size()) __builtin_trap();
        if (e.date.earliest > e.date.latest) __builtin_trap();
    }
}

}  // namespace sightline::fuzz
