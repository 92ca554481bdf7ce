// The rule table: every analysis threshold with its default and the reason for it.
#include "sightline/engine/rules.hpp"

namespace sightline::engine {

namespace {

using R = RuleId;

constexpr std::array<RuleInfo, static_cast<std::size_t>(RuleId::Count)> k_rules = {{
    {R::UnseenDays, "unseen_days", 28, "days",
     "Working Together asks that each occasion the child was seen be recorded; reviews propose flagging a "
     "child not seen face to face for more than 4 weeks (SCRs 1998-2019 review, DfE 2022: children 'unseen and unheard')"},
    {R::UnseenDaysInfant, "unseen_days_infant", 21, "days",
     "a baby under 1 changes fast and cannot speak for itself; reviews propose a shorter threshold for "
     "under-1s (SCRs 1998-2019 review, DfE 2022)"},
    {R::GapDays, "gap_days", 42, "days",
     "six weeks with no agency contact at all: children 'below the radar' and 'invisible to the system' "
     "(triennial SCR analysis 2014-17; Panel annual report 2020)"},
    {R::AgencyGapDays, "agency_gap_days", 42, "days",
     "a case-holding agency (social care, early help, family nurse, CAMHS, probation, ...) with no record "
     "for six weeks while its case is open (triennial SCR analysis 2014-17: gaps per agency as well as overall)"},
    {R::InvolvementLookbackDays, "involvement_lookback_days", 90, "days",
     "an agency with a contact in the 90 days before a move, and not closed since, was involved at the move"},
    {R::TransferHealthVisitingDays, "transfer_health_visiting_days", 14, "days",
     "health visiting records should follow a child under 5 within two weeks of a move"},
    {R::TransferGpDays, "transfer_gp_days", 28, "days",
     "expect GP registration in the new area within 28 days of a move (triennial SCR analysis 2014-17: moves and lost records)"},
    {R::TransferSchoolDays, "transfer_school_days", 28, "days",
     "expect school enrolment within 28 days of a move for a child of 5 to 16 (triennial SCR analysis 2014-17: moves and lost records)"},
    {R::TransferSocialCareDays, "transfer_social_care_working_days", 15, "working days",
     "England: a child protection transfer-in conference within 15 working days of the move (Tees procedures)"},
    {R::TransferOtherDays, "transfer_other_days", 28, "days",
     "any other involved agency kind should be in touch in the new area within 28 days (triennial SCR analysis 2014-17: moves and lost records)"},
    {R::MisroutedLookaheadDays, "misrouted_lookahead_days", 365, "days",
     "how far after a misrouted notification to look for the right area hearing of it"},
    {R::TransferNoticeDays, "transfer_notice_days", 28, "days",
     "procedures ask agencies to tell the new area ahead of a planned move: a record informing the new area, "
     "or sent there, up to this many days before the move is a handover, not a misrouting (and a record dated "
     "only to the month of a move may fall before it)"},
    {R::CorroborationWindowDays, "corroboration_window_days", 7, "days",
     "agencies record a shared incident within days of each other (a notification follows an incident)"},
    {R::CorroborationMinScore, "corroboration_min_score", 50, "points",
     "how alike two accounts must be (dates, people, types and words combined) to be shown as one incident"},
    {R::MissedAppointmentsCount, "missed_appointments_count", 2, "count",
     "pool missed, was-not-brought and no-access events across agencies: 2 or more in 90 days "
     "(Panel annual report 2020: missed appointments 'require proactive follow-up')"},
    {R::MissedAppointmentsDays, "missed_appointments_days", 90, "days", "window for missed_appointments_count"},
    {R::DomesticAbuseCount, "domestic_abuse_count", 2, "count",
     "2 or more domestic abuse incidents in 12 months (domestic abuse in 55% of SCRs 2017-19)"},
    {R::DomesticAbuseDays, "domestic_abuse_days", 365, "days", "window for domestic_abuse_count"},
    {R::RereferralDays, "rereferral_days", 365, "days",
     "a case closed then re-referred within 12 months (triennial SCR analysis 2014-17: 22% of referrals are repeats within 12 months)"},
    {R::InfantInjuryDays, "infant_injury_days", 183, "days",
     "any injury to a baby under 6 months, who is not yet mobile (triennial SCR analysis 2014-17)"},
    {R::PractitionerChanges, "practitioner_changes", 3, "count",
     "frequent changes of professional are a significant event (Tayside chronology guidance)"},
    {R::PractitionerChangeDays, "practitioner_change_days", 365, "days", "window for practitioner_changes"},
    {R::NewAdultCheckDays, "new_adult_check_days", 28, "days",
     "a new partner joining the household should be checked within 4 weeks (triennial SCR analysis 2014-17: men invisible, new partners unassessed)"},
    {R::NotSharedDays, "not_shared_days", 90, "days",
     "an agency in contact with the family within this many days after a risk event should have known of it "
     "('one agency had information that indicated risk ... not accepted or understood', SCRs 1998-2019 review)"},
    {R::UncertainDateDays, "uncertain_date_days", 7, "days",
     "an entry dated only to a month, season or year cannot show the child was seen (or contacted) on any "
     "one day, so it does not end an unseen period or a gap; it is listed inside it instead"},
    {R::NotRecordedPercent, "not_recorded_percent", 50, "percent",
     "'almost no record ... of when a child ... were seen' (SCR study 2001-03): an agency that does not record "
     "whether the child was seen at half its contacts or more is reported as a concern"},
}};

}  // namespace

const std::array<RuleInfo, static_cast<std::size_t>(RuleId::Count)>& rule_table() { return k_rules; }

std::optional<RuleId> find_rule(std::string_view name) {
    for (const RuleInfo& r : k_rules)
        if (r.name == name) return r.id;
    return std::nullopt;
}

std::string rule_names() {
    std::string out;
    for (const RuleInfo& r : k_rules) {
        if (!out.empty()) out += ", ";
        out += r.name;
    }
    return out;
}

Rules::Rules() {
    for (const RuleInfo& r : k_rules) m_values[static_cast<std::size_t>(r.id)] = r.default_value;
}

}  // namespace sightline::engine
