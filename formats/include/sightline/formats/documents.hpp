// The reviewer's documents: the overview report (`sightline report`) and the learning-event
// pack (`sightline episodes -o pack.html|.docx`), each as one self-contained HTML file or a Word
// document with the pictures as PNG. docs/documents.md says what each holds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sightline/engine/episodes.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/formats/picture.hpp"

namespace sightline::formats {

// Word when the path ends ".docx", else HTML.
bool is_word_path(const std::string& path);

// The timeline of the case, or of [from_day, to_day] (inclusive; both 0: the whole case), with
// its lanes grouped by area, as a picture `width` units wide.
Picture case_timeline_picture(const engine::Case& c, const std::vector<engine::Finding>& findings,
                              std::int32_t from_day = 0, std::int32_t to_day = 0, float width = 1600,
                              const std::string& title = {});

// The days the genogram is drawn at in the report: each move, and the start and end of each key
// practice episode; the end of the case's scope (or its last entry) when there are none.
std::vector<std::int32_t> key_dates(const engine::Case& c, const std::vector<engine::Finding>& findings,
                                    const std::vector<engine::EpisodeView>& views);

// The overview report: the summary `check` opens with, the timeline, the genogram at the key
// dates, every finding of concern with the entries it rests on, each agency's recording of
// whether the child was seen, the transfers after each move, and who knew what at each key
// practice episode. Written atomically to path (.docx: Word; else HTML); throws engine::Error.
void write_overview_report(const engine::Case& c, const std::vector<engine::Finding>& findings,
                           const std::vector<engine::EpisodeView>& views, const std::string& path);

// The learning-event pack: one page per key practice episode with the timeline cut to it, the
// genogram at its start and end, its findings of concern and its who-knew-what grid.
void write_episodes_pack(const engine::Case& c, const std::vector<engine::Finding>& findings,
                         const std::vector<engine::EpisodeView>& views, const std::string& path);

}  // namespace sightline::formats
