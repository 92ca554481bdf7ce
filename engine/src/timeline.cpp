// Timeline maths: lanes, visible marks with folding, overlays and axis ticks.
//
// [SECTION] Lanes
// [SECTION] Visible marks
// [SECTION] Overlays
// [SECTION] Axis
#include "sightline/engine/timeline.hpp"

#include "sightline/engine/episodes.hpp"

#include <algorithm>
#include <array>
#include <date/date.h>
#include <map>

#include "sightline/engine/merge.hpp"

namespace sightline::engine {

// [SECTION] Lanes

std::string_view label(MarkStyle s) {
    switch (s) {
        case MarkStyle::SeenAlone: return "child seen alone";
        case MarkStyle::Seen: return "child seen";
        case MarkStyle::NotSeen: return "child not seen";
        case MarkStyle::NotRecorded: return "not recorded";
        case MarkStyle::Family: return "family account";
        case MarkStyle::Retrospective: return "found later (retrospective evidence)";
    }
    return "";
}

MarkStyle mark_style(const Case& c, const Entry& e) {
    if (c.agency_kind(e.agency) == AgencyKind::Family) return MarkStyle::Family;
    if (e.retrospective) return MarkStyle::Retrospective;
    if (c.info.index_children.empty()) return MarkStyle::NotRecorded;
    // The most telling value over the index children: seen alone, seen, not seen, not recorded.
    MarkStyle best = MarkStyle::NotRecorded;
    for (std::size_t k = 0; k < c.info.index_children.size(); ++k) {
        switch (c.chronology.seen(e, k)) {
            case ChildSeen::SeenAlone: return MarkStyle::SeenAlone;
            case ChildSeen::Seen: best = MarkStyle::Seen; break;
            case ChildSeen::NotSeen:
                if (best == MarkStyle::NotRecorded) best = MarkStyle::NotSeen;
                break;
            case ChildSeen::NotRecorded: break;
        }
    }
    return best;
}

std::uint32_t agency_colour(AgencyKind kind, std::string_view name) {
    // A base hue per kind family (readable on white), varied a little per agency name.
    static constexpr std::array<std::uint32_t, k_agency_kind_count> k_base = {
        0xC0392B,  // childrens_social_care
        0xD35400,  // early_help
        0x1F4E9C,  // police
        0x16A085,  // health_visiting
        0x138D75,  // family_nurse_partnership
        0x8E44AD,  // midwifery
        0x27AE60,  // gp
        0x2471A3,  // hospital
        0x5DADE2,  // ambulance
        0xB7950B,  // school
        0xCA6F1E,  // early_years
        0x48C9B0,  // school_nursing
        0x7D3C98,  // camhs
        0x6C3483,  // adult_mental_health
        0x935116,  // substance_misuse
        0x7F8C8D,  // housing
        0x34495E,  // probation
        0x5B2C6F,  // youth_justice
        0xA93226,  // domestic_abuse_service
        0x117864,  // voluntary
        0x95A5A6,  // family
        0x616A6B,  // other
        0x99A3A4,  // unknown
    };
    std::uint32_t base = k_base[static_cast<std::size_t>(kind)];
    const std::uint64_t h = stable_hash(name);
    auto shift = [&](int channel, int delta) {
        const int v = static_cast<int>((base >> (channel * 8)) & 0xFF) + delta;
        const auto clamped = static_cast<std::uint32_t>(std::clamp(v, 0, 255));
        base = (base & ~(0xFFu << (channel * 8))) | (clamped << (channel * 8));
    };
    const int delta = static_cast<int>(h % 49) - 24;  // +-24 on each channel keeps the hue
    shift(0, delta);
    shift(1, delta);
    shift(2, delta);
    return base;
}

std::vector<std::vector<std::uint32_t>> entries_by_person(const Case& c) {
    std::vector<std::vector<std::uint32_t>> out(c.people.size());
    for (std::uint32_t i = 0; i < c.chronology.entries.size(); ++i)
        for (const SubjectRef& s : c.chronology.subjects_of(c.chronology.entries[i]))
            if (!is_none(s.person)) {
                auto& list = out[index_of(s.person)];
                if (list.empty() || list.back() != i) list.push_back(i);
            }
    return out;
}

TimelineModel build_timeline(const Case& c, LaneGrouping grouping) {
    const auto& entries = c.chronology.entries;
    TimelineModel m;
    // One lane per agency with entries, keyed by (group, agency name) for a stable order.
    std::map<std::uint32_t, std::uint32_t> lane_of_agency;
    std::vector<std::pair<std::pair<std::string, std::string>, std::uint32_t>> keys;
    for (const Entry& e : entries) {
        const std::uint32_t a = index_of(e.agency);
        if (lane_of_agency.count(a)) continue;
        lane_of_agency[a] = 0;
        const Agency& agency = c.agency(e.agency);
        std::string group = grouping == LaneGrouping::Area
                                ? (is_none(agency.area) ? std::string("(no area)") : std::string(c.area_name(agency.area)))
                                : std::string(label(agency.kind));
        if (agency.kind == AgencyKind::Family) group = "Family";
        keys.push_back({{group, agency.name}, a});
    }
    std::sort(keys.begin(), keys.end(), [](const auto& x, const auto& y) {
        // Family accounts last, whatever the grouping.
        const bool fx = x.first.first == "Family", fy = y.first.first == "Family";
        return std::tie(fx, x.first) < std::tie(fy, y.first);
    });
    for (const auto& [key, a] : keys) {
        lane_of_agency[a] = static_cast<std::uint32_t>(m.lanes.size());
        Lane lane;
        lane.label = key.second;
        lane.group = key.first;
        lane.agency = static_cast<AgencyId>(a);
        lane.colour = agency_colour(c.agency(lane.agency).kind, lane.label);
        m.lanes.push_back(std::move(lane));
    }
    m.lane_of_entry.resize(entries.size());
    m.t_min = entries.empty() ? 0 : std::numeric_limits<std::int64_t>::max();
    m.t_max = entries.empty() ? k_seconds_per_day : std::numeric_limits<std::int64_t>::min();
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        const std::uint32_t l = lane_of_agency[index_of(e.agency)];
        m.lane_of_entry[i] = l;
        const std::int64_t start = e.date.sort_key();
        const std::int64_t end = e.date.latest == k_unbounded_high ? start + k_seconds_per_day - 1
                                 : e.date.kind == DateKind::Before ? start + k_seconds_per_day - 1
                                                                   : e.date.latest;
        Track& t = end - start < k_seconds_per_day ? m.lanes[l].days : m.lanes[l].spans;
        t.start.push_back(start);
        t.end.push_back(end);
        t.entry.push_back(i);
        t.style.push_back(mark_style(c, e));
        t.max_span = std::max(t.max_span, end - start);
        m.t_min = std::min(m.t_min, start);
        m.t_max = std::max(m.t_max, end);
    }
    // The chronology is sorted by sort key, so each track is already sorted by start; spans
    // too, since their start is their sort key.
    // Open-ended scopes ("after 2015-12") count from their known day, never from infinity.
    if (c.info.scope_from) m.t_min = std::min(m.t_min, day_seconds(c.info.scope_from->earliest_day()));
    if (c.info.scope_to) m.t_max = std::max(m.t_max, day_seconds(c.info.scope_to->latest_day() + 1) - 1);
    // Spans: the running maximum of their ends, so a query skips those that end before the view.
    for (Lane& lane : m.lanes) {
        for (Track* t : {&lane.days, &lane.spans}) {
            t->end_max.resize(t->end.size());
            std::int64_t running = std::numeric_limits<std::int64_t>::min();
            for (std::size_t i = 0; i < t->end.size(); ++i) t->end_max[i] = running = std::max(running, t->end[i]);
        }
    }
    return m;
}

