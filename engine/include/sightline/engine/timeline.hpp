// Timeline maths for the viewer: lanes as sorted struct-of-arrays, visible-range queries by
// binary search with folding of marks closer than a few pixels, bands, moves, and axis ticks.
// Nothing here draws; the viewer turns these values into draw calls, so all of it is tested.
//
// [SECTION] Lanes
// [SECTION] Visible marks
// [SECTION] Bands, moves and finding markers
// [SECTION] Axis
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Lanes

enum class LaneGrouping : std::uint8_t { Area, Kind };

// How a mark looks: what the record says about the (first) index child.
// Retrospective: evidence found later about when something happened (a post-mortem's dating).
enum class MarkStyle : std::uint8_t { SeenAlone, Seen, NotSeen, NotRecorded, Family, Retrospective };

MarkStyle mark_style(const Case& c, const Entry& e);
// What a reader is told a mark means: "child seen alone", "not recorded", ... (the legends of
// the viewer and of the timeline picture).
std::string_view label(MarkStyle s);

// Entries sorted by start: one array per field (struct of arrays).
struct Track {
    std::vector<std::int64_t> start;       // local seconds: earliest possible instant
    std::vector<std::int64_t> end;         // local seconds: latest possible instant
    std::vector<std::uint32_t> entry;      // index into the chronology
    std::vector<MarkStyle> style;
    std::int64_t max_span = 0;             // the longest end - start, for range queries
    std::vector<std::int64_t> end_max;     // running maximum of end (filled by build_timeline)
    [[nodiscard]] std::size_t size() const { return start.size(); }
};

// One agency's entries: those dated to a day or a time, and those whose date spans longer
// (a month, a season, a range), kept apart so that a query never scans back further than a day
// for the many and only the few need a long look back.
struct Lane {
    std::string label;                     // the agency
    std::string group;                     // the area or kind it is grouped under
    AgencyId agency = k_none<AgencyId>;
    std::uint32_t colour = 0;              // 0xRRGGBB, stable per agency
    Track days;                            // spans of at most one day
    Track spans;                           // uncertain dates spanning longer
};

struct TimelineModel {
    std::vector<Lane> lanes;               // grouped, then by agency name
    std::int64_t t_min = 0;                // local seconds spanning every entry (and the scope)
    std::int64_t t_max = 0;
    std::vector<std::uint32_t> lane_of_entry;  // chronology index -> lane
};

// Builds lanes from a merged case (O(n log n), once per load or regrouping).
TimelineModel build_timeline(const Case& c, LaneGrouping grouping);

// For each person (by index), the chronology indices of the entries naming them as a subject,
// in chronology order, each once: what the timeline highlights when a person is pointed at.
std::vector<std::vector<std::uint32_t>> entries_by_person(const Case& c);

// A stable, readable colour for an agency kind and name (0xRRGGBB).
std::uint32_t agency_colour(AgencyKind kind, std::string_view name);

// [SECTION] Visible marks

// One thing to draw in a lane: a single entry, or a fold of `count` entries too close to tell apart.
struct Mark {
    std::int64_t t0 = 0;                   // local seconds
    std::int64_t t1 = 0;                   // for a single ranged entry, its latest instant; for a fold, its last start
    std::uint32_t first = 0;               // position in the lane of the first entry
    std::uint32_t count = 1;
    MarkStyle style = MarkStyle::NotRecorded;  // of a single entry; of a fold, the most concerning inside
    bool ranged = false;                   // a single entry whose date is uncertain across a visible span
};

// Marks of a track overlapping [v0, v1]. Entries whose starts are closer than min_gap seconds
// fold into one mark; a fold spans at most max_fold seconds (0: no limit), so a dense lane
// shows as a row of counted blocks that keep its density visible. Work is O(marks * log n):
// each fold is skipped by binary search, so it follows the pixels on screen, not the number
// of entries (for spans, the running maximum of ends skips those that end before the view).
// `out` is cleared and reused.
void visible_marks(const Track& track, std::int64_t v0, std::int64_t v1, std::int64_t min_gap, std::vector<Mark>& out,
                   std::int64_t max_fold = 0);

// The position in the track of the entry whose span is nearest to t (within max_distance), or -1.
std::int64_t nearest_in_track(const Track& track, std::int64_t t, std::int64_t max_distance);

// [SECTION] Bands, moves and finding markers

struct Band {
    std::int64_t t0 = 0;
    std::int64_t t1 = 0;
    std::uint32_t finding = 0;             // index into the findings
    bool concern = false;
};

// One lane per index child: professional sightings as ticks and unseen periods as bands.
struct ChildLane {
    PersonId child = k_none<PersonId>;
    std::string label;                     // "Riley seen (last 2016-01-27)"
    std::vector<std::int64_t> sightings;   // local seconds, sorted
    std::vector<std::uint32_t> sighting_entries;
    std::vector<Band> unseen;              // reported unseen periods (any professional)
};

struct MoveLine {
    std::int64_t t = 0;
    std::string label;                     // "Eastmere → Lowbridge"
    std::vector<std::string> not_followed; // "health visiting: missed", "GP: 65 days (late)"
};

struct FindingMarker {
    std::int64_t t = 0;
    std::uint32_t finding = 0;
    FindingKind kind = FindingKind::Gap;
};

// A key practice episode (notes.yaml) as a span of the axis; episodes whose dates cannot be
// read are left out.
struct EpisodeSpan {
    std::int64_t t0 = 0;                   // local seconds: the start of its first day
    std::int64_t t1 = 0;                   // the end of its last day
    std::uint32_t episode = 0;             // index into Case::notes.episodes
    std::string label;                     // "1. Eastmere: the CIN case"
};

struct TimelineOverlays {
    std::vector<EpisodeSpan> episodes;
    std::vector<ChildLane> children;
    std::vector<Band> gaps;                // no agency contact at all
    std::vector<MoveLine> moves;
    std::vector<FindingMarker> markers;    // findings of concern, at their start
};

TimelineOverlays build_overlays(const Case& c, const std::vector<Finding>& findings);

// The span a finding covers, with a margin, for "zoom to it" (local seconds).
std::pair<std::int64_t, std::int64_t> finding_span(const Finding& f);

// [SECTION] Axis

struct Tick {
    std::int64_t t = 0;                    // local seconds
    std::string label;
    bool major = false;                    // a year (or month when zoomed in) boundary
};

// Ticks for the visible range so that labels are at least min_px apart on a width_px axis:
// years, quarters, months, weeks, days or hours, whichever fits.
std::vector<Tick> axis_ticks(std::int64_t v0, std::int64_t v1, double width_px, double min_px = 70.0);

// Local seconds of the start of a day, and back.
inline std::int64_t day_seconds(std::int32_t day) { return static_cast<std::int64_t>(day) * k_seconds_per_day; }
inline std::int32_t seconds_day(std::int64_t t) {
    return static_cast<std::int32_t>(t >= 0 ? t / k_seconds_per_day : (t - k_seconds_per_day + 1) / k_seconds_per_day);
}

}  // namespace sightline::engine
