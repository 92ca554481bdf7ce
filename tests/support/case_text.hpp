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

// Findings of one kind, optionally only those with a field equal to a text.
inline std::vector<engine::Finding> of_kind(const std::vector<engine::Finding>& all, engine::FindingKind kind,
                                            const std::string& field = "", const std::string& value = "") {
    std::vector<engine::Finding> out;
    for (const engine::Finding& f : all) {
        if (f.kind != kind) continue;
        if (!field.empty()) {
            const engine::FieldValue* v = f.get(field);
            if (!v) continue;
            const auto* s = std::get_if<std::string>(v);
            if (value.empty() ? s != nullptr : (!s || *s != value)) continue;
        }
        out.push_back(f);
    }
    return out;
}

inline std::int64_t int_field(const engine::Finding& f, const std::string& name) {
    const engine::FieldValue* v = f.get(name);
    return v && std::holds_alternative<std::int64_t>(*v) ? std::get<std::int64_t>(*v) : -1;
}

inline std::string text_field(const engine::Finding& f, const std::string& name) {
    const engine::FieldValue* v = f.get(name);
    if (!v) return "<absent>";
    if (std::holds_alternative<std::monostate>(*v)) return "<null>";
    if (const auto* s = std::get_if<std::string>(v)) return *s;
    if (const auto* d = std::get_if<engine::DayValue>(v)) return engine::format_day(d->day);
    return "<other>";
}

}  // namespace sightline::test
