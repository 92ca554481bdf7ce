// Helpers shared by the subcommands.
#include <charconv>
#include <cstdio>
#include <iostream>

#include "commands.hpp"
#include "sightline/engine/anonymise.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/knowledge.hpp"
#include "sightline/engine/model.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/io.hpp"

namespace sightline::cli {

void print_diagnostics(const engine::Case& c) {
    // Errors and warnings; notes (a details table skipped, a heading row) are for check's report.
    std::size_t notes = 0;
    for (const engine::Diagnostic& d : c.diagnostics.items()) {
        if (d.severity == engine::Severity::Note) ++notes;
        else std::cerr << formats::format_diagnostic(d) << '\n';
    }
    if (notes) std::cerr << "(and " << notes << (notes == 1 ? " note" : " notes") << " on how the input was read: sightline check lists them)\n";
}

void anonymise(engine::Case& c, std::vector<engine::Finding>& findings) {
    const engine::AnonymiseReport r = engine::anonymise(c, findings);
    std::cerr << "anonymised: " << r.people << " people named by role, " << r.unnamed << " unnamed subjects labelled, "
              << r.replacements << " names replaced in the text\n";
}

void write_output(const std::string& path, const std::string& bytes) {
    if (path.empty() || path == "-") {
        std::fwrite(bytes.data(), 1, bytes.size(), stdout);
        std::fflush(stdout);
        return;
    }
    formats::write_file_atomic(path, bytes);
}

void stream_output(const std::string& path,
                   const std::function<void(const std::function<void(std::string_view)>&)>& produce) {
    if (path.empty() || path == "-") {
        produce([](std::string_view bytes) { std::fwrite(bytes.data(), 1, bytes.size(), stdout); });
        std::fflush(stdout);
        return;
    }
    formats::AtomicFile file(path);
    produce([&](std::string_view bytes) { file.write(bytes); });
    file.commit();
}

ReviewedCase review_case(const std::string& path, bool anonymised) {
    ReviewedCase r{formats::load_case(path), {}, {}};
    print_diagnostics(r.c);
    const std::vector<engine::Cluster> clusters = engine::find_clusters(r.c);
    r.findings = engine::analyse(r.c, clusters);
    r.views = engine::episode_views(r.c, r.findings, engine::who_knew(r.c, clusters));
    if (anonymised) cli::anonymise(r.c, r.findings);
    return r;
}

int usage_error(const std::string& command, const std::string& message) {
    std::cerr << "sightline " << command << ": " << message << "\n"
              << "try 'sightline " << command << " --help'\n";
    return k_exit_usage;
}

std::optional<std::uint64_t> whole_number(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    std::uint64_t v = 0;
    const auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
    if (ec != std::errc{} || p != text->data() + text->size()) return std::nullopt;
    return v;
}

std::string pick_format(const std::optional<std::string>& format, const std::optional<std::string>& output,
                        const std::string& fallback) {
    if (format) return *format;
    if (output) {
        const auto dot = output->rfind('.');
        if (dot != std::string::npos) {
            std::string ext = output->substr(dot + 1);
            for (char& ch : ext)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            if (ext == "markdown") ext = "md";
            if (ext == "txt") ext = "text";
            return ext;
        }
    }
    return fallback;
}

}  // namespace sightline::cli
