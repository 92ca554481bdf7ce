// Reading many cases for `sightline themes`: finding them under the paths given, then reading and
// analysing each on its own thread, as `sightline check` does one, a failure kept to its case.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "sightline/engine/themes.hpp"

namespace sightline::formats {

// The cases under the paths given, in order.
struct CaseList {
    std::vector<std::string> cases;  // each a case folder or manifest, as it will be named in reports
    std::vector<engine::FailedCase> missing;  // paths with no case in them or one level down
    std::vector<std::string> skipped;         // folders one level down with no case.yaml (not cases)
};

// Each path is a case (a folder holding case.yaml, or a manifest file) or a folder of cases: its
// folders holding case.yaml, one level down, in name order.
CaseList find_cases(const std::vector<std::string>& paths);

struct ThemesOptions {
    bool named = false;    // keep people's names (else every case is anonymised)
    unsigned threads = 0;  // cases read at once; 0: one per core
};

// Reads one case, runs every analysis (engine::analyse, as check does), anonymises the case and
// its findings unless options.named, and summarises it. A case that cannot be read, or whose input
// has errors, gives its first error instead (compiler style, with how many more); unless
// options.named, an error whose message may quote the case's words (a person's name) keeps only
// its place and code.
std::variant<engine::CaseThemes, engine::FailedCase> read_case_themes(const std::string& folder,
                                                                      const ThemesOptions& options);

// Reads every case of the list on up to options.threads threads, each case on one thread; a case
// that cannot be read goes to the failed list with its message, and the others are still read.
// The result is the same whatever the number of threads.
engine::Themes read_themes(const CaseList& list, const ThemesOptions& options);

}  // namespace sightline::formats
