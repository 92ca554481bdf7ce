// Vocabulary tables: canonical names, labels and synonyms.
#include "sightline/engine/vocabulary.hpp"

#include <array>
#include <cassert>
#include <utility>

namespace sightline::engine {

namespace {

constexpr std::array<std::string_view, 4> k_child_seen = {"not_recorded", "not_seen", "seen", "seen_alone"};
constexpr std::array<std::string_view, 4> k_child_seen_labels = {"Not recorded", "Not seen", "Seen",
                                                                 "Seen alone"};
constexpr std::array<std::string_view, 3> k_sex = {"unknown", "male", "female"};
constexpr std::array<std::string_view, 7> k_modality = {"unspecified", "face_to_face", "phone", "video",
                                                        "letter",      "electronic",   "other"};

constexpr std::array<std::string_view, k_entry_type_count - 1> k_entry_types = {
    "contact", "referral", "assessment", "strategy_discussion", "conference", "core_group", "meeting",
    "home_visit", "office_visit", "appointment", "missed_appointment", "no_access_visit", "phone_call",
    "letter", "notification", "information_request", "case_opened", "case_closed", "case_transfer",
    "allocation", "police_incident", "arrest", "court", "hospital_attendance", "admission", "discharge",
    "injury", "gp_consultation", "immunisation", "developmental_check", "antenatal", "birth", "death",
    "school_attendance_concern", "exclusion", "missing_episode", "housing", "move", "registration", "other"};

constexpr std::array<std::string_view, k_entry_type_count> k_entry_type_labels = {
    "Contact", "Referral", "Assessment", "Strategy discussion", "Conference", "Core group", "Meeting",
    "Home visit", "Office visit", "Appointment", "Missed appointment", "No access visit", "Phone call",
    "Letter", "Notification", "Information request", "Case opened", "Case closed", "Case transfer",
    "Allocation", "Police incident", "Arrest", "Court", "Hospital attendance", "Admission", "Discharge",
    "Injury", "GP consultation", "Immunisation", "Developmental check", "Antenatal", "Birth", "Death",
    "School attendance concern", "Exclusion", "Missing episode", "Housing", "Move", "Registration", "Other",
    "Other"};

// Words agencies use for the same types (normalised form on the left).
constexpr std::array<std::pair<std::string_view, EntryType>, 58> k_type_synonyms = {{
    {"dna", EntryType::MissedAppointment},
    {"did_not_attend", EntryType::MissedAppointment},
    {"was_not_brought", EntryType::MissedAppointment},
    {"wnb", EntryType::MissedAppointment},
    {"missed", EntryType::MissedAppointment},
    {"cancelled_appointment", EntryType::MissedAppointment},
    {"no_access", EntryType::NoAccessVisit},
    {"no_access_home_visit", EntryType::NoAccessVisit},
    {"unannounced_visit", EntryType::HomeVisit},
    {"visit", EntryType::HomeVisit},
    {"home_visit_(announced)", EntryType::HomeVisit},
    {"telephone", EntryType::PhoneCall},
    {"telephone_call", EntryType::PhoneCall},
    {"phone", EntryType::PhoneCall},
    {"call", EntryType::PhoneCall},
    {"email", EntryType::Letter},
    {"correspondence", EntryType::Letter},
    {"merlin", EntryType::Notification},
    {"police_notification", EntryType::Notification},
    {"notification_received", EntryType::Notification},
    {"information_sharing", EntryType::Notification},
    {"strategy_meeting", EntryType::StrategyDiscussion},
    {"strategy", EntryType::StrategyDiscussion},
    {"child_protection_conference", EntryType::Conference},
    {"icpc", EntryType::Conference},
    {"rcpc", EntryType::Conference},
    {"initial_child_protection_conference", EntryType::Conference},
    {"review_child_protection_conference", EntryType::Conference},
    {"core_group_meeting", EntryType::CoreGroup},
    {"cin_meeting", EntryType::Meeting},
    {"team_around_the_family", EntryType::Meeting},
    {"marac", EntryType::Meeting},
    {"s47", EntryType::Assessment},
    {"section_47", EntryType::Assessment},
    {"single_assessment", EntryType::Assessment},
    {"c&f_assessment", EntryType::Assessment},
    {"incident", EntryType::PoliceIncident},
    {"da_incident", EntryType::PoliceIncident},
    {"domestic_incident", EntryType::PoliceIncident},
    {"a&e_attendance", EntryType::HospitalAttendance},
    {"ed_attendance", EntryType::HospitalAttendance},
    {"a&e", EntryType::HospitalAttendance},
    {"emergency_department", EntryType::HospitalAttendance},
    {"gp_appointment", EntryType::GpConsultation},
    {"gp_consult", EntryType::GpConsultation},
    {"consultation", EntryType::GpConsultation},
    {"vaccination", EntryType::Immunisation},
    {"immunization", EntryType::Immunisation},
    {"developmental_review", EntryType::DevelopmentalCheck},
    {"development_check", EntryType::DevelopmentalCheck},
    {"antenatal_appointment", EntryType::Antenatal},
    {"booking", EntryType::Antenatal},
    {"case_closure", EntryType::CaseClosed},
    {"closure", EntryType::CaseClosed},
    {"transfer", EntryType::CaseTransfer},
    {"transfer_out", EntryType::CaseTransfer},
    {"missing", EntryType::MissingEpisode},
    {"school_registration", EntryType::Registration},
}};

constexpr std::array<std::string_view, k_agency_kind_count - 1> k_agency_kinds = {
    "childrens_social_care", "early_help", "police", "health_visiting", "family_nurse_partnership",
    "midwifery", "gp", "hospital", "ambulance", "school", "early_years", "school_nursing", "camhs",
    "adult_mental_health", "substance_misuse", "housing", "probation", "youth_justice",
    "domestic_abuse_service", "voluntary", "family", "other"};

constexpr std::array<std::string_view, k_agency_kind_count> k_agency_kind_labels = {
    "Children's social care", "Early help", "Police", "Health visiting", "Family nurse partnership",
    "Midwifery", "GP", "Hospital", "Ambulance", "School", "Early years", "School nursing", "CAMHS",
    "Adult mental health", "Substance misuse", "Housing", "Probation", "Youth justice",
    "Domestic abuse service", "Voluntary", "Family", "Other", "Unknown"};

constexpr std::array<std::pair<std::string_view, AgencyKind>, 14> k_kind_synonyms = {{
    {"csc", AgencyKind::ChildrensSocialCare},
    {"social_care", AgencyKind::ChildrensSocialCare},
    {"childrens_services", AgencyKind::ChildrensSocialCare},
    {"social_services", AgencyKind::ChildrensSocialCare},
    {"hv", AgencyKind::HealthVisiting},
    {"health_visitor", AgencyKind::HealthVisiting},
    {"fnp", AgencyKind::FamilyNursePartnership},
    {"maternity", AgencyKind::Midwifery},
    {"general_practice", AgencyKind::Gp},
    {"education", AgencyKind::School},
    {"nursery", AgencyKind::EarlyYears},
    {"mental_health", AgencyKind::AdultMentalHealth},
    {"drug_and_alcohol", AgencyKind::SubstanceMisuse},
    {"relative", AgencyKind::Family},
}};

constexpr std::array<std::string_view, 6> k_relationship_kinds = {"parent",          "step_parent", "foster_parent",
                                                                  "adoptive_parent", "partner",     "sibling"};
constexpr std::array<std::string_view, 4> k_partnership_ends = {"none", "separated", "divorced", "died"};

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view normalised) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == normalised) return static_cast<Enum>(i);
    return std::nullopt;
}

