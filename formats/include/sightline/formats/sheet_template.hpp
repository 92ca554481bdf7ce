// A blank single-agency chronology for an agency to fill in (CSV, XLSX or a Word document), which
// sightline reads back without a mapping.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::formats {

// Who the template is for.
struct TemplateSpec {
    std::string agency;  // required
    std::string kind;    // an agency kind (case-format §5.2)
    std::string area;    // optional default area
};

// The template's column headers, in order; each is one the readers recognise.
std::span<const std::string_view> template_headers();

// The CSV template: `# agency:`, `# kind:`, `# date_order: dmy` lines, one instruction line,
// then the header row.
void write_template_csv(const TemplateSpec& spec, std::string& out);

// The XLSX template, written atomically: a "Chronology" sheet (the same lines above a frozen,
// bold header; dates and times formatted as such; drop-down lists for type, child seen, views
// sought and contact method), an "Instructions" sheet, and a hidden "Lists" sheet. rows are
// filled in below the header (ISO days and HH:MM times become date and time cells), for a
// template re-issued with what an agency already sent. Throws engine::Error when it cannot write.
void write_template_xlsx(const TemplateSpec& spec, const std::string& path,
                         const std::vector<std::vector<std::string>>& rows = {});

// The Word template, written atomically: landscape A4, the agency's and child's details, how to
// fill it in, and the chronology table with its header repeated on every page and empty rows.
// Its headings are the partnership templates' that the readers recognise ("What happened?",
// "Child seen and spoken to?", "Information shared with", "Action taken / outcome").
void write_template_docx(const TemplateSpec& spec, const std::string& path);

// The Word template's chronology headings, in order.
std::span<const std::string_view> word_template_headers();

}  // namespace sightline::formats
