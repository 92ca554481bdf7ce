// Loading YAML text safely (see yaml_load.hpp).
#include "yaml_load.hpp"

#include <algorithm>

namespace sightline::formats {

// Brackets count one level each; indentation and "- - -" one level per two characters.
int yaml_nesting_depth(std::string_view text) {
    int depth = 0, worst = 0;
    std::size_t line_start = 0;
    bool in_quote = false;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quote) {
            if (c == quote) in_quote = false;
            if (c == '\n') line_start = i + 1;
            continue;
        }
        if (c == '"' || c == '\'') {
            // Only a quote that starts a scalar opens a quoted span.
            if (i == 0 || text[i - 1] == ' ' || text[i - 1] == '[' || text[i - 1] == '{' || text[i - 1] == ',' ||
                text[i - 1] == ':' || text[i - 1] == '-') {
                in_quote = true;
                quote = c;
            }
        } else if (c == '[' || c == '{') {
            worst = std::max(worst, ++depth);
        } else if (c == ']' || c == '}') {
            depth = std::max(0, depth - 1);
        } else if (c == '\n') {
            line_start = i + 1;
        } else if (c == '#' && (i == line_start || text[i - 1] == ' ')) {
            while (i < text.size() && text[i] != '\n') ++i;
            line_start = i + 1;
        } else if (i == line_start) {
            std::size_t j = i;  // indentation and "- - -" both nest one level per two characters
            while (j < text.size() && (text[j] == ' ' || text[j] == '-')) ++j;
            worst = std::max(worst, static_cast<int>((j - i) / 2) + depth);
        }
    }
    return worst;
}

std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& file, engine::Diagnostics& out) {
    if (yaml_nesting_depth(text) > k_max_yaml_nesting) {
        out.add(engine::Severity::Error, file, 0, 0, "yaml-syntax",
                "malformed yaml: nested more than " + std::to_string(k_max_yaml_nesting) + " levels deep");
        return std::nullopt;
    }
    try {
        return YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        const std::uint32_t line = e.mark.is_null() ? 0 : static_cast<std::uint32_t>(e.mark.line + 1);
        const std::uint32_t column = e.mark.is_null() ? 0 : static_cast<std::uint32_t>(e.mark.column + 1);
        out.add(engine::Severity::Error, file, line, column, "yaml-syntax", "malformed yaml: " + e.msg);
        return std::nullopt;
    }
}

}  // namespace sightline::formats
