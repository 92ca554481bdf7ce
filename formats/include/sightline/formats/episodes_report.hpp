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

// Pieces every form of the episodes shares (Markdown here, HTML and Word in documents.hpp).
// A risk event as a grid's row heading: "2015-06-24 Police: Domestic abuse ("...")".
std::string risk_label(const engine::Case& c, const engine::Entry& e);
// The who-knew-what grid's columns: indices into v.agencies, family accounts left out.
std::vector<std::size_t> grid_columns(const engine::Case& c, const engine::EpisodeView& v);
// A cell: "recorded" (the agency's own record), the first day it could have known, or "-".
std::string grid_cell(const engine::Case& c, const engine::EpisodeView& v, const engine::EpisodeRisk& r, std::size_t agency);
// "Riley: seen by a professional twice in the episode; last seen 2015-07-02, 12 days before ...".
std::string child_in_episode(const engine::Case& c, const engine::EpisodeView& v, const engine::EpisodeChild& ch);

}  // namespace sightline::formats
