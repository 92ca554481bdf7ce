// The case format's vocabularies (case-format §5) and the words that map onto them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace sightline::engine {

// Was the index child seen at this contact? (case-format §3)
enum class ChildSeen : std::uint8_t { NotRecorded, NotSeen, Seen, SeenAlone };

enum class Sex : std::uint8_t { Unknown, Male, Female };

enum class Modality : std::uint8_t { Unspecified, FaceToFace, Phone, Video, Letter, Electronic, Other };

// Entry types (case-format §5.1). Free means a word outside the vocabulary, kept as written.
enum class EntryType : std::uint8_t {
    Contact, Referral, Assessment, StrategyDiscussion, Conference, CoreGroup, Meeting, HomeVisit,
    OfficeVisit, Appointment, MissedAppointment, NoAccessVisit, PhoneCall, Letter, Notification,
    InformationRequest, CaseOpened, CaseClosed, CaseTransfer, Allocation, PoliceIncident, Arrest, Court,
    HospitalAttendance, Admission, Discharge, Injury, GpConsultation, Immunisation, DevelopmentalCheck,
    Antenatal, Birth, Death, SchoolAttendanceConcern, Exclusion, MissingEpisode, Housing, Move,
    Registration, Other, Free
};
inline constexpr std::size_t k_entry_type_count = static_cast<std::size_t>(EntryType::Free) + 1;

// Agency kinds (case-format §5.2). Unknown: an agency named (e.g. in `to:`) whose kind nobody gave.
enum class AgencyKind : std::uint8_t {
    ChildrensSocialCare, EarlyHelp, Police, HealthVisiting, FamilyNursePartnership, Midwifery, Gp, Hospital,
    Ambulance, School, EarlyYears, SchoolNursing, Camhs, AdultMentalHealth, SubstanceMisuse, Housing,
    Probation, YouthJustice, DomesticAbuseService, Voluntary, Family, Other, Unknown
};
inline constexpr std::size_t k_agency_kind_count = static_cast<std::size_t>(AgencyKind::Unknown) + 1;

enum class RelationshipKind : std::uint8_t { Parent, StepParent, FosterParent, AdoptiveParent, Partner, Sibling };

enum class PartnershipEnd : std::uint8_t { None, Separated, Divorced, Died };

// Canonical names ("seen_alone", "home_visit", "childrens_social_care", ...).
std::string_view to_string(ChildSeen v);
std::string_view to_string(Sex v);
std::string_view to_string(Modality v);
std::string_view to_string(EntryType v);
std::string_view to_string(AgencyKind v);
std::string_view to_string(RelationshipKind v);
std::string_view to_string(PartnershipEnd v);

// Readable labels for reports ("Seen alone", "Home visit", "Children's social care").
std::string_view label(ChildSeen v);
std::string_view label(EntryType v);
std::string_view label(AgencyKind v);

// Parsers: canonical names, case-insensitive, spaces/hyphens as underscores, plus synonyms.
std::optional<ChildSeen> parse_child_seen(std::string_view text);
std::optional<Sex> parse_sex(std::string_view text);
std::optional<Modality> parse_modality(std::string_view text);
// Never fails: a word outside the vocabulary is EntryType::Free (kept as written by the caller).
EntryType parse_entry_type(std::string_view text);
std::optional<AgencyKind> parse_agency_kind(std::string_view text);
std::optional<RelationshipKind> parse_relationship_kind(std::string_view text);
std::optional<PartnershipEnd> parse_partnership_end(std::string_view text);

// The allowed canonical names of a vocabulary, for "expected one of ..." messages.
std::string allowed_child_seen();
std::string allowed_sex();
std::string allowed_modality();
std::string allowed_agency_kinds();
std::string allowed_relationship_kinds();
std::string allowed_partnership_ends();
std::span<const std::string_view> entry_type_names();  // every canonical type name (no "free")
std::span<const std::string_view> agency_kind_names(); // every canonical kind name (no "unknown")

// Guesses an agency's kind from its name ("Eastmere Health Visiting" -> HealthVisiting),
// for agencies named in `to:` lists that no registry describes. Unknown when unsure.
AgencyKind infer_agency_kind(std::string_view agency_name);

// Professional sighting: an entry by an agency (not family) that saw the child.
inline bool is_sighting(ChildSeen v) { return v == ChildSeen::Seen || v == ChildSeen::SeenAlone; }

// Kinds whose records are health or social care (for the invisible-adult rule).
bool is_health_or_social_care(AgencyKind k);

// Kinds whose records say where the family lives: local services, not police forces or
// hospitals (moves inferred from records, misrouted notifications).
bool is_local_service(AgencyKind k);

// Kinds that hold a case and visit regularly, for which silence while involved means something
// (universal services - health visiting, GPs, schools - have routine gaps of months).
bool is_case_holding(AgencyKind k);

// Lowercases ASCII and turns spaces and hyphens into underscores: "Home visit" -> "home_visit".
std::string normalise_word(std::string_view text);

}  // namespace sightline::engine
