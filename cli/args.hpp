// A small command-line parser: positionals, --flag, --option VALUE, --option=VALUE, -o VALUE.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace sightline::cli {

class Args {
public:
    // value_options: options that take a value ("--format", "-o"); flags: options that do not.
    Args(int argc, char** argv, int first, std::set<std::string> value_options, std::set<std::string> flags);

    [[nodiscard]] bool ok() const { return m_error.empty(); }
    [[nodiscard]] const std::string& error() const { return m_error; }
    [[nodiscard]] const std::vector<std::string>& positionals() const { return m_positionals; }
    [[nodiscard]] bool has(const std::string& flag) const { return m_flags.count(flag) > 0; }
    [[nodiscard]] std::optional<std::string> get(const std::string& option) const;
    [[nodiscard]] std::vector<std::string> get_all(const std::string& option) const;

private:
    std::vector<std::string> m_positionals;
    std::multimap<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::string m_error;
};

}  // namespace sightline::cli
