// Findings: what the analyses report (case-format §8 "findings").
//
// A finding's fields are the members of its kind's struct in finding_types.hpp. To add a field:
//   1. add the member to the struct (its type says how it is written, null or left out);
//   2. add it to the struct's for_each_field where it belongs in the output: `check --format
//      json` writes it from there (truth.json too, if the generator computes it: truth_states);
//   3. set it in the analysis.
// Readers (text reports, timeline, viewer, tests) use the member itself, so the compiler checks
// every one of them: renaming or removing a field breaks the build, not a viewer overlay.
//
// To add a kind: a FindingKind value and its word in to_string, a struct with `kind` and
// for_each_field, and the struct at the same place in FindingData (static_asserts check it).
//
// [SECTION] Finding
// [SECTION] Running the analyses
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "sightline/engine/finding_types.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

struct Cluster;  // corroboration.hpp

// [SECTION] Finding

// What a finding says, by kind: the alternatives in FindingKind order (checked below).
using FindingData = std::variant<SightingsFinding, UnseenPeriodFinding, SeenRecordingFinding, GapFinding, MoveFinding,
                                 TransferFinding, MisroutedNotificationFinding, CorroborationFinding, DiscrepancyFinding,
                                 DuplicateEntryFinding, UnknownPersonFinding, InvisibleAdultFinding,
                                 UncheckedAdultFinding, NotSharedFinding, MissedAppointmentsFinding,
                                 RepeatedDomesticAbuseFinding, RereferralFinding, InfantInjuryFinding,
                                 PractitionerChangesFinding, RetrospectiveEvidenceFinding>;

// One finding: what it says (its kind is that of its data), whether it is of concern, a sentence
// for a reader, the entries it rests on, and where it sits in time.
struct Finding {
    FindingData data;
    bool concern = true;                   // drives exit status 1
    std::string message;
    EntryList entries;                     // the entries it rests on
    std::int32_t from_day = 0;             // where it sits on the timeline (inclusive)
    std::int32_t to_day = 0;
    PersonId child = k_none<PersonId>;     // the index child it is about, if any

    // The kind of its data.
    [[nodiscard]] FindingKind kind() const { return static_cast<FindingKind>(data.index()); }
    // Its data when of kind P (`f.as<TransferFinding>()`); nullptr otherwise.
    template <class P>
    [[nodiscard]] const P* as() const { return std::get_if<P>(&data); }
    template <class P>
    [[nodiscard]] P* as() { return std::get_if<P>(&data); }
};

namespace detail {
// Whether FindingData's alternative I is the struct of FindingKind I, for every I.
template <std::size_t... I>
constexpr bool kinds_in_order(std::index_sequence<I...>) {
    return ((std::variant_alternative_t<I, FindingData>::kind == static_cast<FindingKind>(I)) && ...);
}
}  // namespace detail
static_assert(std::variant_size_v<FindingData> == static_cast<std::size_t>(FindingKind::Count),
              "one payload per finding kind");
static_assert(detail::kinds_in_order(std::make_index_sequence<std::variant_size_v<FindingData>>{}),
              "FindingData's alternatives are in FindingKind order");

// Calls fn(json_name, field) for each field of a finding's data, in output order. For writers
// and for walks over every field (anonymising); a reader uses the members instead.
template <class F>
void for_each_field(const Finding& f, F&& fn) {
    std::visit([&](const auto& p) { std::decay_t<decltype(p)>::for_each_field(p, fn); }, f.data);
}
template <class F>
void for_each_field(Finding& f, F&& fn) {
    std::visit([&](auto& p) { std::decay_t<decltype(p)>::for_each_field(p, fn); }, f.data);
}

// [SECTION] Running the analyses

// What the analyses need beyond the case (the `today` used when a case has no scope end).
struct AnalysisOptions {
    std::optional<std::int32_t> end_day;   // overrides the end of the analysed period
    unsigned threads = 0;                  // for the analyses that share their work (0: one per core;
                                           // 1 when cases are analysed side by side); the findings
                                           // never depend on it
};

// Runs every analysis over a merged case. Findings come out in a stable order: analysis by
// analysis (child seen, gaps, moves and transfers, corroboration, people, who knew what,
// patterns), each in its own order (mostly by child, then time); the same case always gives
// the same list.
std::vector<Finding> analyse(const Case& c, const AnalysisOptions& options = {});
// The same with the case's clusters already found (find_clusters), for a caller that needs them
// too (who knew what): corroboration is the costliest analysis, and is done once.
std::vector<Finding> analyse(const Case& c, const std::vector<Cluster>& clusters, const AnalysisOptions& options = {});

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
