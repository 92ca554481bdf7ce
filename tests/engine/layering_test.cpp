// The engine stays pure: no GUI, no YAML, no file streams (style.md, Architecture).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

TEST(Layering, EngineIncludesNoGuiYamlOrFileStreams) {
    const std::regex forbidden(R"(#\s*include\s*[<"](imgui[^>"]*|GLFW/[^>"]*|yaml-cpp/[^>"]*|fstream)[>"])");
    std::size_t files = 0;
    for (const auto& item : fs::recursive_directory_iterator(fs::path(SIGHTLINE_SOURCE_DIR) / "engine")) {
        if (!item.is_regular_file()) continue;
        const std::string ext = item.path().extension().string();
        if (ext != ".cpp" && ext != ".hpp") continue;
        ++files;
        std::ifstream in(item.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        std::smatch m;
        EXPECT_FALSE(std::regex_search(s, m, forbidden)) << item.path() << " includes " << m.str();
    }
    EXPECT_GT(files, 10u);
}