// [SECTION] Visible marks

void visible_marks(const Track& track, std::int64_t v0, std::int64_t v1, std::int64_t min_gap, std::vector<Mark>& out,
                   std::int64_t max_fold) {
    out.clear();
    const auto& start = track.start;
    const std::size_t n = start.size();
    if (n == 0 || v1 < v0) return;
    min_gap = std::max<std::int64_t>(min_gap, 1);
    // Entries that start before the view but may reach into it start at most max_span earlier;
    // with the running maximum of ends, everything before the first that reaches v0 is skipped.
    std::size_t i = static_cast<std::size_t>(std::lower_bound(start.begin(), start.end(), v0 - track.max_span) - start.begin());
    if (track.end_max.size() == n)
        i = std::max(i, static_cast<std::size_t>(std::lower_bound(track.end_max.begin(), track.end_max.end(), v0) - track.end_max.begin()));
    while (i < n && start[i] <= v1) {
        if (track.end[i] < v0) {
            ++i;
            continue;
        }
        // Fold every following entry that starts within min_gap of the previous one.
        std::size_t k = i + 1;
        std::int64_t last = start[i];
        const std::int64_t cap = max_fold > 0 ? start[i] + max_fold : std::numeric_limits<std::int64_t>::max();
        while (k < n) {
            auto j = static_cast<std::size_t>(std::lower_bound(start.begin() + static_cast<std::ptrdiff_t>(k), start.end(),
                                                               last + min_gap) - start.begin());
            if (j > k && start[j - 1] > cap)  // the fold is wide enough: stop at the cap
                j = static_cast<std::size_t>(std::upper_bound(start.begin() + static_cast<std::ptrdiff_t>(k),
                                                              start.begin() + static_cast<std::ptrdiff_t>(j), cap) - start.begin());
            if (j == k) break;
            last = start[j - 1];
            k = j;
            if (last > v1) break;
        }
        Mark mk;
        mk.t0 = start[i];
        mk.first = static_cast<std::uint32_t>(i);
        mk.count = static_cast<std::uint32_t>(k - i);
        mk.style = track.style[i];
        if (mk.count == 1) {
            mk.t1 = track.end[i];
            mk.ranged = track.end[i] - start[i] > min_gap;
        } else {
            mk.t1 = last;
        }
        out.push_back(mk);
        i = k;
    }
}

