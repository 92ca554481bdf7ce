// sightline-viewer: one window with the integrated timeline next to the genogram.
//
// [SECTION] Options
// [SECTION] Window and Dear ImGui
// [SECTION] Frame loop, screenshots and the frame benchmark
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "sightline/engine/date.hpp"
#include "app.hpp"
#include "screenshot.hpp"
#include "style.hpp"

namespace {

using sightline::viewer::App;

// [SECTION] Options

constexpr const char* k_help = R"(usage: sightline-viewer [CASE] [options]

Shows a case: the integrated timeline (one lane per agency, a "seen" lane per index
child, findings, moves and gaps) next to the genogram at the cursor date, with the
chronology, findings and diagnostics below. A case folder can also be dropped onto
the window.

  CASE                 a case folder (with case.yaml) or a manifest file
  --at DATE            put the date cursor (the genogram's date) at DATE
  --select ID          select the entry with this id (dated or undated); an id the
                       case does not have is an error (exit 2 with --screenshot)
  --group area|kind    lanes grouped by area (default) or by agency kind
  --tab NAME           open the bottom panel on chronology (default), findings or
                       diagnostics
  --anonymise          names replaced by roles (Child A, Mother, ...)
  --size WxH           window size in pixels (default 1600x1000)
  --scale S            interface scale (default 1)
  --screenshot FILE    render a few frames once the case is loaded, write the window
                       to FILE as PNG, and exit
  --bench-frames N     load, render N frames zooming and panning over the whole range,
                       print one line of figures, and exit

Mouse: wheel zooms around the pointer, drag pans, shift+wheel scrolls the lanes,
click an entry to select it, drag the date on the axis to move the cursor.
Keys: left/right pan, +/- zoom, Home fits everything.
)";

struct Options {
    std::string case_path;
    std::optional<std::string> at;
    std::optional<std::string> select;
    std::optional<std::string> screenshot;
    int bench_frames = 0;
    int width = 1600;
    int height = 1000;
    float scale = 1.0f;
    bool by_kind = false;
    bool anonymise = false;
    std::optional<std::string> tab;
};

std::optional<Options> parse_options(int argc, char** argv, int& exit_code) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) return std::nullopt;
            return std::string(argv[++i]);
        };
        if (a == "--help" || a == "-h") {
            std::cout << k_help;
            exit_code = 0;
            return std::nullopt;
        }
        if (a == "--version") {
            std::cout << "sightline-viewer " SIGHTLINE_VERSION " (Dear ImGui " IMGUI_VERSION ")\n";
            exit_code = 0;
            return std::nullopt;
        }
        if (a == "--anonymise" || a == "--anonymize") {
            o.anonymise = true;
            continue;
        }
        std::optional<std::string> v;
        if (a == "--at" || a == "--select" || a == "--screenshot" || a == "--bench-frames" || a == "--size" || a == "--scale" ||
            a == "--group" || a == "--tab") {
            v = value();
            if (!v) {
                std::cerr << "sightline-viewer: option '" << a << "' needs a value\n";
                exit_code = 64;
                return std::nullopt;
            }
        }
        if (a == "--at") {
            // Refused here, as `sightline genogram --at` refuses it (exit 2), rather than ignored.
            const sightline::engine::DateParseResult r = sightline::engine::parse_date(*v);
            if (!r.date) {
                std::cerr << "sightline-viewer: error: --at: " << r.error->message << " [" << r.error->code << "]\n";
                exit_code = 2;
                return std::nullopt;
            }
            o.at = v;
        }
        else if (a == "--select") o.select = v;
        else if (a == "--screenshot") o.screenshot = v;
        else if (a == "--bench-frames") o.bench_frames = std::max(1, std::atoi(v->c_str()));
        else if (a == "--size") std::sscanf(v->c_str(), "%dx%d", &o.width, &o.height);
        else if (a == "--scale") o.scale = std::clamp(static_cast<float>(std::atof(v->c_str())), 0.5f, 3.0f);
        else if (a == "--group" && (*v == "area" || *v == "kind")) o.by_kind = *v == "kind";
        else if (a == "--tab" && (*v == "chronology" || *v == "findings" || *v == "diagnostics")) o.tab = v;
        else if (a == "--group" || a == "--tab") {
            std::cerr << "sightline-viewer: '" << *v << "' is not a choice for " << a << " (try 'sightline-viewer --help')\n";
            exit_code = 64;
            return std::nullopt;
        }
        else if (!a.empty() && a[0] == '-') {
            std::cerr << "sightline-viewer: unknown option '" << a << "'\ntry 'sightline-viewer --help'\n";
            exit_code = 64;
            return std::nullopt;
        } else {
            o.case_path = a;
        }
    }
    return o;
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    int exit_code = 0;
    const std::optional<Options> options = parse_options(argc, argv, exit_code);
    if (!options) return exit_code;

    // [SECTION] Window and Dear ImGui
    glfwSetErrorCallback([](int, const char* description) { std::cerr << "sightline-viewer: " << description << "\n"; });
    if (!glfwInit()) {
        std::cerr << "sightline-viewer: cannot open a window (is there a display? try xvfb-run)\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 2);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    GLFWwindow* window = glfwCreateWindow(options->width, options->height, "Sightline", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    const bool measuring = options->bench_frames > 0 || options->screenshot;
    glfwSwapInterval(measuring ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // nothing written beside the case: the layout is fixed
    sightline::viewer::apply_style(options->scale);
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 150");

    App app("");
    if (options->anonymise) app.set_anonymised(true);
    if (!options->case_path.empty()) app.load(options->case_path);
    app.initial_at = options->at;
    app.initial_select = options->select;
    app.open_tab = options->tab;
    if (options->by_kind) app.set_grouping(sightline::engine::LaneGrouping::Kind);
    glfwSetWindowUserPointer(window, &app);
    glfwSetDropCallback(window, [](GLFWwindow* w, int count, const char** paths) {
        if (count > 0) static_cast<App*>(glfwGetWindowUserPointer(w))->load(paths[0]);
    });

    // [SECTION] Frame loop, screenshots and the frame benchmark
    using clock = std::chrono::steady_clock;
    const auto started = clock::now();
    int frames_after_load = 0;
    std::vector<double> prep_ms, frame_ms;
    int max_vertices = 0;
    double full0 = 0, full1 = 0;
    while (!glfwWindowShouldClose(window)) {
        if (measuring || app.loading()) glfwPollEvents();
        else glfwWaitEventsTimeout(0.1);  // idle: no busy loop
        const bool ready = app.poll();
        if (measuring && !ready && !app.loading() && std::chrono::duration<double>(clock::now() - started).count() > 1) {
            std::cerr << "sightline-viewer: the case could not be read";
            if (app.data() && !app.data()->error.empty()) std::cerr << ": " << app.data()->error;
            std::cerr << "\n";
            exit_code = 2;
            if (!options->screenshot) break;
        }
        if (ready) ++frames_after_load;
        if (ready && frames_after_load == 1 && app.initial_select_missing) {
            // Refused, as an unreadable --at is, rather than ignored: the picture would show no selection.
            std::cerr << "sightline-viewer: error: --select: the case has no entry with id '" << *options->select << "'\n";
            if (measuring) exit_code = 2;
            if (options->bench_frames > 0) break;
        }
        if (ready && options->bench_frames > 0) {
            if (frames_after_load == 1) {
                full0 = app.view0;
                full1 = app.view1;
            }
            // Zoom in and out over the whole range (from everything to a few days) while panning across it.
            const double k = static_cast<double>(frames_after_load) / options->bench_frames;
            const double depth = (std::sin(k * 6.283 * 3) + 1) / 2;  // 0 = everything, 1 = deepest
            const double span = (full1 - full0) * std::pow(10.0, -3.3 * depth);
            const double centre = full0 + (full1 - full0) * k;
            app.view0 = centre - span / 2;
            app.view1 = centre + span / 2;
        }
        const auto t0 = clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        app.frame();
        ImGui::Render();
        const auto t1 = clock::now();
        int w = 0, h = 0;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.98f, 0.98f, 0.98f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (options->screenshot && (frames_after_load >= 4 || exit_code != 0)) {
            const std::string error = sightline::viewer::write_screenshot(*options->screenshot, w, h);
            if (!error.empty()) {
                std::cerr << "sightline-viewer: " << error << "\n";
                exit_code = 1;
            } else if (ready && app.data()->c->diagnostics.has_errors()) {
                exit_code = 2;  // as the command line: the input has errors (shown in the window)
            }
            break;
        }
        if (options->bench_frames > 0 && ready) glFinish();  // count the rasteriser's work too
        glfwSwapBuffers(window);
        const auto t2 = clock::now();
        if (options->bench_frames > 0 && ready && frames_after_load > 2) {
            prep_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            frame_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
            max_vertices = std::max(max_vertices, ImGui::GetDrawData()->TotalVtxCount);
            if (static_cast<int>(prep_ms.size()) >= options->bench_frames) {
                std::printf("frames=%zu entries=%zu prep_median=%.2f prep_p95=%.2f frame_median=%.2f max_vertices=%d\n",
                            prep_ms.size(), app.data()->c->chronology.entries.size(), median(prep_ms), percentile(prep_ms, 0.95),
                            median(frame_ms), max_vertices);
                break;
            }
        }
        if (measuring && std::chrono::duration<double>(clock::now() - started).count() > 1800) {
            std::cerr << "sightline-viewer: gave up waiting for the case to load\n";
            exit_code = 1;
            break;
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
