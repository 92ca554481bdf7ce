// A panel: one window of the viewer. The base class owns Begin/End and the window's place on
// screen; a panel only draws its content (as ImHex's views do).
#pragma once

#include <imgui.h>

#include <string>

namespace sightline::viewer {

class App;

class Panel {
public:
    explicit Panel(std::string title) : m_title(std::move(title)) {}
    virtual ~Panel() = default;
    Panel(const Panel&) = delete;
    Panel& operator=(const Panel&) = delete;

    // Draws the panel as a fixed window at (pos, size) in screen pixels.
    void draw(App& app, ImVec2 pos, ImVec2 size) {
        ImGui::SetNextWindowPos(pos);
        ImGui::SetNextWindowSize(size);
        if (ImGui::Begin(m_title.c_str(), nullptr,
                         ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                             ImGuiWindowFlags_NoBringToFrontOnFocus | window_flags()))
            draw_content(app);
        ImGui::End();
    }
    [[nodiscard]] const std::string& title() const { return m_title; }

protected:
    virtual void draw_content(App& app) = 0;
    [[nodiscard]] virtual ImGuiWindowFlags window_flags() const { return 0; }

private:
    std::string m_title;
};

}  // namespace sightline::viewer