std::int64_t nearest_in_track(const Track& track, std::int64_t t, std::int64_t max_distance) {
    const auto& start = track.start;
    if (start.empty()) return -1;
    auto distance = [&](std::size_t i) {
        if (t < start[i]) return start[i] - t;
        if (t > track.end[i]) return t - track.end[i];
        return std::int64_t{0};
    };
    const auto lo = static_cast<std::size_t>(std::lower_bound(start.begin(), start.end(), t - track.max_span - max_distance) - start.begin());
    const auto hi = static_cast<std::size_t>(std::upper_bound(start.begin(), start.end(), t + max_distance) - start.begin());
    std::int64_t best = -1;
    std::int64_t best_d = max_distance + 1;
    // Spans are few and days are short, so this window is small; stop early on an exact hit.
    for (std::size_t i = lo; i < hi; ++i) {
        const std::int64_t d = distance(i);
        if (d < best_d) {
            best_d = d;
            best = static_cast<std::int64_t>(i);
            if (d == 0 && track.max_span < k_seconds_per_day) break;
        }
    }
    return best;
}

// [SECTION] Overlays

std::pair<std::int64_t, std::int64_t> finding_span(const Finding& f) {
    const std::int64_t t0 = day_seconds(f.from_day);
    const std::int64_t t1 = day_seconds(std::max(f.to_day, f.from_day) + 1);
    const std::int64_t margin = std::max<std::int64_t>((t1 - t0) / 4, 7 * k_seconds_per_day);
    return {t0 - margin, t1 + margin};
}

