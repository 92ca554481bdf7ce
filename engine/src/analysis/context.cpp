// The shared analysis context.
#include "context.hpp"

#include <algorithm>
#include <cassert>
#include <map>

namespace sightline::engine::detail {

AnalysisContext::AnalysisContext(const Case& cs, const AnalysisOptions& options) : c(cs) {
    const auto& entries = c.chronology.entries;
    const std::int32_t uncertain = c.rules.days(RuleId::UncertainDateDays);
    m_day.resize(entries.size());
    m_precise.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const FuzzyDate& d = entries[i].date;
        m_day[i] = d.earliest_day();
        const bool open = d.earliest == k_unbounded_low || d.latest == k_unbounded_high;
        m_precise[i] = !open && d.latest_day() - d.earliest_day() < uncertain;
    }
    assert(std::is_sorted(m_day.begin(), m_day.end()) && "analyses need a merged chronology");

    // The analysed period: the scope, else the span of the entries.
    if (c.info.scope_from) period_start = c.info.scope_from->earliest_day();
    else if (!entries.empty()) period_start = m_day.front();
    if (options.end_day) period_end = *options.end_day;
    else if (c.info.scope_to) period_end = c.info.scope_to->latest_day();
    else if (!entries.empty()) period_end = *std::max_element(m_day.begin(), m_day.end());

    for (std::size_t pos = 0; pos < c.info.index_children.size(); ++pos) {
        const PersonId id = c.info.index_children[pos];
        const Person& p = c.person(id);
        ChildInfo ch;
        ch.id = id;
        ch.position = pos;
        ch.start = period_start;
        ch.end = period_end;
        if (p.born) {
            ch.born_day = p.born->latest_day();
            ch.start = std::max(ch.start, *ch.born_day);
        }
        if (p.died) ch.end = std::min(ch.end, p.died->earliest_day());
        children.push_back(ch);
    }

    // Involvement episodes, per agency in agency order (entries are already in date order).
    std::map<std::uint32_t, std::vector<EntryIndex>> by_agency;
    for (std::uint32_t i = 0; i < entries.size(); ++i)
        if (!is_none(entries[i].agency)) by_agency[index_of(entries[i].agency)].push_back(static_cast<EntryIndex>(i));
    for (const auto& [agency, list] : by_agency) {
        Episode ep;
        bool open = false;
        for (EntryIndex i : list) {
            if (!open) {
                ep = Episode{};
                ep.agency = static_cast<AgencyId>(agency);
                ep.from = day(i);
                ep.to = day(i);
                open = true;
            }
            ep.entries.push_back(i);
            ep.to = std::max(ep.to, day(i));
            if (closure(i)) {
                ep.closed = true;
                episodes.push_back(ep);
                open = false;
            }
        }
        if (open) episodes.push_back(ep);
    }
}

bool AnalysisContext::contact(EntryIndex i) const {
    if (!professional(i)) return false;
    switch (entry(i).type) {
        case EntryType::Injury:
        case EntryType::Birth:
        case EntryType::Death:
        case EntryType::Move:
            return false;
        default:
            return true;
    }
}

bool AnalysisContext::closure(EntryIndex i) const {
    // Only a closure ends involvement: after a transfer out the old agency stays responsible
    // until the new one takes the case on (England: until the transfer-in conference).
    return entry(i).type == EntryType::CaseClosed;
}

std::int32_t AnalysisContext::case_open_days(std::int32_t from, std::int32_t to) const {
    // The union of the case-holding involvements' days inside [from, to].
    std::vector<std::pair<std::int32_t, std::int32_t>> spans;
    for (const Episode& ep : episodes)
        if (is_case_holding(c.agency_kind(ep.agency)) && ep.from <= to && ep.to >= from)
            spans.emplace_back(std::max(ep.from, from), std::min(ep.to, to));
    std::sort(spans.begin(), spans.end());
    std::int32_t days = 0, covered_to = from - 1;
    for (const auto& [a, b] : spans) {
        const std::int32_t start = std::max(a, covered_to + 1);
        if (b >= start) days += b - start + 1;
        covered_to = std::max(covered_to, b);
    }
    return days;
}

