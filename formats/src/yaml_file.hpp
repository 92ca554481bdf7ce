// Native YAML files as their readers see them: where a node is, a map's field, and YamlFile,
// which reads a file's values with their types checked and reports problems against the file.
// Shared by the readers of the manifest, agency files, their entries and mapping files.
// Internal to sightline_formats.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entry_builder.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// Where a node stands in its file (1-based); nowhere for a missing key or a node with no mark.
Where where_of(const YAML::Node& n);

// A map's field, or a null node when absent (yaml-cpp's missing-key nodes throw when inspected).
YAML::Node get(const YAML::Node& map, const char* key);

// One YAML file read into a case: typed values, and problems reported at their nodes.
class YamlFile {
public:
    YamlFile(engine::Case& c, std::string file) : m_case(c), m_file(std::move(file)) {}

    // An error at a node, in the case's diagnostics.
    void error(const YAML::Node& at, std::string code, std::string message);
    // A warning at a node, in the case's diagnostics.
    void warning(const YAML::Node& at, std::string code, std::string message);

    // Parses text; on a syntax error reports it and returns an undefined node.
    std::optional<YAML::Node> load(std::string_view text);

    // A scalar's text, or an error naming the field when it is a list or map.
    std::optional<std::string> scalar(const YAML::Node& n, std::string_view field);

    // A list of scalars; a single scalar is split on ; , or |.
    std::vector<std::pair<std::string, YAML::Node>> list(const YAML::Node& n, std::string_view field);

    // A date (case-format §4), or an error (with its warning, if any) at the node.
    std::optional<engine::FuzzyDate> date(const YAML::Node& n, std::string_view field,
                                          const engine::DateParseOptions& opts = {});

    // Warns about keys outside a known set.
    void check_keys(const YAML::Node& map, std::initializer_list<std::string_view> known,
                    std::string_view where);

    // The case being read into.
    engine::Case& c() { return m_case; }
    // The file, as diagnostics name it.
    const std::string& file() const { return m_file; }

private:
    engine::Case& m_case;
    std::string m_file;
};

// Checks `sightline: 1`.
void check_version(YamlFile& y, const YAML::Node& root, bool required);

}  // namespace sightline::formats::detail
