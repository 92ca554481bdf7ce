// The viewer's look: a light theme for reading, a readable font, and the colours of marks.
#pragma once

#include <imgui.h>

#include <cstdint>

#include "sightline/engine/palette.hpp"
#include "sightline/engine/timeline.hpp"

namespace sightline::viewer {

// Applies the theme and loads DejaVu Sans (Debian's fonts-dejavu-core) when present.
void apply_style(float scale);

// 0xRRGGBB with an alpha (0-255) as an ImGui colour.
ImU32 rgb(std::uint32_t rgb, std::uint8_t alpha = 255);

// Colours shared by panels.
namespace colour {
using engine::palette::k_concern;
using engine::palette::k_cursor;
using engine::palette::k_episode;
using engine::palette::k_gap;
using engine::palette::k_move;
using engine::palette::k_ok;
using engine::palette::k_warning;
inline constexpr std::uint32_t k_muted = 0x7F8C8D;       // grey text
inline constexpr std::uint32_t k_select = 0xF1C40F;      // selection highlight
}  // namespace colour

// One entry's marker centred at c: shape and fill say whether the child was seen. The timeline
// and the toolbar's legend both draw with it, so the legend is always what the timeline shows.
void draw_marker(ImDrawList* dl, ImVec2 c, engine::MarkStyle s, std::uint32_t colour);

// The label a reader sees for a mark's child-seen state.
const char* style_label(engine::MarkStyle s);

}  // namespace sightline::viewer
