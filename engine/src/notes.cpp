// The reviewer's notes.
#include "sightline/engine/notes.hpp"

#include <algorithm>

namespace sightline::engine {

void ReviewNotes::set_note(const std::string& entry_id, std::string text) {
    const auto it = std::find_if(notes.begin(), notes.end(), [&](const EntryNote& n) { return n.entry_id == entry_id; });
    if (text.empty()) {
        if (it != notes.end()) notes.erase(it);
        return;
    }
    if (it != notes.end()) it->text = std::move(text);
    else notes.push_back({entry_id, std::move(text), 0});
}

}  // namespace sightline::engine
