// What each kind of finding says: one struct per FindingKind, with typed fields, in the order
// `sightline check --format json` writes them (case-format §8 "findings").
//
// Each struct names its fields once, in for_each_field(self, f), which calls f("json_name",
// self.member) in output order. Only the JSON writer and whole-finding walks (anonymising every
// text) use it; a reader uses the members (`f.as<TransferFinding>()->agency_kind`), so renaming
// or removing a field breaks the build of every reader instead of blanking what it shows.
//
// A field's type says how it is written:
//   DayValue                   an ISO date, "2015-06-21"
//   std::int64_t, bool         a number, true or false
//   std::string                a text
//   an enum (AgencyKind, ...)  its to_string word, "health_visiting"
//   PersonId                   the person's id in case.yaml, "child-r"
//   EntryIndex                 one entry id
//   EntryList, std::vector     an array
//   std::optional<T>           T, or null when empty
//   Omittable<T>               T, or no field at all when empty
//
// [SECTION] Finding kinds
// [SECTION] Field values
// [SECTION] Child seen
// [SECTION] Gaps, moves and transfers
// [SECTION] Corroboration
// [SECTION] People and who knew what
// [SECTION] Patterns
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Finding kinds

enum class FindingKind : std::uint8_t {
    Sightings,      // every professional sighting of one index child (information)
    UnseenPeriod,   // a period longer than the threshold with no professional sighting
    SeenRecording,  // per agency and child: how often child_seen was recorded, seen alone, views sought
    Gap,            // no agency contact at all (or one agency, while involved) for too long
    Move,           // a move between areas (information)
    Transfer,       // for one agency kind at one move: ok, late or missed
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
    RetrospectiveEvidence,  // evidence found later, compared with who saw the child in its window (information)
    Count
};

// "unseen_period", "transfer", ...
std::string_view to_string(FindingKind k);

// [SECTION] Field values

// A day, written as an ISO date in output.
struct DayValue {
    std::int32_t day = 0;  // local days since 1970-01-01
    friend bool operator==(DayValue, DayValue) = default;
};

// A list of entries, written as their ids in output.
using EntryList = std::vector<EntryIndex>;

// A field left out of the output when it has no value (a std::optional is written as null).
template <class T>
struct Omittable : std::optional<T> {
    using std::optional<T>::optional;
};

// How an agency kind followed a move.
// Unknown: the kind's records after the move carry no area, so the records cannot say.
enum class TransferStatus : std::uint8_t { Ok, Late, Missed, Unknown };
// What the old area's agency of that kind did about the move.
enum class OldSide : std::uint8_t { NotInvolved, TransferSent, ClosedWithoutHandover, NoHandoverRecorded };
// What a transfer threshold counts.
enum class ThresholdUnit : std::uint8_t { Days, WorkingDays };
// What the accounts of one incident disagree on.
enum class DiscrepancyAspect : std::uint8_t { Date, ChildSeen, People };

std::string_view to_string(TransferStatus v);     // "ok", "late", "missed", "unknown"
std::string_view to_string(OldSide v);            // "not_involved", "transfer_sent", ...
std::string_view to_string(ThresholdUnit v);      // "days", "working days"
std::string_view to_string(DiscrepancyAspect v);  // "date", "child_seen", "people"

// [SECTION] Child seen

// Every professional sighting of one index child (information).
struct SightingsFinding {
    static constexpr FindingKind kind = FindingKind::Sightings;
    PersonId child = k_none<PersonId>;
    std::int64_t count = 0;             // professional sightings
    std::int64_t seen_alone = 0;        // of them, seen alone
    std::optional<DayValue> last_seen;  // null when never seen
    EntryList family_sightings;         // family accounts of seeing the child (not counted)

    static void for_each_field(auto& self, auto&& f) {
        f("child", self.child);
        f("count", self.count);
        f("seen_alone", self.seen_alone);
        f("last_seen", self.last_seen);
        f("family_sightings", self.family_sightings);
    }
};

