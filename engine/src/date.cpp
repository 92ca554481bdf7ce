// Sightline dates: parsing, validation, formatting and day arithmetic.
//
// [SECTION] Civil-day helpers
// [SECTION] Bounds of a point
// [SECTION] Scanner
// [SECTION] ISO and season points
// [SECTION] Spreadsheet points
// [SECTION] People's forms
// [SECTION] Whole-date grammar
// [SECTION] Excel serials
// [SECTION] Formatting
#include "sightline/engine/date.hpp"
#include "sightline/engine/text.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cstdio>
#include <cmath>
#include <date/date.h>
#include <date/tz.h>
#include <stdexcept>

namespace sightline::engine {

namespace {

// [SECTION] Civil-day helpers

constexpr std::int32_t k_min_year = 1000;  // earlier years are typing errors in a chronology
constexpr std::int32_t k_max_year = 9999;

bool is_leap(std::int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int32_t y, unsigned m) {
    static constexpr std::array<unsigned, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && is_leap(y)) ? 29u : k_days[m - 1];
}

bool day_exists(std::int32_t y, unsigned m, unsigned d) {
    return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

DateParseResult fail(std::string code, std::string message) {
    DateParseResult r;
    r.error = DateProblem{std::move(code), std::move(message)};
    return r;
}

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// [SECTION] Bounds of a point

struct Bounds {
    std::int64_t lo = 0;  // local civil seconds, inclusive
    std::int64_t hi = 0;  // local civil seconds, inclusive
};

std::int64_t day_start(std::int32_t y, unsigned m, unsigned d) {
    return static_cast<std::int64_t>(days_from_civil(y, m, d)) * k_seconds_per_day;
}

Bounds bounds_of(const DatePoint& p) {
    switch (p.precision) {
        case Precision::Year:
            return {day_start(p.year, 1, 1), day_start(p.year + 1, 1, 1) - 1};
        case Precision::Season: {
            // spring Mar-May, summer Jun-Aug, autumn Sep-Nov, winter Dec-Feb (of the next year)
            const unsigned start_month = 3u * p.month;  // 3, 6, 9, 12
            const std::int64_t lo = day_start(p.year, start_month, 1);
            const std::int32_t end_year = p.month == 4 ? p.year + 1 : p.year;
            const unsigned end_month = p.month == 4 ? 3u : start_month + 3u;
            return {lo, day_start(end_year, end_month, 1) - 1};
        }
        case Precision::Month: {
            const std::int64_t lo = day_start(p.year, p.month, 1);
            return {lo, lo + static_cast<std::int64_t>(days_in_month(p.year, p.month)) * k_seconds_per_day - 1};
        }
        case Precision::Day: {
            const std::int64_t lo = day_start(p.year, p.month, p.day);
            return {lo, lo + k_seconds_per_day - 1};
        }
        case Precision::Minute: {
            const std::int64_t lo = day_start(p.year, p.month, p.day) + p.hour * 3600 + p.minute * 60;
            return {lo, lo + 59};
        }
    }
    assert(false && "unknown precision");
    return {};
}

// [SECTION] Scanner

// A tiny cursor over the text; every reader returns false without consuming on mismatch.
struct Scanner {
    std::string_view s;
    std::size_t pos = 0;

    [[nodiscard]] bool done() const { return pos >= s.size(); }
    [[nodiscard]] char peek() const { return done() ? '\0' : s[pos]; }
    [[nodiscard]] std::string_view rest() const { return s.substr(pos); }

    // Reads between min and max digits; value out.
    bool digits(std::size_t min, std::size_t max, std::int32_t& value, std::size_t* count = nullptr) {
        std::size_t n = 0;
        std::int32_t v = 0;
        while (pos + n < s.size() && n < max && s[pos + n] >= '0' && s[pos + n] <= '9') {
            v = v * 10 + (s[pos + n] - '0');
            ++n;
        }
        // More digits than allowed means this is not the field we think it is.
        if (n < min || (pos + n < s.size() && s[pos + n] >= '0' && s[pos + n] <= '9')) return false;
        pos += n;
        value = v;
        if (count) *count = n;
        return true;
    }
    bool literal(char c) {
        if (peek() != c) return false;
        ++pos;
        return true;
    }
    void skip_spaces() {
        while (!done() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
    }
    // Reads a run of ASCII letters.
    std::string_view word() {
        const std::size_t start = pos;
        while (!done() && ((s[pos] >= 'a' && s[pos] <= 'z') || (s[pos] >= 'A' && s[pos] <= 'Z'))) ++pos;
        return s.substr(start, pos - start);
    }
};

// Month names and three-letter abbreviations ("Sept" too); 0 when not a month.
unsigned month_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 12> k_names = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (unsigned i = 0; i < 12; ++i) {
        if (iequals(w, k_names[i])) return i + 1;
        if (w.size() == 3 && iequals(w, k_names[i].substr(0, 3))) return i + 1;
    }
    if (iequals(w, "sept")) return 9;
    return 0;
}

// Seasons: 1 spring, 2 summer, 3 autumn, 4 winter; 0 when not a season.
unsigned season_from_name(std::string_view w) {
    if (iequals(w, "spring")) return 1;
    if (iequals(w, "summer")) return 2;
    if (iequals(w, "autumn") || iequals(w, "fall")) return 3;
    if (iequals(w, "winter")) return 4;
    return 0;
}

// A two-digit year: 00-49 is 2000-2049, 50-99 is 1950-1999.
std::int32_t widen_year(std::int32_t yy, std::size_t digit_count) {
    if (digit_count != 2) return yy;
    return yy < 50 ? 2000 + yy : 1900 + yy;
}

// Outcome of reading one point: ok, or a problem kind with enough to build a message.
enum class PointStatus : std::uint8_t { Ok, NoMatch, BadDay, BadYear, BadTime };

struct PointRead {
    PointStatus status = PointStatus::NoMatch;
    DatePoint point;
    DatePoint end;               // the last point when the words name a stretch ("w/c 06/06/2016", "morning")
    bool has_end = false;
    bool approximate = false;    // the words say so ("early June 2016", "morning", "2016?")
    bool wrong_weekday = false;  // a weekday written before the day is not that day's
};

// Reads " HH:MM" or "THH:MM" (optionally ":SS", ignored) after a day.
PointStatus read_time(Scanner& sc, DatePoint& p) {
    const std::size_t save = sc.pos;
    if (sc.peek() == 'T' || sc.peek() == 't') {
        ++sc.pos;
    } else {
        sc.skip_spaces();
        if (sc.pos == save) return PointStatus::Ok;  // no time
    }
    std::int32_t h = 0, m = 0, sec = 0;
    if (!sc.digits(1, 2, h) || !sc.literal(':') || !sc.digits(2, 2, m)) {
        sc.pos = save;
        return PointStatus::Ok;  // not a time; the caller sees trailing text
    }
    if (sc.literal(':') && !sc.digits(2, 2, sec)) return PointStatus::BadTime;
    if (h > 23 || m > 59 || sec > 59) return PointStatus::BadTime;
    p.hour = static_cast<std::uint8_t>(h);
    p.minute = static_cast<std::uint8_t>(m);
    p.precision = Precision::Minute;
    return PointStatus::Ok;
}

PointRead finish_day(Scanner& sc, std::int32_t y, std::int32_t m, std::int32_t d) {
    PointRead r;
    r.point.year = y;
    r.point.month = static_cast<std::uint8_t>(m < 0 || m > 255 ? 0 : m);
    r.point.day = static_cast<std::uint8_t>(d < 0 || d > 255 ? 0 : d);
    r.point.precision = Precision::Day;
    if (y < k_min_year || y > k_max_year) {
        r.status = PointStatus::BadYear;
        return r;
    }
    if (!day_exists(y, static_cast<unsigned>(m), static_cast<unsigned>(d))) {
        r.status = PointStatus::BadDay;
        return r;
    }
    r.status = read_time(sc, r.point);
    return r;
}

// [SECTION] ISO and season points

// YYYY, YYYY-MM, YYYY-MM-DD[ HH:MM], "spring 2015", "winter 2015/16".
PointRead read_iso_point(Scanner& sc) {
    PointRead r;
    const std::size_t save = sc.pos;
    if (const unsigned season = season_from_name(sc.word()); season != 0) {
        sc.skip_spaces();
        std::int32_t y = 0;
        if (!sc.digits(4, 4, y)) {
            sc.pos = save;
            return r;
        }
        // "winter 2015/16" names the winter that starts in December 2015.
        if (season == 4 && sc.peek() == '/') {
            const std::size_t slash = sc.pos;
            ++sc.pos;
            std::int32_t y2 = 0;
            std::size_t n = 0;
            if (sc.digits(2, 4, y2, &n) && (n == 2 ? (y + 1) % 100 == y2 : y + 1 == y2)) {
                // consumed
            } else {
                sc.pos = slash;
            }
        }
        r.point.year = y;
        r.point.month = static_cast<std::uint8_t>(season);
        r.point.precision = Precision::Season;
        r.status = (y < k_min_year || y > k_max_year) ? PointStatus::BadYear : PointStatus::Ok;
        return r;
    }
    sc.pos = save;
    std::int32_t y = 0;
    if (!sc.digits(4, 4, y)) {
        // A year of five digits or more ("99999", "99999-01-01") is a date, far out of range.
        std::size_t n = 0;
        while (sc.pos + n < sc.s.size() && sc.s[sc.pos + n] >= '0' && sc.s[sc.pos + n] <= '9') ++n;
        const std::string_view after = sc.s.substr(sc.pos + n);
        if (n > 4 && (after.empty() || after.front() == '-')) {
            sc.pos = sc.s.size();
            r.status = PointStatus::BadYear;
        }
        return r;
    }
    if (!sc.literal('-')) {
        r.point.year = y;
        r.point.precision = Precision::Year;
        r.status = (y < k_min_year || y > k_max_year) ? PointStatus::BadYear : PointStatus::Ok;
        return r;
    }
    std::int32_t m = 0;
    if (!sc.digits(1, 2, m)) {
        sc.pos = save;
        return r;
    }
    if (!sc.literal('-')) {
        r.point.year = y;
        r.point.month = static_cast<std::uint8_t>(m > 99 ? 0 : m);
        r.point.precision = Precision::Month;
        if (y < k_min_year || y > k_max_year) r.status = PointStatus::BadYear;
        else r.status = (m >= 1 && m <= 12) ? PointStatus::Ok : PointStatus::BadDay;
        return r;
    }
    std::int32_t d = 0;
    if (!sc.digits(1, 2, d)) {
        sc.pos = save;
        return r;
    }
    return finish_day(sc, y, m, d);
}

// [SECTION] Spreadsheet points

// 24/06/2015, 24/06/15, 24.06.2015, 06/2015, 24 June 2015, 24th Jun 2015, June 2015, Jun-15,
// June 24, 2015 (with order Mdy only for the numeric forms; named months are never ambiguous).
PointRead read_sheet_point(Scanner& sc, DateOrder order) {
    PointRead r;
    const std::size_t save = sc.pos;

    // Named month first: "June 2015", "Jun-15", "June 24, 2015".
    if (const unsigned month = month_from_name(sc.word()); month != 0) {
        const std::size_t after_word = sc.pos;
        if (sc.peek() == '.') ++sc.pos;  // "Sept. 2015"
        const bool dash = sc.literal('-');
        if (!dash) sc.skip_spaces();
        std::int32_t n = 0;
        std::size_t count = 0;
        if (!sc.digits(1, 4, n, &count)) {
            sc.pos = save;
            return r;
        }
        if (!dash && count <= 2 && (sc.peek() == ',' || sc.peek() == ' ')) {
            // "June 24, 2015"
            const std::size_t mark = sc.pos;
            sc.literal(',');
            sc.skip_spaces();
            std::int32_t y = 0;
            std::size_t yc = 0;
            if (sc.digits(2, 4, y, &yc) && yc != 3) return finish_day(sc, widen_year(y, yc), static_cast<std::int32_t>(month), n);
            sc.pos = mark;
        }
        if (count == 3 || (count == 1)) {
            sc.pos = save;
            (void)after_word;
            return r;
        }
        r.point.year = widen_year(n, count);
        r.point.month = static_cast<std::uint8_t>(month);
        r.point.precision = Precision::Month;
        r.status = (r.point.year < k_min_year || r.point.year > k_max_year) ? PointStatus::BadYear : PointStatus::Ok;
        return r;
    }
    sc.pos = save;

    std::int32_t a = 0;
    std::size_t a_count = 0;
    if (!sc.digits(1, 4, a, &a_count)) return r;

    // "24 June 2015", "24th June 2015", "24-Jun-2015"
    {
        const std::size_t mark = sc.pos;
        const std::string_view suffix = sc.word();
        if (!(suffix.empty() || iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") ||
              iequals(suffix, "th")))
            sc.pos = mark;
        const bool dash = sc.literal('-');
        if (!dash) sc.skip_spaces();
        if (const unsigned month = month_from_name(sc.word()); month != 0 && a_count <= 2) {
            if (sc.peek() == '.') ++sc.pos;
            if (!sc.literal('-')) sc.skip_spaces();
            std::int32_t y = 0;
            std::size_t yc = 0;
            if (sc.digits(2, 4, y, &yc) && yc != 3)
                return finish_day(sc, widen_year(y, yc), static_cast<std::int32_t>(month), a);
            sc.pos = save;
            return r;
        }
        sc.pos = mark;
    }

    const char sep = sc.peek();
    if (sep != '/' && sep != '.' && sep != '-') {
        sc.pos = save;
        return r;
    }
    ++sc.pos;
    std::int32_t b = 0;
    std::size_t b_count = 0;
    if (!sc.digits(1, 4, b, &b_count)) {
        sc.pos = save;
        return r;
    }
    if (sc.peek() != sep) {
        // "06/2015": month and year
        if (a_count <= 2 && b_count == 4) {
            r.point.year = b;
            r.point.month = static_cast<std::uint8_t>(a);
            r.point.precision = Precision::Month;
            if (b < k_min_year || b > k_max_year) r.status = PointStatus::BadYear;
            else r.status = (a >= 1 && a <= 12) ? PointStatus::Ok : PointStatus::BadDay;
            return r;
        }
        sc.pos = save;
        return r;
    }
    ++sc.pos;
    std::int32_t c = 0;
    std::size_t c_count = 0;
    if (!sc.digits(1, 4, c, &c_count)) {
        // "24/06/99999": a day and month with a year of five digits or more, far out of range.
        std::size_t n = 0;
        while (sc.pos + n < sc.s.size() && sc.s[sc.pos + n] >= '0' && sc.s[sc.pos + n] <= '9') ++n;
        if (n > 4 && sc.pos + n == sc.s.size() && a_count <= 2 && b_count <= 2) {
            sc.pos = sc.s.size();
            r.status = PointStatus::BadYear;
            return r;
        }
        sc.pos = save;
        return r;
    }
    if (a_count == 4) {  // 2015/06/24 or 2015.06.24
        return finish_day(sc, a, b, c);
    }
    if (c_count == 3 || a_count > 2 || b_count > 2) {
        sc.pos = save;
        return r;
    }
    if (order == DateOrder::Ymd && c_count <= 2) return finish_day(sc, widen_year(a, a_count), b, c);  // 15/06/24
    const std::int32_t year = widen_year(c, c_count);
    if (order == DateOrder::Mdy) return finish_day(sc, year, a, b);
    return finish_day(sc, year, b, a);  // Dmy, and Auto (or Ymd with a four-digit year last) as the UK order
}

// [SECTION] People's forms

// What agencies type into Word and Excel templates: "Mon 23rd May 2016 10.30am", "w/c 06/06/2016",
// "mid-June 2016", "22/05/2016 morning", "2016?". Read only after every form above has failed, so
// the common dates never come here.

PointRead read_point(std::string_view text, const DateParseOptions& o);

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool has_letter(std::string_view s) { return std::any_of(s.begin(), s.end(), is_letter); }

// Skips spaces; true when there were some.
bool gap(Scanner& sc) {
    const std::size_t save = sc.pos;
    sc.skip_spaces();
    return sc.pos != save;
}

// Reads the whole word w (any case); nothing consumed otherwise.
bool keyword(Scanner& sc, std::string_view w) {
    const std::size_t save = sc.pos;
    if (iequals(sc.word(), w)) return true;
    sc.pos = save;
    return false;
}

// "st", "nd", "rd", "th" after a day's number (not checked against the number, as above).
void skip_ordinal(Scanner& sc) {
    const std::size_t save = sc.pos;
    const std::string_view w = sc.word();
    if (!(iequals(w, "st") || iequals(w, "nd") || iequals(w, "rd") || iequals(w, "th"))) sc.pos = save;
}

// Weekday names, their three-letter abbreviations and "Tues", "Weds", "Thur(s)": 1 Monday .. 7 Sunday; 0 otherwise.
unsigned weekday_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 7> k_names = {"monday", "tuesday", "wednesday", "thursday",
                                                                "friday", "saturday", "sunday"};
    if (w.size() < 3) return 0;
    for (unsigned i = 0; i < 7; ++i) {
        if (iequals(w, k_names[i])) return i + 1;
        if (w.size() == 3 && iequals(w, k_names[i].substr(0, 3))) return i + 1;
    }
    if (iequals(w, "tues")) return 2;
    if (iequals(w, "weds")) return 3;
    if (iequals(w, "thur") || iequals(w, "thurs")) return 4;
    return 0;
}

// 1 Monday .. 7 Sunday of a local day number (1970-01-01 was a Thursday).
unsigned weekday_of(std::int32_t days) { return static_cast<unsigned>(((days % 7) + 7 + 3) % 7) + 1; }

// "Mon ", "Monday, ", "Tues. ", "Monday the " before a day: the weekday, or 0 with nothing consumed.
unsigned read_weekday(Scanner& sc) {
    const std::size_t save = sc.pos;
    const unsigned weekday = weekday_from_name(sc.word());
    const bool dot = weekday != 0 && sc.literal('.');
    const bool comma = weekday != 0 && sc.literal(',');
    if (weekday == 0 || (!gap(sc) && !dot && !comma)) {
        sc.pos = save;
        return 0;
    }
    const std::size_t mark = sc.pos;
    if (!(keyword(sc, "the") && gap(sc))) sc.pos = mark;
    return weekday;
}

DatePoint day_point(std::int32_t days) {
    const date::year_month_day ymd{date::sys_days{date::days{days}}};
    DatePoint p;
    p.year = static_cast<int>(ymd.year());
    p.month = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.month()));
    p.day = static_cast<std::uint8_t>(static_cast<unsigned>(ymd.day()));
    p.precision = Precision::Day;
    return p;
}

