// The case model: people, relationships, residences, areas, agencies and entries.
//
// [SECTION] Ids
// [SECTION] People, relationships, residences
// [SECTION] Areas and agencies
// [SECTION] Entries and the chronology
// [SECTION] The case
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sightline/engine/date.hpp"
#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/notes.hpp"
#include "sightline/engine/rules.hpp"
#include "sightline/engine/text_store.hpp"
#include "sightline/engine/vocabulary.hpp"

namespace sightline::engine {

// [SECTION] Ids

// Distinct index types so that a person index cannot be passed where an entry index is meant.
enum class PersonId : std::uint32_t {};
enum class AreaId : std::uint32_t {};
enum class AgencyId : std::uint32_t {};
enum class SourceId : std::uint32_t {};
enum class EntryIndex : std::uint32_t {};

inline constexpr std::uint32_t k_no_index = 0xFFFFFFFFu;
template <class Id>
inline constexpr Id k_none = static_cast<Id>(k_no_index);

template <class Id>
constexpr std::uint32_t index_of(Id id) {
    return static_cast<std::uint32_t>(id);
}
template <class Id>
constexpr bool is_none(Id id) {
    return static_cast<std::uint32_t>(id) == k_no_index;
}

// A slice of one of the chronology's side arrays.
struct Slice {
    std::uint32_t begin = 0;
    std::uint32_t count = 0;
};

// Where something was written: source file and 1-based line (and column when known). In a Word
// document, `table` is the 1-based table (counted as Word shows them) and `line` its row.
struct SourceLocation {
    SourceId source = k_none<SourceId>;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t table = 0;               // 0: not a Word table
};

// [SECTION] People, relationships, residences

struct Person {
    std::string id;                        // [a-z0-9_-]+, unique in the case
    std::string name;
    std::vector<std::string> aliases;      // other spellings agencies use
    std::string role;                      // what an anonymised export calls them ("Mother"); optional
    Sex sex = Sex::Unknown;
    std::optional<FuzzyDate> born;
    std::optional<FuzzyDate> died;
    std::uint32_t line = 0;                // in the manifest
};

struct Relationship {
    RelationshipKind kind = RelationshipKind::Parent;
    PersonId first = k_none<PersonId>;     // the parent, or the first partner/sibling
    PersonId second = k_none<PersonId>;    // the child, or the second partner/sibling
    std::optional<FuzzyDate> from;
    std::optional<FuzzyDate> to;
    PartnershipEnd ended = PartnershipEnd::None;
    std::uint32_t line = 0;
};

// Who lived where, when. An open `to` means still living there at scope end.
struct Residence {
    std::vector<PersonId> people;
    AreaId area = k_none<AreaId>;
    std::string address;
    std::optional<FuzzyDate> from;
    std::optional<FuzzyDate> to;
    std::uint32_t line = 0;
};

// [SECTION] Areas and agencies

struct Area {
    std::string name;                      // canonical
    std::vector<std::string> aliases;
    bool declared = false;                 // listed in the manifest's areas:
    friend bool operator==(const Area&, const Area&) = default;
};

struct Agency {
    std::string name;
    AgencyKind kind = AgencyKind::Unknown;
    AreaId area = k_none<AreaId>;
    bool registered = false;               // listed in the manifest's agencies: registry
    bool kind_inferred = false;            // kind guessed from the name
    friend bool operator==(const Agency&, const Agency&) = default;
};

// A subject of an entry: a resolved person, or a name kept as written.
struct SubjectRef {
    PersonId person = k_none<PersonId>;
    std::string_view text;                 // as written
};

// [SECTION] Entries and the chronology

// Tri-state for optional yes/no fields.
enum class Tri : std::uint8_t { Unknown, No, Yes };

// One line of a single-agency chronology. Text fields point into the Chronology's TextStore.
struct Entry {
    FuzzyDate date;
    std::string_view date_text;            // as written in the source
    std::string_view summary;
    std::string_view ref;                  // the agency's own record reference
    std::string_view type_text;            // the type as written (kept for free types)
    std::string_view practitioner;
    std::uint64_t id_hash = 0;             // stable id (see merge.hpp)
    AgencyId agency = k_none<AgencyId>;
    AreaId area = k_none<AreaId>;
    SourceLocation where;
    std::int32_t seq = 0;                  // order among same-day entries; 0 when not given
    std::uint32_t end = k_no_index;        // index into Chronology::ends
    std::uint32_t seen_map = k_no_index;   // index into Chronology::seen_values (one per index child)
    Slice subjects;                        // into Chronology::subjects
    Slice to;                              // into Chronology::recipients (agencies informed)
    Slice tags;                            // into Chronology::tags
    Slice extra;                           // into Chronology::extras: fields outside the format, kept
    EntryType type = EntryType::Other;
    Modality modality = Modality::Unspecified;
    ChildSeen child_seen = ChildSeen::NotRecorded;  // the scalar, when no per-child map
    Tri views_sought = Tri::Unknown;
    bool undated = false;                  // the source could not date it ("Not known"): `date` is unset,
                                           // date_text is as written; kept apart from dated analyses
    bool type_inferred = false;            // no type was written: `type` was read from the words
    bool type_unread = false;              // no type was written, and the words are still to be read:
                                           // set by readers, cleared by read_unwritten_types once every
                                           // source is read (so the agency's kind is the case's)
    bool retrospective = false;            // evidence found later about when something happened (a
                                           // post-mortem's or a radiologist's dating, a later disclosure):
                                           // no agency held it at the time, so it is no contact, sighting
                                           // or information passed
    std::uint32_t id_suffix = 0;           // 0, or 2, 3, ... for repeated content
};

using Entries = std::vector<Entry>;

// The entries of a case and the side arrays their slices point into.
struct Chronology {
    Entries entries;                       // once merged: the dated entries, in date order
    std::vector<Entry> undated;            // once merged: entries their sources could not date, in source
                                           // order (the merge moves them here; analyses never see them)
    std::vector<SubjectRef> subjects;
    std::vector<AgencyId> recipients;
    std::vector<std::string_view> tags;
    std::vector<ChildSeen> seen_values;    // index_children.size() values per map
    std::vector<FuzzyDate> ends;
    std::vector<std::pair<std::string_view, std::string_view>> extras;  // (field, value as written)
    TextStore text;
    bool merged = false;                   // sorted and ids assigned

