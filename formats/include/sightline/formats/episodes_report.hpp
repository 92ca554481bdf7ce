// `sightline episodes` output: each key practice episode as a learning event reads it.
#pragma once

#include <string>
#include <vector>

#include "sightline/engine/episodes.hpp"

namespace sightline::formats {

// Markdown: per episode its dates and note, the agencies in contact, each child seen or not,
// the findings of concern inside it, and a who-knew-what grid at its end.
void write_episodes_markdown(const engine::Case& c, const std::vector<engine::Finding>& findings,
                             const std::vector<engine::EpisodeView>& views, std::string& out);
// The same as JSON: {"sightline":1, "case", "episodes": [...]}.
void write_episodes_json(const engine::Case& c, const std::vector<engine::Finding>& findings,
                         const std::vector<engine::EpisodeView>& views, std::string& out);

}  // namespace sightline::formats
