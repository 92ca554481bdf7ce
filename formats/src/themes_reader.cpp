// Reading many cases for `sightline themes`: each case read and analysed as `sightline check` reads
// and analyses one, on its own thread, its failure kept to itself.
#include "sightline/formats/themes_reader.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <optional>

#include "sightline/engine/anonymise.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"

namespace fs = std::filesystem;

namespace sightline::formats {

using namespace sightline::engine;

namespace {

bool holds_case(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "case.yaml", ec);
}

// dir/name, without doubling a slash the path was given with.
std::string join(const std::string& dir, const std::string& name) {
    return dir.empty() || dir.back() == '/' ? dir + name : dir + "/" + name;
}

}  // namespace

CaseList find_cases(const std::vector<std::string>& paths) {
    CaseList list;
    for (const std::string& path : paths) {
        std::error_code ec;
        // A case itself, or a path that is not a folder at all: reading it says what is wrong.
        if (!fs::is_directory(path, ec) || holds_case(path)) {
            list.cases.push_back(path);
            continue;
        }
        std::vector<std::string> names;
        for (const fs::directory_entry& d : fs::directory_iterator(path, ec))
            if (d.is_directory(ec)) names.push_back(d.path().filename().string());
        std::sort(names.begin(), names.end());
        const std::size_t before = list.cases.size();
        for (const std::string& name : names) {
            if (holds_case(fs::path(path) / name))
                list.cases.push_back(join(path, name));
            else
                list.skipped.push_back(join(path, name));
        }
        if (list.cases.size() == before)
            list.missing.push_back({path, "no case.yaml in '" + path + "' or in the folders in it"});
    }
    return list;
}

CaseThemes read_case_themes(const std::string& folder, const ThemesOptions& options) {
    LoadOptions lo;
    lo.threads = 1;  // cases are read side by side: one thread each
    Case c = load_case(folder, lo);
    if (c.diagnostics.has_errors()) {
        const auto first = std::find_if(c.diagnostics.items().begin(), c.diagnostics.items().end(),
                                        [](const Diagnostic& d) { return d.severity == Severity::Error; });
        Diagnostic d = *first;
        if (const std::size_t more = c.diagnostics.error_count() - 1)
            d.message +=
                more == 1 ? " (and 1 more error)" : " (and " + std::to_string(more) + " more errors)";
        throw Error(std::move(d));
    }
    std::vector<Finding> findings = analyse(c);
    if (!options.named) anonymise(c, findings);
    return summarise_case(folder, c, findings);
}

Themes read_themes(const CaseList& list, const ThemesOptions& options) {
    std::vector<std::optional<CaseThemes>> read(list.cases.size());
    std::vector<std::optional<FailedCase>> failed(list.cases.size());
    parallel_for(list.cases.size(), thread_count(options.threads), [&](std::size_t i) {
        // One case's failure is its own: it is reported, and the other cases are still read.
        try {
            read[i] = read_case_themes(list.cases[i], options);
        } catch (const Error& e) {
            failed[i] = FailedCase{list.cases[i], format_diagnostic(e.diagnostic())};
        } catch (const std::exception& e) {
            failed[i] = FailedCase{list.cases[i], std::string("cannot read the case: ") + e.what()};
        }
    });
    std::vector<CaseThemes> cases;
    std::vector<FailedCase> failures = list.missing;
    for (std::size_t i = 0; i < read.size(); ++i) {
        if (read[i]) cases.push_back(std::move(*read[i]));
        if (failed[i]) failures.push_back(std::move(*failed[i]));
    }
    Themes themes = combine_themes(std::move(cases), std::move(failures));
    themes.named = options.named;
    return themes;
}

}  // namespace sightline::formats
