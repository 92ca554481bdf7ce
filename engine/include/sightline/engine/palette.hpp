// The colours that carry meaning wherever the case is drawn: the viewer, and the pictures in the
// reviewer's documents (so that a picture looks like the screen). 0xRRGGBB.
#pragma once

#include <cstdint>

namespace sightline::engine::palette {

inline constexpr std::uint32_t k_concern = 0xC0392B;     // red: unseen past the threshold, late or missed
inline constexpr std::uint32_t k_ok = 0x1E8449;          // green: seen, on time
inline constexpr std::uint32_t k_warning = 0xB9770E;     // amber
inline constexpr std::uint32_t k_gap = 0xD5D8DC;         // no contact at all
inline constexpr std::uint32_t k_move = 0x34495E;        // a move between areas
inline constexpr std::uint32_t k_cursor = 0x2E86C1;      // the date cursor
inline constexpr std::uint32_t k_episode = 0x1F618D;     // a key practice episode
inline constexpr std::uint32_t k_ink = 0x1C2833;         // a marker's outline, dark text
inline constexpr std::uint32_t k_retrospective = 0x922B21;  // the ring of evidence found later
inline constexpr std::uint32_t k_table_header = 0xD9E1F2;  // a table's header row (documents, workbooks)

}  // namespace sightline::engine::palette