    // Calls f(entry) for every entry: the dated ones, then the undated.
    template <class F>
    void for_each_entry(F&& f) const {
        for (const Entry& e : entries) f(e);
        for (const Entry& e : undated) f(e);
    }
    template <class F>
    void for_each_entry(F&& f) {
        for (Entry& e : entries) f(e);
        for (Entry& e : undated) f(e);
    }
    [[nodiscard]] std::size_t entry_count() const { return entries.size() + undated.size(); }

    [[nodiscard]] std::span<const SubjectRef> subjects_of(const Entry& e) const {
        return {subjects.data() + e.subjects.begin, e.subjects.count};
    }
    [[nodiscard]] std::span<const AgencyId> to_of(const Entry& e) const {
        return {recipients.data() + e.to.begin, e.to.count};
    }
    [[nodiscard]] std::span<const std::string_view> tags_of(const Entry& e) const {
        return {tags.data() + e.tags.begin, e.tags.count};
    }
    [[nodiscard]] std::span<const std::pair<std::string_view, std::string_view>> extras_of(const Entry& e) const {
        return {extras.data() + e.extra.begin, e.extra.count};
    }
    [[nodiscard]] const FuzzyDate* end_of(const Entry& e) const {
        return e.end == k_no_index ? nullptr : &ends[e.end];
    }
    // Was index child number `child` (position in index_children) seen at this entry?
    [[nodiscard]] ChildSeen seen(const Entry& e, std::size_t child) const {
        return e.seen_map == k_no_index ? e.child_seen : seen_values[e.seen_map + child];
    }
    [[nodiscard]] bool has_tag(const Entry& e, std::string_view tag) const;
    [[nodiscard]] bool names_person(const Entry& e, PersonId p) const;
};

// Counts a reader reports for one source: rows read = entries made + rows rejected.
struct SourceCounts {
    std::uint64_t rows_read = 0;           // data rows (blank rows are counted separately)
    std::uint64_t entries_made = 0;
    std::uint64_t rows_rejected = 0;
    std::uint64_t blank_rows = 0;
    std::uint64_t skipped_rows = 0;        // comment and directive rows above a spreadsheet's header, and
                                           // a Word table's title and repeated header rows
    std::uint64_t undated = 0;             // of entries_made, those the source could not date

