// Mappings (see sheet_mapping.hpp): layering them, and reading a mapping file.
//
// [SECTION] Layering mappings
// [SECTION] Mapping files
#include "sheet_mapping.hpp"

#include <yaml-cpp/yaml.h>

#include "yaml_file.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

// [SECTION] Layering mappings

void SheetMapping::fill_from(const SheetMapping& lower) {
    if (agency.empty() && !lower.agency.empty()) {
        agency = lower.agency;
        agency_where = lower.agency_where;
    }
    if (kind.empty() && !lower.kind.empty()) {
        kind = lower.kind;
        kind_file = lower.kind_file;
        kind_where = lower.kind_where;
    }
    if (area.empty()) area = lower.area;
    if (!date_order) date_order = lower.date_order;
    if (!date_1904) date_1904 = lower.date_1904;
    if (sheet.empty()) sheet = lower.sheet;
    if (header_row == 0) {
        header_row = lower.header_row;
        header_row_where = lower.header_row_where;
    }
    if (delimiter == 0) delimiter = lower.delimiter;
    for (std::size_t i = 0; i < k_sheet_field_count; ++i) {
        if (columns[i].empty()) columns[i] = lower.columns[i];
        if (values[i].empty()) values[i] = lower.values[i];
    }
    if (child_seen_columns.empty()) child_seen_columns = lower.child_seen_columns;
}

// [SECTION] Mapping files

SheetMapping read_mapping(Case& c, const std::string& file, std::string_view text) {
    YamlFile y(c, file);
    SheetMapping m;
    m.file = file;
    const std::optional<YAML::Node> root = y.load(text);
    if (!root) return m;
    if (!root->IsMap()) {
        y.error(*root, "field-type", "a mapping must be a map (agency, kind, area, date_order, columns, values)");
        return m;
    }
    y.check_keys(*root, {"sightline", "agency", "agency_column", "kind", "area", "area_column", "date_order",
                         "date_system", "sheet", "header_row", "delimiter", "columns", "values"},
                 "the mapping");
    const YAML::Node agency = get(*root, "agency");
    if (const auto v = y.scalar(agency, "agency")) {
        m.agency = *v;
        m.agency_where = where_of(agency);
    }
    const YAML::Node kind = get(*root, "kind");
    if (const auto v = y.scalar(kind, "kind")) {
        m.kind = *v;
        m.kind_file = file;
        m.kind_where = where_of(kind);
    }
    m.area = y.scalar(get(*root, "area"), "area").value_or("");
    m.sheet = y.scalar(get(*root, "sheet"), "sheet").value_or("");
    for (const auto& [key, field] : {std::pair{"agency_column", SheetField::Agency}, std::pair{"area_column", SheetField::Area}}) {
        const YAML::Node n = get(*root, key);
        if (const auto v = y.scalar(n, key)) m.columns[static_cast<std::size_t>(field)].push_back({*v, where_of(n)});
    }
    const YAML::Node order = get(*root, "date_order");
    if (const auto v = y.scalar(order, "date_order")) {
        if (const auto o = parse_date_order(*v)) m.date_order = *o;
        else y.error(order, "value-invalid", "unknown date_order '" + *v + "'; expected one of dmy, mdy, ymd, auto");
    }
    const YAML::Node system = get(*root, "date_system");
    if (const auto v = y.scalar(system, "date_system")) {
        if (*v == "1900" || *v == "1904") m.date_1904 = *v == "1904";
        else y.error(system, "value-invalid", "date_system must be 1900 or 1904, not '" + *v + "'");
    }
    const YAML::Node header = get(*root, "header_row");
    if (const auto v = y.scalar(header, "header_row")) {
        const auto n = parse_int(*v);
        if (n && *n >= 1 && *n <= 1048576) {
            m.header_row = static_cast<std::uint32_t>(*n);
            m.header_row_where = where_of(header);
        } else {
            y.error(header, "value-invalid", "header_row must be a row number from 1, not '" + *v + "'");
        }
    }
    const YAML::Node delimiter = get(*root, "delimiter");
    if (const auto v = y.scalar(delimiter, "delimiter")) {
        if (*v == "tab" || *v == "\\t" || *v == "\t") m.delimiter = '\t';
        else if (v->size() == 1 && (*v)[0] != '"' && (*v)[0] != '\n') m.delimiter = (*v)[0];
        else y.error(delimiter, "value-invalid", "delimiter must be one character (or 'tab'), not '" + *v + "'");
    }
    auto field_list = [] {
        std::string out;
        for (std::size_t i = 0; i < k_sheet_field_count; ++i) out += (i ? ", " : "") + std::string(field_name(static_cast<SheetField>(i)));
        return out;
    };
    const YAML::Node columns = get(*root, "columns");
    if (columns.IsDefined() && !columns.IsNull()) {
        if (!columns.IsMap()) {
            y.error(columns, "field-type", "'columns' must be a map of field to column header");
        } else {
            for (const auto& kv : columns) {
                const std::string& name = kv.first.Scalar();
                const auto field = parse_sheet_field(name);
                if (!field) {
                    y.error(kv.first, "value-invalid", "unknown field '" + name + "' in columns; expected one of " + field_list());
                    continue;
                }
                auto& list = m.columns[static_cast<std::size_t>(*field)];
                if (kv.second.IsScalar()) {
                    list.push_back({kv.second.Scalar(), where_of(kv.second)});
                } else if (kv.second.IsSequence() && *field == SheetField::Summary) {
                    for (const YAML::Node& item : kv.second) {
                        if (item.IsScalar()) list.push_back({item.Scalar(), where_of(item)});
                        else y.error(item, "field-type", "each column of 'summary' must be one header");
                    }
                } else if (kv.second.IsMap() && *field == SheetField::ChildSeen) {
                    for (const auto& child : kv.second) {
                        if (child.second.IsScalar())
                            m.child_seen_columns.emplace_back(child.first.Scalar(), ColumnName{child.second.Scalar(), where_of(child.second)});
                        else y.error(child.second, "field-type", "child_seen for '" + child.first.Scalar() + "' must name one column");
                    }
                } else {
                    y.error(kv.second, "field-type",
                            "column for '" + name + "' must be one header" +
                                (*field == SheetField::ChildSeen ? " (or a map of child to header)" : "") +
                                "; only summary may list several");
                }
            }
        }
    }
    const YAML::Node values = get(*root, "values");
    if (values.IsDefined() && !values.IsNull()) {
        if (!values.IsMap()) {
            y.error(values, "field-type", "'values' must be a map of field to {as written: meaning}");
        } else {
            for (const auto& kv : values) {
                const std::string& name = kv.first.Scalar();
                const auto field = parse_sheet_field(name);
                if (!field) {
                    y.error(kv.first, "value-invalid", "unknown field '" + name + "' in values; expected one of " + field_list());
                    continue;
                }
                if (!kv.second.IsMap()) {
                    y.error(kv.second, "field-type", "values for '" + name + "' must be a map {as written: meaning}");
                    continue;
                }
                for (const auto& pair : kv.second) {
                    if (!pair.second.IsScalar() && !pair.second.IsNull()) {
                        y.error(pair.second, "field-type", "each value for '" + name + "' must be a single word");
                        continue;
                    }
                    const std::string written = pair.first.IsNull() ? std::string() : pair.first.Scalar();
                    const std::string meaning = pair.second.IsNull() ? std::string() : pair.second.Scalar();
                    m.values[static_cast<std::size_t>(*field)].emplace_back(written, meaning);
                }
            }
        }
    }
    return m;
}

}  // namespace sightline::formats::detail
