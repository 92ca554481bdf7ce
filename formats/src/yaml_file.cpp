// Native YAML files as their readers see them (see yaml_file.hpp).
#include "yaml_file.hpp"

#include <algorithm>

#include "yaml_load.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

Where where_of(const YAML::Node& n) {
    if (!n.IsDefined()) return {};  // a missing key: Mark() would throw
    const YAML::Mark m = n.Mark();
    if (m.is_null()) return {};
    return {static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

YAML::Node get(const YAML::Node& map, const char* key) {
    if (!map.IsMap()) return YAML::Node();
    const YAML::Node n = map[key];
    return n.IsDefined() ? n : YAML::Node();
}

void YamlFile::error(const YAML::Node& at, std::string code, std::string message) {
    const Where w = where_of(at);
    m_case.diagnostics.add(Severity::Error, m_file, w.line, w.column, std::move(code), std::move(message));
}

void YamlFile::warning(const YAML::Node& at, std::string code, std::string message) {
    const Where w = where_of(at);
    m_case.diagnostics.add(Severity::Warning, m_file, w.line, w.column, std::move(code), std::move(message));
}

std::optional<YAML::Node> YamlFile::load(std::string_view text) {
    return load_yaml(text, m_file, m_case.diagnostics);
}

std::optional<std::string> YamlFile::scalar(const YAML::Node& n, std::string_view field) {
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) {
        error(n, "field-type", "'" + std::string(field) + "' must be a single value");
        return std::nullopt;
    }
    return n.Scalar();
}

std::vector<std::pair<std::string, YAML::Node>> YamlFile::list(const YAML::Node& n, std::string_view field) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    if (!n.IsDefined() || n.IsNull()) return out;
    if (n.IsScalar()) {
        for (std::string_view part : EntryBuilder::split_list(n.Scalar())) out.emplace_back(std::string(part), n);
        return out;
    }
    if (!n.IsSequence()) {
        error(n, "field-type", "'" + std::string(field) + "' must be a list");
        return out;
    }
    for (const YAML::Node& item : n) {
        if (!item.IsScalar()) {
            error(item, "field-type", "each item of '" + std::string(field) + "' must be a single value");
            continue;
        }
        out.emplace_back(item.Scalar(), item);
    }
    return out;
}

std::optional<FuzzyDate> YamlFile::date(const YAML::Node& n, std::string_view field,
                                        const DateParseOptions& opts) {
    const std::optional<std::string> text = scalar(n, field);
    if (!text) return std::nullopt;
    const DateParseResult r = parse_date(*text, opts);
    if (r.error) {
        error(n, r.error->code, r.error->message);
        return std::nullopt;
    }
    if (r.warning) warning(n, r.warning->code, r.warning->message);
    return r.date;
}

void YamlFile::check_keys(const YAML::Node& map, std::initializer_list<std::string_view> known,
                          std::string_view where) {
    for (const auto& kv : map) {
        const std::string& k = kv.first.Scalar();
        if (std::find(known.begin(), known.end(), k) == known.end())
            warning(kv.first, "key-unknown", "unknown key '" + k + "' in " + std::string(where) + "; ignored");
    }
}

void check_version(YamlFile& y, const YAML::Node& root, bool required) {
    const YAML::Node v = get(root, "sightline");
    if (!v.IsDefined() || v.IsNull()) {
        if (required) y.error(root, "version-missing", "missing 'sightline: 1' (the format version)");
        else y.warning(root, "version-missing", "missing 'sightline: 1' (the format version); reading as version 1");
        return;
    }
    if (!v.IsScalar() || v.Scalar() != "1")
        y.error(v, "version-unsupported", "format version '" + (v.IsScalar() ? v.Scalar() : std::string("?")) +
                                              "' is not supported; this sightline reads version 1");
}

}  // namespace sightline::formats::detail
