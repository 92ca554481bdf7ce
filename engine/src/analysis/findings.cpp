// Running the analyses, and the words of finding kinds and of their fields' vocabularies.
#include "sightline/engine/findings.hpp"

#include <array>

#include "sightline/engine/corroboration.hpp"

namespace sightline::engine {

std::string_view to_string(FindingKind k) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(FindingKind::Count)> k_names = {
        "sightings", "unseen_period", "seen_recording", "gap", "move", "transfer", "misrouted_notification",
        "corroboration", "discrepancy", "duplicate_entry", "unknown_person", "invisible_adult", "unchecked_adult",
        "not_shared", "missed_appointments", "repeated_domestic_abuse", "rereferral", "infant_injury",
        "practitioner_changes", "retrospective_evidence"};
    return k_names[static_cast<std::size_t>(k)];
}

std::string_view to_string(TransferStatus v) {
    static constexpr std::array<std::string_view, 4> k_names = {"ok", "late", "missed", "unknown"};
    return k_names[static_cast<std::size_t>(v)];
}

std::string_view to_string(OldSide v) {
    static constexpr std::array<std::string_view, 4> k_names = {"not_involved", "transfer_sent", "closed_without_handover",
                                                                "no_handover_recorded"};
    return k_names[static_cast<std::size_t>(v)];
}

std::string_view to_string(ThresholdUnit v) { return v == ThresholdUnit::WorkingDays ? "working days" : "days"; }

std::string_view to_string(DiscrepancyAspect v) {
    static constexpr std::array<std::string_view, 3> k_names = {"date", "child_seen", "people"};
    return k_names[static_cast<std::size_t>(v)];
}

std::vector<Finding> analyse(const Case& c, const AnalysisOptions& options) {
    return analyse(c, find_clusters(c, options.threads), options);
}

std::vector<Finding> analyse(const Case& c, const std::vector<Cluster>& clusters, const AnalysisOptions& options) {
    std::vector<Finding> out;
    auto add = [&](std::vector<Finding> more) {
        out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    add(analyse_child_seen(c, options));
    add(analyse_gaps(c, options));
    add(analyse_transfers(c, options));
    add(analyse_clusters(c, clusters, options));
    add(analyse_people(c, options));
    add(analyse_knowledge(c, clusters, options));
    add(analyse_patterns(c, clusters, options));
    return out;
}

}  // namespace sightline::engine
