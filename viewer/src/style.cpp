// The viewer's look.
#include "style.hpp"

#include <filesystem>

namespace sightline::viewer {

ImU32 rgb(std::uint32_t c, std::uint8_t alpha) {
    return IM_COL32((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha);
}

const char* style_label(engine::MarkStyle s) { return engine::label(s).data(); }

void apply_style(float scale) {
    ImGui::StyleColorsLight();
    ImGuiStyle& s = ImGui::GetStyle();
    s.WindowRounding = 0;
    s.FrameRounding = 3;
    s.GrabRounding = 3;
    s.TabRounding = 3;
    s.WindowBorderSize = 1;
    s.FramePadding = ImVec2(6, 4);
    s.ItemSpacing = ImVec2(8, 5);
    s.CellPadding = ImVec2(6, 3);
    s.ScrollbarSize = 14;
    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.985f, 0.98f, 1.0f);
    c[ImGuiCol_TitleBg] = ImVec4(0.90f, 0.91f, 0.92f, 1.0f);
    c[ImGuiCol_TitleBgActive] = ImVec4(0.86f, 0.88f, 0.90f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.26f, 0.53f, 0.80f, 0.20f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.53f, 0.80f, 0.30f);
    c[ImGuiCol_TableRowBgAlt] = ImVec4(0.0f, 0.0f, 0.0f, 0.03f);
    s.ScaleAllSizes(scale);

    ImGuiIO& io = ImGui::GetIO();
    const char* font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    std::error_code ec;
    if (std::filesystem::exists(font, ec)) {
        static const ImWchar k_ranges[] = {0x0020, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D, 0x2022, 0x2022,
                                           0x2026, 0x2026, 0x2190, 0x2193, 0x2713, 0x2717, 0};
        io.Fonts->AddFontFromFileTTF(font, 15.0f * scale, nullptr, k_ranges);
    } else {
        io.Fonts->AddFontDefault();
    }
}

namespace {

void diamond(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
    dl->AddQuadFilled(ImVec2(c.x, c.y - r), ImVec2(c.x + r, c.y), ImVec2(c.x, c.y + r), ImVec2(c.x - r, c.y), col);
}

}  // namespace

// One entry's marker: shape and fill say whether the child was seen (legend in the toolbar).
void draw_marker(ImDrawList* dl, ImVec2 c, engine::MarkStyle s, std::uint32_t colour) {
    switch (s) {
        case engine::MarkStyle::SeenAlone:
            diamond(dl, c, 7.0f, rgb(engine::palette::k_ink));
            diamond(dl, c, 5.0f, rgb(colour));
            break;
        case engine::MarkStyle::Seen:
            diamond(dl, c, 5.5f, rgb(colour));
            break;
        case engine::MarkStyle::NotSeen:
            diamond(dl, c, 6.0f, rgb(colour));
            diamond(dl, c, 3.2f, rgb(0xFFFFFF));
            break;
        case engine::MarkStyle::NotRecorded:
            dl->AddRectFilled(ImVec2(c.x - 3, c.y - 3), ImVec2(c.x + 3, c.y + 3), rgb(colour, 150));
            break;
        case engine::MarkStyle::Family:
            dl->AddTriangleFilled(ImVec2(c.x, c.y - 5), ImVec2(c.x + 5, c.y + 4), ImVec2(c.x - 5, c.y + 4), rgb(0x95A5A6));
            break;
        case engine::MarkStyle::Retrospective:
            // A ring: not a contact at the time, but evidence found later of when something happened.
            dl->AddCircle(c, 5.5f, rgb(engine::palette::k_retrospective), 12, 2.0f);
            break;
    }
}

}  // namespace sightline::viewer