TimelineOverlays build_overlays(const Case& c, const std::vector<Finding>& findings) {
    TimelineOverlays o;
    const Chronology& chron = c.chronology;
    for (std::size_t n = 0; n < c.notes.episodes.size(); ++n) {
        const auto days = episode_days(c.notes.episodes[n]);
        if (!days) continue;
        const std::string& title = c.notes.episodes[n].title;
        o.episodes.push_back({day_seconds(days->first), day_seconds(days->second + 1),
                              static_cast<std::uint32_t>(n),
                              std::to_string(n + 1) + ". " + (title.empty() ? std::string("Untitled episode") : title)});
    }
    for (std::size_t k = 0; k < c.info.index_children.size(); ++k) {
        ChildLane lane;
        lane.child = c.info.index_children[k];
        for (std::uint32_t i = 0; i < chron.entries.size(); ++i) {
            const Entry& e = chron.entries[i];
            if (c.agency_kind(e.agency) == AgencyKind::Family || e.retrospective || !is_sighting(chron.seen(e, k)))
                continue;
            lane.sightings.push_back(e.date.sort_key());
            lane.sighting_entries.push_back(i);
        }
        lane.label = c.person(lane.child).name + (lane.sightings.empty() ? std::string(" never seen")
                                                                         : " seen (last " + format_day(seconds_day(lane.sightings.back())) + ")");
        o.children.push_back(std::move(lane));
    }
    for (std::uint32_t n = 0; n < findings.size(); ++n) {
        const Finding& f = findings[n];
        const Band band{day_seconds(f.from_day), day_seconds(f.to_day), n, f.concern};
        if (const auto* p = f.as<UnseenPeriodFinding>()) {
            // Per-kind periods live in the findings list; a lane shows periods unseen by anyone.
            if (!p->agency_kind)
                for (ChildLane& lane : o.children)
                    if (lane.child == f.child) lane.unseen.push_back(band);
        } else if (const auto* g = f.as<GapFinding>()) {
            if (!g->agency) o.gaps.push_back(band);
        } else if (const auto* m = f.as<MoveFinding>()) {
            if (m->from_area && m->to_area)
                o.moves.push_back({day_seconds(f.from_day), *m->from_area + " \xE2\x86\x92 " + *m->to_area, {}});
        }
        const FindingKind kind = f.kind();
        if (f.concern && kind != FindingKind::UnseenPeriod && kind != FindingKind::Gap && kind != FindingKind::SeenRecording)
            o.markers.push_back({day_seconds(f.from_day), n, kind});
    }
    // Under each move: the agency kinds that did not follow, or followed late.
    for (const Finding& f : findings) {
        const auto* t = f.as<TransferFinding>();
        if (!t || !f.concern) continue;
        for (MoveLine& m : o.moves) {
            if (m.t != day_seconds(f.from_day)) continue;
            std::string what(label(t->agency_kind));
            if (t->status == TransferStatus::Missed) what += ": missed";
            else if (t->first_contact_days) what += ": " + std::to_string(*t->first_contact_days) + " days (late)";
            m.not_followed.push_back(std::move(what));
        }
    }
    std::sort(o.markers.begin(), o.markers.end(), [](const FindingMarker& a, const FindingMarker& b) { return a.t < b.t; });
    return o;
}

// [SECTION] Axis

namespace {

using date::days;
using date::sys_days;
using date::year_month_day;

constexpr std::array<std::string_view, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

year_month_day ymd_of(std::int64_t t) { return year_month_day{sys_days{days{seconds_day(t)}}}; }
std::int64_t seconds_of(year_month_day d) { return day_seconds(static_cast<std::int32_t>(sys_days{d}.time_since_epoch().count())); }

}  // namespace

