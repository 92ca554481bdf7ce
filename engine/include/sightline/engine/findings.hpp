// Findings: what the analyses report (case-format §8 "findings").
//
// [SECTION] Finding
// [SECTION] Running the analyses
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine {

struct Cluster;  // corroboration.hpp

// [SECTION] Finding

enum class FindingKind : std::uint8_t {
    Sightings,              // every professional sighting of one index child (information)
    UnseenPeriod,           // a period longer than the threshold with no professional sighting
    SeenRecording,          // per agency and child: how often child_seen was recorded, seen alone, views sought
    Gap,                    // no agency contact at all (or one agency, while involved) for too long
    Move,                   // a move between areas (information)
    Transfer,               // for one agency kind at one move: ok, late or missed
    MisroutedNotification,  // information sent to an agency in an area the child had left
    Corroboration,          // one incident recorded by several agencies (information)
    Discrepancy,            // the accounts of one incident disagree (date, child seen, people present)
    DuplicateEntry,         // the same entry recorded twice by one agency
    UnknownPerson,          // a subject who is nobody in the case
    InvisibleAdult,         // an adult known to police/housing/... but never to health or social care
    UncheckedAdult,         // a new member of the child's household that no check or assessment names
    NotShared,              // a risk event some involved agencies never received
    MissedAppointments,     // missed / was-not-brought / no-access, pooled across agencies
    RepeatedDomesticAbuse,  // several domestic abuse incidents within a year
    Rereferral,             // a case closed, then re-referred soon after
    InfantInjury,           // an injury to a baby not yet mobile
    PractitionerChanges,    // frequent changes of practitioner in one agency
    Count
};

// "unseen_period", "transfer", ...
std::string_view to_string(FindingKind k);

// A day, written as an ISO date in output.
struct DayValue {
    std::int32_t day = 0;  // local days since 1970-01-01
};
// A list of entries, written as their ids in output.
using EntryList = std::vector<EntryIndex>;
// A value of one named field of a finding.
using FieldValue = std::variant<std::monostate, bool, std::int64_t, std::string, DayValue, EntryList,
                                std::vector<std::string>>;

struct FindingField {
    std::string name;
    FieldValue value;
};

// One finding: its kind, whether it is of concern, a sentence for a reader, the entries it
// rests on, where it sits in time, and its fields (written to JSON in order).
struct Finding {
    FindingKind kind = FindingKind::Gap;
    bool concern = true;                   // drives exit status 1
    std::string message;
    EntryList entries;                     // the entries it rests on
    std::int32_t from_day = 0;             // where it sits on the timeline (inclusive)
    std::int32_t to_day = 0;
    PersonId child = k_none<PersonId>;     // the index child it is about, if any
    std::vector<FindingField> fields;

    // Adds a field (kept in insertion order).
    void set(std::string name, FieldValue value) { fields.push_back({std::move(name), std::move(value)}); }
    // Looks a field up by name; nullptr when absent.
    [[nodiscard]] const FieldValue* get(std::string_view name) const;
};

// [SECTION] Running the analyses

// What the analyses need beyond the case (the `today` used when a case has no scope end).
struct AnalysisOptions {
    std::optional<std::int32_t> end_day;   // overrides the end of the analysed period
};

// Runs every analysis over a merged case. Findings come out in a stable order: analysis by
// analysis (child seen, gaps, moves and transfers, corroboration, people, who knew what,
// patterns), each in its own order (mostly by child, then time); the same case always gives
// the same list.
std::vector<Finding> analyse(const Case& c, const AnalysisOptions& options = {});

// Individual analyses (used by analyse(); exposed for tests and the viewer).
std::vector<Finding> analyse_child_seen(const Case& c, const AnalysisOptions& options = {});
std::vector<Finding> analyse_gaps(const Case& c, const AnalysisOptions& options = {});
std::vector<Finding> analyse_transfers(const Case& c, const AnalysisOptions& options = {});
std::vector<Finding> analyse_clusters(const Case& c, const std::vector<Cluster>& clusters,
                                      const AnalysisOptions& options = {});
std::vector<Finding> analyse_people(const Case& c, const AnalysisOptions& options = {});
std::vector<Finding> analyse_knowledge(const Case& c, const std::vector<Cluster>& clusters,
                                       const AnalysisOptions& options = {});
std::vector<Finding> analyse_patterns(const Case& c, const std::vector<Cluster>& clusters,
                                      const AnalysisOptions& options = {});

// Working days (Monday to Friday) after day `from` up to and including day `to`.
// Bank holidays are not known to Sightline and count as working days.
std::int32_t working_days_between(std::int32_t from, std::int32_t to);

}  // namespace sightline::engine
