// Themes across cases: each case summarised from its findings, then the summaries combined.
//
// [SECTION] Distributions
// [SECTION] One case
// [SECTION] Across cases
#include "sightline/engine/themes.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

#include "sightline/engine/date.hpp"

namespace sightline::engine {

// [SECTION] Distributions

double quantile(const std::vector<std::int64_t>& sorted, double p) {
    assert(!sorted.empty() && p >= 0 && p <= 1);
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    const auto low = static_cast<double>(sorted[below]);
    return low + (h - static_cast<double>(below)) * (static_cast<double>(sorted[above]) - low);
}

Distribution distribution(std::vector<std::int64_t> values) {
    Distribution d;
    if (values.empty()) return d;
    std::sort(values.begin(), values.end());
    d.count = values.size();
    d.min = static_cast<double>(values.front());
    d.q1 = quantile(values, 0.25);
    d.median = quantile(values, 0.5);
    d.q3 = quantile(values, 0.75);
    d.max = static_cast<double>(values.back());
    return d;
}

std::int64_t percent_of(std::int64_t part, std::int64_t whole) {
    return whole ? (part * 100 + whole / 2) / whole : 0;
}

// [SECTION] One case

std::string_view to_string(AgeBand b) {
    static constexpr std::array<std::string_view, k_age_band_count> k_names = {"under_1", "1_4", "5_11",
                                                                               "12_plus", "unknown"};
    return k_names[static_cast<std::size_t>(b)];
}

std::string_view label(AgeBand b) {
    static constexpr std::array<std::string_view, k_age_band_count> k_labels = {"under 1", "1-4", "5-11",
                                                                                "12+", "age unknown"};
    return k_labels[static_cast<std::size_t>(b)];
}

AgeBand age_band(std::int32_t years) {
    if (years < 1) return AgeBand::UnderOne;
    if (years < 5) return AgeBand::OneToFour;
    if (years < 12) return AgeBand::FiveToEleven;
    return AgeBand::TwelvePlus;
}

std::int64_t CaseThemes::findings() const {
    return std::accumulate(counts.begin(), counts.end(), std::int64_t{0});
}

std::int64_t CaseThemes::of_concern() const {
    return std::accumulate(concerns.begin(), concerns.end(), std::int64_t{0});
}

namespace {

// A child's band at a day: by the latest day they can have been born, as the analyses count age
// (the youngest the child can be).
AgeBand band_at(const Person& child, std::int32_t day) {
    if (!child.born) return AgeBand::Unknown;
    return age_band(age_in_years(child.born->latest_day(), day));
}

}  // namespace

CaseThemes summarise_case(std::string folder, const Case& c, const std::vector<Finding>& findings) {
    CaseThemes t;
    t.folder = std::move(folder);
    t.title = c.info.title;
    const Chronology& ch = c.chronology;
    t.entries = ch.entries.size();
    t.undated = ch.undated.size();
    for (const Entry& e : ch.entries) {
        // An entry's day is its earliest possible day.
        const std::int32_t day = e.date.earliest_day();
        t.first_day = t.first_day ? std::min(*t.first_day, day) : day;
        t.last_day = t.last_day ? std::max(*t.last_day, day) : day;
    }

    // The start of each child's period (birth or scope start, the later), for the band of a child
    // never unseen past the threshold.
    std::optional<std::int32_t> period_start;
    if (c.info.scope_from)
        period_start = c.info.scope_from->earliest_day();
    else if (t.first_day)
        period_start = t.first_day;
    std::vector<std::optional<std::int64_t>> longest(c.info.index_children.size());
    std::vector<AgeBand> band(c.info.index_children.size(), AgeBand::Unknown);
    for (std::size_t i = 0; i < band.size(); ++i) {
        const Person& p = c.person(c.info.index_children[i]);
        std::optional<std::int32_t> start = period_start;
        if (p.born) start = start ? std::max(*start, p.born->latest_day()) : p.born->latest_day();
        if (start) band[i] = band_at(p, *start);
    }

    for (const Finding& f : findings) {
        const auto k = static_cast<std::size_t>(f.kind());
        ++t.counts[k];
        if (f.concern) ++t.concerns[k];
        if (const auto* u = f.as<UnseenPeriodFinding>(); u && !u->agency_kind) {
            const int i = c.index_child_position(u->child);
            if (i >= 0 &&
                (!longest[static_cast<std::size_t>(i)] || u->days > *longest[static_cast<std::size_t>(i)])) {
                longest[static_cast<std::size_t>(i)] = u->days;
                band[static_cast<std::size_t>(i)] = band_at(c.person(u->child), u->from.day);
            }
        } else if (const auto* tr = f.as<TransferFinding>()) {
            t.transfers.push_back({tr->agency_kind, tr->status, tr->first_contact_days});
        } else if (const auto* r = f.as<SeenRecordingFinding>()) {
            RecordingTally& tally = t.recording[static_cast<std::size_t>(r->agency_kind)];
            tally.contacts += r->contacts;
            tally.not_recorded += r->not_recorded;
        } else if (std::find(k_pattern_kinds.begin(), k_pattern_kinds.end(), f.kind()) !=
                   k_pattern_kinds.end()) {
            t.patterns.push_back({f.kind(), f.concern, f.message});
        }
    }
    for (std::size_t i = 0; i < band.size(); ++i) t.children.push_back({band[i], longest[i]});
    return t;
}

// [SECTION] Across cases

bool Themes::any_concern() const {
    return std::any_of(kinds.begin(), kinds.end(), [](const KindTally& k) { return k.concern > 0; });
}

Themes combine_themes(std::vector<CaseThemes> cases, std::vector<FailedCase> failed) {
    Themes th;
    std::array<std::vector<std::int64_t>, k_age_band_count> longest;
    std::array<std::vector<std::int64_t>, k_agency_kind_count> contact_days;
    for (const CaseThemes& t : cases) {
        for (std::size_t k = 0; k < t.counts.size(); ++k) {
            th.kinds[k].cases += t.counts[k] > 0;
            th.kinds[k].cases_concern += t.concerns[k] > 0;
            th.kinds[k].findings += t.counts[k];
            th.kinds[k].concern += t.concerns[k];
        }
        for (const ChildUnseen& child : t.children) {
            const auto b = static_cast<std::size_t>(child.band);
            ++th.unseen[b].children;
            if (child.longest_days) longest[b].push_back(*child.longest_days);
        }
        for (const TransferOutcome& o : t.transfers) {
            const auto k = static_cast<std::size_t>(o.agency_kind);
            ++th.transfers[k].by_status[static_cast<std::size_t>(o.status)];
            if (o.first_contact_days) contact_days[k].push_back(*o.first_contact_days);
        }
        for (std::size_t k = 0; k < k_agency_kind_count; ++k) {
            th.recording[k].contacts += t.recording[k].contacts;
            th.recording[k].not_recorded += t.recording[k].not_recorded;
        }
    }
    for (std::size_t b = 0; b < k_age_band_count; ++b)
        th.unseen[b].longest = distribution(std::move(longest[b]));
    for (std::size_t k = 0; k < k_agency_kind_count; ++k)
        th.transfers[k].first_contact_days = distribution(std::move(contact_days[k]));
    th.cases = std::move(cases);
    th.failed = std::move(failed);
    return th;
}

}  // namespace sightline::engine
