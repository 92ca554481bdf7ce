// Reading a case: the manifest, every source it lists, then the merge.
#include "sightline/formats/case_reader.hpp"

#include <filesystem>

#include "readers.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    for (char& ch : ext)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return ext;
}

void read_source(Case& c, const detail::SourceSpec& spec, const fs::path& case_dir, const std::string& manifest) {
    const fs::path full = (case_dir / spec.file).lexically_normal();
    const std::string ext = lower_extension(full);
    Source src;
    src.path = fs::path(spec.file).lexically_normal().generic_string();
    src.opened = full.generic_string();
    src.format = ext.empty() ? std::string("unknown") : ext.substr(1);
    if (src.format == "yml") src.format = "yaml";
    const auto id = static_cast<SourceId>(c.sources.size());
    c.sources.push_back(src);

    if (is_spreadsheet(src.opened)) {
        SpreadsheetOptions o;
        o.path = src.opened;
        if (!spec.mapping.empty()) o.mapping = (case_dir / spec.mapping).lexically_normal().generic_string();
        o.sheet = spec.sheet;
        o.agency = spec.agency;
        o.kind = spec.kind;
        o.area = spec.area;
        o.date_order = spec.date_order;
        detail::read_spreadsheet_source(c, id, o, manifest, spec.where);
        return;
    }
    if (src.format != "yaml") {
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-format",
                          "source '" + spec.file + "' is not a format sightline reads (.yaml, .yml, .csv, .tsv, .xlsx)");
        return;
    }
    if (!spec.mapping.empty() || !spec.sheet.empty() || !spec.agency.empty() || !spec.kind.empty() ||
        !spec.area.empty() || !spec.date_order.empty())
        c.diagnostics.add(Severity::Warning, manifest, spec.where.line, spec.where.column, "key-unknown",
                          "mapping, sheet, agency, kind, area and date_order apply to spreadsheet sources; ignored for '" +
                              spec.file + "'");
    FileBuffer buf;
    try {
        buf = read_file(src.opened);
    } catch (const Error& e) {
        const std::string& why = e.diagnostic().message;
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-missing",
                          "cannot read source '" + spec.file + "': " + why.substr(why.rfind(": ") + 2));
        return;
    }
    detail::read_agency_yaml(c, id, src.opened, buf.view());
}

}  // namespace

std::string manifest_path_for(std::string_view path) {
    const fs::path p{std::string(path)};
    std::error_code ec;
    if (fs::is_directory(p, ec)) return (p / "case.yaml").generic_string();
    return p.generic_string();
}

Case load_case(std::string_view path, const LoadOptions& options) {
    const std::string manifest = manifest_path_for(path);
    if (!fs::exists(manifest)) {
        Diagnostic d;
        d.file = manifest;
        d.code = "case-missing";
        d.message = fs::is_directory(fs::path{std::string(path)})
                        ? "no case.yaml in '" + std::string(path) + "'"
                        : "cannot open '" + manifest + "': No such file or directory";
        throw Error(std::move(d));
    }
    const FileBuffer buf = read_file(manifest);
    Case c;
    c.manifest_path = manifest;
    const std::vector<detail::SourceSpec> specs = detail::read_manifest(c, manifest, buf.view());
    const fs::path case_dir = fs::path(manifest).parent_path();
    if (options.read_sources)
        for (const detail::SourceSpec& spec : specs) read_source(c, spec, case_dir, manifest);
    if (c.info.title.empty()) {
        const fs::path dir = fs::absolute(case_dir).lexically_normal();
        c.info.title = dir.has_filename() ? dir.filename().string() : dir.parent_path().filename().string();
    }
    read_notes(c, notes_path_for(c));
    if (options.merge) {
        merge(c);
        check_notes(c);
    }
    c.diagnostics.sort();
    return c;
}

}  // namespace sightline::formats
