// `sightline themes -o themes.html`: one self-contained page (no external resource, no script)
// with SVG charts a partnership can put in its annual report, each chart followed by the table of
// its figures, and a print stylesheet.
//
// [SECTION] SVG
// [SECTION] Charts
// [SECTION] Page
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sightline/engine/date.hpp"
#include "sightline/engine/vocabulary.hpp"
#include "sightline/formats/themes_report.hpp"
#include "xml_text.hpp"

namespace sightline::formats {

using namespace sightline::engine;
using namespace themes_words;

namespace {

// [SECTION] SVG

// Colours: a blue for counts, and the traffic lights of transfer statuses (readable in grey too:
// each status is also labelled).
constexpr const char* k_blue = "#3b6ea5";
constexpr const char* k_pale_blue = "#c9d9ec";
constexpr const char* k_red = "#b3261e";
constexpr const char* k_status_colours[4] = {"#2e7d32", "#e0a100", "#b3261e",
                                             "#9e9e9e"};  // ok, late, missed, unknown

// A coordinate or length: whole pixels, or one decimal.
std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

// An SVG drawing appended to a page: opened with its accessible title, closed by finish().
class Svg {
public:
    Svg(std::string& out, double width, double height, std::string_view title) : m_out(out) {
        m_out += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" + num(width) +
                 "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                 "\" aria-label=\"" + detail::xml_text(title) + "\"><title>" + detail::xml_text(title) +
                 "</title>\n";
    }
    void rect(double x, double y, double w, double h, const char* fill, std::string_view tip = {}) {
        m_out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(0.0, w)) +
                 "\" height=\"" + num(h) + "\" fill=\"" + fill + "\"";
        if (tip.empty()) {
            m_out += "/>\n";
            return;
        }
        m_out += "><title>" + detail::xml_text(tip) + "</title></rect>\n";
    }
    void line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1) {
        m_out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
                 num(y2) + "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"/>\n";
    }
    // anchor: "start", "middle" or "end".
    void text(double x, double y, std::string_view words, const char* anchor = "start",
              const char* fill = "#1a1a1a") {
        m_out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" +
                 fill + "\">" + detail::xml_text(words) + "</text>\n";
    }
    void finish() { m_out += "</svg>\n"; }

private:
    std::string& m_out;
};

// A step for axis ticks: 1, 2 or 5 times a power of ten, giving at most about six ticks to max.
double tick_step(double max) {
    if (max <= 0) return 1;
    const double raw = max / 6;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : {1.0, 2.0, 5.0})
        if (m * power >= raw) return m * power;
    return 10 * power;
}

// [SECTION] Charts

constexpr double k_width = 760;  // px, every chart
constexpr double k_label = 200;  // px, the label column
constexpr double k_row = 24;     // px, a row
constexpr double k_bar = 16;     // px, a bar's height
constexpr double k_top = 34;     // px, above the first row (legend or axis)
constexpr double k_plot = 440;   // px, the plot's width

// A legend of coloured squares along the top.
void legend(Svg& svg, const std::vector<std::pair<const char*, std::string>>& items) {
    double x = k_label;
    for (const auto& [colour, words] : items) {
        svg.rect(x, 8, 12, 12, colour);
        svg.text(x + 17, 18, words);
        x += 30 + 7.0 * static_cast<double>(words.size());
    }
}

// Cases with each kind of finding (and of them, those where it was of concern), most common first.
void kinds_chart(std::string& out, const Themes& t) {
    std::vector<std::size_t> kinds;
    for (std::size_t k = 0; k < t.kinds.size(); ++k)
        if (t.kinds[k].findings) kinds.push_back(k);
    std::stable_sort(kinds.begin(), kinds.end(),
                     [&](std::size_t a, std::size_t b) { return t.kinds[a].cases > t.kinds[b].cases; });
    const double cases = std::max<double>(1, static_cast<double>(t.cases.size()));
    Svg svg(out, k_width, k_top + k_row * static_cast<double>(kinds.size()) + 8,
            "Cases with each kind of finding, and with one of concern");
    legend(svg, {{k_pale_blue, "cases with the finding"}, {k_red, "of them, of concern"}});
    double y = k_top;
    for (const std::size_t k : kinds) {
        const KindTally& n = t.kinds[k];
        const std::string name = kind_label(static_cast<FindingKind>(k));
        svg.text(k_label - 8, y + 12, name, "end");
        svg.rect(k_label, y, k_plot * static_cast<double>(n.cases) / cases, k_bar, k_pale_blue,
                 name + ": " + std::to_string(n.cases) + " cases");
        svg.rect(k_label, y + 4, k_plot * static_cast<double>(n.cases_concern) / cases, k_bar - 8, k_red,
                 name + ": of concern in " + std::to_string(n.cases_concern) + " cases");
        svg.text(k_label + k_plot * static_cast<double>(n.cases) / cases + 6, y + 12,
                 std::to_string(n.cases) + " (" +
                     percent(n.cases, static_cast<std::int64_t>(t.cases.size())) + ")");
        y += k_row;
    }
    svg.finish();
}