std::int32_t days_of(const DatePoint& p) { return days_from_civil(p.year, p.month, p.day); }

// "23rd May 2016", "23 of May 2016", "23rd May, 2016", "May 23rd, 2016" (a year of two or four digits).
PointStatus read_named_day(Scanner& sc, DatePoint& p) {
    const std::size_t save = sc.pos;
    std::int32_t d = 0;
    unsigned month = month_from_name(sc.word());
    if (month != 0) {
        if (sc.peek() == '.') ++sc.pos;
        if (!gap(sc) || !sc.digits(1, 2, d)) {
            sc.pos = save;
            return PointStatus::NoMatch;
        }
        skip_ordinal(sc);
        sc.literal(',');
    } else {
        sc.pos = save;
        if (!sc.digits(1, 2, d)) return PointStatus::NoMatch;
        skip_ordinal(sc);
        if (!sc.literal('-') && !gap(sc)) {
            sc.pos = save;
            return PointStatus::NoMatch;
        }
        const std::size_t mark = sc.pos;
        if (!(keyword(sc, "of") && gap(sc))) sc.pos = mark;
        month = month_from_name(sc.word());
        if (month == 0) {
            sc.pos = save;
            return PointStatus::NoMatch;
        }
        if (sc.peek() == '.') ++sc.pos;
        sc.literal(',');
    }
    std::int32_t y = 0;
    std::size_t yc = 0;
    if ((!sc.literal('-') && !gap(sc)) || !sc.digits(2, 4, y, &yc) || yc == 3) {
        sc.pos = save;
        return PointStatus::NoMatch;
    }
    y = widen_year(y, yc);
    p.year = y;
    p.month = static_cast<std::uint8_t>(month);
    p.day = static_cast<std::uint8_t>(d);
    p.precision = Precision::Day;
    if (y < k_min_year || y > k_max_year) return PointStatus::BadYear;
    return day_exists(y, month, static_cast<unsigned>(d)) ? PointStatus::Ok : PointStatus::BadDay;
}

