// Reading a case: the manifest, every source it lists, then the merge.
//
// [SECTION] One source
// [SECTION] load_case
//
// The reference path: each source is read in turn, in manifest order, into the case. With more
// than one thread, CSV and TSV sources are read at once instead (parallel_reader.cpp), which
// gives the same case: the same entries, ids, diagnostics, areas and agencies.
#include "sightline/formats/case_reader.hpp"

#include <filesystem>

#include "readers.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/engine/type_inference.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

// [SECTION] One source

// The source record of a manifest item (added to c.sources before any source is read).
Source source_for(const detail::SourceSpec& spec, const fs::path& case_dir) {
    const fs::path full = (case_dir / spec.file).lexically_normal();
    const std::string ext = detail::lower_extension(full.string());
    Source src;
    src.path = fs::path(spec.file).lexically_normal().generic_string();
    src.opened = full.generic_string();
    src.format = ext.empty() ? std::string("unknown") : ext.substr(1);
    if (src.format == "yml") src.format = "yaml";
    return src;
}

}  // namespace

SpreadsheetOptions detail::sheet_options(const Source& src, const detail::SourceSpec& spec, const fs::path& case_dir) {
    SpreadsheetOptions o;
    o.path = src.opened;
    if (!spec.mapping.empty()) o.mapping = (case_dir / spec.mapping).lexically_normal().generic_string();
    o.sheet = spec.sheet;
    o.agency = spec.agency;
    o.kind = spec.kind;
    o.area = spec.area;
    o.date_order = spec.date_order;
    return o;
}

namespace {

// Why a source's format is not read, and what to do: a document format says how to convert it.
std::string unreadable_format_message(const std::string& file) {
    const std::string ext = detail::lower_extension(file);
    std::string what;
    if (ext == ".doc") what = "a Word 97-2003 document";
    else if (ext == ".odt") what = "an OpenDocument text";
    else if (ext == ".rtf") what = "a rich text document";
    else if (ext == ".docm" || ext == ".dotx") what = "a Word template or macro document";
    else if (ext == ".xls" || ext == ".ods") what = "a spreadsheet in an older or OpenDocument format";
    if (!what.empty()) {
        const std::string to = (ext == ".xls" || ext == ".ods") ? "xlsx" : "docx";
        return "source '" + file + "' is " + what + ", which sightline does not read; convert it to ." + to +
               " (libreoffice --headless --convert-to " + to + " " + file + ") and list the ." + to + " file";
    }
    if (ext == ".pdf")
        return "source '" + file + "' is a PDF, which sightline does not read; ask the agency for the Word or "
               "Excel file it was made from";
    return "source '" + file + "' is not a format sightline reads (.yaml, .yml, .csv, .tsv, .xlsx, .docx)";
}

}  // namespace

void detail::read_source(Case& c, SourceId id, const detail::SourceSpec& spec, const fs::path& case_dir, const std::string& manifest) {
    const Source& src = c.sources[index_of(id)];
    if (is_spreadsheet(src.opened)) {
        detail::read_spreadsheet_source(c, id, sheet_options(src, spec, case_dir), manifest, spec.where);
        return;
    }
    if (src.format != "yaml") {
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-format",
                          unreadable_format_message(spec.file));
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
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-missing",
                          "cannot read source '" + spec.file + "': " + unreadable_reason(e));
        return;
    }
    detail::read_agency_yaml(c, id, src.opened, buf.view());
}

// [SECTION] load_case

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
    if (options.read_sources) {
        std::vector<SourceId> ids;
        for (const detail::SourceSpec& spec : specs) {
            ids.push_back(static_cast<SourceId>(c.sources.size()));
            c.sources.push_back(source_for(spec, case_dir));
        }
        const unsigned threads = thread_count(options.threads);
        if (threads == 1) {
            for (std::size_t k = 0; k < specs.size(); ++k) detail::read_source(c, ids[k], specs[k], case_dir, manifest);
        } else {
            detail::read_sources_on_threads(c, specs, ids, case_dir, manifest, threads);
        }
        read_unwritten_types(c, threads);
    }
    if (c.info.title.empty()) {
        const fs::path dir = fs::absolute(case_dir).lexically_normal();
        c.info.title = dir.has_filename() ? dir.filename().string() : dir.parent_path().filename().string();
    }
    read_notes(c, notes_path_for(c));
    if (options.merge) {
        merge(c, options.threads);
        check_notes(c);
    }
    c.diagnostics.sort();
    return c;
}

}  // namespace sightline::formats
