// `sightline themes` output: the themes across cases as a text summary, JSON, an XLSX workbook
// (one row per case, one sheet per theme) and a self-contained HTML page with SVG charts.
#pragma once

#include <string>
#include <string_view>

#include "sightline/engine/themes.hpp"

namespace sightline::formats {

// A summary a partnership reads top to bottom: cases that could not be read, finding kinds,
// children unseen by age band, transfers by agency kind, patterns and people, recording, and a
// line per case.
void write_themes_text(const engine::Themes& t, std::string& out);

// {"sightline":1, "cases", "failed", "kinds", "unseen", "transfers", "first_contact_days",
// "recording", "per_case"} (docs/analyses.md, "Themes across cases").
void write_themes_json(const engine::Themes& t, std::string& out);

// One page, no external resource and no script: the figures as tables and SVG charts, laid out
// for printing too (an annual report's pages).
void write_themes_html(const engine::Themes& t, std::string& out);

// A workbook written to path atomically: "Summary" (the cross-case figures), then one sheet per
// theme with one row per case, and "Could not be read". Throws engine::Error when it cannot write.
void write_themes_xlsx(const engine::Themes& t, const std::string& path);

// Words shared by the reports.
namespace themes_words {
// A finding kind for a reader: "unseen period", "invisible adult".
std::string kind_label(engine::FindingKind k);
// A statistic of days: whole numbers bare, others to at most two decimals ("11.5").
std::string stat(double v);
// "12%": a rounded percent.
std::string percent(std::int64_t part, std::int64_t whole);
// "2015-06-21 to 2016-01-31", or "no dated entries".
std::string span(const engine::CaseThemes& c);
}  // namespace themes_words

}  // namespace sightline::formats
