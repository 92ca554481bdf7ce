// What every analysis needs, computed once: days of entries, who is a professional, the
// analysed period, the index children, and each agency's involvement episodes.
// Internal to sightline_engine.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine::detail {

// One index child and the period analysed for them.
struct ChildInfo {
    PersonId id = k_none<PersonId>;
    std::size_t position = 0;              // in info.index_children (for Chronology::seen)
    std::optional<std::int32_t> born_day;  // latest possible day of birth: the youngest the child can be
    std::int32_t start = 0;                // birth or scope start, the later
    std::int32_t end = 0;                  // death or scope end, the earlier
};

// One agency's spell of involvement: from its first record (or the first after a closure)
// to its closure (case_closed) or its last record.
struct Episode {
    AgencyId agency = k_none<AgencyId>;
    std::int32_t from = 0;
    std::int32_t to = 0;
    bool closed = false;                   // ended by a case_closed record
    std::vector<EntryIndex> entries;       // its records, in order
};

class AnalysisContext {
public:
    AnalysisContext(const Case& c, const AnalysisOptions& options);

    const Case& c;
    std::int32_t period_start = 0;         // scope start, else the first entry
    std::int32_t period_end = 0;           // scope end, else the last entry
    std::vector<ChildInfo> children;
    std::vector<Episode> episodes;         // every agency's, ordered by agency then time

    [[nodiscard]] const Entry& entry(EntryIndex i) const { return c.chronology.entries[index_of(i)]; }
    [[nodiscard]] std::size_t size() const { return c.chronology.entries.size(); }
    // The day an entry counts on: its earliest possible day (open starts: the last day it can be).
    // Entries are in date order, so days never decrease along the chronology.
    [[nodiscard]] std::int32_t day(EntryIndex i) const { return m_day[index_of(i)]; }
    // The first entry on or after a day (size() when none): a binary search.
    [[nodiscard]] std::uint32_t first_on_or_after(std::int32_t d) const {
        return static_cast<std::uint32_t>(std::lower_bound(m_day.begin(), m_day.end(), d) - m_day.begin());
    }
    // The first entry after a day (size() when none).
    [[nodiscard]] std::uint32_t first_after(std::int32_t d) const {
        return static_cast<std::uint32_t>(std::upper_bound(m_day.begin(), m_day.end(), d) - m_day.begin());
    }
    [[nodiscard]] AgencyKind kind(EntryIndex i) const { return c.agency_kind(entry(i).agency); }
    // Recorded by an agency at the time (not what a relative said, nor evidence found later).
    [[nodiscard]] bool professional(EntryIndex i) const {
        return kind(i) != AgencyKind::Family && !entry(i).retrospective;
    }
    // A professional record of contact: not family, and not an event (injury, birth, death, move).
    [[nodiscard]] bool contact(EntryIndex i) const;
    // Dated closely enough (uncertain_date_days) to bound a period.
    [[nodiscard]] bool precise(EntryIndex i) const { return m_precise[index_of(i)]; }
    // A closure of the agency's involvement: case_closed.
    [[nodiscard]] bool closure(EntryIndex i) const;

    [[nodiscard]] std::string child_name(const ChildInfo& ch) const { return c.person(ch.id).name; }
    // Whole years of age at a day (0 when birth unknown).
    [[nodiscard]] std::int32_t age_at(const ChildInfo& ch, std::int32_t day) const;
    // The agencies of some entries, each named once, in first-mention order.
    [[nodiscard]] std::vector<std::string> agency_names(const EntryList& entries) const;
    // "2015-07-21 Eastmere Children's Social Care, no access visit".
    [[nodiscard]] std::string describe(EntryIndex i) const;
    // The area a child lived in on a day, from residences; none between residences or without them.
    [[nodiscard]] AreaId child_area_at(PersonId child, std::int32_t day) const;
    // " (start of scope)" or " (first record)"; " (end of scope)" or " (last record)".
    [[nodiscard]] std::string period_start_label() const { return c.info.scope_from ? " (start of scope)" : " (first record)"; }
    [[nodiscard]] std::string period_end_label() const { return c.info.scope_to ? " (end of scope)" : " (last record)"; }
    // How many days from `from` to `to` an agency that holds cases (social care, early help, family
    // nurse, ...: is_case_holding) had an open involvement with the family. Outside one, a stretch
    // without sightings or contact is how universal services work, not a concern.
    [[nodiscard]] std::int32_t case_open_days(std::int32_t from, std::int32_t to) const;
    // Could these loosely dated entries (each on some day of its possible range) fall so that no
    // stretch from `from` to `to` between them is longer than `threshold` days? Then the records
    // cannot show that the period went without (docs/analyses.md, "Principles").
    [[nodiscard]] bool loose_dates_could_fill(std::int32_t from, std::int32_t to, std::int32_t threshold,
                                              const EntryList& loose) const;
    // The rule value in days.
    [[nodiscard]] std::int32_t rule(RuleId id) const { return c.rules.days(id); }

private:
    std::vector<std::int32_t> m_day;
    std::vector<bool> m_precise;
};

// "he" / "she" / "they" for a person.
std::string_view pronoun(const Person& p);
// "him" / "her" / "them".
std::string_view object_pronoun(const Person& p);
// "1 day" / "81 days".
std::string plural(std::int64_t n, std::string_view one, std::string_view many);
// Lowercase label of an agency kind for sentences ("children's social care").
std::string kind_phrase(AgencyKind k);

}  // namespace sightline::engine::detail