// One day without its time: ISO, a spreadsheet's form (numeric day/month only with
// spreadsheet_forms, as everywhere) or a named month's.
PointStatus read_day(Scanner& sc, const DateParseOptions& o, DatePoint& p) {
    // 2016-05-23, 23/05/2016, 23-May-2016 are one word: read alone, the readers above see no time.
    std::size_t end = sc.pos;
    while (end < sc.s.size() && sc.s[end] != ' ' && sc.s[end] != '\t' && sc.s[end] != ',') ++end;
    const std::string_view token = sc.s.substr(sc.pos, end - sc.pos);
    if (!token.empty()) {
        Scanner tk{token, 0};
        PointRead r = read_iso_point(tk);
        if (r.status == PointStatus::Ok && !tk.done()) r.status = PointStatus::NoMatch;
        if (r.status == PointStatus::NoMatch && (o.spreadsheet_forms || has_letter(token))) {
            tk.pos = 0;
            r = read_sheet_point(tk, o.order);
            if (r.status == PointStatus::Ok && !tk.done()) r.status = PointStatus::NoMatch;
        }
        // A bad date is said so only when it is the whole word ("Mon 31/06/2016").
        if (r.status != PointStatus::NoMatch && tk.done() &&
            (r.status != PointStatus::Ok || r.point.precision == Precision::Day)) {
            sc.pos = end;
            p = r.point;
            return r.status;
        }
    }
    return read_named_day(sc, p);
}

// "am", "pm", "a.m.", "p.m." (any case): 1 am, 2 pm, or 0 with nothing consumed.
unsigned read_meridiem(Scanner& sc) {
    const std::size_t save = sc.pos;
    const std::string_view w = sc.word();
    if (iequals(w, "am")) return 1;
    if (iequals(w, "pm")) return 2;
    if ((iequals(w, "a") || iequals(w, "p")) && sc.literal('.') && keyword(sc, "m")) {
        sc.literal('.');
        return iequals(w, "a") ? 1u : 2u;
    }
    sc.pos = save;
    return 0;
}

// "hrs", "hr", "h", "hours" after a 24-hour time ("1030hrs").
bool read_hours_word(Scanner& sc) {
    const std::size_t save = sc.pos;
    const std::string_view w = sc.word();
    if (iequals(w, "hrs") || iequals(w, "hr") || iequals(w, "h") || iequals(w, "hours")) return true;
    sc.pos = save;
    return false;
}

PointStatus set_time(PointRead& r, std::int32_t h, std::int32_t m) {
    r.point.hour = static_cast<std::uint8_t>(h);
    r.point.minute = static_cast<std::uint8_t>(m);
    r.point.precision = Precision::Minute;
    return PointStatus::Ok;
}

// A part of a day is approximate: its first minute to its last, on that day.
PointStatus set_part_of_day(PointRead& r, std::int32_t from_hour, std::int32_t to_hour) {
    set_time(r, from_hour, 0);
    r.end = r.point;
    r.end.hour = static_cast<std::uint8_t>(to_hour);
    r.end.minute = 59;
    r.has_end = true;
    r.approximate = true;
    return PointStatus::Ok;
}

// Parts of a day (case-format A.1): the hours they are taken to cover.
struct DayPart {
    std::string_view name;
    std::int32_t from_hour;
    std::int32_t to_hour;  // through hh:59
};
constexpr std::array<DayPart, 4> k_day_parts = {
    {{"morning", 6, 11}, {"afternoon", 12, 17}, {"evening", 18, 21}, {"night", 22, 23}}};

