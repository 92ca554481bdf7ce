// A story made into a case: the manifest's contents, one source per agency that wrote anything,
// the entries as the readers would make them, merged; then the truth.
#include <algorithm>
#include <map>

#include "sightline/engine/generate.hpp"
#include "sightline/engine/merge.hpp"
#include "story.hpp"

namespace sightline::engine {

namespace {

FuzzyDate day_date(std::int32_t day) { return make_day_from_days(day); }

FuzzyDate year_date(std::int32_t day) { return *parse_date(format_day(day).substr(0, 4)).date; }

// The date of an event as the reader parses it (local time in Europe/London).
FuzzyDate event_date(const synth::Event& e) {
    if (!e.date_text.empty()) return *parse_date(e.date_text).date;
    if (e.minute < 0) return day_date(e.day);
    std::string text = format_day(e.day) + " 00:00";
    text[11] = static_cast<char>('0' + e.minute / 600);
    text[12] = static_cast<char>('0' + e.minute / 60 % 10);
    text[14] = static_cast<char>('0' + e.minute % 60 / 10);
    text[15] = static_cast<char>('0' + e.minute % 10);
    return *parse_date(text).date;
}

}  // namespace

SyntheticCase generate_case(std::uint64_t seed, const CaseOptions& options) {
    synth::Story s = synth::write_story(seed);
    if (options.full_names) synth::give_full_names(s, seed);
    SyntheticCase out;
    Case& c = out.c;
    c.info.title = s.title;
    c.info.scope_from = day_date(s.scope_from);
    c.info.scope_to = day_date(s.scope_to);
    c.info.date_order = DateOrder::Dmy;
    for (const synth::Person& sp : s.people) {
        Person p;
        p.id = sp.id;
        p.name = sp.name;
        p.aliases = sp.aliases;
        p.sex = sp.sex;
        if (sp.born) p.born = sp.born_year_only ? year_date(*sp.born) : day_date(*sp.born);
        if (sp.died) p.died = day_date(*sp.died);
        c.add_person(std::move(p));
    }
    for (int child : s.index_children) c.info.index_children.push_back(static_cast<PersonId>(child));
    // Relationships: the parents of each child, and the mother's partnerships.
    const auto id_of = [&](std::string_view id) { return c.find_person(id); };
    for (int child : s.index_children)
        for (std::string_view parent : {"mother", "father"})
            c.relationships.push_back({RelationshipKind::Parent, id_of(parent), static_cast<PersonId>(child), {}, {}, PartnershipEnd::None, 0});
    for (const synth::Person& sp : s.people) {
        if (sp.id == "mother" || sp.id == "father" || sp.id == "grandmother" || sp.id.rfind("child-", 0) == 0) continue;
        c.relationships.push_back({RelationshipKind::Partner, id_of("mother"), id_of(sp.id), {}, {}, PartnershipEnd::None, 0});
    }
    if (!is_none(id_of("grandmother")))
        c.relationships.push_back({RelationshipKind::Parent, id_of("grandmother"), id_of("mother"), {}, {}, PartnershipEnd::None, 0});
    for (const std::string& a : s.areas) c.areas[index_of(c.intern_area(a))].declared = true;
    for (const synth::Agency& sa : s.agencies) {
        Agency& a = c.agencies[index_of(c.intern_agency(sa.name))];
        a.registered = true;
        a.kind = sa.kind;
        a.kind_inferred = false;
        a.area = static_cast<AreaId>(sa.area);
    }
    for (const synth::Residence& sr : s.residences) {
        Residence r;
        for (int p : sr.people) r.people.push_back(static_cast<PersonId>(p));
        r.area = static_cast<AreaId>(sr.area);
        r.address = sr.address;
        r.from = day_date(sr.from);
        if (sr.to) r.to = day_date(*sr.to);
        c.residences.push_back(std::move(r));
    }
    // One source per agency that wrote something, in the registry's order.
    std::map<int, SourceId> source_of;
    for (std::size_t a = 0; a < s.agencies.size(); ++a) {
        const bool wrote = std::any_of(s.events.begin(), s.events.end(), [&](const synth::Event& e) { return e.agency == static_cast<int>(a); });
        if (!wrote) continue;
        Source src;
        src.path = src.opened = s.agencies[a].file;
        src.format = s.agencies[a].csv ? "csv" : "yaml";
        src.agency = static_cast<AgencyId>(a);
        source_of[static_cast<int>(a)] = static_cast<SourceId>(c.sources.size());
        c.sources.push_back(std::move(src));
    }
    Chronology& ch = c.chronology;
    for (const synth::Event& e : s.events) {
        Entry en;
        en.date = event_date(e);
        en.date_text = ch.text.store(e.date_text.empty() ? format_date(en.date) : e.date_text);
        en.summary = ch.text.store(e.summary);
        en.ref = ch.text.store(e.ref);
        en.type = e.type;
        en.type_text = ch.text.store(to_string(e.type));
        en.practitioner = ch.text.store(e.practitioner);
        en.agency = static_cast<AgencyId>(e.agency);
        en.area = static_cast<AreaId>(e.area >= 0 ? e.area : s.agencies[static_cast<std::size_t>(e.agency)].area);
        en.where = {source_of[e.agency], static_cast<std::uint32_t>(e.position + 1), 1};
        en.seq = e.seq;
        en.modality = e.modality;
        en.subjects = {static_cast<std::uint32_t>(ch.subjects.size()), static_cast<std::uint32_t>(e.subjects.size())};
        for (int p : e.subjects) ch.subjects.push_back({static_cast<PersonId>(p), ch.text.store(s.people[static_cast<std::size_t>(p)].name)});
        en.to = {static_cast<std::uint32_t>(ch.recipients.size()), static_cast<std::uint32_t>(e.to.size())};
        for (int a : e.to) ch.recipients.push_back(static_cast<AgencyId>(a));
        en.tags = {static_cast<std::uint32_t>(ch.tags.size()), static_cast<std::uint32_t>(e.tags.size())};
        for (const std::string& t : e.tags) ch.tags.push_back(ch.text.store(t));
        // One value for every child is written as a scalar; otherwise a map per child.
        if (!e.seen.empty()) {
            const bool same = std::all_of(e.seen.begin(), e.seen.end(), [&](ChildSeen v) { return v == e.seen.front(); });
            if (same) {
                en.child_seen = e.seen.front();
            } else {
                en.seen_map = static_cast<std::uint32_t>(ch.seen_values.size());
                ch.seen_values.insert(ch.seen_values.end(), e.seen.begin(), e.seen.end());
            }
        }
        ch.entries.push_back(en);
    }
    for (const auto& [agency, source] : source_of) {
        SourceCounts& n = c.sources[index_of(source)].counts;
        const int wrote = agency;
        n.rows_read = n.entries_made = static_cast<std::uint64_t>(
            std::count_if(s.events.begin(), s.events.end(), [&](const synth::Event& e) { return e.agency == wrote; }));
    }
    merge(c);
    // Where each event went in the merged chronology.
    std::map<std::pair<std::uint32_t, std::uint32_t>, EntryIndex> at;
    for (std::uint32_t i = 0; i < ch.entries.size(); ++i)
        at[{index_of(ch.entries[i].where.source), ch.entries[i].where.line}] = static_cast<EntryIndex>(i);
    std::vector<EntryIndex> entry_of;
    for (const synth::Event& e : s.events)
        entry_of.push_back(at[{index_of(source_of[e.agency]), static_cast<std::uint32_t>(e.position + 1)}]);
    out.truth = synth::derive_truth(s, entry_of, c.rules);
    for (const std::string& note : s.notes) out.story += "- " + note + "\n";
    return out;
}

}  // namespace sightline::engine