    SourceCounts& operator+=(const SourceCounts& o) {
        rows_read += o.rows_read;
        entries_made += o.entries_made;
        rows_rejected += o.rows_rejected;
        blank_rows += o.blank_rows;
        skipped_rows += o.skipped_rows;
        undated += o.undated;
        return *this;
    }
};

struct Source {
    std::string path;                      // relative to the case folder, as the manifest names it ("agencies/police.csv")
    std::string opened;                    // the path as opened (what diagnostics show)
    std::string format;                    // "yaml", "csv", "tsv", "xlsx", "docx", "inline"
    AgencyId agency = k_none<AgencyId>;    // the file's agency, when it has one
    SourceCounts counts;
};

// [SECTION] The case

struct CaseInfo {
    std::string title;
    std::vector<PersonId> index_children;
    std::optional<FuzzyDate> scope_from;
    std::optional<FuzzyDate> scope_to;
    std::string timezone = "Europe/London";
    DateOrder date_order = DateOrder::Auto;  // day/month order for spreadsheet columns that cannot be decided
    bool allow_outside = false;            // the manifest's allow_outside: true: files outside the case folder are read
};

// A whole case: the manifest's contents plus the merged chronology.
class Case {
public:
    CaseInfo info;
    std::vector<Person> people;
    std::vector<Relationship> relationships;
    std::vector<Residence> residences;
    std::vector<Area> areas;
    std::vector<Agency> agencies;
    std::vector<Source> sources;
    Chronology chronology;
    Rules rules;
    ReviewNotes notes;                     // notes.yaml beside the manifest
    Diagnostics diagnostics;
    std::string manifest_path;             // as given on the command line

    // Lookups (case-insensitive): id, name or alias for people; name or alias for areas.
    [[nodiscard]] PersonId find_person(std::string_view text) const;
    [[nodiscard]] AreaId find_area(std::string_view text) const;
    [[nodiscard]] AgencyId find_agency(std::string_view name) const;
    // Adds a person (indexing its id, name and aliases); returns false if the id is taken.
    // A name or alias shared by two people becomes ambiguous and resolves to neither.
    bool add_person(Person p);
    // Finds or adds an area by name or alias.
    AreaId intern_area(std::string_view name);
    // Adds an alias to an area (indexing it).
    void add_area_alias(AreaId area, std::string_view alias);
    // Finds or adds an agency; a new one gets its kind guessed from its name and its area from
    // an area name it starts with.
    AgencyId intern_agency(std::string_view name);
    // Could the person have been born by the day (no birth date: yes)?
    [[nodiscard]] bool born_by(PersonId p, std::int32_t day) const {
        const Person& person = people[index_of(p)];
        return !person.born || person.born->earliest_day() <= day;
    }
    // Index of a person in info.index_children, or -1.
    [[nodiscard]] int index_child_position(PersonId p) const;
    // A case with this one's manifest contents (info, people, relationships, residences, areas,
    // agencies, sources, rules) and none of its entries, notes or diagnostics: what a reader of
    // one source needs to work on its own, on another thread.
    [[nodiscard]] Case registry_copy() const;
    // Takes another case's areas and agencies (with their name indexes), e.g. after a source
    // was read into a registry_copy.
    void take_areas_and_agencies(Case& from);
    // Whether two cases have the same areas and agencies (names, kinds, areas, flags).
    [[nodiscard]] bool same_areas_and_agencies(const Case& other) const {
        return areas == other.areas && agencies == other.agencies;
    }

    [[nodiscard]] const Person& person(PersonId id) const { return people[index_of(id)]; }
    [[nodiscard]] const Area& area(AreaId id) const { return areas[index_of(id)]; }
    [[nodiscard]] const Agency& agency(AgencyId id) const { return agencies[index_of(id)]; }
    [[nodiscard]] std::string_view area_name(AreaId id) const {
        return is_none(id) ? std::string_view{} : std::string_view{areas[index_of(id)].name};
    }
    [[nodiscard]] std::string_view agency_name(AgencyId id) const {
        return is_none(id) ? std::string_view{} : std::string_view{agencies[index_of(id)].name};
    }
    [[nodiscard]] AgencyKind agency_kind(AgencyId id) const {
        return is_none(id) ? AgencyKind::Unknown : agencies[index_of(id)].kind;
    }
    // Display name of a subject: the person's name, or the text as written.
    [[nodiscard]] std::string_view subject_name(const SubjectRef& s) const {
        return is_none(s.person) ? s.text : std::string_view{people[index_of(s.person)].name};
    }

private:
    static std::string key(std::string_view text);
    std::unordered_map<std::string, std::uint32_t> m_person_index;  // lowered id/name/alias -> person, or k_no_index if ambiguous
    std::unordered_map<std::string, std::uint32_t> m_area_index;
    std::unordered_map<std::string, std::uint32_t> m_agency_index;
};

}  // namespace sightline::engine