// A time as people write it, after a day: 10.30am, 10:30 am, 10am, 1030hrs, 10:30hrs, 10.30,
// 10:30:00 AM, noon, midday, midnight, 12 noon; or a part of the day: morning, afternoon, evening,
// night, early hours, am, pm.
PointStatus read_people_time(Scanner& sc, PointRead& r) {
    const std::size_t save = sc.pos;
    if (sc.peek() >= '0' && sc.peek() <= '9') {
        std::int32_t h = 0, m = 0, sec = 0;
        if (sc.digits(3, 4, h)) {
            // "1030hrs", "1030 hrs": hours and minutes run together, on the 24-hour clock.
            sc.skip_spaces();
            if (!read_hours_word(sc)) {
                sc.pos = save;
                return PointStatus::NoMatch;
            }
            m = h % 100;
            h /= 100;
            return (h > 23 || m > 59) ? PointStatus::BadTime : set_time(r, h, m);
        }
        if (!sc.digits(1, 2, h)) return PointStatus::NoMatch;
        const char sep = sc.peek();
        const bool minutes = sep == ':' || sep == '.';
        if (minutes) {
            ++sc.pos;
            if (!sc.digits(2, 2, m)) {
                sc.pos = save;
                return PointStatus::NoMatch;
            }
            if (sep == ':' && sc.literal(':') && (!sc.digits(2, 2, sec) || sec > 59)) return PointStatus::BadTime;
        }
        const std::size_t before_word = sc.pos;
        sc.skip_spaces();
        if (const unsigned meridiem = read_meridiem(sc); meridiem != 0) {
            // 12am is the first hour of the day, 12pm the first after noon.
            if (h < 1 || h > 12 || m > 59 || sec > 59) return PointStatus::BadTime;
            return set_time(r, h % 12 + (meridiem == 2 ? 12 : 0), m);
        }
        if (keyword(sc, "noon") || keyword(sc, "midday"))
            return (h == 12 && m == 0) ? set_time(r, 12, 0) : PointStatus::BadTime;
        if (keyword(sc, "midnight"))
            return ((h == 12 || h == 0) && m == 0) ? set_time(r, 0, 0) : PointStatus::BadTime;
        const bool hours_word = minutes && read_hours_word(sc);
        if (!hours_word) sc.pos = before_word;
        if (!minutes) {
            sc.pos = save;
            return PointStatus::NoMatch;  // "10" alone is not a time
        }
        return (h > 23 || m > 59 || sec > 59) ? PointStatus::BadTime : set_time(r, h, m);
    }
    if (keyword(sc, "noon") || keyword(sc, "midday")) return set_time(r, 12, 0);
    if (keyword(sc, "midnight")) return set_time(r, 0, 0);  // the start of that day
    if (const unsigned meridiem = read_meridiem(sc); meridiem != 0)
        return meridiem == 1 ? set_part_of_day(r, 0, 11) : set_part_of_day(r, 12, 23);
    if (keyword(sc, "early")) {
        if (gap(sc) && keyword(sc, "hours")) return set_part_of_day(r, 0, 5);
        sc.pos = save;
        return PointStatus::NoMatch;
    }
    const std::string_view w = sc.word();
    for (const DayPart& part : k_day_parts)
        if (iequals(w, part.name)) return set_part_of_day(r, part.from_hour, part.to_hour);
    sc.pos = save;
    return PointStatus::NoMatch;
}

// [weekday] day [[,] [at] time]: "Mon 23rd May 2016", "Mon, 23/05/2016, 10.30am", "2016-05-23 morning".
PointRead read_day_phrase(Scanner& sc, const DateParseOptions& o, bool with_time) {
    PointRead r;
    const unsigned weekday = read_weekday(sc);
    r.status = read_day(sc, o, r.point);
    if (r.status != PointStatus::Ok) return r;
    r.wrong_weekday = weekday != 0 && weekday != weekday_of(days_of(r.point));
    if (!with_time || sc.done()) return r;
    const std::size_t save = sc.pos;
    sc.skip_spaces();
    sc.literal(',');
    sc.skip_spaces();
    if (sc.pos == save) {
        r.status = PointStatus::NoMatch;
        return r;
    }
    const std::size_t mark = sc.pos;
    if (!(keyword(sc, "at") && gap(sc))) sc.pos = mark;  // "23/05/2016 at 10.30am"
    r.status = read_people_time(sc, r);
    return r;
}

// Which way a week runs from the day written after its words.
enum class WeekWay : std::uint8_t { None, From, To };

// "w/c", "wc", "w/b", "wb", "week commencing", "week beginning", "week starting" (a week from the
// day) or "week ending" (a week to it), then spaces, ':' or '.'; nothing consumed when absent.
// ("w/e" is not read: in notes it says "weekend" as often as "week ending".)
WeekWay read_week_prefix(Scanner& sc) {
    const std::size_t save = sc.pos;
    const std::string_view w = sc.word();
    WeekWay way = WeekWay::None;
    if (iequals(w, "week") && gap(sc)) {
        const std::string_view v = sc.word();
        if (iequals(v, "commencing") || iequals(v, "beginning") || iequals(v, "starting")) way = WeekWay::From;
        else if (iequals(v, "ending")) way = WeekWay::To;
    } else if (iequals(w, "wc") || iequals(w, "wb")) {
        way = WeekWay::From;
    } else if (iequals(w, "w") && sc.literal('/')) {
        const std::string_view v = sc.word();
        if (iequals(v, "c") || iequals(v, "b")) way = WeekWay::From;
    }
    const bool punct = way != WeekWay::None && (sc.literal(':') || sc.literal('.'));
    if (way == WeekWay::None || (!gap(sc) && !punct)) {
        sc.pos = save;
        return WeekWay::None;
    }
    return way;
}

// Parts of a month or a year, all approximate (case-format A.1 gives the days and months).
enum class Part : std::uint8_t { None, Early, Mid, Late, Beginning, End };

// "early ", "mid ", "mid-", "late ", "beginning of ", "start of ", "end of "; nothing consumed when absent.
Part read_part(Scanner& sc) {
    const std::size_t save = sc.pos;
    const std::string_view w = sc.word();
    Part part = Part::None;
    if (iequals(w, "early")) part = Part::Early;
    else if (iequals(w, "mid")) part = Part::Mid;
    else if (iequals(w, "late")) part = Part::Late;
    else if (iequals(w, "beginning") || iequals(w, "start")) part = Part::Beginning;
    else if (iequals(w, "end")) part = Part::End;
    const bool of = part == Part::Beginning || part == Part::End;  // "end of June", "mid June"
    const bool ok = part != Part::None &&
                    (of ? gap(sc) && keyword(sc, "of") && gap(sc) : sc.literal('-') || gap(sc));
    if (!ok) {
        sc.pos = save;
        return Part::None;
    }
    return part;
}

// "early June 2016" (days 1-10), "mid-June 2016" (11-20), "late June 2016" (21-last), "beginning of
// June 2016" (1-7), "end of June 2016" (the last 7); "early 2016" (January-April), "mid 2016"
// (May-August), "late 2016" (September-December), "beginning of 2016" (January), "end of 2016" (December).
PointRead read_part_of(Scanner& sc, Part part) {
    PointRead r;
    const std::size_t after_part = sc.pos;
    const unsigned month = month_from_name(sc.word());
    if (month != 0) {
        if (sc.peek() == '.') ++sc.pos;
        if (!sc.literal('-') && !gap(sc)) return r;
    } else {
        sc.pos = after_part;
    }
    std::int32_t y = 0;
    if (!sc.digits(4, 4, y) || !sc.done()) return r;
    if (y < k_min_year || y > k_max_year) {
        r.status = PointStatus::BadYear;
        return r;
    }
    r.status = PointStatus::Ok;
    r.approximate = true;
    r.point.year = y;
    r.end.year = y;
    if (month != 0) {
        const auto last = static_cast<std::int32_t>(days_in_month(y, month));
        std::int32_t from = 1, to = last;
        switch (part) {
            case Part::Early: to = 10; break;
            case Part::Mid: from = 11; to = 20; break;
            case Part::Late: from = 21; break;
            case Part::Beginning: to = 7; break;
            case Part::End: from = last - 6; break;
            case Part::None: break;
        }
        r.point.month = r.end.month = static_cast<std::uint8_t>(month);
        r.point.day = static_cast<std::uint8_t>(from);
        r.end.day = static_cast<std::uint8_t>(to);
        r.point.precision = r.end.precision = Precision::Day;
        r.has_end = true;
        return r;
    }
    std::int32_t from = 1, to = 12;
    switch (part) {
        case Part::Early: to = 4; break;
        case Part::Mid: from = 5; to = 8; break;
        case Part::Late: from = 9; break;
        case Part::Beginning: to = 1; break;
        case Part::End: from = 12; break;
        case Part::None: break;
    }
    r.point.month = static_cast<std::uint8_t>(from);
    r.end.month = static_cast<std::uint8_t>(to);
    r.point.precision = r.end.precision = Precision::Month;
    r.has_end = from != to;  // "end of 2016" is one month, ~2016-12
    return r;
}

