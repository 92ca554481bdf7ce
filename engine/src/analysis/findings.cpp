// Running the analyses, and finding kinds' names.
#include "sightline/engine/findings.hpp"

#include <array>

namespace sightline::engine {

std::string_view to_string(FindingKind k) {
    static constexpr std::array<std::string_view, static_cast<std::size_t>(FindingKind::Count)> k_names = {
        "sightings", "unseen_period", "seen_recording", "gap", "move", "transfer", "misrouted_notification"};
    return k_names[static_cast<std::size_t>(k)];
}

const FieldValue* Finding::get(std::string_view name) const {
    for (const FindingField& f : fields)
        if (f.name == name) return &f.value;
    return nullptr;
}

std::vector<Finding> analyse(const Case& c, const AnalysisOptions& options) {
    std::vector<Finding> out = analyse_child_seen(c, options);
    for (auto* run : {&analyse_gaps, &analyse_transfers}) {
        std::vector<Finding> more = run(c, options);
        out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    return out;
}

}  // namespace sightline::engine
