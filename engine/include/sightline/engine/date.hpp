// Sightline dates: partial, approximate and uncertain dates as data.
//
// [SECTION] Precision and kinds
// [SECTION] FuzzyDate
// [SECTION] Parsing
// [SECTION] Formatting
// [SECTION] Day arithmetic
//
// Every date keeps what was known: its precision (year, season, month, day, minute),
// whether it is approximate (~), and whether it is a range (a/b) or open-ended
// (before/after). Sorting and interval maths use the earliest and latest possible
// instants, expressed as *local civil seconds* in the case timezone. Because an
// ambiguous local time (the repeated autumn hour) always resolves to its first
// occurrence and a nonexistent one (the skipped spring hour) is an error, local civil
// order equals UTC order for every date we accept, so no tz lookup is needed to sort.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace sightline::engine {

// [SECTION] Precision and kinds

// How much of one date point is known.
enum class Precision : std::uint8_t { Year, Season, Month, Day, Minute };

// The shape of a date: one point, an uncertain range a/b, or open-ended.
enum class DateKind : std::uint8_t { Point, Range, Before, After };

// Day/month order for slash or dot dates in spreadsheets (case-format §4).
enum class DateOrder : std::uint8_t { Auto, Dmy, Mdy, Ymd };

// "dmy", "mdy", "ymd" or "auto" (any case); nullopt otherwise.
std::optional<DateOrder> parse_date_order(std::string_view text);
// "auto", "dmy", "mdy" or "ymd".
std::string_view to_string(DateOrder order);

// One point of a date as written: a year, season, month, day or minute.
struct DatePoint {
    std::int32_t year = 0;                  // proleptic Gregorian
    std::uint8_t month = 0;                 // 1..12; for Precision::Season, the season 1..4 (spring..winter)
    std::uint8_t day = 0;                   // 1..31 when precision >= Day
    std::uint8_t hour = 0;                  // local, when precision == Minute
    std::uint8_t minute = 0;                // local, when precision == Minute
    Precision precision = Precision::Day;
    friend bool operator==(const DatePoint&, const DatePoint&) = default;
};

// [SECTION] FuzzyDate

inline constexpr std::int64_t k_seconds_per_day = 86400;
inline constexpr std::int64_t k_unbounded_low = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int64_t k_unbounded_high = std::numeric_limits<std::int64_t>::max();

// A date as data. Two FuzzyDates written differently but meaning the same compare equal.
struct FuzzyDate {
    DatePoint first;                        // the date, or the lower end of a range
    DatePoint second;                       // the upper end of a range (kind == Range only)
    DateKind kind = DateKind::Point;
    bool approximate = false;               // written with a leading ~
    std::int16_t utc_offset_minutes = 0;    // offset in force for a Minute-precision point (BST = 60)
    std::int64_t earliest = 0;              // local civil seconds, inclusive; k_unbounded_low for "before"
    std::int64_t latest = 0;                // local civil seconds, inclusive; k_unbounded_high for "after"

    // The instant used to order entries: the earliest possible one; for "before X",
    // whose earliest is unbounded, the start of the last day it can be.
    [[nodiscard]] std::int64_t sort_key() const;
    // Whole local days since 1970-01-01 of sort_key() (the day findings count from).
    [[nodiscard]] std::int32_t sort_day() const;
    // First and last possible local day (clamped to sort_day for open ends).
    [[nodiscard]] std::int32_t earliest_day() const;
    [[nodiscard]] std::int32_t latest_day() const;
    // True when the date names a single day or minute and is not approximate.
    [[nodiscard]] bool is_exact_day() const;
    // UTC seconds of a Minute-precision point.
    [[nodiscard]] std::int64_t utc_seconds() const { return first_utc(); }

    friend bool operator==(const FuzzyDate& a, const FuzzyDate& b) {
        return a.first == b.first && a.second == b.second && a.kind == b.kind &&
               a.approximate == b.approximate && a.earliest == b.earliest && a.latest == b.latest;
    }

private:
    [[nodiscard]] std::int64_t first_utc() const {
        return earliest - static_cast<std::int64_t>(utc_offset_minutes) * 60;
    }
};

// [SECTION] Parsing

// What a parse can report: a code for diagnostics plus a lowercase message quoting the value.
struct DateProblem {
    std::string code;     // e.g. "date-invalid", "date-syntax", "time-nonexistent"
    std::string message;
};

