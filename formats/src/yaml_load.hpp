// Loading YAML text safely: hostile nesting refused before yaml-cpp's recursive parser sees it,
// syntax errors turned into located diagnostics.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "sightline/engine/diagnostic.hpp"

namespace sightline::formats {

// yaml-cpp's recursive parser would exhaust the stack on hostile nesting; real cases nest 4 deep.
inline constexpr int k_max_yaml_nesting = 64;

// How deeply brackets and indentation nest, found without parsing.
int yaml_nesting_depth(std::string_view text);

// Parses text; on a syntax error or hostile nesting reports it against file and returns nullopt.
std::optional<YAML::Node> load_yaml(std::string_view text, const std::string& file, engine::Diagnostics& out);

}  // namespace sightline::formats
