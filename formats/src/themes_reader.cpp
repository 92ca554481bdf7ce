// Reading many cases for `sightline themes`: each case read and analysed as `sightline check` reads
// and analyses one, on its own thread, its failure kept to itself.
#include "sightline/formats/themes_reader.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <filesystem>
#include <optional>
#include <string_view>

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

// Whether a diagnostic code's messages quote only places, paths, dates, field names or the file's
// syntax, never the case's words (a name, a summary): those are shown as they are even when the
// case is anonymised. Any other code keeps only its place and code.
bool quotes_nothing_from_the_case(std::string_view code) {
    static constexpr std::array<std::string_view, 29> k_codes = {
        "yaml-syntax",         "version-missing", "version-unsupported",  "field-missing",
        "date-missing",        "date-invalid",    "date-out-of-range",    "time-invalid",
        "time-nonexistent",    "scope-reversed",  "residence-reversed",   "timezone-unknown",
        "source-missing",      "source-format",   "case-missing",         "file-unreadable",
        "mapping-missing",     "agency-missing",  "header-missing",       "sheet-missing",
        "row-ragged",          "row-too-wide",    "date-order-undecided", "date-order-mixed",
        "date-serial-invalid", "xlsx-invalid",    "xlsx-too-large",       "docx-invalid",
        "docx-too-large"};
    return std::find(k_codes.begin(), k_codes.end(), code) != k_codes.end();
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

std::variant<CaseThemes, FailedCase> read_case_themes(const std::string& folder,
                                                      const ThemesOptions& options) {
    // One case's failure is its own: it is reported, and the other cases are still read.
    const auto failed = [&](const Diagnostic& first, std::size_t more) {
        Diagnostic d = first;
        if (!options.named && !quotes_nothing_from_the_case(d.code))
            d.message = "the message may quote the case's words; 'sightline check' shows it";
        std::string message = format_diagnostic(d);
        if (more)
            message += more == 1 ? " (and 1 more error)" : " (and " + std::to_string(more) + " more errors)";
        return FailedCase{folder, std::move(message)};
    };
    try {
        LoadOptions lo;
        lo.threads = 1;  // cases are read side by side: one thread each
        Case c = load_case(folder, lo);
        if (c.diagnostics.has_errors()) {
            const auto& items = c.diagnostics.items();
            const auto first = std::find_if(items.begin(), items.end(), [](const Diagnostic& d) {
                return d.severity == Severity::Error;
            });
            return failed(*first, c.diagnostics.error_count() - 1);
        }
        std::vector<Finding> findings = analyse(c);
        if (!options.named) anonymise(c, findings);
        return summarise_case(folder, c, findings);
    } catch (const Error& e) {
        return failed(e.diagnostic(), 0);
    } catch (const std::exception& e) {
        Diagnostic d;
        d.file = folder;
        d.code = "case-unreadable";
        d.message = std::string("cannot read the case: ") + e.what();
        return failed(d, 0);
    }
}

Themes read_themes(const CaseList& list, const ThemesOptions& options) {
    std::vector<std::optional<std::variant<CaseThemes, FailedCase>>> read(list.cases.size());
    parallel_for(list.cases.size(), thread_count(options.threads),
                 [&](std::size_t i) { read[i] = read_case_themes(list.cases[i], options); });
    std::vector<CaseThemes> cases;
    std::vector<FailedCase> failures = list.missing;
    for (std::optional<std::variant<CaseThemes, FailedCase>>& r : read) {
        if (CaseThemes* c = std::get_if<CaseThemes>(&*r))
            cases.push_back(std::move(*c));
        else
            failures.push_back(std::get<FailedCase>(std::move(*r)));
    }
    Themes themes = combine_themes(std::move(cases), std::move(failures));
    themes.named = options.named;
    return themes;
}

}  // namespace sightline::formats