std::vector<Tick> axis_ticks(std::int64_t v0, std::int64_t v1, double width_px, double min_px) {
    std::vector<Tick> out;
    if (v1 <= v0 || width_px <= 0) return out;
    const double px_per_second = width_px / static_cast<double>(v1 - v0);
    enum class Unit { Hour, Day, Month, Year };
    struct Step {
        Unit unit;
        int n;
        double seconds;  // approximate length
    };
    static constexpr double k_day = 86400.0;
    static constexpr std::array<Step, 17> k_steps = {{
        {Unit::Hour, 1, 3600}, {Unit::Hour, 2, 7200}, {Unit::Hour, 3, 10800}, {Unit::Hour, 6, 21600},
        {Unit::Hour, 12, 43200}, {Unit::Day, 1, k_day}, {Unit::Day, 2, 2 * k_day}, {Unit::Day, 7, 7 * k_day},
        {Unit::Day, 14, 14 * k_day}, {Unit::Month, 1, 30.44 * k_day}, {Unit::Month, 3, 91.3 * k_day},
        {Unit::Month, 6, 182.6 * k_day}, {Unit::Year, 1, 365.25 * k_day}, {Unit::Year, 2, 730.5 * k_day},
        {Unit::Year, 5, 1826 * k_day}, {Unit::Year, 10, 3652 * k_day}, {Unit::Year, 50, 18262 * k_day}}};
    Step step = k_steps.back();
    for (const Step& s : k_steps)
        if (s.seconds * px_per_second >= min_px) {
            step = s;
            break;
        }
    auto month_name = [](year_month_day d) { return std::string(k_months[static_cast<unsigned>(d.month()) - 1]); };
    switch (step.unit) {
        case Unit::Hour: {
            const std::int64_t len = static_cast<std::int64_t>(step.n) * 3600;
            for (std::int64_t t = ((v0 - day_seconds(seconds_day(v0))) / len) * len + day_seconds(seconds_day(v0)); t <= v1; t += len) {
                if (t < v0) continue;
                const std::int64_t sec = t - day_seconds(seconds_day(t));
                if (sec == 0) {
                    const year_month_day d = ymd_of(t);
                    out.push_back({t, std::to_string(static_cast<unsigned>(d.day())) + " " + month_name(d), true});
                } else {
                    out.push_back({t, (sec < 36000 ? "0" : "") + std::to_string(sec / 3600) + ":00", false});
                }
            }
            break;
        }
        case Unit::Day: {
            for (std::int32_t day = seconds_day(v0); day_seconds(day) <= v1; ++day) {
                if (day_seconds(day) < v0) continue;
                const year_month_day d{sys_days{days{day}}};
                const unsigned dom = static_cast<unsigned>(d.day());
                const bool keep = step.n == 1 || (step.n == 2 && dom % 2 == 1 && dom < 31) ||
                                  (step.n == 7 && (dom == 1 || dom == 8 || dom == 15 || dom == 22)) ||
                                  (step.n == 14 && (dom == 1 || dom == 15));
                if (!keep) continue;
                std::string label = std::to_string(dom) + " " + month_name(d);
                if (dom == 1 && static_cast<unsigned>(d.month()) == 1) label += " " + std::to_string(static_cast<int>(d.year()));
                out.push_back({day_seconds(day), std::move(label), dom == 1});
            }
            break;
        }
        case Unit::Month: {
            const year_month_day first = ymd_of(v0);
            for (year_month_day d = first.year() / first.month() / 1; seconds_of(d) <= v1; d = d + date::months{1}) {
                const unsigned m = static_cast<unsigned>(d.month());
                if ((m - 1) % static_cast<unsigned>(step.n) != 0 || seconds_of(d) < v0) continue;
                out.push_back({seconds_of(d), m == 1 ? std::to_string(static_cast<int>(d.year())) : month_name(d), m == 1});
            }
            break;
        }
        case Unit::Year: {
            // Years 1000 to 9999 only: the range dates can have.
            const int y0 = std::max(1000, static_cast<int>(ymd_of(std::max<std::int64_t>(v0, day_seconds(days_from_civil(1000, 1, 1)))).year()));
            for (int y = (y0 / step.n) * step.n; y <= 9999; y += step.n) {
                const std::int64_t t = seconds_of(date::year{y} / 1 / 1);
                if (t > v1) break;
                if (t >= v0) out.push_back({t, std::to_string(y), y % (step.n * 10) == 0});
            }
            break;
        }
    }
    return out;
}

}  // namespace sightline::engine
