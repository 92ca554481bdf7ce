// Spreadsheet sources: finding the mapping, applying overrides, dispatching by format.
#include "sightline/formats/spreadsheet.hpp"

#include <filesystem>

#include "readers.hpp"
#include "sightline/engine/type_inference.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

bool is_spreadsheet(std::string_view path) {
    const std::string ext = detail::lower_extension(path);
    return ext == ".csv" || ext == ".tsv" || ext == ".xlsx" || ext == ".docx";
}

namespace detail {

std::string lower_extension(std::string_view path) {
    std::string ext = fs::path(std::string(path)).extension().string();
    for (char& ch : ext)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return ext;
}

bool spreadsheet_mapping(Case& c, const SpreadsheetOptions& o, const std::string& manifest, Where where,
                         SheetMapping& result) {
    const std::string& file = o.path;
    const std::string& place = manifest.empty() ? file : manifest;
    // The mapping: named, else <name>.mapping.yaml (or .yml) beside the sheet.
    std::string mapping_path = o.mapping;
    if (mapping_path.empty()) {
        const fs::path sheet(file);
        for (const char* ext : {".mapping.yaml", ".mapping.yml"}) {
            const fs::path beside = sheet.parent_path() / (sheet.stem().string() + ext);
            std::error_code ec;
            if (fs::is_regular_file(beside, ec)) {
                mapping_path = beside.generic_string();
                break;
            }
        }
    }
    SheetMapping mapping;
    if (!mapping_path.empty()) {
        try {
            const FileBuffer text = read_file(mapping_path);
            mapping = read_mapping(c, mapping_path, text.view());
        } catch (const Error& e) {
            c.diagnostics.add(Severity::Error, place, where.line, where.column, "mapping-missing",
                              "cannot read mapping '" + mapping_path + "' for '" + file + "': " + unreadable_reason(e));
            return false;
        }
    }
    // Overrides from the manifest's source item (or the command line) win over the mapping.
    SheetMapping overrides;
    overrides.agency = o.agency;
    overrides.agency_where = where;
    overrides.kind = o.kind;
    overrides.kind_file = place;
    overrides.kind_where = where;
    overrides.area = o.area;
    overrides.sheet = o.sheet;
    if (!o.date_order.empty()) {
        if (const auto order = parse_date_order(o.date_order)) overrides.date_order = *order;
        else
            c.diagnostics.add(Severity::Error, place, where.line, where.column, "value-invalid",
                              "unknown date_order '" + o.date_order + "'; expected one of dmy, mdy, ymd, auto");
    }
    overrides.fill_from(mapping);
    overrides.file = mapping.file;  // problems with columns and values are the mapping file's
    result = std::move(overrides);
    return true;
}

void read_spreadsheet_source(Case& c, SourceId source, const SpreadsheetOptions& o, const std::string& manifest,
                             Where where) {
    const std::string& file = o.path;
    const std::string& place = manifest.empty() ? file : manifest;
    SheetMapping mapping;
    if (!spreadsheet_mapping(c, o, manifest, where, mapping)) return;
    const std::string ext = lower_extension(file);
    FileBuffer bytes;
    try {
        bytes = read_file(file);
    } catch (const Error& e) {
        c.diagnostics.add(Severity::Error, place, where.line, where.column, "source-missing",
                          "cannot read source '" + file + "': " + unreadable_reason(e));
        return;
    }
    if (ext == ".xlsx") read_xlsx(c, source, file, bytes.view(), std::move(mapping), o.limits);
    else if (ext == ".docx") read_docx(c, source, file, bytes.view(), std::move(mapping), o.limits);
    else read_csv(c, source, file, std::move(bytes), std::move(mapping), ext == ".tsv");
}

}  // namespace detail

SourceId read_spreadsheet(Case& c, const SpreadsheetOptions& options) {
    Source src;
    src.path = fs::path(options.path).lexically_normal().generic_string();
    src.opened = src.path;
    const std::string ext = detail::lower_extension(options.path);
    src.format = ext.empty() ? std::string("csv") : ext.substr(1);
    const auto id = static_cast<SourceId>(c.sources.size());
    c.sources.push_back(std::move(src));
    detail::read_spreadsheet_source(c, id, options, "", {});
    read_unwritten_types(c);
    return id;
}

}  // namespace sightline::formats
