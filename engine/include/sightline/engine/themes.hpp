// Themes across cases: what a partnership's reviews have in common (`sightline themes`). Each case
// is summarised on its own from its findings (the same findings `sightline check` gives), keeping
// no name of a person beyond what the case's (anonymised) title and messages say; the summaries
// are then combined into cross-case figures. Values only: formats reads the cases and writes the
// reports.
//
// [SECTION] Distributions
// [SECTION] One case
// [SECTION] Across cases
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Distributions

// The spread of a list of values: quartiles by linear interpolation between the sorted values
// (Excel's QUARTILE.INC and MEDIAN, R's type 7), so a reader can check them in a spreadsheet.
// Statistics of day counts, so fractional (a median of 10 and 13 days is 11.5).
struct Distribution {
    std::size_t count = 0;  // values; every other field is 0 when there are none
    double min = 0;
    double q1 = 0;  // lower quartile
    double median = 0;
    double q3 = 0;  // upper quartile
    double max = 0;
};

// The distribution of values (in any order).
Distribution distribution(std::vector<std::int64_t> values);

// The p-quantile (0 <= p <= 1) of values sorted ascending, not empty, by linear interpolation.
double quantile(const std::vector<std::int64_t>& sorted, double p);

// [SECTION] One case

// A child's age band, as the national reviews count them.
enum class AgeBand : std::uint8_t { UnderOne, OneToFour, FiveToEleven, TwelvePlus, Unknown, Count };
inline constexpr std::size_t k_age_band_count = static_cast<std::size_t>(AgeBand::Count);

std::string_view to_string(AgeBand b);  // "under_1", "1_4", "5_11", "12_plus", "unknown"
std::string_view label(AgeBand b);      // "under 1", "1-4", "5-11", "12+", "age unknown"
// The band of an age in whole years.
AgeBand age_band(std::int32_t years);

// One index child's longest period unseen by any professional.
struct ChildUnseen {
    AgeBand band = AgeBand::Unknown;  // at the start of that period (of the child's period when none)
    std::optional<std::int64_t> longest_days;  // null: no unseen period over the threshold
};

// One transfer of a case (one agency kind at one move).
struct TransferOutcome {
    AgencyKind agency_kind = AgencyKind::Unknown;
    TransferStatus status = TransferStatus::Missed;
    std::optional<std::int64_t> first_contact_days;  // null when missed or unknown
};

// Per agency kind: contacts involving an index child, and of them those that do not record
// whether the child was seen (from the seen_recording findings: one per agency and child).
struct RecordingTally {
    std::int64_t contacts = 0;
    std::int64_t not_recorded = 0;
};
using RecordingByKind = std::array<RecordingTally, k_agency_kind_count>;

// A finding about the family's patterns or the adults around the child, as its message says it.
struct PatternNote {
    FindingKind kind = FindingKind::InvisibleAdult;
    bool concern = false;
    std::string message;
};

// The kinds reported under "patterns and people", in the order they are shown.
inline constexpr std::array<FindingKind, 7> k_pattern_kinds = {
    FindingKind::InvisibleAdult,        FindingKind::UncheckedAdult, FindingKind::MissedAppointments,
    FindingKind::RepeatedDomesticAbuse, FindingKind::Rereferral,     FindingKind::InfantInjury,
    FindingKind::PractitionerChanges};

using KindCounts = std::array<std::int64_t, static_cast<std::size_t>(FindingKind::Count)>;

// What one case contributes to the themes. Nothing in it names a person but the title and the
// messages, which are the case's own: anonymise the case and its findings first to keep names out.
struct CaseThemes {
    std::string folder;  // the case as given (its folder or manifest)
    std::string title;
    std::uint64_t entries = 0;  // dated
    std::uint64_t undated = 0;
    std::optional<std::int32_t> first_day;  // the earliest day of its first and last dated entries
    std::optional<std::int32_t> last_day;
    KindCounts counts{};                // findings by kind
    KindCounts concerns{};              // of them, of concern
    std::vector<ChildUnseen> children;  // one per index child, in the case's order
    std::vector<TransferOutcome> transfers;
    RecordingByKind recording{};
    std::vector<PatternNote> patterns;  // findings of k_pattern_kinds, in finding order

    [[nodiscard]] std::int64_t findings() const;
    [[nodiscard]] std::int64_t of_concern() const;
};

// Summarises a merged case from the findings analyse() made of it (anonymised or not).
CaseThemes summarise_case(std::string folder, const Case& c, const std::vector<Finding>& findings);

// [SECTION] Across cases

// A case that could not be read (or was read with errors): left out of the figures.
struct FailedCase {
    std::string folder;   // as given
    std::string message;  // the first error, compiler style

    // "folder: message", or the message alone when it is located at the folder itself.
    [[nodiscard]] std::string line() const {
        return message.rfind(folder + ":", 0) == 0 ? message : folder + ": " + message;
    }
};

// Per finding kind across cases.
struct KindTally {
    std::int64_t cases = 0;          // cases with at least one
    std::int64_t cases_concern = 0;  // cases with at least one of concern
    std::int64_t findings = 0;
    std::int64_t concern = 0;  // findings of concern
};

// Per age band: the longest unseen period of each child in the band.
struct UnseenBand {
    Distribution longest;       // days, over the children with an unseen period
    std::int64_t children = 0;  // every child in the band
};

// Per agency kind: transfers by status, and the days to first contact where there was one.
struct TransferTally {
    std::array<std::int64_t, 4> by_status{};  // indexed by TransferStatus
    Distribution first_contact_days;

    [[nodiscard]] std::int64_t total() const {
        return by_status[0] + by_status[1] + by_status[2] + by_status[3];
    }
};

// The themes of a set of cases.
struct Themes {
    std::vector<CaseThemes> cases;  // analysed, in the order given
    std::vector<FailedCase> failed;
    std::array<KindTally, static_cast<std::size_t>(FindingKind::Count)> kinds{};
    std::array<UnseenBand, k_age_band_count> unseen{};
    std::array<TransferTally, k_agency_kind_count> transfers{};
    RecordingByKind recording{};
    bool named = false;  // people's names kept in titles and messages (else anonymised)

    [[nodiscard]] bool any_concern() const;
};

// Combines case summaries (and the cases that failed) into the cross-case figures.
Themes combine_themes(std::vector<CaseThemes> cases, std::vector<FailedCase> failed);

// Percent of part in whole, rounded; 0 when whole is 0.
std::int64_t percent_of(std::int64_t part, std::int64_t whole);

}  // namespace sightline::engine
