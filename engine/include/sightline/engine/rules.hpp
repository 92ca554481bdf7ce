// Named, documented, overridable analysis thresholds (case.yaml `rules:`).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sightline::engine {

// Every threshold the analyses use. Add a row to k_rule_table when adding one here.
enum class RuleId : std::uint8_t {
    UnseenDays,               // longest acceptable period without a professional sighting
    UnseenDaysInfant,         // the same for a child under 1 year
    GapDays,                  // no agency contact at all for longer than this
    AgencyGapDays,            // one agency, while involved, silent for longer than this
    InvolvementLookbackDays,  // an agency with a contact this recently (and not closed) is involved
    TransferHealthVisitingDays,
    TransferGpDays,
    TransferSchoolDays,
    TransferSocialCareDays,
    TransferOtherDays,
    MisroutedLookaheadDays,   // how far to look for the right area hearing after a misrouted notification
    TransferNoticeDays,       // a handover to the new area this many days before a move counts
    CorroborationWindowDays,  // how far apart two accounts of one incident may be dated
    CorroborationMinScore,    // percent similarity of the two summaries' words (0-100)
    MissedAppointmentsCount,  // this many missed/WNB/no-access ...
    MissedAppointmentsDays,   // ... within this many days
    DomesticAbuseCount,       // this many DA incidents ...
    DomesticAbuseDays,        // ... within this many days
    RereferralDays,           // re-referred within this many days of closure
    InfantInjuryDays,         // an injury to a child younger than this (days)
    PractitionerChanges,      // this many changes of practitioner in one agency ...
    PractitionerChangeDays,   // ... within this many days
    NewAdultCheckDays,        // a new household member with no check naming them within this many days
    NotSharedDays,            // agencies in contact within this long after a risk event should know it
    UncertainDateDays,        // a date less precise than this (a month, a season) cannot bound a period
    NotRecordedPercent,       // an agency that leaves child_seen unrecorded this often (percent) is of concern
    Count
};

struct RuleInfo {
    RuleId id;
    std::string_view name;     // as written under `rules:` in case.yaml
    std::int64_t default_value;
    std::string_view unit;     // "days", "working days", "count", "percent"
    std::string_view reason;   // why this default: the evidence or guidance it rests on
};

// The table of every rule with its default and reason.
const std::array<RuleInfo, static_cast<std::size_t>(RuleId::Count)>& rule_table();
std::optional<RuleId> find_rule(std::string_view name);
std::string rule_names();

// A case's thresholds: the defaults with per-case overrides.
class Rules {
public:
    Rules();
    [[nodiscard]] std::int64_t get(RuleId id) const { return m_values[static_cast<std::size_t>(id)]; }
    [[nodiscard]] std::int32_t days(RuleId id) const { return static_cast<std::int32_t>(get(id)); }
    void set(RuleId id, std::int64_t value) {
        m_values[static_cast<std::size_t>(id)] = value;
        m_overridden[static_cast<std::size_t>(id)] = true;
    }
    [[nodiscard]] bool overridden(RuleId id) const { return m_overridden[static_cast<std::size_t>(id)]; }

private:
    std::array<std::int64_t, static_cast<std::size_t>(RuleId::Count)> m_values{};
    std::array<bool, static_cast<std::size_t>(RuleId::Count)> m_overridden{};
};

}  // namespace sightline::engine