// One piece of a date in people's forms; the whole text must be read.
PointRead read_people_point(std::string_view text, const DateParseOptions& o) {
    text = trim(text);
    // "22 May 2016?": a question mark after the date is approximate, as one before it is.
    if (!text.empty() && text.back() == '?') {
        while (!text.empty() && text.back() == '?') text = trim(text.substr(0, text.size() - 1));
        if (text.empty()) return {};
        PointRead r = read_point(text, o);
        r.approximate = true;
        return r;
    }
    Scanner sc{text, 0};
    if (const WeekWay way = read_week_prefix(sc); way != WeekWay::None) {
        PointRead r = read_day_phrase(sc, o, false);
        if (r.status == PointStatus::Ok && !sc.done()) r.status = PointStatus::NoMatch;
        if (r.status != PointStatus::Ok) return r;
        // A week is seven whole days, exactly: not approximate.
        const std::int32_t day = days_of(r.point);
        r.point = day_point(way == WeekWay::From ? day : day - 6);
        r.end = day_point(way == WeekWay::From ? day + 6 : day);
        r.has_end = true;
        if (r.point.year < k_min_year || r.end.year > k_max_year) r.status = PointStatus::BadYear;
        return r;
    }
    if (const Part part = read_part(sc); part != Part::None) {
        PointRead r = read_part_of(sc, part);
        if (r.status != PointStatus::NoMatch) return r;
        sc.pos = 0;
    }
    PointRead r = read_day_phrase(sc, o, true);
    if (r.status == PointStatus::Ok && !sc.done()) r.status = PointStatus::NoMatch;
    return r;
}

// [SECTION] Whole-date grammar

struct Pieces {
    DateKind kind = DateKind::Point;
    bool approximate = false;
    std::string_view first;
    std::string_view second;
};

bool four_digits(std::string_view s) {
    return s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

// Text that starts like an ISO point (a four-digit year) or a season and its year ("spring 2015").
bool starts_iso_or_season(std::string_view s) {
    if (four_digits(s)) return true;
    Scanner sc{s, 0};
    if (season_from_name(sc.word()) == 0) return false;
    sc.skip_spaces();
    return four_digits(sc.rest());
}

// "winter 2015" / "2016" is one winter, written with both its years, not a range.
bool names_one_winter(std::string_view left, std::string_view right) {
    Scanner sc{left, 0};
    if (season_from_name(sc.word()) != 4) return false;
    sc.skip_spaces();
    std::int32_t y = 0, y2 = 0;
    if (!sc.digits(4, 4, y) || !sc.done()) return false;
    Scanner sr{right, 0};
    return sr.digits(4, 4, y2) && sr.done() && y2 == y + 1;
}

// Splits qualifiers and range separators off the text.
Pieces split_qualifiers(std::string_view t) {
    Pieces p;
    if (istarts_with(t, "before ")) {
        p.kind = DateKind::Before;
        t = trim(t.substr(7));
    } else if (istarts_with(t, "after ")) {
        p.kind = DateKind::After;
        t = trim(t.substr(6));
    } else if (!t.empty() && t.front() == '<') {
        p.kind = DateKind::Before;
        t = trim(t.substr(1));
    } else if (!t.empty() && t.front() == '>') {
        p.kind = DateKind::After;
        t = trim(t.substr(1));
    }
    for (std::string_view q : {"~", "?", "circa ", "c. ", "c.", "ca. ", "approx. ", "approx "}) {
        if (istarts_with(t, q)) {
            p.approximate = true;
            t = trim(t.substr(q.size()));
            break;
        }
    }
    if (p.kind == DateKind::Point) {
        // Ranges: "a/b" between ISO points, or "a to b", "a - b", "a – b" for any forms.
        for (std::string_view sep : {" to ", " - ", " \xE2\x80\x93 "}) {
            const std::size_t at = t.find(sep);
            if (at != std::string_view::npos) {
                p.kind = DateKind::Range;
                p.first = trim(t.substr(0, at));
                p.second = trim(t.substr(at + sep.size()));
                return p;
            }
        }
        // "a/b" between ISO or season points (a slash in 24/06/2015 is part of one date).
        for (std::size_t slash = t.find('/'); slash != std::string_view::npos; slash = t.find('/', slash + 1)) {
            const std::string_view left = trim(t.substr(0, slash));
            const std::string_view right = trim(t.substr(slash + 1));
            if (!starts_iso_or_season(left) || !starts_iso_or_season(right) || names_one_winter(left, right)) continue;
            p.kind = DateKind::Range;
            p.first = left;
            p.second = right;
            return p;
        }
    }
    p.first = t;
    return p;
}

// Reads one whole point from text (nothing may follow it).
PointRead read_point(std::string_view text, const DateParseOptions& o) {
    Scanner sc{text, 0};
    PointRead r = read_iso_point(sc);
    if (r.status == PointStatus::NoMatch || (r.status == PointStatus::Ok && !sc.done())) {
        // Dates with a month's name ("24 June 2015", "June 2015") cannot be misread, so they are
        // read everywhere; numeric day/month forms only where a column's order is known.
        const bool named = has_letter(text);
        if (o.spreadsheet_forms || named) {
            Scanner sc2{text, 0};
            PointRead r2 = read_sheet_point(sc2, o.order);
            if (r2.status != PointStatus::NoMatch && (r2.status != PointStatus::Ok || sc2.done())) return r2;
        }
        if (r.status == PointStatus::Ok && !sc.done()) r.status = PointStatus::NoMatch;
    }
    // What people write in templates ("w/c 06/06/2016", "Mon 23rd May 2016 10.30am"), only now.
    if (r.status == PointStatus::NoMatch) return read_people_point(text, o);
    return r;
}

std::string syntax_message(std::string_view text, bool sheet) {
    std::string m = "cannot read date " + quoted(text) + "; expected a form such as 2015-06-24, 2015-06, ~2015, "
                    "spring 2015, 2015-06-24/2015-06-30 or before 2015-07";
    if (sheet) {
        m += ", 24/06/2015, 24 June 2015, Jun-15 or w/c 22/06/2015";
        return m;
    }
    // "21/06/2015" outside a spreadsheet (also after words, "w/c 21/06/2015", or before a time):
    // day/month order is known only for a spreadsheet column, so say how to write it, read as the
    // UK writes it.
    unsigned d = 0, mo = 0;
    int y = 0;
    char sep1 = 0, sep2 = 0, rest = 0;
    const std::size_t at = text.find_first_of("0123456789");
    if (at == std::string_view::npos || (at > 0 && text[at - 1] != ' ')) return m;
    const std::string t(text.substr(at));
    const int n = std::sscanf(t.c_str(), "%2u%c%2u%c%4d%c", &d, &sep1, &mo, &sep2, &y, &rest);
    if ((n == 5 || (n == 6 && !(rest >= '0' && rest <= '9'))) && sep1 == sep2 && (sep1 == '/' || sep1 == '.') &&
        y >= 1000) {
        m += "; day/month dates are read only from spreadsheets, where a column's order is known: write year-month-day";
        if (day_exists(y, mo, d)) {
            char iso[32];
            std::snprintf(iso, sizeof iso, "%04d-%02u-%02u", y, mo, d);
            m += std::string(" (") + iso + " if " + std::to_string(d) + " is the day)";
        }
    }
    return m;
}

DateParseResult point_problem(PointStatus status, std::string_view piece, std::string_view whole, bool sheet) {
    switch (status) {
        case PointStatus::BadDay:
            return fail("date-invalid", "date " + quoted(piece) + " does not exist");
        case PointStatus::BadYear:
            return fail("date-out-of-range", "date " + quoted(piece) + " is outside the years " +
                                                 std::to_string(k_min_year) + " to " + std::to_string(k_max_year));
        case PointStatus::BadTime:
            return fail("time-invalid", "time in " + quoted(piece) + " does not exist");
        case PointStatus::NoMatch:
        case PointStatus::Ok:
            break;
    }
    return fail("date-syntax", syntax_message(whole, sheet));
}

// "'Tue 23rd May 2016': 23 May 2016 was a Monday".
std::string weekday_message(std::string_view text, const DatePoint& day) {
    static constexpr std::array<std::string_view, 12> k_months = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    static constexpr std::array<std::string_view, 7> k_weekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                                   "Friday", "Saturday", "Sunday"};
    return quoted(text) + ": " + std::to_string(day.day) + " " + std::string(k_months[day.month - 1u]) + " " +
           std::to_string(day.year) + " was a " + std::string(k_weekdays[weekday_of(days_of(day)) - 1u]);
}

