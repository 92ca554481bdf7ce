// The sightline subcommands. Each returns the process exit status:
// 0 clean, 1 findings of concern, 2 input errors (case-format §8), 64 bad usage.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <string_view>

#include "sightline/engine/episodes.hpp"
#include "sightline/engine/findings.hpp"

namespace sightline::cli {

inline constexpr int k_exit_clean = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_input_errors = 2;
inline constexpr int k_exit_usage = 64;

int run_merge(int argc, char** argv);
int run_check(int argc, char** argv);
int run_rules(int argc, char** argv);
int run_knew(int argc, char** argv);
int run_episodes(int argc, char** argv);
int run_report(int argc, char** argv);
int run_view(int argc, char** argv);
int run_import(int argc, char** argv);
int run_template(int argc, char** argv);
int run_genogram(int argc, char** argv);
int run_generate(int argc, char** argv);
int run_note(int argc, char** argv);
int run_log(int argc, char** argv);
int run_themes(int argc, char** argv);

// Shared helpers.
// Replaces names by roles in the case and its findings; says on stderr what was replaced.
void anonymise(engine::Case& c, std::vector<engine::Finding>& findings);

// A case read (its diagnostics printed), analysed, and its key practice episodes laid out with
// who knew what; anonymised when asked. What `report` and `episodes` start from.
struct ReviewedCase {
    engine::Case c;
    std::vector<engine::Finding> findings;
    std::vector<engine::EpisodeView> views;
};
ReviewedCase review_case(const std::string& path, bool anonymised);
// Prints every error and warning to stderr, compiler style, and how many notes there were.
void print_diagnostics(const engine::Case& c);
// Writes bytes to -o FILE atomically, or to stdout when path is empty or "-".
void write_output(const std::string& path, const std::string& bytes);
// The same for output made in pieces: produce(write) calls write for each piece, in order.
void stream_output(const std::string& path,
                   const std::function<void(const std::function<void(std::string_view)>&)>& produce);
// Prints a usage error and the command's help hint; returns k_exit_usage.
int usage_error(const std::string& command, const std::string& message);

// An option's value as a whole number (digits only); nullopt when absent or not one.
std::optional<std::uint64_t> whole_number(const std::optional<std::string>& text);
// The format named by --format, else by the -o file's extension, else fallback.
std::string pick_format(const std::optional<std::string>& format, const std::optional<std::string>& output,
                        const std::string& fallback);

}  // namespace sightline::cli
