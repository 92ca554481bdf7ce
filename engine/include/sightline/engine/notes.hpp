// The reviewer's notes (case-format §7): notes on entries and decisions about clusters, keyed by
// stable entry ids so that they survive re-import of a revised agency chronology.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sightline::engine {

// A reviewer's note on one entry (shown in the "Review notes" column).
struct EntryNote {
    std::string entry_id;
    std::string text;
    std::uint32_t line = 0;                // in notes.yaml, for diagnostics
};

enum class ClusterDecisionKind : std::uint8_t {
    Confirm,  // these entries are the same incident (joined even if the rule did not join them)
    Split     // these entries are not the same incident (never joined to each other)
};

struct ClusterDecision {
    ClusterDecisionKind kind = ClusterDecisionKind::Confirm;
    std::vector<std::string> entry_ids;
    std::string note;
    std::uint32_t line = 0;
};

// A span of the chronology the reviewer marks for the learning event.
struct KeyEpisode {
    std::string title;
    std::string from;                      // dates as written
    std::string to;
    std::string note;
    std::uint32_t line = 0;
};

struct ReviewNotes {
    std::string file;                      // notes.yaml as opened ("" when the case has none)
    std::vector<EntryNote> notes;
    std::vector<ClusterDecision> clusters;
    std::vector<KeyEpisode> episodes;       // those whose dates read, in order
    std::size_t episodes_unreadable = 0;     // episodes left out for their dates (each reported)

    // The note on an entry, or nullptr.
    [[nodiscard]] const EntryNote* note_for(const std::string& entry_id) const {
        for (const EntryNote& n : notes)
            if (n.entry_id == entry_id) return &n;
        return nullptr;
    }
    // Sets (or with empty text removes) the note on an entry.
    void set_note(const std::string& entry_id, std::string text);
};

}  // namespace sightline::engine