// The longest unseen period per child: a box (quartiles), a median line and whiskers (min, max)
// for each age band, on one axis of days.
void unseen_chart(std::string& out, const Themes& t) {
    double max = 0;
    std::size_t rows = 0;
    for (const UnseenBand& u : t.unseen) {
        if (!u.children) continue;
        ++rows;
        max = std::max(max, u.longest.max);
    }
    const double step = tick_step(max);
    const double axis_max = std::max(step, std::ceil(max / step) * step);
    const auto x_of = [&](double days) { return k_label + k_plot * days / axis_max; };
    const double top = 12;  // px: no legend above this chart
    const double height = top + k_row * 1.5 * static_cast<double>(rows) + 30;
    Svg svg(out, k_width, height,
            "Longest period each child was unseen by any professional, by age band (days)");
    const double axis_y = height - 24;
    for (double v = 0; v <= axis_max + step / 2; v += step) {
        svg.line(x_of(v), top - 6, x_of(v), axis_y, "#e2e2e2");
        svg.text(x_of(v), axis_y + 16, num(v), "middle", "#555");
    }
    svg.text(k_label + k_plot + 24, axis_y + 16, "days", "start", "#555");
    double y = top;
    for (std::size_t b = 0; b < k_age_band_count; ++b) {
        const UnseenBand& u = t.unseen[b];
        if (!u.children) continue;
        const Distribution& d = u.longest;
        svg.text(k_label - 8, y + 13,
                 std::string(label(static_cast<AgeBand>(b))) + " (" + std::to_string(d.count) + " of " +
                     std::to_string(u.children) + ")",
                 "end");
        if (d.count) {
            const double mid = y + k_bar / 2 + 2;
            svg.line(x_of(d.min), mid, x_of(d.max), mid, "#333");
            svg.line(x_of(d.min), mid - 5, x_of(d.min), mid + 5, "#333");
            svg.line(x_of(d.max), mid - 5, x_of(d.max), mid + 5, "#333");
            svg.rect(x_of(d.q1), y + 2, x_of(d.q3) - x_of(d.q1), k_bar, k_pale_blue,
                     "quartiles " + stat(d.q1) + " to " + stat(d.q3) + " days; median " + stat(d.median) +
                         "; range " + stat(d.min) + " to " + stat(d.max));
            svg.line(x_of(d.median), y, x_of(d.median), y + k_bar + 4, k_blue, 3);
            svg.text(x_of(d.max) + 8, y + 13, "median " + stat(d.median));
        } else {
            svg.text(k_label + 4, y + 13, "none unseen past the threshold", "start", "#555");
        }
        y += k_row * 1.5;
    }
    svg.finish();
}

// Transfers by agency kind: one bar per kind, its statuses side by side.
void transfers_chart(std::string& out, const Themes& t) {
    std::vector<std::size_t> kinds;
    std::int64_t max = 1;
    for (std::size_t k = 0; k < t.transfers.size(); ++k)
        if (const std::int64_t n = t.transfers[k].total()) {
            kinds.push_back(k);
            max = std::max(max, n);
        }
    Svg svg(out, k_width, k_top + k_row * static_cast<double>(kinds.size()) + 8,
            "Transfers at moves by agency kind: on time, late, missed, or unknown");
    std::vector<std::pair<const char*, std::string>> items;
    for (std::size_t s = 0; s < 4; ++s)
        items.emplace_back(k_status_colours[s], std::string(to_string(static_cast<TransferStatus>(s))));
    legend(svg, items);
    double y = k_top;
    for (const std::size_t k : kinds) {
        const TransferTally& n = t.transfers[k];
        const std::string name(label(static_cast<AgencyKind>(k)));
        svg.text(k_label - 8, y + 12, name, "end");
        double x = k_label;
        for (std::size_t s = 0; s < 4; ++s) {
            if (!n.by_status[s]) continue;
            const double w = k_plot * static_cast<double>(n.by_status[s]) / static_cast<double>(max);
            const std::string status(to_string(static_cast<TransferStatus>(s)));
            svg.rect(x, y, w, k_bar, k_status_colours[s],
                     name + ": " + std::to_string(n.by_status[s]) + " " + status);
            if (w >= 18) svg.text(x + w / 2, y + 12, std::to_string(n.by_status[s]), "middle", "#fff");
            x += w;
        }
        svg.text(x + 6, y + 12,
                 n.first_contact_days.count ? "median " + stat(n.first_contact_days.median) + " days"
                                            : "no first contact");
        y += k_row;
    }
    svg.finish();
}