// A period longer than the threshold in which no professional (of one kind, when agency_kind is
// set) saw the child.
struct UnseenPeriodFinding {
    static constexpr FindingKind kind = FindingKind::UnseenPeriod;
    PersonId child = k_none<PersonId>;
    DayValue from;
    DayValue to;
    std::int64_t days = 0;
    std::optional<AgencyKind> agency_kind;  // null: by any professional
    std::int64_t threshold_days = 0;
    std::optional<EntryIndex> from_sighting;  // null at the start of the child's period or of involvement
    std::optional<EntryIndex> to_sighting;    // null at its end
    EntryList contacts_without_sighting;
    std::vector<std::string> agencies;  // the agencies of those contacts
    EntryList family_sightings;         // family accounts inside it (not sightings)
    EntryList uncertain_sightings;      // sightings dated too loosely to end it

    static void for_each_field(auto& self, auto&& f) {
        f("child", self.child);
        f("from", self.from);
        f("to", self.to);
        f("days", self.days);
        f("agency_kind", self.agency_kind);
        f("threshold_days", self.threshold_days);
        f("from_sighting", self.from_sighting);
        f("to_sighting", self.to_sighting);
        f("contacts_without_sighting", self.contacts_without_sighting);
        f("agencies", self.agencies);
        f("family_sightings", self.family_sightings);
        f("uncertain_sightings", self.uncertain_sightings);
    }
};

// Per agency and child: how often whether the child was seen was recorded, seen alone, views sought.
struct SeenRecordingFinding {
    static constexpr FindingKind kind = FindingKind::SeenRecording;
    PersonId child = k_none<PersonId>;
    std::string agency;
    AgencyKind agency_kind = AgencyKind::Unknown;
    std::int64_t contacts = 0;              // contacts involving the child
    std::int64_t not_recorded = 0;          // of them, not saying whether the child was seen
    std::int64_t not_recorded_percent = 0;  // rounded
    std::int64_t seen = 0;
    std::int64_t seen_alone = 0;
    std::int64_t views_applicable = 0;  // sightings from age 3
    std::int64_t views_sought = 0;

    static void for_each_field(auto& self, auto&& f) {
        f("child", self.child);
        f("agency", self.agency);
        f("agency_kind", self.agency_kind);
        f("contacts", self.contacts);
        f("not_recorded", self.not_recorded);
        f("not_recorded_percent", self.not_recorded_percent);
        f("seen", self.seen);
        f("seen_alone", self.seen_alone);
        f("views_applicable", self.views_applicable);
        f("views_sought", self.views_sought);
    }
};

// [SECTION] Gaps, moves and transfers

// No agency contact at all (agency null), or none by one agency while involved, for too long.
struct GapFinding {
    static constexpr FindingKind kind = FindingKind::Gap;
    DayValue from;
    DayValue to;
    std::int64_t days = 0;
    std::optional<std::string> agency;      // null: no agency at all
    std::optional<AgencyKind> agency_kind;  // null when agency is
    std::int64_t threshold_days = 0;
    EntryList family_entries;      // family accounts inside it
    EntryList uncertain_contacts;  // contacts dated too loosely to place

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("days", self.days);
        f("agency", self.agency);
        f("agency_kind", self.agency_kind);
        f("threshold_days", self.threshold_days);
        f("family_entries", self.family_entries);
        f("uncertain_contacts", self.uncertain_contacts);
    }
};

// A move between areas (information); or, with area_changes and no date, records changing area
// too often to be moves.
struct MoveFinding {
    static constexpr FindingKind kind = FindingKind::Move;
    std::optional<DayValue> date;  // null when area_changes is set
    std::optional<std::string> from_area;
    std::optional<std::string> to_area;
    bool inferred = false;                      // from the areas of agency records, not residences
    Omittable<std::int64_t> area_changes;       // only when the areas change too often to be moves
    Omittable<std::vector<PersonId>> children;  // the index children who moved; absent with area_changes

    static void for_each_field(auto& self, auto&& f) {
        f("date", self.date);
        f("from_area", self.from_area);
        f("to_area", self.to_area);
        f("inferred", self.inferred);
        f("area_changes", self.area_changes);
        f("children", self.children);
    }
};

