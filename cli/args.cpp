// A small command-line parser.
#include "args.hpp"

namespace sightline::cli {

Args::Args(int argc, char** argv, int first, std::set<std::string> value_options, std::set<std::string> flags) {
    bool only_positionals = false;
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (only_positionals || a.empty() || a[0] != '-' || a == "-") {
            m_positionals.push_back(a);
            continue;
        }
        if (a == "--") {
            only_positionals = true;
            continue;
        }
        std::string value;
        bool has_value = false;
        if (const auto eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = a.substr(eq + 1);
            a = a.substr(0, eq);
            has_value = true;
        }
        if (value_options.count(a)) {
            if (!has_value) {
                if (i + 1 >= argc) {
                    m_error = "option '" + a + "' needs a value";
                    return;
                }
                value = argv[++i];
            }
            m_values.emplace(a, value);
        } else if (flags.count(a) && !has_value) {
            m_flags.insert(a);
        } else {
            m_error = "unknown option '" + a + "'";
            return;
        }
    }
}

std::optional<std::string> Args::get(const std::string& option) const {
    const auto range = m_values.equal_range(option);
    if (range.first == range.second) return std::nullopt;
    return std::prev(range.second)->second;  // the last one given wins
}

std::vector<std::string> Args::get_all(const std::string& option) const {
    std::vector<std::string> out;
    const auto range = m_values.equal_range(option);
    for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
    return out;
}

}  // namespace sightline::cli