// Recording: the share of contacts that do not say whether the child was seen, by agency kind.
void recording_chart(std::string& out, const Themes& t) {
    std::vector<std::size_t> kinds;
    for (std::size_t k = 0; k < t.recording.size(); ++k)
        if (t.recording[k].contacts) kinds.push_back(k);
    Svg svg(out, k_width, k_top + k_row * static_cast<double>(kinds.size()) + 8,
            "Share of contacts that do not record whether the child was seen, by agency kind");
    for (int v = 0; v <= 100; v += 25) {
        const double x = k_label + k_plot * v / 100.0;
        svg.line(x, k_top - 6, x, k_top + k_row * static_cast<double>(kinds.size()), "#e2e2e2");
        svg.text(x, k_top - 10, std::to_string(v) + "%", "middle", "#555");
    }
    double y = k_top;
    for (const std::size_t k : kinds) {
        const RecordingTally& r = t.recording[k];
        const std::string name(label(static_cast<AgencyKind>(k)));
        svg.text(k_label - 8, y + 12, name, "end");
        const double w = k_plot * static_cast<double>(r.not_recorded) / static_cast<double>(r.contacts);
        svg.rect(k_label, y, w, k_bar, k_blue,
                 name + ": " + std::to_string(r.not_recorded) + " of " + std::to_string(r.contacts));
        svg.text(k_label + w + 6, y + 12,
                 percent(r.not_recorded, r.contacts) + " of " + std::to_string(r.contacts));
        y += k_row;
    }
    svg.finish();
}

// [SECTION] Page