// Resolves a local minute against the zone: error if skipped, warning if repeated.
bool resolve_local_time(FuzzyDate& d, std::string_view text, const DateParseOptions& o, DateParseResult& out) {
    const date::time_zone* zone = o.zone ? o.zone : default_zone();
    if (!zone) return true;  // no tz database: offsets stay 0, order is still right
    if (o.offsets) {
        if (const auto offset = o.offsets->find(zone, d.earliest)) {
            d.utc_offset_minutes = *offset;
            return true;
        }
    }
    const date::local_seconds local{std::chrono::seconds{d.earliest}};
    const date::local_info info = zone->get_info(local);
    if (o.offsets && info.result == date::local_info::unique) {
        // The stretch this offset holds for, kept a day clear of the changes on either side (an
        // hour around a change is skipped or repeated; a day is more than any zone moves).
        const std::int64_t offset = info.first.offset.count();
        const std::int64_t from = info.first.begin.time_since_epoch().count() + offset + k_seconds_per_day;
        const std::int64_t to = info.first.end.time_since_epoch().count() + offset - k_seconds_per_day;
        if (from < to && d.earliest >= from && d.earliest < to)
            o.offsets->remember(zone, from, to, static_cast<std::int16_t>(offset / 60));
    }
    if (info.result == date::local_info::nonexistent) {
        out = fail("time-nonexistent", "local time " + quoted(text) + " does not exist in " + zone->name() +
                                           " (the clocks went forward)");
        return false;
    }
    if (info.result == date::local_info::ambiguous) {
        out.warning = DateProblem{"time-ambiguous", "local time " + quoted(text) + " happens twice in " +
                                                        zone->name() + " (the clocks went back); the first is used"};
    }
    d.utc_offset_minutes = static_cast<std::int16_t>(info.first.offset.count() / 60);
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// FuzzyDate members

std::int64_t FuzzyDate::sort_key() const {
    if (kind == DateKind::Before) {
        const std::int64_t last_day = latest >= 0 ? latest / k_seconds_per_day : (latest - k_seconds_per_day + 1) / k_seconds_per_day;
        return last_day * k_seconds_per_day;
    }
    return earliest;
}

std::int32_t FuzzyDate::sort_day() const {
    const std::int64_t k = sort_key();
    const std::int64_t d = k >= 0 ? k / k_seconds_per_day : (k - k_seconds_per_day + 1) / k_seconds_per_day;
    return static_cast<std::int32_t>(d);
}

std::int32_t FuzzyDate::earliest_day() const {
    if (earliest == k_unbounded_low) return sort_day();
    const std::int64_t d = earliest >= 0 ? earliest / k_seconds_per_day : (earliest - k_seconds_per_day + 1) / k_seconds_per_day;
    return static_cast<std::int32_t>(d);
}

std::int32_t FuzzyDate::latest_day() const {
    if (latest == k_unbounded_high) return earliest_day();
    const std::int64_t d = latest >= 0 ? latest / k_seconds_per_day : (latest - k_seconds_per_day + 1) / k_seconds_per_day;
    return static_cast<std::int32_t>(d);
}

bool FuzzyDate::is_exact_day() const {
    return kind == DateKind::Point && !approximate &&
           (first.precision == Precision::Day || first.precision == Precision::Minute);
}

// ---------------------------------------------------------------------------------------------
// Parsing

std::optional<DateOrder> parse_date_order(std::string_view text) {
    text = trim(text);
    if (iequals(text, "auto")) return DateOrder::Auto;
    if (iequals(text, "dmy")) return DateOrder::Dmy;
    if (iequals(text, "mdy")) return DateOrder::Mdy;
    if (iequals(text, "ymd")) return DateOrder::Ymd;
    return std::nullopt;
}

std::string_view to_string(DateOrder order) {
    switch (order) {
        case DateOrder::Auto: return "auto";
        case DateOrder::Dmy: return "dmy";
        case DateOrder::Mdy: return "mdy";
        case DateOrder::Ymd: return "ymd";
    }
    return "auto";
}

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }
std::int32_t two(std::string_view t, std::size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); }

// The two forms nearly every date of a large chronology takes, read directly: 2015-06-24 and
// (in spreadsheets, day first or month first) 24/06/2015, each optionally with " 14:30" or a time
// as people write it (" 14.30", " 2.30pm", " 1430hrs": read_people_time, as the general grammar
// reads it after a day). Anything else, or anything wrong, goes to the general grammar, which
// gives the same dates and messages.
std::optional<DateParseResult> fast_date(std::string_view t, const DateParseOptions& o) {
    if (t.size() < 10 || (t.size() > 10 && t[10] != ' ' && t[10] != 'T')) return std::nullopt;
    std::int32_t y = 0, m = 0, d = 0;
    if (t[4] == '-' && t[7] == '-' && digit(t[0]) && digit(t[1]) && digit(t[2]) && digit(t[3]) && digit(t[5]) &&
        digit(t[6]) && digit(t[8]) && digit(t[9])) {
        y = two(t, 0) * 100 + two(t, 2);
        m = two(t, 5);
        d = two(t, 8);
    } else if (o.spreadsheet_forms && o.order != DateOrder::Ymd && t[2] == '/' && t[5] == '/' && digit(t[0]) &&
               digit(t[1]) && digit(t[3]) && digit(t[4]) && digit(t[6]) && digit(t[7]) && digit(t[8]) && digit(t[9])) {
        y = two(t, 6) * 100 + two(t, 8);
        m = o.order == DateOrder::Mdy ? two(t, 0) : two(t, 3);
        d = o.order == DateOrder::Mdy ? two(t, 3) : two(t, 0);
    } else {
        return std::nullopt;
    }
    if (y < k_min_year || y > k_max_year || !day_exists(y, static_cast<unsigned>(m), static_cast<unsigned>(d)))
        return std::nullopt;
    DatePoint p;
    p.year = y;
    p.month = static_cast<std::uint8_t>(m);
    p.day = static_cast<std::uint8_t>(d);
    p.precision = Precision::Day;
    if (t.size() == 16 && t[13] == ':' && digit(t[11]) && digit(t[12]) && digit(t[14]) && digit(t[15])) {
        const std::int32_t h = two(t, 11), min = two(t, 14);
        if (h > 23 || min > 59) return std::nullopt;
        p.hour = static_cast<std::uint8_t>(h);
        p.minute = static_cast<std::uint8_t>(min);
        p.precision = Precision::Minute;
    } else if (t.size() > 10) {
        if (t[10] != ' ') return std::nullopt;
        Scanner sc{t.substr(11), 0};
        PointRead r;
        r.point = p;
        // A clock time only: a part of the day ("morning") is a stretch, and anything after the
        // time (a qualifier, a range) is the general grammar's.
        if (read_people_time(sc, r) != PointStatus::Ok || !sc.done() || r.has_end) return std::nullopt;
        p = r.point;
    }
    FuzzyDate date;
    date.first = p;
    const Bounds b = bounds_of(p);
    date.earliest = b.lo;
    date.latest = b.hi;
    DateParseResult out;
    if (p.precision == Precision::Minute) {
        FuzzyDate probe;
        probe.earliest = b.lo;
        if (!resolve_local_time(probe, t, o, out)) return out;
        date.utc_offset_minutes = probe.utc_offset_minutes;
    }
    out.date = date;
    return out;
}

}  // namespace

