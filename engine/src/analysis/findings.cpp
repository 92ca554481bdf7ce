// Running the analyses, and finding kinds' names.
#include "sightline/engine/findings.hpp"

#include <array>

#include "sightline/engine/corroboration.hpp"

namespace sightline::engine {

std::string_view to_string(FindingKind k) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(FindingKind::Count)> k_names = {
        "sightings", "unseen_period", "seen_recording", "gap", "move", "transfer", "misrouted_notification",
        "corroboration", "discrepancy", "duplicate_entry", "unknown_person", "invisible_adult", "unchecked_adult",
        "not_shared", "missed_appointments", "repeated_domestic_abuse", "rereferral", "infant_injury",
        "practitioner_changes"};
    return k_names[static_cast<std::size_t>(k)];
}

const FieldValue* Finding::get(std::string_view name) const {
    for (const FindingField& f : fields)
        if (f.name == name) return &f.value;
    return nullptr;
}

std::vector<Finding> analyse(const Case& c, const AnalysisOptions& options) {
    const std::vector<Cluster> clusters = find_clusters(c);
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
