// `sightline themes` as text and JSON, and the words every themes report uses.
//
// [SECTION] Words
// [SECTION] Text
// [SECTION] JSON
#include "sightline/formats/themes_report.hpp"

#include <array>
#include <cstdio>

#include "sightline/engine/date.hpp"
#include "sightline/engine/vocabulary.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

// [SECTION] Words

namespace themes_words {

std::string kind_label(FindingKind k) {
    std::string s(to_string(k));
    for (char& ch : s)
        if (ch == '_') ch = ' ';
    return s;
}

std::string stat(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    return std::to_string(percent_of(part, whole)) + "%";
}

std::string span(const CaseThemes& c) {
    if (!c.first_day) return "no dated entries";
    return format_day(*c.first_day) + " to " + format_day(*c.last_day);
}

}  // namespace themes_words

namespace {

using namespace themes_words;

// [SECTION] Text

// text left-aligned in width columns (at least one space after it).
std::string left(std::string_view text, std::size_t width) {
    std::string s(text);
    if (s.size() < width)
        s.append(width - s.size(), ' ');
    else
        s.push_back(' ');
    return s;
}

// text right-aligned in width columns.
std::string right(std::string_view text, std::size_t width) {
    std::string s(text);
    if (s.size() < width) s.insert(0, width - s.size(), ' ');
    return s;
}

std::string right(std::int64_t v, std::size_t width) {
    return right(std::to_string(v), width);
}

// The columns of the transfer statuses (ok, late, missed, unknown).
constexpr std::array<std::size_t, 4> k_status_widths = {5, 6, 8, 9};

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

void write_themes_text(const Themes& t, std::string& out) {
    const auto cases = static_cast<std::int64_t>(t.cases.size());
    std::int64_t with_concern = 0;
    for (const CaseThemes& c : t.cases) with_concern += c.of_concern() > 0;
    out += "Themes across " + plural(cases, "case", "cases") + ": " + std::to_string(with_concern) +
           " with findings of concern";
    if (!t.failed.empty())
        out +=
            "; " + plural(static_cast<std::int64_t>(t.failed.size()), "case", "cases") + " could not be read";
    out += ".\n";

    if (!t.failed.empty()) {
        out += "\nCould not be read (left out of every figure below):\n";
        for (const FailedCase& f : t.failed) out += "  " + f.line() + "\n";
    }

    out += "\nFinding kinds (of concern in brackets)\n  " + left("kind", 26) + right("cases", 12) +
           right("findings", 14) + "\n";
    for (std::size_t k = 0; k < t.kinds.size(); ++k) {
        const KindTally& n = t.kinds[k];
        if (!n.findings) continue;
        out += "  " + left(kind_label(static_cast<FindingKind>(k)), 26) +
               right(std::to_string(n.cases) + " (" + std::to_string(n.cases_concern) + ")", 12) +
               right(std::to_string(n.findings) + " (" + std::to_string(n.concern) + ")", 14) + "\n";
    }

    out +=
        "\nLongest period unseen by any professional, per child (days; of the children with one over the "
        "threshold)\n  " +
        left("age band", 13) + right("children", 9) + right("unseen", 8) + right("min", 7) + right("q1", 8) +
        right("median", 8) + right("q3", 8) + right("max", 7) + "\n";
    for (std::size_t b = 0; b < k_age_band_count; ++b) {
        const UnseenBand& u = t.unseen[b];
        if (!u.children) continue;
        const Distribution& d = u.longest;
        out += "  " + left(label(static_cast<AgeBand>(b)), 13) + right(u.children, 9) +
               right(static_cast<std::int64_t>(d.count), 8);
        if (d.count)
            out += right(stat(d.min), 7) + right(stat(d.q1), 8) + right(stat(d.median), 8) +
                   right(stat(d.q3), 8) + right(stat(d.max), 7);
        out += "\n";
    }

    out += "\nTransfers at moves, by agency kind (median days to first contact where there was one)\n  " +
           left("agency kind", 26);
    for (std::size_t s = 0; s < k_status_widths.size(); ++s)
        out += right(to_string(static_cast<TransferStatus>(s)), k_status_widths[s]);
    out += right("median", 8) + "\n";
    bool any_transfer = false;
    for (std::size_t k = 0; k < t.transfers.size(); ++k) {
        const TransferTally& n = t.transfers[k];
        if (!n.total()) continue;
        any_transfer = true;
        out += "  " + left(label(static_cast<AgencyKind>(k)), 26);
        for (std::size_t s = 0; s < n.by_status.size(); ++s) out += right(n.by_status[s], k_status_widths[s]);
        out += right(n.first_contact_days.count ? stat(n.first_contact_days.median) : "-", 8) + "\n";
    }
    if (!any_transfer) out += "  (no moves between areas)\n";

    out += "\nPatterns and people, by case\n";
    bool any_pattern = false;
    for (const CaseThemes& c : t.cases) {
        std::string line;
        for (const FindingKind k : k_pattern_kinds)
            if (const std::int64_t n = c.counts[static_cast<std::size_t>(k)])
                line += (line.empty() ? "" : ", ") + kind_label(k) + " " + std::to_string(n);
        if (line.empty()) continue;
        any_pattern = true;
        out += "  " + c.folder + ": " + line + "\n";
    }
    if (!any_pattern) out += "  (none)\n";

    out += "\nRecording: contacts involving a child that do not say whether the child was seen\n  " +
           left("agency kind", 26) + right("contacts", 9) + right("not recorded", 14) + right("share", 7) +
           "\n";
    for (std::size_t k = 0; k < t.recording.size(); ++k) {
        const RecordingTally& r = t.recording[k];
        if (!r.contacts) continue;
        out += "  " + left(label(static_cast<AgencyKind>(k)), 26) + right(r.contacts, 9) +
               right(r.not_recorded, 14) + right(percent(r.not_recorded, r.contacts), 7) + "\n";
    }

    out += "\nCases\n";
    for (const CaseThemes& c : t.cases) {
        out += "  " + c.folder + " (" + c.title +
               "): " + plural(static_cast<std::int64_t>(c.entries), "entry", "entries") + ", " + span(c) +
               "; " + plural(c.findings(), "finding", "findings") + ", " + std::to_string(c.of_concern()) +
               " of concern";
        std::string kinds;
        for (std::size_t k = 0; k < c.counts.size(); ++k)
            if (c.counts[k])
                kinds += (kinds.empty() ? "" : ", ") + kind_label(static_cast<FindingKind>(k)) + " " +
                         std::to_string(c.counts[k]);
        if (!kinds.empty()) out += " (" + kinds + ")";
        out += "\n";
    }
}

// [SECTION] JSON

namespace {

void write_distribution(JsonWriter& w, const Distribution& d) {
    w.begin_object();
    w.field("count", static_cast<std::uint64_t>(d.count));
    if (d.count) {
        w.field("min", d.min);
        w.field("q1", d.q1);
        w.field("median", d.median);
        w.field("q3", d.q3);
        w.field("max", d.max);
    }
    w.end_object();
}

// {kind: number} for the kinds with a count.
void write_counts(JsonWriter& w, const KindCounts& counts) {
    w.begin_object();
    for (std::size_t k = 0; k < counts.size(); ++k)
        if (counts[k]) w.field(to_string(static_cast<FindingKind>(k)), counts[k]);
    w.end_object();
}

void write_case(JsonWriter& w, const CaseThemes& c) {
    w.begin_object();
    w.field("case", c.folder);
    w.field("title", c.title);
    w.field("entries", c.entries);
    w.field("undated", c.undated);
    w.key("from");
    if (c.first_day)
        w.value(format_day(*c.first_day));
    else
        w.null();
    w.key("to");
    if (c.last_day)
        w.value(format_day(*c.last_day));
    else
        w.null();
    w.key("counts");
    write_counts(w, c.counts);
    w.key("concern");
    write_counts(w, c.concerns);
    w.key("children");
    w.begin_array();
    for (const ChildUnseen& ch : c.children) {
        w.begin_object();
        w.field("age_band", to_string(ch.band));
        w.key("longest_unseen_days");
        if (ch.longest_days)
            w.value(*ch.longest_days);
        else
            w.null();
        w.end_object();
    }
    w.end_array();
    w.key("transfers");
    w.begin_array();
    for (const TransferOutcome& o : c.transfers) {
        w.begin_object();
        w.field("agency_kind", to_string(o.agency_kind));
        w.field("status", to_string(o.status));
        w.key("first_contact_days");
        if (o.first_contact_days)
            w.value(*o.first_contact_days);
        else
            w.null();
        w.end_object();
    }
    w.end_array();
    w.key("patterns");
    w.begin_array();
    for (const PatternNote& p : c.patterns) {
        w.begin_object();
        w.field("kind", to_string(p.kind));
        w.field("concern", p.concern);
        w.field("message", p.message);
        w.end_object();
    }
    w.end_array();
    w.key("recording");
    w.begin_object();
    for (std::size_t k = 0; k < c.recording.size(); ++k) {
        if (!c.recording[k].contacts) continue;
        w.key(to_string(static_cast<AgencyKind>(k)));
        w.begin_object();
        w.field("contacts", c.recording[k].contacts);
        w.field("not_recorded", c.recording[k].not_recorded);
        w.end_object();
    }
    w.end_object();
    w.end_object();
}

}  // namespace

void write_themes_json(const Themes& t, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("cases", static_cast<std::uint64_t>(t.cases.size()));
    w.field("anonymised", !t.named);
    w.key("failed");
    w.begin_array(true);
    for (const FailedCase& f : t.failed) {
        w.begin_object();
        w.field("case", f.folder);
        w.field("message", f.message);
        w.end_object();
    }
    w.end_array();
    w.key("kinds");
    w.begin_object();
    for (std::size_t k = 0; k < t.kinds.size(); ++k) {
        w.key(to_string(static_cast<FindingKind>(k)));
        w.begin_object();
        w.field("cases", t.kinds[k].cases);
        w.field("cases_concern", t.kinds[k].cases_concern);
        w.field("findings", t.kinds[k].findings);
        w.field("concern", t.kinds[k].concern);
        w.end_object();
    }
    w.end_object();
    w.key("unseen");
    w.begin_object();
    for (std::size_t b = 0; b < k_age_band_count; ++b) {
        w.key(to_string(static_cast<AgeBand>(b)));
        w.begin_object();
        w.field("children", t.unseen[b].children);
        w.key("longest_days");
        write_distribution(w, t.unseen[b].longest);
        w.end_object();
    }
    w.end_object();
    w.key("transfers");
    w.begin_object();
    for (std::size_t k = 0; k < t.transfers.size(); ++k) {
        if (!t.transfers[k].total()) continue;
        w.key(to_string(static_cast<AgencyKind>(k)));
        w.begin_object();
        for (std::size_t s = 0; s < t.transfers[k].by_status.size(); ++s)
            w.field(to_string(static_cast<TransferStatus>(s)), t.transfers[k].by_status[s]);
        w.end_object();
    }
    w.end_object();
    w.key("first_contact_days");
    w.begin_object();
    for (std::size_t k = 0; k < t.transfers.size(); ++k) {
        if (!t.transfers[k].total()) continue;
        w.key(to_string(static_cast<AgencyKind>(k)));
        write_distribution(w, t.transfers[k].first_contact_days);
    }
    w.end_object();
    w.key("recording");
    w.begin_object();
    for (std::size_t k = 0; k < t.recording.size(); ++k) {
        const RecordingTally& r = t.recording[k];
        if (!r.contacts) continue;
        w.key(to_string(static_cast<AgencyKind>(k)));
        w.begin_object();
        w.field("contacts", r.contacts);
        w.field("not_recorded", r.not_recorded);
        w.field("not_recorded_percent", percent_of(r.not_recorded, r.contacts));
        w.end_object();
    }
    w.end_object();
    w.key("per_case");
    w.begin_array(true);
    for (const CaseThemes& c : t.cases) write_case(w, c);
    w.end_array();
    w.end_object();
    out.push_back('\n');
}

}  // namespace sightline::formats