bool AnalysisContext::loose_dates_could_fill(std::int32_t from, std::int32_t to, std::int32_t threshold,
                                             const EntryList& loose) const {
    // Greedy: from the last day placed, take the entry that can land furthest ahead within the
    // threshold; if none can, some stretch must be longer.
    std::vector<std::pair<std::int32_t, std::int32_t>> ranges;  // (first, last) possible day
    for (EntryIndex i : loose) ranges.emplace_back(entry(i).date.earliest_day(), entry(i).date.latest_day());
    std::vector<bool> used(ranges.size(), false);
    std::int32_t at = from;
    while (to - at > threshold) {
        std::int32_t best = at;
        std::size_t pick = ranges.size();
        for (std::size_t k = 0; k < ranges.size(); ++k) {
            if (used[k] || ranges[k].first > at + threshold || ranges[k].second <= at) continue;
            const std::int32_t reach = std::min(ranges[k].second, at + threshold);
            if (reach > best) {
                best = reach;
                pick = k;
            }
        }
        if (pick == ranges.size()) return false;
        used[pick] = true;
        at = best;
    }
    return true;
}

std::int32_t AnalysisContext::age_at(const ChildInfo& ch, std::int32_t d) const {
    return ch.born_day ? age_in_years(*ch.born_day, d) : 0;
}

std::string AnalysisContext::describe(EntryIndex i) const {
    const Entry& e = entry(i);
    std::string s = format_date(e.date) + " " + std::string(c.agency_name(e.agency)) + ", ";
    if (e.type == EntryType::Free) s += e.type_text;
    else {
        std::string l(label(e.type));
        if (!l.empty()) l[0] = static_cast<char>(l[0] - 'A' + 'a');
        // Keep capitals of abbreviations such as "GP consultation".
        if (l.size() > 1 && l[1] >= 'A' && l[1] <= 'Z') l[0] = static_cast<char>(l[0] - 'a' + 'A');
        s += l;
    }
    return s;
}

std::vector<std::string> AnalysisContext::agency_names(const EntryList& entries) const {
    std::vector<std::string> out;
    std::vector<AgencyId> seen;
    for (EntryIndex i : entries) {
        const AgencyId a = entry(i).agency;
        if (std::find(seen.begin(), seen.end(), a) != seen.end()) continue;
        seen.push_back(a);
        out.emplace_back(c.agency_name(a));
    }
    return out;
}

AreaId AnalysisContext::child_area_at(PersonId child, std::int32_t d) const {
    AreaId found = k_none<AreaId>;
    std::int32_t best_from = 0;
    for (const Residence& r : c.residences) {
        if (std::find(r.people.begin(), r.people.end(), child) == r.people.end()) continue;
        const std::int32_t from = r.from ? r.from->earliest_day() : period_start;
        // A residence ends the day the next begins: "to: 2015-10-12" then "from: 2015-10-12".
        const std::int32_t to = r.to ? r.to->earliest_day() : period_end + 1;
        if (d >= from && (d < to || (!r.to && d <= period_end)) && (is_none(found) || from >= best_from)) {
            found = r.area;
            best_from = from;
        }
    }
    return found;
}

std::string_view pronoun(const Person& p) {
    return p.sex == Sex::Male ? "he" : p.sex == Sex::Female ? "she" : "they";
}

std::string_view object_pronoun(const Person& p) {
    return p.sex == Sex::Male ? "him" : p.sex == Sex::Female ? "her" : "them";
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string kind_phrase(AgencyKind k) {
    std::string s(label(k));
    if (k == AgencyKind::Gp || k == AgencyKind::Camhs) return s;
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace sightline::engine::detail
