// Fuzzes a whole case read both ways: the reference path (sources read one after another, the
// reference merge) against the accelerated one (CSV sources read at once on two threads, their
// agencies and areas registered when committed; the accelerated merge). They must give the same
// case byte for byte: the same CSV chronology, diagnostics and counts. This is the contract
// between the two (docs/fuzzing.md).
//
// The input: the first byte picks how the case is laid out, the rest is one to three CSV files,
// separated by the byte 0x01. Layouts (the shapes agencies' returns arrive in):
//   bits 0-1  where each source's agency is named: 0 in the manifest, with an `agencies:`
//             registry; 1 only in the source's mapping file; 2 in an `Agency` column the mapping
//             names; 3 nowhere (every row rejected, the same way both times)
//   bit 2     the mapping names an area too (a new one for the second source)
//   bit 3     the case's date order is dmy
//   bits 4-5  which of three agency names the first source takes (the others follow it), so
//             that sources share agencies, or not
//   bit 6     the manifest lists the files in the other order
//   bit 7     the entries are also merged directly by both merges (the accelerated one is made
//             to run on a case this small)
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_case.hpp"
#include "merge_rule.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"

using namespace sightline;
namespace fs = std::filesystem;

namespace {

// One folder for the process's whole run, rewritten for each input.
const fs::path& case_dir() {
    static const fs::path dir = [] {
        std::string pattern = (fs::temp_directory_path() / "sightline-case-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) std::abort();
        return fs::path(pattern);
    }();
    return dir;
}

void write(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

constexpr const char* k_agencies[] = {"Eastmere Police", "Eastmere Health Visiting", "Lowbridge Housing"};

// Writes case.yaml, and each file with its mapping; returns the folder.
fs::path lay_out(std::uint8_t mode, const std::vector<std::string_view>& files) {
    const fs::path& dir = case_dir();
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) fs::remove(e.path());
    const unsigned where = mode & 3;
    std::string manifest = "sightline: 1\ncase:\n  title: Fuzzed\n  index_children: [child-a]\n";
    if (mode & 8) manifest += "  date_order: dmy\n";
    manifest += "people:\n  - {id: child-a, name: Child A, born: 2014-10-03}\n  - {id: mother, name: Mum}\n";
    if (where == 0) {
        manifest += "agencies:\n";
        for (const char* name : k_agencies) manifest += std::string("  - {name: ") + name + ", kind: police, area: Eastmere}\n";
    }
    manifest += "sources:\n";
    for (std::size_t k = 0; k < files.size(); ++k) {
        const std::size_t n = (mode & 64) ? files.size() - 1 - k : k;
        const std::string name = "s" + std::to_string(n);
        write(dir / (name + ".csv"), files[n]);
        const std::string agency = k_agencies[(((mode >> 4) & 3) + n) % 3];
        manifest += "  - {file: " + name + ".csv";
        if (where == 0) manifest += ", agency: " + agency;
        if (where == 1 || where == 2 || (mode & 4)) {
            std::string mapping;
            if (where == 1) mapping += "agency: \"" + agency + "\"\n";
            if (mode & 4) mapping += "area: \"" + std::string(n == 1 ? "Farside" : "Eastmere") + "\"\n";
            if (where == 2) mapping += "columns:\n  agency: \"Agency\"\n";
            write(dir / (name + ".mapping.yaml"), mapping);
            manifest += ", mapping: " + name + ".mapping.yaml";
        }
        manifest += "}\n";
    }
    write(dir / "case.yaml", manifest);
    return dir;
}

// Everything a case read says: its chronology as CSV, its diagnostics, each source's counts.
std::string outcome(const engine::Case& c) {
    std::string out;
    formats::write_chronology_csv(c, out);
    for (const engine::Diagnostic& d : c.diagnostics.items()) out += formats::format_diagnostic(d) + "\n";
    for (const engine::Source& s : c.sources)
        out += s.path + " " + std::to_string(s.counts.rows_read) + " " + std::to_string(s.counts.entries_made) + " " +
               std::to_string(s.counts.rows_rejected) + "\n";
    return out;
}

std::string ids_in_order(const engine::Case& c) {
    std::string out;
    c.chronology.for_each_entry([&](const engine::Entry& e) { out += engine::entry_id(e) + "\n"; });
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > 64 * 1024) return 0;
    const std::uint8_t mode = data[0];
    std::vector<std::string_view> files;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    for (std::size_t from = 0; files.size() < 3;) {
        const std::size_t to = files.size() == 2 ? std::string_view::npos : rest.find('\x01', from);
        files.push_back(rest.substr(from, to == std::string_view::npos ? std::string_view::npos : to - from));
        if (to == std::string_view::npos) break;
        from = to + 1;
    }
    const std::string dir = lay_out(mode, files).string();
    std::string reference, accelerated;
    try {
        reference = outcome(formats::load_case(dir, {.threads = 1}));
    } catch (const engine::Error& e) {
        reference = "error: " + formats::format_diagnostic(e.diagnostic());
    }
    try {
        accelerated = outcome(formats::load_case(dir, {.threads = 2}));
    } catch (const engine::Error& e) {
        accelerated = "error: " + formats::format_diagnostic(e.diagnostic());
    }
    if (reference != accelerated) __builtin_trap();

    if (mode & 128) {
        try {
            engine::Case a = formats::load_case(dir, {.merge = false, .threads = 2});
            fuzz::check_accounting(a);  // every row an entry or a rejection, in a case read at once
            engine::Case b = formats::load_case(dir, {.merge = false, .threads = 2});
            engine::detail::merge_reference(a);
            engine::detail::merge_fast(b, 2);
            if (ids_in_order(a) != ids_in_order(b)) __builtin_trap();
        } catch (const engine::Error&) {
        }
    }
    return 0;
}