DateParseResult parse_date(std::string_view text, const DateParseOptions& options) {
    const std::string_view t = trim(text);
    if (t.empty()) return fail("date-missing", "date is empty");
    if (options.fast_paths)
        if (std::optional<DateParseResult> r = fast_date(t, options)) return std::move(*r);
    Pieces pieces = split_qualifiers(t);
    PointRead a = read_point(pieces.first, options);
    if (a.status == PointStatus::NoMatch && pieces.kind == DateKind::Point) {
        // "spring 2015/summer 2015", "2015-06/autumn 2015": a range whose ends are not both ISO
        // (the canonical form of any range is a/b, so every one must read back).
        for (std::size_t slash = pieces.first.find('/'); slash != std::string_view::npos; slash = pieces.first.find('/', slash + 1)) {
            const std::string_view left = trim(pieces.first.substr(0, slash));
            const std::string_view right = trim(pieces.first.substr(slash + 1));
            if (read_point(left, options).status == PointStatus::Ok && read_point(right, options).status == PointStatus::Ok) {
                pieces.kind = DateKind::Range;
                pieces.second = right;
                pieces.first = left;
                a = read_point(left, options);
                break;
            }
        }
    }
    if (a.status != PointStatus::Ok) return point_problem(a.status, pieces.first, t, options.spreadsheet_forms);

    FuzzyDate d;
    d.kind = pieces.kind;
    d.approximate = pieces.approximate || a.approximate;
    d.first = a.point;
    Bounds ba = bounds_of(a.point);
    Bounds last = ba;                             // of the piece's last point: a.end for a stretch
    if (a.has_end) {                              // written as one: "w/c 06/06/2016", "morning"
        last = bounds_of(a.end);
        ba.hi = last.hi;
    }
    std::int64_t first_lo = ba.lo;                // where d.first starts, and d.second
    std::int64_t second_lo = last.lo;
    std::string_view second_text = pieces.first;  // the text d.second came from
    DatePoint wrong_day = a.point;                // the day a wrong weekday was written before
    bool wrong_weekday = a.wrong_weekday;
    DateParseResult out;
    switch (pieces.kind) {
        case DateKind::Point:
            if (a.has_end) {
                d.kind = DateKind::Range;
                d.second = a.end;
            }
            d.earliest = ba.lo;
            d.latest = ba.hi;
            break;
        case DateKind::Before:
            d.earliest = k_unbounded_low;
            d.latest = ba.lo - 1;
            break;
        case DateKind::After:
            if (a.has_end) {  // after a stretch is after its last point
                d.first = a.end;
                first_lo = last.lo;
            }
            d.earliest = ba.hi + 1;
            d.latest = k_unbounded_high;
            break;
        case DateKind::Range: {
            const PointRead b = read_point(pieces.second, options);
            if (b.status != PointStatus::Ok) return point_problem(b.status, pieces.second, t, options.spreadsheet_forms);
            d.approximate = d.approximate || b.approximate;
            d.second = b.has_end ? b.end : b.point;
            Bounds bb = bounds_of(b.point);
            second_lo = bb.lo;
            if (b.has_end) {
                const Bounds be = bounds_of(b.end);
                bb.hi = be.hi;
                second_lo = be.lo;
            }
            if (bb.hi < ba.lo)
                return fail("date-range-reversed", "date range " + quoted(t) + " ends before it starts");
            d.earliest = ba.lo;
            d.latest = bb.hi;
            if (!wrong_weekday && b.wrong_weekday) {
                wrong_weekday = true;
                wrong_day = b.point;
            }
            second_text = pieces.second;
            break;
        }
    }
    if (d.kind == DateKind::Range && d.second.precision == Precision::Minute) {
        FuzzyDate probe;
        probe.earliest = second_lo;
        if (!resolve_local_time(probe, second_text, options, out)) return out;
    }
    if (d.first.precision == Precision::Minute) {
        FuzzyDate probe;
        probe.earliest = first_lo;
        if (!resolve_local_time(probe, pieces.first, options, out)) return out;
        d.utc_offset_minutes = probe.utc_offset_minutes;
    }
    // A wrong weekday more likely means a mistyped date than a repeated hour does: it is the
    // warning given, and the date is kept as its numbers say.
    if (wrong_weekday) out.warning = DateProblem{"date-weekday", weekday_message(t, wrong_day)};
    out.date = d;
    return out;
}

SlashDateEvidence slash_date_evidence(std::string_view text) {
    SlashDateEvidence e;
    Scanner sc{trim(text), 0};
    for (std::string_view q : {"~", "?"})
        if (istarts_with(sc.s, q)) sc.pos = q.size();
    // "Mon 23/05/2016", "w/c 06/06/2016": the date after a weekday or a week's words counts too.
    if (is_letter(sc.peek())) {
        read_week_prefix(sc);
        read_weekday(sc);
    }
    std::int32_t a = 0, b = 0, c = 0;
    std::size_t ac = 0, cc = 0;
    if (!sc.digits(1, 2, a, &ac)) return e;
    const char sep = sc.peek();
    if (sep != '/' && sep != '.' && sep != '-') return e;
    ++sc.pos;
    if (!sc.digits(1, 2, b)) return e;
    if (!sc.literal(sep)) return e;
    if (!sc.digits(2, 4, c, &cc) || cc == 3) return e;
    e.is_slash_form = true;
    const std::int32_t y = widen_year(c, cc);
    e.could_be_dmy = day_exists(y, static_cast<unsigned>(b), static_cast<unsigned>(a));
    e.could_be_mdy = day_exists(y, static_cast<unsigned>(a), static_cast<unsigned>(b));
    e.same_either_way = a == b;
    return e;
}

bool is_unknown_date_text(std::string_view text) {
    text = trim(text);
    // "?", "??": a question mark is all the cell says.
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c == '?' || c == ' '; })) return true;
    // "(Not known)", "N/K.", "- unknown -": ASCII punctuation and spaces around the words are ignored.
    const auto around = [](char c) {
        return static_cast<unsigned char>(c) < 0x80 && !is_letter(c) && !(c >= '0' && c <= '9');
    };
    while (!text.empty() && around(text.front())) text.remove_prefix(1);
    while (!text.empty() && around(text.back())) text.remove_suffix(1);
    // The words in lowercase with single spaces, in a small buffer: no allocation per cell.
    std::array<char, 24> folded{};
    std::size_t n = 0;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\t';
        if (space && n > 0 && folded[n - 1] == ' ') continue;
        if (n == folded.size()) return false;
        folded[n++] = space ? ' ' : ascii_lower(c);
    }
    const std::string_view words(folded.data(), n);
    static constexpr std::array<std::string_view, 14> k_unknown = {
        "not known",   "unknown",      "undated", "date unknown", "n/k",           "nk",          "n.k",
        "not recorded", "tbc",         "t.b.c",   "date not known", "unknown date", "date not recorded", "not dated"};
    return std::any_of(k_unknown.begin(), k_unknown.end(), [&](std::string_view u) { return words == u; });
}

// [SECTION] Excel serials