constexpr const char* k_style = R"(<style>
:root { color-scheme: light; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; max-width: 1100px;
       margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #3b6ea5; padding-bottom: .2rem; }
p.lead { color: #444; margin-top: 0; }
svg { display: block; max-width: 100%; height: auto; margin: .8rem 0; }
svg text { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 12px; }
table { border-collapse: collapse; font-size: .85rem; margin: .6rem 0 1rem; }
th, td { padding: .25rem .6rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { background: #eef3f9; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: .85rem; }
.failed td { color: #b3261e; }
ul.found { margin: .2rem 0; padding-left: 1.1rem; }
li.info { color: #666; }
td.case { white-space: nowrap; }  /* case folders and dates */
td.found { min-width: 26rem; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: .85rem; color: #555; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  section { break-before: auto; }
  table { font-size: 8.5pt; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
</style>
)";

void append(std::string& out, std::string_view text) {
    detail::append_xml_text(out, text);
}

std::string cell(std::int64_t v) {
    return "<td class=\"n\">" + std::to_string(v) + "</td>";
}
std::string cell(std::string_view text, bool number = false) {
    return (number ? "<td class=\"n\">" : "<td>") + detail::xml_text(text) + "</td>";
}

void head_row(std::string& out, std::initializer_list<std::pair<const char*, bool>> headers) {
    out += "<thead><tr>";
    for (const auto& [h, number] : headers)
        out += std::string(number ? "<th class=\"n\">" : "<th>") + h + "</th>";
    out += "</tr></thead>\n";
}

}  // namespace

void write_themes_html(const Themes& t, std::string& out) {
    const auto cases = static_cast<std::int64_t>(t.cases.size());
    std::int64_t with_concern = 0;
    for (const CaseThemes& c : t.cases) with_concern += c.of_concern() > 0;
    out +=
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Themes across " +
        std::to_string(cases) + (cases == 1 ? " case" : " cases") + "</title>\n";
    out += k_style;
    out += "</head>\n<body>\n<h1>Themes across " + std::to_string(cases) + (cases == 1 ? " case" : " cases") +
           "</h1>\n";
    out += "<p class=\"lead\">" + std::to_string(with_concern) + " of them with findings of concern";
    if (!t.failed.empty())
        out += "; " + std::to_string(t.failed.size()) + " could not be read and are left out";
    out +=
        ". Made by Sightline from each case's chronologies, with the analyses of <code>sightline "
        "check</code>.</p>\n";

    if (!t.failed.empty()) {
        out += "<section id=\"failed\">\n<h2>Cases that could not be read</h2>\n<table class=\"failed\">\n";
        head_row(out, {{"Case", false}, {"Problem", false}});
        out += "<tbody>\n";
        for (const FailedCase& f : t.failed) out += "<tr>" + cell(f.folder) + cell(f.message) + "</tr>\n";
        out += "</tbody></table>\n</section>\n";
    }

    out += "<section id=\"kinds\">\n<h2>What the cases have in common</h2>\n<figure>\n";
    kinds_chart(out, t);
    out +=
        "<figcaption>Each bar: the cases with at least one finding of the kind; red, those where one was of "
        "concern.</figcaption>\n</figure>\n<table>\n";
    head_row(out, {{"Finding", false},
                   {"Cases", true},
                   {"Cases of concern", true},
                   {"Findings", true},
                   {"Of concern", true}});
    out += "<tbody>\n";
    for (std::size_t k = 0; k < t.kinds.size(); ++k) {
        const KindTally& n = t.kinds[k];
        if (!n.findings) continue;
        out += "<tr>" + cell(kind_label(static_cast<FindingKind>(k))) + cell(n.cases) +
               cell(n.cases_concern) + cell(n.findings) + cell(n.concern) + "</tr>\n";
    }
    out += "</tbody></table>\n</section>\n";

    out += "<section id=\"unseen\">\n<h2>Children unseen</h2>\n";
    const bool any_child =
        std::any_of(t.unseen.begin(), t.unseen.end(), [](const UnseenBand& u) { return u.children > 0; });
    if (any_child) {
        out += "<figure>\n";
        unseen_chart(out, t);
        out +=
            "<figcaption>For each child, the longest period no professional saw them, over the case's "
            "threshold; by the child's age when it began. Box: the middle half of the children; line: the "
            "median; whiskers: the shortest and longest.</figcaption>\n</figure>\n<table>\n";
        head_row(out, {{"Age band", false},
                       {"Children", true},
                       {"Unseen past the threshold", true},
                       {"Min", true},
                       {"Lower quartile", true},
                       {"Median", true},
                       {"Upper quartile", true},
                       {"Max", true}});
        out += "<tbody>\n";
        for (std::size_t b = 0; b < k_age_band_count; ++b) {
            const UnseenBand& u = t.unseen[b];
            if (!u.children) continue;
            const Distribution& d = u.longest;
            out += "<tr>" + cell(label(static_cast<AgeBand>(b))) + cell(u.children) +
                   cell(static_cast<std::int64_t>(d.count));
            for (const double v : {d.min, d.q1, d.median, d.q3, d.max})
                out += cell(d.count ? stat(v) : "-", true);
            out += "</tr>\n";
        }
        out += "</tbody></table>\n";
    } else {
        out += "<p class=\"note\">No case names an index child.</p>\n";
    }
    out += "</section>\n\n";

    out += "<section id=\"transfers\">\n<h2>Moves between areas: did services follow?</h2>\n";
    bool any_transfer = false;
    for (const TransferTally& n : t.transfers) any_transfer = any_transfer || n.total() > 0;
    if (any_transfer) {
        out += "<figure>\n";
        transfers_chart(out, t);
        out +=
            "<figcaption>Each agency kind that should have followed a family to its new area: on time, late, "
            "missed, or unknown (the records after the move carry no "
            "area).</figcaption>\n</figure>\n<table>\n";
        head_row(out, {{"Agency kind", false},
                       {"OK", true},
                       {"Late", true},
                       {"Missed", true},
                       {"Unknown", true},
                       {"Median days to first contact", true}});
        out += "<tbody>\n";
        for (std::size_t k = 0; k < t.transfers.size(); ++k) {
            const TransferTally& n = t.transfers[k];
            if (!n.total()) continue;
            out += "<tr>" + cell(label(static_cast<AgencyKind>(k)));
            for (const std::int64_t v : n.by_status) out += cell(v);
            out +=
                cell(n.first_contact_days.count ? stat(n.first_contact_days.median) : "-", true) + "</tr>\n";
        }
        out += "</tbody></table>\n";
    } else {
        out += "<p class=\"note\">No case has a move between areas.</p>\n";
    }
    out += "</section>\n";

    out += "<section id=\"patterns\">\n<h2>Patterns and people</h2>\n";
    out += "<table>\n<thead><tr><th>Case</th>";
    for (const FindingKind k : k_pattern_kinds)
        out += "<th class=\"n\">" + detail::xml_text(kind_label(k)) + "</th>";
    out += "<th>What was found</th></tr></thead>\n<tbody>\n";
    std::size_t pattern_cases = 0;
    for (const CaseThemes& c : t.cases) {
        if (c.patterns.empty()) continue;
        ++pattern_cases;
        out += "<tr><td class=\"case\">" + detail::xml_text(c.folder) + "</td>";
        for (const FindingKind k : k_pattern_kinds)
            if (const std::int64_t n = c.counts[static_cast<std::size_t>(k)])
                out += cell(n);
            else
                out += "<td></td>";
        out += "<td class=\"found\"><ul class=\"found\">";
        for (const PatternNote& p : c.patterns) {
            out += p.concern ? "<li>" : "<li class=\"info\">";
            append(out, p.message);
            out += p.concern ? "</li>" : " (for information)</li>";
        }
        out += "</ul></td></tr>\n";
    }
    out += "</tbody></table>\n";
    out +=
        "<p class=\"note\">" + std::to_string(pattern_cases) + " of " + std::to_string(cases) + " cases. " +
        (t.named ? std::string("People are named as in the case (--named).")
                 : std::string(
                       "People are named by their role in the case (\"Mother's partner\"), never by name.")) +
        "</p>\n</section>\n";

    out += "<section id=\"recording\">\n<h2>Recording whether the child was seen</h2>\n";
    const bool any_contact = std::any_of(t.recording.begin(), t.recording.end(),
                                         [](const RecordingTally& r) { return r.contacts > 0; });
    if (any_contact) {
        out += "<figure>\n";
        recording_chart(out, t);
        out +=
            "<figcaption>Of the contacts involving an index child, the share that do not say whether the "
            "child was seen.</figcaption>\n</figure>\n<table>\n";
        head_row(out, {{"Agency kind", false}, {"Contacts", true}, {"Not recorded", true}, {"Share", true}});
        out += "<tbody>\n";
        for (std::size_t k = 0; k < t.recording.size(); ++k) {
            const RecordingTally& r = t.recording[k];
            if (!r.contacts) continue;
            out += "<tr>" + cell(label(static_cast<AgencyKind>(k))) + cell(r.contacts) +
                   cell(r.not_recorded) + cell(percent(r.not_recorded, r.contacts), true) + "</tr>\n";
        }
        out += "</tbody></table>\n";
    } else {
        out += "<p class=\"note\">No contact involving an index child.</p>\n";
    }
    out += "</section>\n\n";

    out += "<section id=\"cases\">\n<h2>Cases</h2>\n<table>\n";
    head_row(out, {{"Case", false},
                   {"Title", false},
                   {"Entries", true},
                   {"Dates", false},
                   {"Findings", true},
                   {"Of concern", true},
                   {"By kind", false}});
    out += "<tbody>\n";
    for (const CaseThemes& c : t.cases) {
        std::string kinds;
        for (std::size_t k = 0; k < c.counts.size(); ++k)
            if (c.counts[k])
                kinds += (kinds.empty() ? "" : ", ") + kind_label(static_cast<FindingKind>(k)) + " " +
                         std::to_string(c.counts[k]);
        out += "<tr>" + cell(c.folder) + cell(c.title) + cell(static_cast<std::int64_t>(c.entries)) +
               "<td class=\"case\">" + detail::xml_text(span(c)) + "</td>" + cell(c.findings()) +
               cell(c.of_concern()) + cell(kinds) + "</tr>\n";
    }
    out += "</tbody></table>\n</section>\n</body>\n</html>\n";
}

}  // namespace sightline::formats