// For one agency kind at one move: whether and how fast it followed, and what the old side did.
struct TransferFinding {
    static constexpr FindingKind kind = FindingKind::Transfer;
    DayValue date;  // of the move
    std::string from_area;
    std::string to_area;
    AgencyKind agency_kind = AgencyKind::Unknown;
    TransferStatus status = TransferStatus::Missed;
    std::optional<std::int64_t> first_contact_days;          // null when missed
    std::optional<std::int64_t> first_contact_working_days;  // null when missed
    std::optional<EntryIndex> first_contact;                 // null when missed
    std::optional<std::int64_t> informed_days;     // to the first record informing the new area's kind
    std::optional<std::int64_t> own_contact_days;  // to the new area's own first record
    std::int64_t threshold = 0;
    ThresholdUnit threshold_unit = ThresholdUnit::Days;
    std::string expected_because;  // "universal: Riley was under 5", "involved at the move"
    OldSide old_side = OldSide::NotInvolved;
    std::optional<std::string> old_agency;     // the old area's agency of that kind, if involved
    std::optional<EntryIndex> old_side_entry;  // its handover, else its closure

    static void for_each_field(auto& self, auto&& f) {
        f("date", self.date);
        f("from_area", self.from_area);
        f("to_area", self.to_area);
        f("agency_kind", self.agency_kind);
        f("status", self.status);
        f("first_contact_days", self.first_contact_days);
        f("first_contact_working_days", self.first_contact_working_days);
        f("first_contact", self.first_contact);
        f("informed_days", self.informed_days);
        f("own_contact_days", self.own_contact_days);
        f("threshold", self.threshold);
        f("threshold_unit", self.threshold_unit);
        f("expected_because", self.expected_because);
        f("old_side", self.old_side);
        f("old_agency", self.old_agency);
        f("old_side_entry", self.old_side_entry);
    }
};

// Information sent to an agency in an area the child had left.
struct MisroutedNotificationFinding {
    static constexpr FindingKind kind = FindingKind::MisroutedNotification;
    DayValue date;
    std::string from_agency;
    std::string to_agency;
    std::string to_agency_area;
    std::string child_area;                             // where the family was living
    std::optional<std::int64_t> days_until_right_area;  // null when the right area never heard
    std::optional<EntryIndex> right_area_entry;

    static void for_each_field(auto& self, auto&& f) {
        f("date", self.date);
        f("from_agency", self.from_agency);
        f("to_agency", self.to_agency);
        f("to_agency_area", self.to_agency_area);
        f("child_area", self.child_area);
        f("days_until_right_area", self.days_until_right_area);
        f("right_area_entry", self.right_area_entry);
    }
};

// [SECTION] Corroboration

// One incident recorded by several agencies (information).
struct CorroborationFinding {
    static constexpr FindingKind kind = FindingKind::Corroboration;
    std::int64_t cluster = 0;  // the incident's number
    DayValue date;             // of the incident's own record
    std::vector<std::string> agencies;
    bool confirmed = false;  // by the reviewer
    std::int64_t score = 0;

    static void for_each_field(auto& self, auto&& f) {
        f("cluster", self.cluster);
        f("date", self.date);
        f("agencies", self.agencies);
        f("confirmed", self.confirmed);
        f("score", self.score);
    }
};

// The accounts of one incident disagree: on its date (dates), whether a child was seen (child),
// or who was there (person).
struct DiscrepancyFinding {
    static constexpr FindingKind kind = FindingKind::Discrepancy;
    std::int64_t cluster = 0;
    DiscrepancyAspect aspect = DiscrepancyAspect::Date;
    Omittable<std::vector<DayValue>> dates;  // aspect date: the days the accounts name
    Omittable<PersonId> child;               // aspect child_seen
    Omittable<PersonId> person;              // aspect people: the person left out

    static void for_each_field(auto& self, auto&& f) {
        f("cluster", self.cluster);
        f("aspect", self.aspect);
        f("dates", self.dates);
        f("child", self.child);
        f("person", self.person);
    }
};

// The same entry recorded twice (or more) by one agency.
struct DuplicateEntryFinding {
    static constexpr FindingKind kind = FindingKind::DuplicateEntry;
    std::string agency;
    std::int64_t count = 0;  // copies

    static void for_each_field(auto& self, auto&& f) {
        f("agency", self.agency);
        f("count", self.count);
    }
};

// [SECTION] People and who knew what

// A subject who is nobody in the case.
struct UnknownPersonFinding {
    static constexpr FindingKind kind = FindingKind::UnknownPerson;
    std::string name;        // as first written
    std::int64_t count = 0;  // entries naming them
    std::vector<std::string> agencies;

    static void for_each_field(auto& self, auto&& f) {
        f("name", self.name);
        f("count", self.count);
        f("agencies", self.agencies);
    }
};