// Remembers a stretch of local time in which a zone's UTC offset is one and the same, so that
// parsing many local times asks the time zone database about once per stretch (a reader keeps
// one per source; not shared between threads).
class ZoneOffsets {
public:
    // The offset in minutes of a local time (local civil seconds) if it lies in the stretch.
    [[nodiscard]] std::optional<std::int16_t> find(const date::time_zone* zone, std::int64_t local) const {
        if (zone != m_zone || local < m_from || local >= m_to) return std::nullopt;
        return m_offset;
    }
    // Remembers that local times in [from, to) of zone have this offset.
    void remember(const date::time_zone* zone, std::int64_t from, std::int64_t to, std::int16_t offset) {
        m_zone = zone;
        m_from = from;
        m_to = to;
        m_offset = offset;
    }

private:
    const date::time_zone* m_zone = nullptr;
    std::int64_t m_from = 0;                 // local civil seconds, inclusive
    std::int64_t m_to = 0;                   // local civil seconds, exclusive
    std::int16_t m_offset = 0;               // minutes
};

struct DateParseOptions {
    const date::time_zone* zone = nullptr;   // for local times; nullptr means Europe/London
    bool spreadsheet_forms = false;          // accept 24/06/2015, 24 June 2015, Jun-15, ...
    DateOrder order = DateOrder::Dmy;        // for slash/dot forms when spreadsheet_forms
    ZoneOffsets* offsets = nullptr;          // a cache of offsets for many local times (optional)
    bool fast_paths = true;                  // read 2015-06-24 and 24/06/2015 (with a time) directly;
                                             // false: the general grammar only (tests compare the two)
};

struct DateParseResult {
    std::optional<FuzzyDate> date;           // set on success
    std::optional<DateProblem> error;        // set on failure
    std::optional<DateProblem> warning;      // e.g. an ambiguous local time, resolved to its first occurrence;
                                             // a weekday that is not the date's ("date-weekday", date kept)
};

// Parses the case-format §4 grammar (and, with spreadsheet_forms, the spreadsheet forms), and
// the forms people type into templates (case-format A.1): "Mon 23rd May 2016", "w/c 06/06/2016",
// "mid-June 2016", "22/05/2016 10.30am", "22/05/2016 morning", "22 May 2016?". Numeric day/month
// forms among them, like the spreadsheet forms, only with spreadsheet_forms.
DateParseResult parse_date(std::string_view text, const DateParseOptions& options = {});

// True when a date cell says the date is not known: "Not known", "Unknown", "Undated", "Date unknown",
// "N/K", "NK", "not recorded", "?", "tbc", "date not known", "unknown date" (any case, surrounding
// spaces/punctuation ignored).
bool is_unknown_date_text(std::string_view text);

// Converts an Excel serial day number (with optional fraction of a day) to a date.
// The 1900 system keeps Excel's nonexistent 29 February 1900 (serial 60) as an error.
DateParseResult date_from_excel_serial(double serial, bool system_1904, bool with_time,
                                       const DateParseOptions& options = {});

// Builds an exact day (precision Day). Asserts the day exists.
FuzzyDate make_day(std::int32_t year, unsigned month, unsigned day);
// Builds a date from local days since 1970-01-01.
FuzzyDate make_day_from_days(std::int32_t days);

// What a slash or dot date's first two numbers allow: used to decide a column's order.
struct SlashDateEvidence {
    bool is_slash_form = false;   // the text is n/n/n or n.n.n
    bool could_be_dmy = false;
    bool could_be_mdy = false;
    bool same_either_way = false; // the first two numbers are equal (05/05/2015)
};
SlashDateEvidence slash_date_evidence(std::string_view text);

// Returns the Europe/London zone (loaded once), or nullptr when the tz database is absent.
const date::time_zone* default_zone();
// Looks up an IANA zone name; nullptr when unknown.
const date::time_zone* find_zone(std::string_view name);

// [SECTION] Formatting

// The canonical text of a date with its precision kept: "2015-06-24", "~2015-06",
// "2015-06-24 14:30", "spring 2015", "2015-06-24/2015-06-30", "before 2015-07".
std::string format_date(const FuzzyDate& d);
// The same, appended to out (no allocation once out has room).
void append_date(std::string& out, const FuzzyDate& d);
// "2015-06-24" for a local day number.
std::string format_day(std::int32_t days);
// ISO 8601 UTC for a Minute point: "2015-06-24T13:30:00Z".
std::string format_utc(const FuzzyDate& d);

// [SECTION] Day arithmetic

// Local days since 1970-01-01 for a civil date; asserts it exists.
std::int32_t days_from_civil(std::int32_t year, unsigned month, unsigned day);
// Whole years of age at a day for someone born on born_day.
std::int32_t age_in_years(std::int32_t born_day, std::int32_t at_day);
// The same calendar day `years` later (29 February becomes 28 February in other years).
std::int32_t add_years(std::int32_t day, std::int32_t years);
// Whole months of age at a day for someone born on born_day (a baby born on 3 October is one
// month old on 3 November).
std::int32_t age_in_months(std::int32_t born_day, std::int32_t at_day);
// The year of a local day number.
std::int32_t year_of_day(std::int32_t days);
// Days between two days (b - a).
inline std::int32_t days_between(std::int32_t a, std::int32_t b) { return b - a; }

}  // namespace sightline::engine
