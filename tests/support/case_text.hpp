// Builds a merged case from YAML text, for analysis tests that read like case files.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "support/temp_dir.hpp"

namespace sightline::test {

// Loads a one-file case; fails the test on any input error.
inline engine::Case case_from_yaml(const std::string& yaml) {
    TempDir dir;
    dir.write("case.yaml", yaml);
    engine::Case c = formats::load_case(dir.file("case.yaml"));
    for (const engine::Diagnostic& d : c.diagnostics.items())
        EXPECT_NE(d.severity, engine::Severity::Error) << formats::format_diagnostic(d);
    return c;
}

// Findings of one kind.
inline std::vector<engine::Finding> of_kind(const std::vector<engine::Finding>& all, engine::FindingKind kind) {
    std::vector<engine::Finding> out;
    for (const engine::Finding& f : all)
        if (f.kind() == kind) out.push_back(f);
    return out;
}

// Findings whose data is a P (`of_kind<GapFinding>(all)`), only those keep(data) accepts.
template <class P, class Keep>
std::vector<engine::Finding> of_kind(const std::vector<engine::Finding>& all, Keep&& keep) {
    std::vector<engine::Finding> out;
    for (const engine::Finding& f : all)
        if (const P* d = f.as<P>(); d && keep(*d)) out.push_back(f);
    return out;
}

// A finding's data, which must be a P; fails the test (and gives an empty P) when it is not.
template <class P>
const P& data(const engine::Finding& f) {
    static const P k_empty{};
    const P* d = f.as<P>();
    EXPECT_NE(d, nullptr) << "a " << engine::to_string(f.kind()) << " finding, not " << engine::to_string(P::kind);
    return d ? *d : k_empty;
}

// A day as written in output, "2015-06-21".
inline std::string text(engine::DayValue d) { return engine::format_day(d.day); }

}  // namespace sightline::test