// An adult known to police, housing, ... but to no health or social care record.
struct InvisibleAdultFinding {
    static constexpr FindingKind kind = FindingKind::InvisibleAdult;
    std::optional<PersonId> person;  // null for a name that is nobody in the case
    std::string name;
    std::int64_t count = 0;  // records naming them
    std::vector<std::string> agencies;

    static void for_each_field(auto& self, auto&& f) {
        f("person", self.person);
        f("name", self.name);
        f("count", self.count);
        f("agencies", self.agencies);
    }
};

// A new adult in the child's household that no check or assessment names.
struct UncheckedAdultFinding {
    static constexpr FindingKind kind = FindingKind::UncheckedAdult;
    PersonId person = k_none<PersonId>;
    DayValue joined;
    std::string area;
    std::int64_t check_days = 0;  // the window a check was looked for in

    static void for_each_field(auto& self, auto&& f) {
        f("person", self.person);
        f("joined", self.joined);
        f("area", self.area);
        f("check_days", self.check_days);
    }
};

// A risk event some agencies in contact with the family never received.
struct NotSharedFinding {
    static constexpr FindingKind kind = FindingKind::NotShared;
    DayValue date;
    EntryList event;  // the one entry recording it (written as a list)
    std::string recorded_by;
    std::vector<std::string> knew;            // "Agency (2015-06-21)"
    std::vector<std::string> never_received;  // agency names

    static void for_each_field(auto& self, auto&& f) {
        f("date", self.date);
        f("event", self.event);
        f("recorded_by", self.recorded_by);
        f("knew", self.knew);
        f("never_received", self.never_received);
    }
};

// [SECTION] Patterns

// Missed appointments, children not brought and no-access visits, pooled across agencies.
struct MissedAppointmentsFinding {
    static constexpr FindingKind kind = FindingKind::MissedAppointments;
    DayValue from;
    DayValue to;
    std::int64_t count = 0;

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("count", self.count);
    }
};

// Several domestic abuse incidents within the window.
struct RepeatedDomesticAbuseFinding {
    static constexpr FindingKind kind = FindingKind::RepeatedDomesticAbuse;
    DayValue from;
    DayValue to;
    std::int64_t count = 0;

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("count", self.count);
    }
};

// A case closed, then re-referred soon after.
struct RereferralFinding {
    static constexpr FindingKind kind = FindingKind::Rereferral;
    DayValue from;
    DayValue to;
    std::int64_t count = 0;
    std::int64_t days = 0;  // from the closure to the return

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("count", self.count);
        f("days", self.days);
    }
};

// An injury to a baby not yet mobile.
struct InfantInjuryFinding {
    static constexpr FindingKind kind = FindingKind::InfantInjury;
    DayValue from;
    DayValue to;
    std::int64_t count = 0;
    PersonId child = k_none<PersonId>;
    std::int64_t age_days = 0;

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("count", self.count);
        f("child", self.child);
        f("age_days", self.age_days);
    }
};

// Frequent changes of practitioner in one agency.
struct PractitionerChangesFinding {
    static constexpr FindingKind kind = FindingKind::PractitionerChanges;
    DayValue from;
    DayValue to;
    std::int64_t count = 0;
    std::string agency;
    std::vector<std::string> practitioners;  // the new ones, in order

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("count", self.count);
        f("agency", self.agency);
        f("practitioners", self.practitioners);
    }
};

// Evidence found later about when something happened (a post-mortem's or radiologist's dating of
// an injury, a later disclosure: retrospective: true) set beside the professional sightings of one
// index child in the window it gives. Information: it shows who could have seen, never that
// anyone knew.
struct RetrospectiveEvidenceFinding {
    static constexpr FindingKind kind = FindingKind::RetrospectiveEvidence;
    DayValue from;                               // the window the evidence gives
    DayValue to;
    PersonId child = k_none<PersonId>;
    EntryList sightings;                         // professional sightings of the child in the window
    std::optional<DayValue> last_seen_before;    // the last sighting before the window
    std::optional<DayValue> next_seen_after;     // the first after it

    static void for_each_field(auto& self, auto&& f) {
        f("from", self.from);
        f("to", self.to);
        f("child", self.child);
        f("sightings", self.sightings);
        f("last_seen_before", self.last_seen_before);
        f("next_seen_after", self.next_seen_after);
    }
};

}  // namespace sightline::engine
