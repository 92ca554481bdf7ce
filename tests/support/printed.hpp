// A case's diagnostics as a person sees them, with a test folder's path removed.
#pragma once

#include <string>
#include <vector>

#include "sightline/engine/model.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "support/temp_dir.hpp"

namespace sightline::test {

// Every diagnostic, printed compiler style, relative to dir.
inline std::vector<std::string> printed(const engine::Case& c, const TempDir& dir) {
    std::vector<std::string> out;
    const std::string prefix = dir.path() + "/";
    for (const engine::Diagnostic& d : c.diagnostics.items()) {
        std::string s = formats::format_diagnostic(d);
        for (std::size_t at; (at = s.find(prefix)) != std::string::npos;) s.erase(at, prefix.size());
        out.push_back(s);
    }
    return out;
}

// All of them on separate lines, for failure messages.
inline std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += "  " + l + "\n";
    return out;
}

}  // namespace sightline::test
