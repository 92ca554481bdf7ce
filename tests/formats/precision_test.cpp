// The precision suite: cases the rules were not written from (docs/analyses.md, "Precision:
// cases the rules were not written from"). Every folder under tests/data/precision/ that holds an
// expected.yaml is a case with its answer key: ordinary good practice that must raise no concern
// (normal/), and cases built from published reviews whose conclusions say what should be found
// (reviews/). Each case is loaded and analysed as `sightline check` does, its findings are written
// as check JSON and read back with yaml-cpp, and the answer keys are matched against that JSON: what
// a script would read, not the engine's C++ fields.
//
// [SECTION] Answer keys
// [SECTION] Running a case
// [SECTION] Matching
// [SECTION] Scores
// [SECTION] Tests
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "support/param_name.hpp"

using namespace sightline;
namespace fs = std::filesystem;

namespace {

const fs::path& precision_root() {
    static const fs::path root = fs::path(SIGHTLINE_SOURCE_DIR) / "tests" / "data" / "precision";
    return root;
}

// Every case: the folders under tests/data/precision holding an expected.yaml, named by their
// path below it ("normal/move-enquiry", "reviews/child-a"), in name order.
std::vector<std::string> case_names() {
    std::vector<std::string> names;
    std::error_code ec;
    if (!fs::is_directory(precision_root(), ec)) return names;
    for (fs::recursive_directory_iterator it(precision_root(), ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().filename() == "expected.yaml")
            names.push_back(it->path().parent_path().lexically_relative(precision_root()).generic_string());
    std::sort(names.begin(), names.end());
    return names;
}

// The finding kinds `check --format json` writes.
const std::set<std::string>& finding_kinds() {
    static const std::set<std::string> kinds = [] {
        std::set<std::string> out;
        for (std::size_t k = 0; k < static_cast<std::size_t>(engine::FindingKind::Count); ++k)
            out.emplace(engine::to_string(static_cast<engine::FindingKind>(k)));
        return out;
    }();
    return kinds;
}

// Kinds that are never of concern (information): an answer key expecting one must say concern: false.
bool information_only(const std::string& kind) {
    return kind == "sightings" || kind == "move" || kind == "corroboration";
}

// [SECTION] Answer keys

// One item of `findings`, `not_expected` or `known_false_alarms`.
struct Expected {
    std::string kind;
    YAML::Node match;     // fields equal in the JSON finding
    YAML::Node near;      // dates within tolerance_days, numbers within 10%
    bool concern = true;  // false: a finding of the kind matches whether of concern or not
    std::int64_t tolerance_days = 7;
    std::string message_prefix;  // the finding's message starts with this
    std::string cite;            // where the review says so
};

struct AnswerKey {
    std::string about;
    std::string source;
    bool no_concern = false;
    std::vector<Expected> findings;            // what should be found
    std::vector<Expected> not_expected;        // findings of concern that must not fire
    std::vector<Expected> known_false_alarms;  // findings of concern that fire now and should not (to fix)
};

const std::set<std::string> k_key_fields = {"about",    "source",       "no_concern",
                                            "findings", "not_expected", "known_false_alarms"};
const std::set<std::string> k_item_fields = {"kind",           "match", "near", "concern", "tolerance_days",
                                             "message_prefix", "cite",  "why",  "note"};

std::string text_of(const YAML::Node& n) {
    return n && n.IsScalar() ? n.Scalar() : std::string();
}

// What is wrong with an answer key; nothing for a well-formed one.
std::vector<std::string> key_problems(const YAML::Node& root) {
    std::vector<std::string> problems;
    if (!root.IsMap()) return {"the answer key is not a mapping"};
    for (const auto& kv : root)
        if (!k_key_fields.count(kv.first.Scalar()))
            problems.push_back("unknown field '" + kv.first.Scalar() + "'");
    if (text_of(root["about"]).empty()) problems.emplace_back("'about' is missing or empty");
    if (text_of(root["source"]).empty()) problems.emplace_back("'source' is missing or empty");
    bool no_concern = false;
    if (root["no_concern"]) {
        try {
            no_concern = root["no_concern"].as<bool>();
        } catch (const YAML::Exception&) {
            problems.emplace_back("'no_concern' is not true or false");
        }
    }
    const YAML::Node findings = root["findings"];
    if (findings && !findings.IsSequence() && !findings.IsNull())
        problems.emplace_back("'findings' is not a list");
    if (no_concern && findings && findings.IsSequence() && findings.size() > 0)
        problems.emplace_back("'no_concern: true' with expected findings");
    if (!no_concern && (!findings || !findings.IsSequence()))
        problems.emplace_back("neither 'findings' (a list) nor 'no_concern: true'");

    for (const char* list : {"findings", "not_expected", "known_false_alarms"}) {
        const YAML::Node items = root[list];
        if (!items || items.IsNull()) continue;
        if (!items.IsSequence()) {
            problems.push_back(std::string("'") + list + "' is not a list");
            continue;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            const YAML::Node item = items[i];
            const std::string where = std::string(list) + "[" + std::to_string(i) + "]";
            if (!item.IsMap()) {
                problems.push_back(where + " is not a mapping");
                continue;
            }
            for (const auto& kv : item)
                if (!k_item_fields.count(kv.first.Scalar()))
                    problems.push_back(where + ": unknown field '" + kv.first.Scalar() + "'");
            const std::string kind = text_of(item["kind"]);
            if (kind.empty())
                problems.push_back(where + ": 'kind' is missing");
            else if (!finding_kinds().count(kind))
                problems.push_back(where + ": '" + kind + "' is not a finding kind");
            for (const char* field : {"match", "near"})
                if (item[field] && !item[field].IsMap())
                    problems.push_back(where + ": '" + field + "' is not a mapping");
            bool concern = true;
            try {
                if (item["concern"]) concern = item["concern"].as<bool>();
                if (item["tolerance_days"]) (void)item["tolerance_days"].as<std::int64_t>();
            } catch (const YAML::Exception&) {
                problems.push_back(where +
                                   ": 'concern' must be true or false and 'tolerance_days' a whole number");
            }
            if (concern && information_only(kind))
                problems.push_back(where + ": '" + kind + "' is never of concern; say 'concern: false'");
            if (std::string(list) == "findings" && text_of(item["cite"]).empty())
                problems.push_back(where + ": 'cite' is missing (where the review says so)");
            if (std::string(list) == "known_false_alarms" && text_of(item["message_prefix"]).empty())
                problems.push_back(where + ": 'message_prefix' is missing");
        }
    }
    return problems;
}

std::vector<Expected> read_items(const YAML::Node& items) {
    std::vector<Expected> out;
    if (!items || !items.IsSequence()) return out;
    for (const YAML::Node& item : items) {
        if (!item.IsMap()) continue;
        Expected x;
        x.kind = text_of(item["kind"]);
        // (yaml-cpp: assigning a missing key's node throws, so only present ones are kept)
        if (const YAML::Node match = item["match"]) x.match = match;
        if (const YAML::Node near = item["near"]) x.near = near;
        try {
            if (item["concern"]) x.concern = item["concern"].as<bool>();
            if (item["tolerance_days"]) x.tolerance_days = item["tolerance_days"].as<std::int64_t>();
        } catch (const YAML::Exception&) {
        }
        x.message_prefix = text_of(item["message_prefix"]);
        x.cite = text_of(item["cite"]);
        out.push_back(std::move(x));
    }
    return out;
}

AnswerKey read_key(const YAML::Node& root) {
    AnswerKey key;
    if (!root.IsMap()) return key;
    key.about = text_of(root["about"]);
    key.source = text_of(root["source"]);
    try {
        key.no_concern = root["no_concern"] && root["no_concern"].as<bool>();
    } catch (const YAML::Exception&) {
    }
    key.findings = read_items(root["findings"]);
    key.not_expected = read_items(root["not_expected"]);
    key.known_false_alarms = read_items(root["known_false_alarms"]);
    return key;
}

// [SECTION] Running a case

struct CaseRun {
    std::string name;       // "normal/move-enquiry"
    YAML::Node key_yaml;    // expected.yaml as read (null when it cannot be read)
    std::string key_error;  // why expected.yaml cannot be read
    AnswerKey key;
    std::vector<std::string> errors;   // input errors, or why the case could not be read at all
    std::vector<YAML::Node> findings;  // the check JSON's findings
};

CaseRun run_case(const std::string& name) {
    CaseRun run;
    run.name = name;
    const fs::path dir = precision_root() / name;
    try {
        run.key_yaml = YAML::LoadFile((dir / "expected.yaml").string());
        run.key = read_key(run.key_yaml);
    } catch (const YAML::Exception& e) {
        run.key_error = e.what();
    }
    try {
        const engine::Case c = formats::load_case(dir.string());
        for (const engine::Diagnostic& d : c.diagnostics.items())
            if (d.severity == engine::Severity::Error) run.errors.push_back(formats::format_diagnostic(d));
        const std::vector<engine::Finding> findings = engine::analyse(c);
        std::string json;
        formats::write_check_json(c, findings, json);
        const YAML::Node doc = YAML::Load(json);
        for (const YAML::Node& f : doc["findings"]) run.findings.push_back(f);
    } catch (const std::exception& e) {
        run.errors.emplace_back(e.what());
    }
    return run;
}

// Each case is loaded and analysed once per test process.
const CaseRun& case_run(const std::string& name) {
    static std::map<std::string, CaseRun> runs;
    auto it = runs.find(name);
    if (it == runs.end()) it = runs.emplace(name, run_case(name)).first;
    return it->second;
}

// [SECTION] Matching

std::string kind_of(const YAML::Node& f) {
    return text_of(f["kind"]);
}
std::string message_of(const YAML::Node& f) {
    return text_of(f["message"]);
}

bool concern_of(const YAML::Node& f) {
    try {
        return f["concern"] && f["concern"].as<bool>();
    } catch (const YAML::Exception&) {
        return false;
    }
}

// Days since 1970-01-01 of an ISO day "YYYY-MM-DD" (nothing for any other text).
std::optional<std::int64_t> iso_day(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (std::from_chars(s.data(), s.data() + 4, y).ec != std::errc() ||
        std::from_chars(s.data() + 5, s.data() + 7, m).ec != std::errc() ||
        std::from_chars(s.data() + 8, s.data() + 10, d).ec != std::errc())
        return std::nullopt;
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

std::optional<double> number(const std::string& s) {
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return v;
}

// A `match` field: a scalar equals the JSON's scalar as written (or is one of a JSON list's
// items); null matches null; a list matches when each of its items does.
bool field_equal(const YAML::Node& want, const YAML::Node& got) {
    if (!got.IsDefined()) return false;
    if (want.IsNull()) return got.IsNull();
    if (want.IsSequence()) {
        for (const YAML::Node& w : want)
            if (!field_equal(w, got)) return false;
        return true;
    }
    if (!want.IsScalar()) return false;
    if (got.IsScalar()) return got.Scalar() == want.Scalar();
    if (got.IsSequence())
        for (const YAML::Node& g : got)
            if (g.IsScalar() && g.Scalar() == want.Scalar()) return true;
    return false;
}

// A `near` field: a date within the tolerance, a number within 10%, anything else equal.
bool field_near(const YAML::Node& want, const YAML::Node& got, std::int64_t tolerance_days) {
    if (!got.IsDefined() || !got.IsScalar() || !want.IsScalar()) return false;
    const std::string& w = want.Scalar();
    const std::string& g = got.Scalar();
    if (const auto wd = iso_day(w)) {
        const auto gd = iso_day(g);
        return gd && std::llabs(*gd - *wd) <= tolerance_days;
    }
    if (const auto wn = number(w)) {
        const auto gn = number(g);
        return gn && std::fabs(*gn - *wn) <= 0.1 * std::fabs(*wn) + 1e-9;
    }
    return w == g;
}

bool matches(const Expected& x, const YAML::Node& f) {
    if (kind_of(f) != x.kind) return false;
    if (x.concern && !concern_of(f)) return false;
    if (x.match && x.match.IsMap())
        for (const auto& kv : x.match)
            if (!field_equal(kv.second, f[kv.first.Scalar()])) return false;
    if (x.near && x.near.IsMap())
        for (const auto& kv : x.near)
            if (!field_near(kv.second, f[kv.first.Scalar()], x.tolerance_days)) return false;
    return x.message_prefix.empty() || message_of(f).rfind(x.message_prefix, 0) == 0;
}

bool tolerated(const CaseRun& run, const YAML::Node& f) {
    return std::any_of(run.key.known_false_alarms.begin(), run.key.known_false_alarms.end(),
                       [&](const Expected& x) { return matches(x, f); });
}

// One case scored: each expected finding matched to a distinct produced finding, first come first
// served in the order the key lists them.
struct Scored {
    std::vector<std::optional<std::size_t>> found;  // per expected finding: the produced finding
    std::vector<bool> used;                         // per produced finding: matched to an expected one
};

Scored score(const CaseRun& run) {
    Scored s;
    s.used.assign(run.findings.size(), false);
    for (const Expected& x : run.key.findings) {
        std::optional<std::size_t> hit;
        for (std::size_t i = 0; i < run.findings.size() && !hit; ++i)
            if (!s.used[i] && matches(x, run.findings[i])) hit = i;
        if (hit) s.used[*hit] = true;
        s.found.push_back(hit);
    }
    return s;
}

// [SECTION] Scores

struct Tally {
    int expected = 0;       // E: findings the answer keys expect
    int found = 0;          // TP: of those, found
    int produced = 0;       // P: findings of concern produced
    int found_concern = 0;  // of the found, matched by a finding of concern (precision's TP)
    int known = 0;          // of the false alarms, listed as known (to fix)
    [[nodiscard]] int false_alarms() const { return produced - found_concern; }
};

std::string ratio(int num, int den) {
    if (den == 0) return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(2) << static_cast<double>(num) / den;
    return out.str();
}

// Floors per finding kind, set to what the suite achieves now so that a drop fails. -1: no floor
// (nothing measured). The cases of ordinary practice give no finding of concern at all (each case's
// own test holds that); the review cases are short transcriptions of public pages, so findings
// their records cannot support (a transfer nobody recorded because the pages do not say) count
// against precision here. Re-measure whenever a case is added, and raise the floors.
struct Floor {
    const char* kind;
    double recall;
    double precision;
};
constexpr Floor k_floors[] = {
    {"unseen_period", 1.00, 0.50},
    {"seen_recording", -1, 0.00},
    {"gap", -1, 0.00},
    {"transfer", 1.00, 0.11},
    {"misrouted_notification", -1, -1},
    {"discrepancy", -1, -1},
    {"duplicate_entry", -1, -1},
    {"unknown_person", -1, -1},
    {"invisible_adult", 0.00, -1},
    {"unchecked_adult", 1.00, 1.00},
    {"not_shared", -1, 0.00},
    {"missed_appointments", 0.00, -1},
    {"repeated_domestic_abuse", -1, -1},
    {"rereferral", -1, -1},
    {"infant_injury", 1.00, 1.00},
    {"practitioner_changes", -1, -1},
};

// [SECTION] Tests

class PrecisionCase : public ::testing::TestWithParam<std::string> {};

TEST_P(PrecisionCase, LoadsWithoutInputErrors) {
    const CaseRun& run = case_run(GetParam());
    ASSERT_TRUE(run.key_error.empty()) << run.name << "/expected.yaml: " << run.key_error;
    for (const std::string& e : run.errors) ADD_FAILURE() << run.name << ": " << e;
}

// A case of ordinary practice gives no finding of concern, except the false alarms its key lists
// as known (reported here, to fix); no case gives a finding its key says must not fire.
TEST_P(PrecisionCase, RaisesNoUnlistedFalseAlarm) {
    const CaseRun& run = case_run(GetParam());
    for (const YAML::Node& f : run.findings) {
        if (!concern_of(f)) continue;
        const bool known = tolerated(run, f);
        if (known)
            std::cout << "  known false alarm (to fix): " << run.name << ": " << kind_of(f) << ": "
                      << message_of(f) << "\n";
        if (run.key.no_concern && !known)
            ADD_FAILURE()
                << run.name << " is ordinary good practice, but " << kind_of(f) << " fired: " << message_of(f)
                << "\n(if the rule is right and the case is not good practice, fix the case; a false alarm "
                   "that cannot be fixed now goes under known_false_alarms in its expected.yaml)";
        for (const Expected& x : run.key.not_expected)
            if (matches(x, f) && !known)
                ADD_FAILURE() << run.name << ": " << x.kind << " must not fire, but: " << message_of(f);
    }
    for (const Expected& x : run.key.known_false_alarms)
        if (std::none_of(run.findings.begin(), run.findings.end(),
                         [&](const YAML::Node& f) { return matches(x, f); }))
            std::cout << "  known false alarm no longer fires (remove it from " << run.name
                      << "/expected.yaml): " << x.kind << ": " << x.message_prefix << "\n";
}

INSTANTIATE_TEST_SUITE_P(Precision, PrecisionCase, ::testing::ValuesIn(case_names()), [](const auto& p) {
    static sightline::test::ParamNames names;
    return names(p.param, p.index);
});

TEST(PrecisionSuite, AnswerKeysAreWellFormed) {
    const std::vector<std::string> names = case_names();
    ASSERT_FALSE(names.empty()) << "no case under " << precision_root();
    EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                            [](const std::string& n) { return n.rfind("normal/", 0) == 0; }))
        << "no case of ordinary practice under " << precision_root() / "normal";
    for (const std::string& name : names) {
        const fs::path dir = precision_root() / name;
        EXPECT_TRUE(fs::is_regular_file(dir / "case.yaml")) << name << ": no case.yaml beside expected.yaml";
        YAML::Node root;
        try {
            root = YAML::LoadFile((dir / "expected.yaml").string());
        } catch (const YAML::Exception& e) {
            ADD_FAILURE() << name << "/expected.yaml: " << e.what();
            continue;
        }
        for (const std::string& problem : key_problems(root))
            ADD_FAILURE() << name << "/expected.yaml: " << problem;
    }
}

// Per finding kind over the whole suite: expected (E), found (TP), findings of concern produced (P),
// false alarms (P - TP; every finding of concern in a case of ordinary practice is one), precision
// TP/P and recall TP/E. Printed, then held to the floors above.
TEST(PrecisionSuite, ScoresMeetTheFloors) {
    const std::vector<std::string> names = case_names();
    std::map<std::string, Tally> tallies;
    std::vector<std::string> missed;
    int normal = 0, others = 0;
    for (const std::string& name : names) {
        const CaseRun& run = case_run(name);
        (run.key.no_concern ? normal : others) += 1;
        const Scored s = score(run);
        for (std::size_t k = 0; k < run.key.findings.size(); ++k) {
            const Expected& x = run.key.findings[k];
            Tally& t = tallies[x.kind];
            ++t.expected;
            if (!s.found[k]) {
                missed.push_back(name + ": " + x.kind + (x.cite.empty() ? "" : " (" + x.cite + ")"));
                continue;
            }
            ++t.found;
            if (concern_of(run.findings[*s.found[k]])) ++t.found_concern;
        }
        for (const YAML::Node& f : run.findings) {
            if (!concern_of(f)) continue;
            Tally& t = tallies[kind_of(f)];
            ++t.produced;
            if (tolerated(run, f)) ++t.known;
        }
    }

    Tally all;
    std::ostringstream table;
    table << "Precision suite: " << names.size() << " cases (" << normal << " of ordinary practice, "
          << others << " with expected findings)\n";
    table << std::left << std::setw(26) << "kind" << std::right << std::setw(9) << "expected" << std::setw(7)
          << "found" << std::setw(10) << "produced" << std::setw(14) << "false alarms" << std::setw(7)
          << "known" << std::setw(11) << "precision" << std::setw(8) << "recall"
          << "\n";
    auto row = [&](const std::string& kind, const Tally& t) {
        table << std::left << std::setw(26) << kind << std::right << std::setw(9) << t.expected
              << std::setw(7) << t.found << std::setw(10) << t.produced << std::setw(14) << t.false_alarms()
              << std::setw(7) << t.known << std::setw(11) << ratio(t.found_concern, t.produced)
              << std::setw(8) << ratio(t.found, t.expected) << "\n";
    };
    for (const auto& [kind, t] : tallies) {
        if (t.expected == 0 && t.produced == 0) continue;
        row(kind, t);
        all.expected += t.expected;
        all.found += t.found;
        all.produced += t.produced;
        all.found_concern += t.found_concern;
        all.known += t.known;
    }
    row("all", all);
    for (const std::string& m : missed) table << "  not found: " << m << "\n";
    std::cout << table.str();

    for (const Floor& floor : k_floors) {
        const Tally& t = tallies[floor.kind];
        if (floor.recall >= 0 && t.expected > 0) {
            EXPECT_GE(static_cast<double>(t.found) / t.expected, floor.recall - 1e-9)
                << floor.kind << ": recall fell below its floor";
        }
        if (floor.precision >= 0 && t.produced > 0) {
            EXPECT_GE(static_cast<double>(t.found_concern) / t.produced, floor.precision - 1e-9)
                << floor.kind << ": precision fell below its floor";
        }
    }
}

}  // namespace