DateParseResult date_from_excel_serial(double serial, bool system_1904, bool with_time,
                                       const DateParseOptions& options) {
    if (!std::isfinite(serial) || serial < 1.0 || serial > 2958465.0) {  // 9999-12-31
        char buf[32];
        const auto res = std::to_chars(buf, buf + sizeof buf, serial);  // shortest form: "9999999", not "9999999.000000"
        return fail("date-serial-invalid", "excel date serial " + std::string(buf, res.ptr) +
                                               " is out of range (1 to 2958465, which is 9999-12-31)");
    }
    // Times are rounded to the second (serials carry floating-point error: 14:30 is 0.60416...)
    // and shown to the minute as Excel shows them, by truncation; 23:59:59.7 carries into the next day.
    const std::int64_t seconds = with_time ? static_cast<std::int64_t>(std::llround(serial * 86400.0))
                                           : static_cast<std::int64_t>(std::floor(serial)) * 86400;
    const std::int64_t whole = seconds / 86400;
    const std::int64_t minutes = (seconds % 86400) / 60;
    std::int64_t days = 0;
    if (system_1904) {
        days = days_from_civil(1904, 1, 1) + whole;
    } else {
        if (whole == 60)
            return fail("date-invalid", "excel date serial 60 is 29 February 1900, which does not exist");
        days = whole < 60 ? days_from_civil(1899, 12, 31) + whole : days_from_civil(1899, 12, 30) + whole;
    }
    const date::year_month_day ymd{date::sys_days{date::days{days}}};
    FuzzyDate d = make_day(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                           static_cast<unsigned>(ymd.day()));
    if (with_time) {
        if (minutes > 0) {
            d.first.precision = Precision::Minute;
            d.first.hour = static_cast<std::uint8_t>(minutes / 60);
            d.first.minute = static_cast<std::uint8_t>(minutes % 60);
            d.earliest += minutes * 60;
            d.latest = d.earliest + 59;
            DateParseResult out;
            if (!resolve_local_time(d, format_date(d), options, out)) return out;
            out.date = d;
            return out;
        }
    }
    DateParseResult out;
    out.date = d;
    return out;
}

FuzzyDate make_day(std::int32_t year, unsigned month, unsigned day) {
    assert(day_exists(year, month, day));
    FuzzyDate d;
    d.first.year = year;
    d.first.month = static_cast<std::uint8_t>(month);
    d.first.day = static_cast<std::uint8_t>(day);
    d.first.precision = Precision::Day;
    const Bounds b = bounds_of(d.first);
    d.earliest = b.lo;
    d.latest = b.hi;
    return d;
}

FuzzyDate make_day_from_days(std::int32_t days) {
    const date::year_month_day ymd{date::sys_days{date::days{days}}};
    return make_day(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

const date::time_zone* default_zone() {
    static const date::time_zone* const zone = find_zone("Europe/London");
    return zone;
}

const date::time_zone* find_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::runtime_error&) {
        return nullptr;  // unknown zone name, or no tz database installed
    }
}

// [SECTION] Formatting

namespace {

void append_int(std::string& out, std::int64_t v, int width) {
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v < 0 ? -v : v);
    const auto len = static_cast<int>(res.ptr - buf);
    if (v < 0) out.push_back('-');
    for (int i = len; i < width; ++i) out.push_back('0');
    out.append(buf, res.ptr);
}

void append_point(std::string& out, const DatePoint& p) {
    if (p.precision == Precision::Season) {
        static constexpr std::array<std::string_view, 4> k_seasons = {"spring", "summer", "autumn", "winter"};
        out += k_seasons[p.month - 1u];
        out.push_back(' ');
        append_int(out, p.year, 4);
        return;
    }
    append_int(out, p.year, 4);
    if (p.precision == Precision::Year) return;
    out.push_back('-');
    append_int(out, p.month, 2);
    if (p.precision == Precision::Month) return;
    out.push_back('-');
    append_int(out, p.day, 2);
    if (p.precision == Precision::Day) return;
    out.push_back(' ');
    append_int(out, p.hour, 2);
    out.push_back(':');
    append_int(out, p.minute, 2);
}

}  // namespace

std::string format_date(const FuzzyDate& d) {
    std::string out;
    out.reserve(24);
    append_date(out, d);
    return out;
}

namespace {

// The part of a day an approximate range of minutes covers exactly ("morning" for 06:00 to 11:59
// of one day), if any: written that way, as people write it, and read back the same.
std::string_view part_of_day(const FuzzyDate& d) {
    static constexpr std::array<DayPart, 7> k_parts = {{{"early hours", 0, 5}, {"morning", 6, 11}, {"afternoon", 12, 17},
                                                        {"evening", 18, 21}, {"night", 22, 23}, {"am", 0, 11}, {"pm", 12, 23}}};
    const DatePoint& a = d.first;
    const DatePoint& b = d.second;
    if (d.kind != DateKind::Range || !d.approximate || a.precision != Precision::Minute ||
        b.precision != Precision::Minute || a.year != b.year || a.month != b.month || a.day != b.day ||
        a.minute != 0 || b.minute != 59)
        return {};
    for (const DayPart& p : k_parts)
        if (a.hour == p.from_hour && b.hour == p.to_hour) return p.name;
    return {};
}

}  // namespace

void append_date(std::string& out, const FuzzyDate& d) {
    if (const std::string_view part = part_of_day(d); !part.empty()) {
        DatePoint day = d.first;
        day.precision = Precision::Day;
        append_point(out, day);
        out += ' ';
        out += part;
        return;
    }
    if (d.kind == DateKind::Before) out += "before ";
    if (d.kind == DateKind::After) out += "after ";
    if (d.approximate) out.push_back('~');
    append_point(out, d.first);
    if (d.kind == DateKind::Range) {
        // "winter 2015/2016" would read back as one winter: that range is written with "to".
        const bool one_winter = d.first.precision == Precision::Season && d.first.month == 4 &&
                                d.second.precision == Precision::Year && d.second.year == d.first.year + 1;
        out += one_winter ? " to " : "/";
        append_point(out, d.second);
    }
}

std::string format_day(std::int32_t days) {
    const date::year_month_day ymd{date::sys_days{date::days{days}}};
    std::string out;
    out.reserve(10);
    append_int(out, static_cast<int>(ymd.year()), 4);
    out.push_back('-');
    append_int(out, static_cast<unsigned>(ymd.month()), 2);
    out.push_back('-');
    append_int(out, static_cast<unsigned>(ymd.day()), 2);
    return out;
}

std::string format_utc(const FuzzyDate& d) {
    const std::int64_t utc = d.utc_seconds();
    const std::int64_t day = utc >= 0 ? utc / k_seconds_per_day : (utc - k_seconds_per_day + 1) / k_seconds_per_day;
    const std::int64_t sec = utc - day * k_seconds_per_day;
    std::string out = format_day(static_cast<std::int32_t>(day));
    out.push_back('T');
    append_int(out, sec / 3600, 2);
    out.push_back(':');
    append_int(out, (sec / 60) % 60, 2);
    out.push_back(':');
    append_int(out, sec % 60, 2);
    out.push_back('Z');
    return out;
}

// [SECTION] Day arithmetic

std::int32_t days_from_civil(std::int32_t year, unsigned month, unsigned day) {
    const date::year_month_day ymd{date::year{year}, date::month{month}, date::day{day}};
    assert(ymd.ok());
    return static_cast<std::int32_t>(date::sys_days{ymd}.time_since_epoch().count());
}

std::int32_t add_years(std::int32_t day, std::int32_t years) {
    const date::year_month_day ymd{date::sys_days{date::days{day}}};
    date::year_month_day later = ymd + date::years{years};
    if (!later.ok()) later = later.year() / later.month() / date::last;
    return static_cast<std::int32_t>(date::sys_days{later}.time_since_epoch().count());
}

std::int32_t age_in_years(std::int32_t born_day, std::int32_t at_day) {
    const date::year_month_day b{date::sys_days{date::days{born_day}}};
    const date::year_month_day a{date::sys_days{date::days{at_day}}};
    std::int32_t years = static_cast<int>(a.year()) - static_cast<int>(b.year());
    if (a.month() < b.month() || (a.month() == b.month() && a.day() < b.day())) --years;
    return years;
}

std::int32_t age_in_months(std::int32_t born_day, std::int32_t at_day) {
    const date::year_month_day b{date::sys_days{date::days{born_day}}};
    const date::year_month_day a{date::sys_days{date::days{at_day}}};
    std::int32_t months = (static_cast<int>(a.year()) - static_cast<int>(b.year())) * 12 +
                          static_cast<std::int32_t>(static_cast<unsigned>(a.month())) -
                          static_cast<std::int32_t>(static_cast<unsigned>(b.month()));
    if (a.day() < b.day()) --months;
    return months;
}

std::int32_t year_of_day(std::int32_t days) {
    return static_cast<int>(date::year_month_day{date::sys_days{date::days{days}}}.year());
}

}  // namespace sightline::engine