template <std::size_t N>
std::string join_names(const std::array<std::string_view, N>& names, std::size_t skip_first = 0) {
    std::string out;
    for (std::size_t i = skip_first; i < N; ++i) {
        if (!out.empty()) out += ", ";
        out += names[i];
    }
    return out;
}

bool contains_word(std::string_view haystack_lower, std::string_view needle) {
    return haystack_lower.find(needle) != std::string_view::npos;
}

}  // namespace

std::string normalise_word(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= 'A' && c <= 'Z') {
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else if (c == ' ' || c == '-' || c == '/' || c == '\t') {
            if (out.empty() || out.back() != '_') out.push_back('_');
        } else if (c == '\'') {
            // "children's" -> "childrens"
        } else if (text.substr(i, 3) == "\xE2\x80\x99") {
            i += 2;  // a typographic apostrophe, as Word writes it
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string_view to_string(ChildSeen v) { return k_child_seen[static_cast<std::size_t>(v)]; }
std::string_view to_string(Sex v) { return k_sex[static_cast<std::size_t>(v)]; }
std::string_view to_string(Modality v) { return k_modality[static_cast<std::size_t>(v)]; }
std::string_view to_string(EntryType v) {
    return v == EntryType::Free ? std::string_view("other") : k_entry_types[static_cast<std::size_t>(v)];
}
std::string_view to_string(AgencyKind v) {
    return v == AgencyKind::Unknown ? std::string_view("unknown") : k_agency_kinds[static_cast<std::size_t>(v)];
}
std::string_view to_string(RelationshipKind v) { return k_relationship_kinds[static_cast<std::size_t>(v)]; }
std::string_view to_string(PartnershipEnd v) { return k_partnership_ends[static_cast<std::size_t>(v)]; }

std::string_view label(ChildSeen v) { return k_child_seen_labels[static_cast<std::size_t>(v)]; }
std::string_view label(EntryType v) { return k_entry_type_labels[static_cast<std::size_t>(v)]; }
std::string_view label(AgencyKind v) { return k_agency_kind_labels[static_cast<std::size_t>(v)]; }

std::optional<ChildSeen> parse_child_seen(std::string_view text) {
    const std::string w = normalise_word(text);
    if (auto v = lookup<ChildSeen>(k_child_seen, w)) return v;
    if (w == "yes" || w == "y" || w == "true") return ChildSeen::Seen;
    if (w == "no" || w == "n" || w == "false") return ChildSeen::NotSeen;
    if (w == "alone" || w == "yes_alone" || w == "seen_on_own") return ChildSeen::SeenAlone;
    if (w.empty() || w == "unknown" || w == "not_known" || w == "n_a") return ChildSeen::NotRecorded;
    return std::nullopt;
}

std::optional<Sex> parse_sex(std::string_view text) {
    const std::string w = normalise_word(text);
    if (auto v = lookup<Sex>(k_sex, w)) return v;
    if (w == "m") return Sex::Male;
    if (w == "f") return Sex::Female;
    return std::nullopt;
}

std::optional<Modality> parse_modality(std::string_view text) {
    const std::string w = normalise_word(text);
    if (auto v = lookup<Modality>(k_modality, w)) return v;
    if (w == "in_person" || w == "face-to-face" || w == "f2f") return Modality::FaceToFace;
    if (w == "telephone") return Modality::Phone;
    if (w == "email") return Modality::Electronic;
    return std::nullopt;
}

EntryType parse_entry_type(std::string_view text) {
    const std::string w = normalise_word(text);
    if (auto v = lookup<EntryType>(k_entry_types, w)) return *v;
    for (const auto& [word, type] : k_type_synonyms)
        if (word == w) return type;
    return EntryType::Free;
}

std::optional<AgencyKind> parse_agency_kind(std::string_view text) {
    const std::string w = normalise_word(text);
    if (auto v = lookup<AgencyKind>(k_agency_kinds, w)) return v;
    for (const auto& [word, kind] : k_kind_synonyms)
        if (word == w) return kind;
    return std::nullopt;
}

std::optional<RelationshipKind> parse_relationship_kind(std::string_view text) {
    return lookup<RelationshipKind>(k_relationship_kinds, normalise_word(text));
}

std::optional<PartnershipEnd> parse_partnership_end(std::string_view text) {
    return lookup<PartnershipEnd>(k_partnership_ends, normalise_word(text));
}

std::string allowed_child_seen() { return join_names(k_child_seen); }
std::string allowed_sex() { return join_names(k_sex); }
std::string allowed_modality() { return join_names(k_modality, 1); }
std::string allowed_agency_kinds() { return join_names(k_agency_kinds); }
std::string allowed_relationship_kinds() { return join_names(k_relationship_kinds); }
std::string allowed_partnership_ends() { return join_names(k_partnership_ends, 1); }
std::span<const std::string_view> entry_type_names() { return k_entry_types; }
std::span<const std::string_view> agency_kind_names() { return k_agency_kinds; }

AgencyKind infer_agency_kind(std::string_view agency_name) {
    const std::string n = normalise_word(agency_name);
    // Most specific phrases first.
    if (contains_word(n, "family_nurse") || contains_word(n, "fnp")) return AgencyKind::FamilyNursePartnership;
    if (contains_word(n, "health_visit") || n == "hv" || n.ends_with("_hv")) return AgencyKind::HealthVisiting;
    if (contains_word(n, "school_nurs")) return AgencyKind::SchoolNursing;
    if (contains_word(n, "early_help")) return AgencyKind::EarlyHelp;
    if (contains_word(n, "social_care") || contains_word(n, "csc") || contains_word(n, "social_services") ||
        contains_word(n, "childrens_services") || contains_word(n, "mash"))
        return AgencyKind::ChildrensSocialCare;
    if (contains_word(n, "police") || contains_word(n, "constabulary")) return AgencyKind::Police;
    if (contains_word(n, "midwi") || contains_word(n, "maternity")) return AgencyKind::Midwifery;
    if (contains_word(n, "ambulance")) return AgencyKind::Ambulance;
    if (contains_word(n, "camhs")) return AgencyKind::Camhs;
    if (contains_word(n, "probation")) return AgencyKind::Probation;
    if (contains_word(n, "youth_justice") || contains_word(n, "yot")) return AgencyKind::YouthJustice;
    if (contains_word(n, "housing")) return AgencyKind::Housing;
    if (contains_word(n, "hospital") || contains_word(n, "a&e") || contains_word(n, "emergency_department"))
        return AgencyKind::Hospital;
    if (contains_word(n, "surgery") || contains_word(n, "medical_centre") || contains_word(n, "health_centre") ||
        n == "gp" || n.starts_with("gp_") || n.ends_with("_gp") || contains_word(n, "_gp_"))
        return AgencyKind::Gp;
    if (contains_word(n, "nursery") || contains_word(n, "childrens_centre") ||
        contains_word(n, "early_years"))
        return AgencyKind::EarlyYears;
    if (contains_word(n, "school") || contains_word(n, "primary") || contains_word(n, "academy") ||
        contains_word(n, "college"))
        return AgencyKind::School;
    if (contains_word(n, "substance") || contains_word(n, "drug") || contains_word(n, "alcohol"))
        return AgencyKind::SubstanceMisuse;
    if (contains_word(n, "mental_health")) return AgencyKind::AdultMentalHealth;
    if (contains_word(n, "domestic_abuse") || contains_word(n, "refuge") || contains_word(n, "idva"))
        return AgencyKind::DomesticAbuseService;
    return AgencyKind::Unknown;
}

bool is_case_holding(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Camhs:
        case AgencyKind::Probation:
        case AgencyKind::YouthJustice:
        case AgencyKind::DomesticAbuseService:
            return true;
        default:
            return false;
    }
}

bool is_local_service(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::HealthVisiting:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Gp:
        case AgencyKind::School:
        case AgencyKind::EarlyYears:
        case AgencyKind::SchoolNursing:
        case AgencyKind::Housing:
            return true;
        default:
            return false;
    }
}

bool is_health_or_social_care(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::HealthVisiting:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Midwifery:
        case AgencyKind::Gp:
        case AgencyKind::Hospital:
        case AgencyKind::SchoolNursing:
        case AgencyKind::Camhs:
        case AgencyKind::AdultMentalHealth:
            return true;
        default:
            return false;
    }
}

}  // namespace sightline::engine
