// Dates: the whole grammar of case-format §4, valid and invalid, as a table.
#include "sightline/engine/date.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "support/param_name.hpp"

using namespace sightline::engine;

namespace {

struct Valid {
    const char* text;
    const char* canonical;  // format_date
    const char* earliest;   // first possible day ("" for unbounded)
    const char* latest;     // last possible day ("" for unbounded)
};

void PrintTo(const Valid& v, std::ostream* os) {
    *os << ::testing::PrintToString(std::string(v.text)) << " reads as " << v.canonical << ", from "
        << (*v.earliest ? v.earliest : "unbounded") << " to " << (*v.latest ? v.latest : "unbounded");
}

std::string day_or_empty(std::int64_t seconds, bool unbounded) {
    if (unbounded) return "";
    const std::int64_t d = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    return format_day(static_cast<std::int32_t>(d));
}

class ValidDates : public ::testing::TestWithParam<Valid> {};

TEST_P(ValidDates, ParsesWithPrecisionKept) {
    const Valid& v = GetParam();
    const DateParseResult r = parse_date(v.text);
    ASSERT_TRUE(r.date) << v.text << ": " << (r.error ? r.error->message : "");
    EXPECT_EQ(format_date(*r.date), v.canonical);
    EXPECT_EQ(day_or_empty(r.date->earliest, r.date->earliest == k_unbounded_low), v.earliest) << v.text;
    EXPECT_EQ(day_or_empty(r.date->latest, r.date->latest == k_unbounded_high), v.latest) << v.text;
    // The canonical text reads back to the same date.
    const DateParseResult again = parse_date(format_date(*r.date));
    ASSERT_TRUE(again.date);
    EXPECT_EQ(*again.date, *r.date);
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, ValidDates,
    ::testing::Values(
        Valid{"2015-06-24", "2015-06-24", "2015-06-24", "2015-06-24"},
        Valid{"2015-06-24 14:30", "2015-06-24 14:30", "2015-06-24", "2015-06-24"},
        Valid{"2015-06-24T09:05", "2015-06-24 09:05", "2015-06-24", "2015-06-24"},
        Valid{"2015-06", "2015-06", "2015-06-01", "2015-06-30"},
        Valid{"2016-02", "2016-02", "2016-02-01", "2016-02-29"},
        Valid{"2015-02", "2015-02", "2015-02-01", "2015-02-28"},
        Valid{"2015", "2015", "2015-01-01", "2015-12-31"},
        Valid{"~2015-06", "~2015-06", "2015-06-01", "2015-06-30"},
        Valid{"~1994", "~1994", "1994-01-01", "1994-12-31"},
        Valid{"~2015-11-20", "~2015-11-20", "2015-11-20", "2015-11-20"},
        Valid{"2015-06-24/2015-06-30", "2015-06-24/2015-06-30", "2015-06-24", "2015-06-30"},
        Valid{"2015-06/2015-08", "2015-06/2015-08", "2015-06-01", "2015-08-31"},
        Valid{"spring 2015", "spring 2015", "2015-03-01", "2015-05-31"},
        Valid{"Summer 2015", "summer 2015", "2015-06-01", "2015-08-31"},
        Valid{"autumn 2015", "autumn 2015", "2015-09-01", "2015-11-30"},
        Valid{"winter 2015", "winter 2015", "2015-12-01", "2016-02-29"},
        Valid{"winter 2015/16", "winter 2015", "2015-12-01", "2016-02-29"},
        Valid{"spring 2015/summer 2015", "spring 2015/summer 2015", "2015-03-01", "2015-08-31"},
        Valid{"2015-06/autumn 2015", "2015-06/autumn 2015", "2015-06-01", "2015-11-30"},
        Valid{"spring 2015 to 2015-07-04", "spring 2015/2015-07-04", "2015-03-01", "2015-07-04"},
        Valid{"before 2015-07", "before 2015-07", "", "2015-06-30"},
        Valid{"after 2015-07", "after 2015-07", "2015-08-01", ""},
        Valid{"after 2015-07-31", "after 2015-07-31", "2015-08-01", ""},
        Valid{"  2015-06-24  ", "2015-06-24", "2015-06-24", "2015-06-24"},
        Valid{"2016-02-29", "2016-02-29", "2016-02-29", "2016-02-29"},
        // Ranges whose ends are seasons read back from their canonical text (found by fuzzing).
        Valid{"winter 1007 - 6007", "winter 1007/6007", "1007-12-01", "6007-12-31"},
        Valid{"spring 2015 to summer 2015", "spring 2015/summer 2015", "2015-03-01", "2015-08-31"},
        Valid{"2015/spring 2016", "2015/spring 2016", "2015-01-01", "2016-05-31"},
        Valid{"winter 2015/2016", "winter 2015", "2015-12-01", "2016-02-29"},
        Valid{"winter 2015 to 2016", "winter 2015 to 2016", "2015-12-01", "2016-12-31"},
        Valid{"2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29"}),
    [](const auto& p) { static sightline::test::ParamNames names; return names(p.param.text, p.index); });

struct Invalid {
    const char* text;
    const char* code;
    const char* message;
};

void PrintTo(const Invalid& v, std::ostream* os) {
    *os << ::testing::PrintToString(std::string(v.text)) << " is " << v.code;
}

class InvalidDates : public ::testing::TestWithParam<Invalid> {};

TEST_P(InvalidDates, ReportsCodeAndMessage) {
    const Invalid& v = GetParam();
    const DateParseResult r = parse_date(v.text);
    ASSERT_FALSE(r.date) << v.text;
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->code, v.code);
    EXPECT_EQ(r.error->message, v.message);
}

INSTANTIATE_TEST_SUITE_P(
    Grammar, InvalidDates,
    ::testing::Values(
        Invalid{"2015-02-30", "date-invalid", "date '2015-02-30' does not exist"},
        Invalid{"2015-02-29", "date-invalid", "date '2015-02-29' does not exist"},
        Invalid{"1900-02-29", "date-invalid", "date '1900-02-29' does not exist"},
        Invalid{"2015-13", "date-invalid", "date '2015-13' does not exist"},
        Invalid{"2015-04-31", "date-invalid", "date '2015-04-31' does not exist"},
        Invalid{"2015-06-24 25:00", "time-invalid", "time in '2015-06-24 25:00' does not exist"},
        Invalid{"2015-03-29 01:30", "time-nonexistent",
                "local time '2015-03-29 01:30' does not exist in Europe/London (the clocks went forward)"},
        Invalid{"2015-06-30/2015-06-24", "date-range-reversed", "date range '2015-06-30/2015-06-24' ends before it starts"},
        Invalid{"0999-01-01", "date-out-of-range", "date '0999-01-01' is outside the years 1000 to 9999"},
        Invalid{"", "date-missing", "date is empty"},
        Invalid{"yesterday", "date-syntax",
                "cannot read date 'yesterday'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
                "2015-06-24/2015-06-30 or before 2015-07"},
        Invalid{"24/06/2015", "date-syntax",
                "cannot read date '24/06/2015'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
                "2015-06-24/2015-06-30 or before 2015-07; day/month dates are read only from spreadsheets, where a "
                "column's order is known: write year-month-day (2015-06-24 if 24 is the day)"},
        Invalid{"31/02/2015", "date-syntax",
                "cannot read date '31/02/2015'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
                "2015-06-24/2015-06-30 or before 2015-07; day/month dates are read only from spreadsheets, where a "
                "column's order is known: write year-month-day"},
        Invalid{"2015-06-24 garbage", "date-syntax",
                "cannot read date '2015-06-24 garbage'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
                "2015-06-24/2015-06-30 or before 2015-07"},
        Invalid{"spring", "date-syntax",
                "cannot read date 'spring'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
                "2015-06-24/2015-06-30 or before 2015-07"},
        Invalid{"99999-01-01", "date-out-of-range", "date '99999-01-01' is outside the years 1000 to 9999"},
        Invalid{"99999", "date-out-of-range", "date '99999' is outside the years 1000 to 9999"},
        Invalid{"spring 2015/99999", "date-out-of-range", "date '99999' is outside the years 1000 to 9999"},
        Invalid{"9999999999999999999999-06", "date-out-of-range",
                "date '9999999999999999999999-06' is outside the years 1000 to 9999"}),
    [](const auto& p) { static sightline::test::ParamNames names; return names(p.param.text, p.index); });

TEST(Dates, AmbiguousAutumnTimeTakesTheFirstAndWarns) {
    const DateParseResult r = parse_date("2015-10-25 01:30");
    ASSERT_TRUE(r.date);
    ASSERT_TRUE(r.warning);
    EXPECT_EQ(r.warning->code, "time-ambiguous");
    EXPECT_EQ(r.warning->message,
              "local time '2015-10-25 01:30' happens twice in Europe/London (the clocks went back); the first is used");
    EXPECT_EQ(format_utc(*r.date), "2015-10-25T00:30:00Z");  // the first 01:30 is BST
}

TEST(Dates, LocalTimesConvertToUtcAcrossTheClockChange) {
    EXPECT_EQ(format_utc(*parse_date("2015-03-28 23:30").date), "2015-03-28T23:30:00Z");  // GMT
    EXPECT_EQ(format_utc(*parse_date("2015-03-29 03:15").date), "2015-03-29T02:15:00Z");  // BST
    EXPECT_EQ(format_utc(*parse_date("2015-06-21 23:40").date), "2015-06-21T22:40:00Z");
    EXPECT_EQ(format_utc(*parse_date("2015-10-25 02:30").date), "2015-10-25T02:30:00Z");  // GMT again
}

TEST(Dates, OtherZonesFollowTheirOwnRules) {
    DateParseOptions o;
    o.zone = find_zone("America/New_York");
    ASSERT_NE(o.zone, nullptr);
    EXPECT_EQ(format_utc(*parse_date("2015-06-24 14:30", o).date), "2015-06-24T18:30:00Z");
    EXPECT_EQ(parse_date("2015-03-08 02:30", o).error->code, "time-nonexistent");
    EXPECT_EQ(find_zone("Mars/Olympus"), nullptr);
}

TEST(Dates, SortKeyIsTheEarliestPossibleInstant) {
    const FuzzyDate month = *parse_date("2015-06").date;
    const FuzzyDate day = *parse_date("2015-06-02").date;
    const FuzzyDate timed = *parse_date("2015-06-01 09:00").date;
    const FuzzyDate year = *parse_date("2015").date;
    EXPECT_LT(year.sort_key(), month.sort_key());
    EXPECT_LT(month.sort_key(), timed.sort_key());
    EXPECT_LT(timed.sort_key(), day.sort_key());
    // "before" has no earliest: it sorts on the last day it can be.
    const FuzzyDate before = *parse_date("before 2015-07").date;
    EXPECT_EQ(format_day(before.sort_day()), "2015-06-30");
    EXPECT_EQ(format_day(parse_date("after 2015-07").date->sort_day()), "2015-08-01");
}

TEST(Dates, ApproximateAndSynonymQualifiers) {
    EXPECT_EQ(format_date(*parse_date("circa 2015").date), "~2015");
    EXPECT_EQ(format_date(*parse_date("?2015-06-24").date), "~2015-06-24");
    EXPECT_EQ(format_date(*parse_date("c. 2015-06").date), "~2015-06");
    EXPECT_EQ(format_date(*parse_date("Before 2015").date), "before 2015");
    EXPECT_EQ(format_date(*parse_date("2015-06-24 to 2015-06-30").date), "2015-06-24/2015-06-30");
    EXPECT_EQ(format_date(*parse_date("before ~2015-07").date), "before ~2015-07");
}

TEST(Dates, NamedMonthsAreReadEverywhere) {
    EXPECT_EQ(format_date(*parse_date("24 June 2015").date), "2015-06-24");
    EXPECT_EQ(format_date(*parse_date("June 2015").date), "2015-06");
    EXPECT_EQ(format_date(*parse_date("~3rd Sept 2015").date), "~2015-09-03");
    EXPECT_EQ(parse_date("31 June 2015").error->code, "date-invalid");
    EXPECT_EQ(parse_date("24/06/2015").error->code, "date-syntax");  // day/month order needs a column
}

TEST(Dates, SpreadsheetFormsNeedTheOption) {
    DateParseOptions sheet;
    sheet.spreadsheet_forms = true;
    struct Case {
        const char* text;
        const char* canonical;
    };
    for (const Case& c : {Case{"24/06/2015", "2015-06-24"}, Case{"24/06/15", "2015-06-24"},
                          Case{"24.06.2015", "2015-06-24"}, Case{"24 June 2015", "2015-06-24"},
                          Case{"24th Jun 2015", "2015-06-24"}, Case{"June 2015", "2015-06"},
                          Case{"Jun-15", "2015-06"}, Case{"Sept 2015", "2015-09"}, Case{"06/2015", "2015-06"},
                          Case{"1/2/2015", "2015-02-01"}, Case{"24/06/2015 14:30", "2015-06-24 14:30"},
                          Case{"~24/06/2015", "~2015-06-24"}, Case{"2015-06-24", "2015-06-24"},
                          Case{"spring 2015", "spring 2015"}, Case{"24-Jun-2015", "2015-06-24"},
                          Case{"12/03/93", "1993-03-12"}, Case{"June 24, 2015", "2015-06-24"}}) {
        const DateParseResult r = parse_date(c.text, sheet);
        ASSERT_TRUE(r.date) << c.text << ": " << (r.error ? r.error->message : "");
        EXPECT_EQ(format_date(*r.date), c.canonical) << c.text;
    }
    sheet.order = DateOrder::Mdy;
    EXPECT_EQ(format_date(*parse_date("06/24/2015", sheet).date), "2015-06-24");
    EXPECT_EQ(parse_date("24/06/2015", sheet).error->code, "date-invalid");
    sheet.order = DateOrder::Dmy;
    EXPECT_EQ(parse_date("31/02/2015", sheet).error->message, "date '31/02/2015' does not exist");
    // A year of five digits is out of range, said so, in any form.
    EXPECT_EQ(parse_date("24/06/99999", sheet).error->message, "date '24/06/99999' is outside the years 1000 to 9999");
    EXPECT_EQ(parse_date("24/06/99999", sheet).error->code, "date-out-of-range");
}

TEST(Dates, SlashEvidenceDecidesDayMonthOrder) {
    const SlashDateEvidence uk = slash_date_evidence("26/06/2015");
    EXPECT_TRUE(uk.is_slash_form);
    EXPECT_TRUE(uk.could_be_dmy);
    EXPECT_FALSE(uk.could_be_mdy);
    const SlashDateEvidence us = slash_date_evidence("06/26/2015");
    EXPECT_FALSE(us.could_be_dmy);
    EXPECT_TRUE(us.could_be_mdy);
    const SlashDateEvidence either = slash_date_evidence("01/02/2015");
    EXPECT_TRUE(either.could_be_dmy);
    EXPECT_TRUE(either.could_be_mdy);
    EXPECT_FALSE(either.same_either_way);
    EXPECT_TRUE(slash_date_evidence("05/05/2015").same_either_way);
    EXPECT_TRUE(slash_date_evidence("~26.06.15").could_be_dmy);
    EXPECT_FALSE(slash_date_evidence("2015-06-24").is_slash_form);
}

TEST(Dates, DateOrderNamesAndTwoDigitYearFirst) {
    EXPECT_EQ(parse_date_order("DMY"), DateOrder::Dmy);
    EXPECT_EQ(parse_date_order(" mdy "), DateOrder::Mdy);
    EXPECT_EQ(parse_date_order("ymd"), DateOrder::Ymd);
    EXPECT_EQ(parse_date_order("auto"), DateOrder::Auto);
    EXPECT_FALSE(parse_date_order("uk"));
    EXPECT_EQ(to_string(DateOrder::Dmy), "dmy");
    DateParseOptions ymd;
    ymd.spreadsheet_forms = true;
    ymd.order = DateOrder::Ymd;
    EXPECT_EQ(format_date(*parse_date("15/06/24", ymd).date), "2015-06-24");
    EXPECT_EQ(format_date(*parse_date("2015/06/24", ymd).date), "2015-06-24");
}

TEST(Dates, ExcelSerials1900And1904) {
    EXPECT_EQ(format_date(*date_from_excel_serial(42179, false, false).date), "2015-06-24");
    EXPECT_EQ(format_date(*date_from_excel_serial(1, false, false).date), "1900-01-01");
    EXPECT_EQ(format_date(*date_from_excel_serial(59, false, false).date), "1900-02-28");
    EXPECT_EQ(format_date(*date_from_excel_serial(61, false, false).date), "1900-03-01");
    const DateParseResult fake = date_from_excel_serial(60, false, false);
    ASSERT_TRUE(fake.error);
    EXPECT_EQ(fake.error->message, "excel date serial 60 is 29 February 1900, which does not exist");
    EXPECT_EQ(format_date(*date_from_excel_serial(40717, true, false).date), "2015-06-24");
    EXPECT_EQ(format_date(*date_from_excel_serial(42179.604166667, false, true).date), "2015-06-24 14:30");
    // Floating-point error in a serial does not lose a minute; seconds are truncated as Excel
    // shows them; a time that rounds to midnight is the next day.
    EXPECT_EQ(format_date(*date_from_excel_serial(42179.6041666, false, true).date), "2015-06-24 14:30");
    EXPECT_EQ(format_date(*date_from_excel_serial(42179.6046296, false, true).date), "2015-06-24 14:30");  // 14:30:40
    EXPECT_EQ(format_date(*date_from_excel_serial(42179.999999, false, true).date), "2015-06-25");
    EXPECT_TRUE(date_from_excel_serial(-5, false, false).error);
}

TEST(Dates, AgeInYears) {
    const std::int32_t born = days_from_civil(2010, 3, 20);
    EXPECT_EQ(age_in_years(born, days_from_civil(2015, 3, 19)), 4);
    EXPECT_EQ(age_in_years(born, days_from_civil(2015, 3, 20)), 5);
}

TEST(Dates, AgeInMonths) {
    const std::int32_t born = days_from_civil(2014, 10, 3);
    EXPECT_EQ(age_in_months(born, born), 0);
    EXPECT_EQ(age_in_months(born, days_from_civil(2014, 11, 2)), 0);
    EXPECT_EQ(age_in_months(born, days_from_civil(2014, 11, 3)), 1);
    EXPECT_EQ(age_in_months(born, days_from_civil(2015, 6, 1)), 7);
    EXPECT_EQ(age_in_months(born, days_from_civil(2016, 1, 16)), 15);
    // Born on the 31st: one month old on the last day of a shorter month is not yet reached.
    EXPECT_EQ(age_in_months(days_from_civil(2015, 1, 31), days_from_civil(2015, 2, 28)), 0);
    EXPECT_EQ(age_in_months(days_from_civil(2015, 1, 31), days_from_civil(2015, 3, 31)), 2);
}

TEST(Dates, YearOfDay) {
    EXPECT_EQ(year_of_day(days_from_civil(1969, 12, 31)), 1969);
    EXPECT_EQ(year_of_day(days_from_civil(2015, 1, 1)), 2015);
}

// [People's forms] What agencies type into Word and Excel templates (case-format A.1).

struct People {
    const char* text;
    bool sheet;             // needs spreadsheet_forms (a numeric day/month)
    const char* canonical;  // format_date
    const char* earliest;   // first possible local instant ("" for unbounded)
    const char* latest;     // last possible local instant ("" for unbounded)
    bool approximate;
    DateKind kind;
    Precision precision;    // of the first point
};

void PrintTo(const People& v, std::ostream* os) {
    *os << ::testing::PrintToString(std::string(v.text)) << (v.sheet ? " (in a spreadsheet)" : "") << " reads as "
        << v.canonical;
}

std::string instant_or_empty(std::int64_t seconds, bool unbounded) {
    if (unbounded) return "";
    const std::int64_t d = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const std::int64_t s = seconds - d * 86400;
    char hms[16];
    std::snprintf(hms, sizeof hms, " %02d:%02d:%02d", static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                  static_cast<int>(s % 60));
    return format_day(static_cast<std::int32_t>(d)) + hms;
}

constexpr DateKind k_point = DateKind::Point;
constexpr DateKind k_range = DateKind::Range;

const People k_people[] = {
    // Times after a day: 12am is 00:xx, 12pm is 12:xx; a dot may part hours and minutes.
    {"23/05/2016 10.30am", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10:30 am", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10.30 pm", true, "2016-05-23 22:30", "2016-05-23 22:30:00", "2016-05-23 22:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10am", true, "2016-05-23 10:00", "2016-05-23 10:00:00", "2016-05-23 10:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 1030hrs", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 1030 hrs", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10:30hrs", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10.30", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 noon", true, "2016-05-23 12:00", "2016-05-23 12:00:00", "2016-05-23 12:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 Midday", true, "2016-05-23 12:00", "2016-05-23 12:00:00", "2016-05-23 12:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 12 noon", true, "2016-05-23 12:00", "2016-05-23 12:00:00", "2016-05-23 12:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 midnight", true, "2016-05-23 00:00", "2016-05-23 00:00:00", "2016-05-23 00:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 12am", true, "2016-05-23 00:00", "2016-05-23 00:00:00", "2016-05-23 00:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 12.15am", true, "2016-05-23 00:15", "2016-05-23 00:15:00", "2016-05-23 00:15:59", false, k_point, Precision::Minute},
    {"23/05/2016 12pm", true, "2016-05-23 12:00", "2016-05-23 12:00:00", "2016-05-23 12:00:59", false, k_point, Precision::Minute},
    {"23/05/2016 12:45 PM", true, "2016-05-23 12:45", "2016-05-23 12:45:00", "2016-05-23 12:45:59", false, k_point, Precision::Minute},
    {"23/05/2016, 10:30", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 at 10:30", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23/05/2016 10:30:00 AM", true, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"2016-05-23 10.30am", false, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"2016-05-23 1030hrs", false, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23 May 2016 2.05 p.m.", false, "2016-05-23 14:05", "2016-05-23 14:05:00", "2016-05-23 14:05:59", false, k_point, Precision::Minute},
    // Parts of a day: approximate, from their first minute to their last; written as people write them.
    {"23/05/2016 morning", true, "2016-05-23 morning", "2016-05-23 06:00:00", "2016-05-23 11:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 afternoon", true, "2016-05-23 afternoon", "2016-05-23 12:00:00", "2016-05-23 17:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 evening", true, "2016-05-23 evening", "2016-05-23 18:00:00", "2016-05-23 21:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 night", true, "2016-05-23 night", "2016-05-23 22:00:00", "2016-05-23 23:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 am", true, "2016-05-23 am", "2016-05-23 00:00:00", "2016-05-23 11:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 PM", true, "2016-05-23 pm", "2016-05-23 12:00:00", "2016-05-23 23:59:59", true, k_range, Precision::Minute},
    {"23/05/2016 early hours", true, "2016-05-23 early hours", "2016-05-23 00:00:00", "2016-05-23 05:59:59", true, k_range, Precision::Minute},
    {"2016-05-23 Morning", false, "2016-05-23 morning", "2016-05-23 06:00:00", "2016-05-23 11:59:59", true, k_range, Precision::Minute},
    // A weekday before the day; ordinals, "of", any case.
    {"Mon 23rd May 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"Monday 23 May 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"Mon, 23/05/2016", true, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"monday the 23rd of may 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"Tues. 24 May 2016", false, "2016-05-24", "2016-05-24 00:00:00", "2016-05-24 23:59:59", false, k_point, Precision::Day},
    {"Mon 23rd May 2016 10.30am", false, "2016-05-23 10:30", "2016-05-23 10:30:00", "2016-05-23 10:30:59", false, k_point, Precision::Minute},
    {"23rd May 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"1st June 2016", false, "2016-06-01", "2016-06-01 00:00:00", "2016-06-01 23:59:59", false, k_point, Precision::Day},
    {"23rd of May 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"May 23rd, 2016", false, "2016-05-23", "2016-05-23 00:00:00", "2016-05-23 23:59:59", false, k_point, Precision::Day},
    {"22 may 2016", false, "2016-05-22", "2016-05-22 00:00:00", "2016-05-22 23:59:59", false, k_point, Precision::Day},
    // A week: seven whole days from the day (to it, for "week ending"), not approximate.
    {"w/c 06/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"w/c 6 June 2016", false, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"wc 06/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"week commencing 06/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"Week Beginning 06/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"week starting Mon 6th June 2016", false, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"w/b 06/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"W/C: 2016-06-06", false, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    {"w/c 28/12/2016", true, "2016-12-28/2017-01-03", "2016-12-28 00:00:00", "2017-01-03 23:59:59", false, k_range, Precision::Day},
    {"week ending 12/06/2016", true, "2016-06-06/2016-06-12", "2016-06-06 00:00:00", "2016-06-12 23:59:59", false, k_range, Precision::Day},
    // Parts of a month: approximate ranges of days.
    {"early June 2016", false, "~2016-06-01/2016-06-10", "2016-06-01 00:00:00", "2016-06-10 23:59:59", true, k_range, Precision::Day},
    {"mid June 2016", false, "~2016-06-11/2016-06-20", "2016-06-11 00:00:00", "2016-06-20 23:59:59", true, k_range, Precision::Day},
    {"mid-June 2016", false, "~2016-06-11/2016-06-20", "2016-06-11 00:00:00", "2016-06-20 23:59:59", true, k_range, Precision::Day},
    {"late June 2016", false, "~2016-06-21/2016-06-30", "2016-06-21 00:00:00", "2016-06-30 23:59:59", true, k_range, Precision::Day},
    {"late Feb 2016", false, "~2016-02-21/2016-02-29", "2016-02-21 00:00:00", "2016-02-29 23:59:59", true, k_range, Precision::Day},
    {"end of June 2016", false, "~2016-06-24/2016-06-30", "2016-06-24 00:00:00", "2016-06-30 23:59:59", true, k_range, Precision::Day},
    {"end of February 2015", false, "~2015-02-22/2015-02-28", "2015-02-22 00:00:00", "2015-02-28 23:59:59", true, k_range, Precision::Day},
    {"beginning of June 2016", false, "~2016-06-01/2016-06-07", "2016-06-01 00:00:00", "2016-06-07 23:59:59", true, k_range, Precision::Day},
    {"Start of June 2016", false, "~2016-06-01/2016-06-07", "2016-06-01 00:00:00", "2016-06-07 23:59:59", true, k_range, Precision::Day},
    // Parts of a year: approximate ranges of months (one month: a point).
    {"early 2016", false, "~2016-01/2016-04", "2016-01-01 00:00:00", "2016-04-30 23:59:59", true, k_range, Precision::Month},
    {"mid 2016", false, "~2016-05/2016-08", "2016-05-01 00:00:00", "2016-08-31 23:59:59", true, k_range, Precision::Month},
    {"mid-2016", false, "~2016-05/2016-08", "2016-05-01 00:00:00", "2016-08-31 23:59:59", true, k_range, Precision::Month},
    {"late 2016", false, "~2016-09/2016-12", "2016-09-01 00:00:00", "2016-12-31 23:59:59", true, k_range, Precision::Month},
    {"end of 2016", false, "~2016-12", "2016-12-01 00:00:00", "2016-12-31 23:59:59", true, k_point, Precision::Month},
    {"beginning of 2016", false, "~2016-01", "2016-01-01 00:00:00", "2016-01-31 23:59:59", true, k_point, Precision::Month},
    // A question mark before or after: approximate.
    {"?22 may 2016", false, "~2016-05-22", "2016-05-22 00:00:00", "2016-05-22 23:59:59", true, k_point, Precision::Day},
    {"22 may 2016?", false, "~2016-05-22", "2016-05-22 00:00:00", "2016-05-22 23:59:59", true, k_point, Precision::Day},
    {"2016?", false, "~2016", "2016-01-01 00:00:00", "2016-12-31 23:59:59", true, k_point, Precision::Year},
    {"June 2016 ?", false, "~2016-06", "2016-06-01 00:00:00", "2016-06-30 23:59:59", true, k_point, Precision::Month},
    {"23/05/2016 10am?", true, "~2016-05-23 10:00", "2016-05-23 10:00:00", "2016-05-23 10:00:59", true, k_point, Precision::Minute},
    // With ranges and qualifiers: a stretch's first point starts it, its last ends it.
    {"early June 2016 to late July 2016", false, "~2016-06-01/2016-07-31", "2016-06-01 00:00:00", "2016-07-31 23:59:59", true, k_range, Precision::Day},
    {"Mon 23 May 2016 to Fri 27 May 2016", false, "2016-05-23/2016-05-27", "2016-05-23 00:00:00", "2016-05-27 23:59:59", false, k_range, Precision::Day},
    {"before early June 2016", false, "before ~2016-06-01", "", "2016-05-31 23:59:59", true, DateKind::Before, Precision::Day},
    {"after w/c 6 June 2016", false, "after 2016-06-12", "2016-06-13 00:00:00", "", false, DateKind::After, Precision::Day},
};

DateParseOptions people_options(bool sheet) {
    DateParseOptions o;
    o.spreadsheet_forms = sheet;
    return o;
}

class PeopleForms : public ::testing::TestWithParam<People> {};

TEST_P(PeopleForms, ReadWithTheirEarliestLatestAndCanonicalText) {
    const People& v = GetParam();
    const DateParseResult r = parse_date(v.text, people_options(v.sheet));
    ASSERT_TRUE(r.date) << v.text << ": " << (r.error ? r.error->message : "");
    const FuzzyDate& d = *r.date;
    EXPECT_EQ(format_date(d), v.canonical) << v.text;
    EXPECT_EQ(instant_or_empty(d.earliest, d.earliest == k_unbounded_low), v.earliest) << v.text;
    EXPECT_EQ(instant_or_empty(d.latest, d.latest == k_unbounded_high), v.latest) << v.text;
    EXPECT_EQ(d.approximate, v.approximate) << v.text;
    EXPECT_EQ(d.kind, v.kind) << v.text;
    EXPECT_EQ(d.first.precision, v.precision) << v.text;
    EXPECT_FALSE(r.warning) << v.text;
    if (v.sheet) {
        EXPECT_EQ(parse_date(v.text).error->code, "date-syntax") << v.text;  // day/month needs a column
    }
}

INSTANTIATE_TEST_SUITE_P(DatesAsPeopleWriteThem, PeopleForms, ::testing::ValuesIn(k_people),
    [](const auto& p) { static sightline::test::ParamNames names; return names(p.param.text, p.index); });

// Every people's form is written out canonically, and that text reads back natively (no
// spreadsheet forms) as the same date, offsets included, in London and elsewhere.
TEST(Dates, EveryPeopleFormReadsBackFromItsCanonicalText) {
    for (const char* zone : {"Europe/London", "America/New_York"}) {
        for (const People& v : k_people) {
            DateParseOptions o = people_options(v.sheet);
            o.zone = find_zone(zone);
            ASSERT_NE(o.zone, nullptr);
            const DateParseResult r = parse_date(v.text, o);
            ASSERT_TRUE(r.date) << v.text;
            const std::string canonical = format_date(*r.date);
            DateParseOptions native;
            native.zone = o.zone;
            const DateParseResult back = parse_date(canonical, native);
            ASSERT_TRUE(back.date) << v.text << " -> " << canonical << ": " << back.error->message;
            EXPECT_EQ(*back.date, *r.date) << v.text << " -> " << canonical;
            EXPECT_EQ(back.date->approximate, r.date->approximate) << canonical;
            EXPECT_EQ(back.date->utc_offset_minutes, r.date->utc_offset_minutes) << canonical;
            EXPECT_EQ(back.date->earliest, r.date->earliest) << canonical;
            EXPECT_EQ(back.date->latest, r.date->latest) << canonical;
            EXPECT_EQ(format_date(*back.date), canonical);
        }
    }
    // Summer time is kept on both ends of a part of a day.
    EXPECT_EQ(parse_date("2016-05-23 morning").date->utc_offset_minutes, 60);
    EXPECT_EQ(parse_date("2016-12-23 morning").date->utc_offset_minutes, 0);
}

TEST(Dates, ReadsWeekCommencingAsSevenDays) {
    DateParseOptions sheet = people_options(true);
    for (const char* text : {"w/c 06/06/2016", "wc 06/06/2016", "W/C 06/06/2016", "w/b 06/06/2016", "wb 06/06/2016",
                             "week commencing 06/06/2016", "week beginning 06/06/2016", "Week Commencing: 06/06/2016",
                             "w/c 6 June 2016", "w/c Monday 6th June 2016"}) {
        const DateParseResult r = parse_date(text, sheet);
        ASSERT_TRUE(r.date) << text << ": " << (r.error ? r.error->message : "");
        EXPECT_EQ(format_date(*r.date), "2016-06-06/2016-06-12") << text;
        EXPECT_EQ(r.date->latest_day() - r.date->earliest_day(), 6) << text;
        EXPECT_FALSE(r.date->approximate) << text;
        EXPECT_FALSE(r.date->is_exact_day()) << text;
    }
    // The column's order applies to the day after the words.
    sheet.order = DateOrder::Mdy;
    EXPECT_EQ(format_date(*parse_date("w/c 06/13/2016", sheet).date), "2016-06-13/2016-06-19");
    // A week past the last year that can be read is out of range, as the year would be.
    const DateParseResult late = parse_date("w/c 30/12/9999", people_options(true));
    ASSERT_TRUE(late.error);
    EXPECT_EQ(late.error->code, "date-out-of-range");
    EXPECT_EQ(late.error->message, "date 'w/c 30/12/9999' is outside the years 1000 to 9999");
}

TEST(Dates, WrongWeekdayWarnsAndKeepsTheDate) {
    const DateParseResult r = parse_date("Tue 23rd May 2016");
    ASSERT_TRUE(r.date);
    EXPECT_EQ(format_date(*r.date), "2016-05-23");
    ASSERT_TRUE(r.warning);
    EXPECT_EQ(r.warning->code, "date-weekday");
    EXPECT_EQ(r.warning->message, "'Tue 23rd May 2016': 23 May 2016 was a Monday");
    EXPECT_FALSE(parse_date("Mon 23rd May 2016").warning);
    EXPECT_FALSE(parse_date("sun, 05/06/2016", people_options(true)).warning);
    const DateParseResult sheet = parse_date("Thurs 05/06/2016 10.30am", people_options(true));
    ASSERT_TRUE(sheet.warning);
    EXPECT_EQ(format_date(*sheet.date), "2016-06-05 10:30");
    EXPECT_EQ(sheet.warning->message, "'Thurs 05/06/2016 10.30am': 5 June 2016 was a Sunday");
    // Either end of a range.
    EXPECT_EQ(parse_date("Mon 23 May 2016 to Sat 27 May 2016").warning->message,
              "'Mon 23 May 2016 to Sat 27 May 2016': 27 May 2016 was a Friday");
    // A wrong weekday is the warning given over a repeated hour; the time still takes the first.
    const DateParseResult both = parse_date("Tue 30 Oct 2016 01:30");
    ASSERT_TRUE(both.date);
    EXPECT_EQ(both.warning->code, "date-weekday");
    EXPECT_EQ(both.warning->message, "'Tue 30 Oct 2016 01:30': 30 October 2016 was a Sunday");
    EXPECT_EQ(format_utc(*both.date), "2016-10-30T00:30:00Z");
}

TEST(Dates, ImpossibleTimesAsPeopleWriteThemAreTimeInvalid) {
    struct Case {
        const char* text;
        const char* code;
        const char* message;
    };
    for (const Case& c : {
             Case{"23/05/2016 25:00", "time-invalid", "time in '23/05/2016 25:00' does not exist"},
             Case{"23/05/2016 13pm", "time-invalid", "time in '23/05/2016 13pm' does not exist"},
             Case{"23/05/2016 10.75", "time-invalid", "time in '23/05/2016 10.75' does not exist"},
             Case{"23/05/2016 0am", "time-invalid", "time in '23/05/2016 0am' does not exist"},
             Case{"23/05/2016 2400hrs", "time-invalid", "time in '23/05/2016 2400hrs' does not exist"},
             Case{"23/05/2016 10 noon", "time-invalid", "time in '23/05/2016 10 noon' does not exist"},
             Case{"Mon 23 May 2016 10:60 am", "time-invalid", "time in 'Mon 23 May 2016 10:60 am' does not exist"},
             Case{"Mon 23/05/2016 12:00:99 noon", "time-invalid",
                  "time in 'Mon 23/05/2016 12:00:99 noon' does not exist"},
             Case{"23/05/2016 12:00:60 midday", "time-invalid", "time in '23/05/2016 12:00:60 midday' does not exist"},
             Case{"Mon 31 June 2016", "date-invalid", "date 'Mon 31 June 2016' does not exist"},
             Case{"27/03/2016 01.30am", "time-nonexistent",
                  "local time '27/03/2016 01.30am' does not exist in Europe/London (the clocks went forward)"},
         }) {
        const DateParseResult r = parse_date(c.text, people_options(true));
        ASSERT_TRUE(r.error) << c.text;
        EXPECT_EQ(r.error->code, c.code) << c.text;
        EXPECT_EQ(r.error->message, c.message);
    }
}

TEST(Dates, WhatStillCannotBeReadSaysWhatCan) {
    // Numeric day/month forms after words need a spreadsheet's column, as on their own.
    const DateParseResult native = parse_date("w/c 06/06/2016");
    ASSERT_TRUE(native.error);
    EXPECT_EQ(native.error->code, "date-syntax");
    EXPECT_EQ(native.error->message,
              "cannot read date 'w/c 06/06/2016'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
              "2015-06-24/2015-06-30 or before 2015-07; day/month dates are read only from spreadsheets, where a "
              "column's order is known: write year-month-day (2016-06-06 if 6 is the day)");
    EXPECT_EQ(parse_date("Mon, 23/05/2016 10am").error->message,
              "cannot read date 'Mon, 23/05/2016 10am'; expected a form such as 2015-06-24, 2015-06, ~2015, spring "
              "2015, 2015-06-24/2015-06-30 or before 2015-07; day/month dates are read only from spreadsheets, where "
              "a column's order is known: write year-month-day (2016-05-23 if 23 is the day)");
    const DateParseResult sheet = parse_date("23/05/2016 1030", people_options(true));
    ASSERT_TRUE(sheet.error);
    EXPECT_EQ(sheet.error->message,
              "cannot read date '23/05/2016 1030'; expected a form such as 2015-06-24, 2015-06, ~2015, spring 2015, "
              "2015-06-24/2015-06-30 or before 2015-07, 24/06/2015, 24 June 2015, Jun-15 or w/c 22/06/2015");
    for (const char* text : {"next Tuesday", "w/c 06/06/2016 10am", "early hours", "mid June", "Mon early June 2016",
                             "23/05/2016 10", "23/05/2016 morningish", "w/e 12/06/2016", "?", "2016 ??x"}) {
        const DateParseResult r = parse_date(text, people_options(true));
        ASSERT_TRUE(r.error) << text;
        EXPECT_EQ(r.error->code, "date-syntax") << text;
    }
}

TEST(Dates, PartsOfADayOrderByTheirStart) {
    const auto key = [](const char* text) { return parse_date(text).date->sort_key(); };
    EXPECT_EQ(key("2016-05-23"), key("2016-05-23 early hours"));
    EXPECT_EQ(key("2016-05-23 midnight"), key("2016-05-23 am"));
    EXPECT_LT(key("2016-05-23 early hours"), key("2016-05-23 morning"));
    EXPECT_LT(key("2016-05-23 morning"), key("2016-05-23 10.30am"));
    EXPECT_LT(key("2016-05-23 10.30am"), key("2016-05-23 afternoon"));
    EXPECT_EQ(key("2016-05-23 afternoon"), key("2016-05-23 noon"));
    EXPECT_LT(key("2016-05-23 afternoon"), key("2016-05-23 evening"));
    EXPECT_LT(key("2016-05-23 evening"), key("2016-05-23 night"));
    EXPECT_LT(key("2016-05-23 night"), key("2016-05-24 early hours"));
    const FuzzyDate night = *parse_date("2016-05-23 night").date;
    EXPECT_EQ(format_day(night.earliest_day()), "2016-05-23");
    EXPECT_EQ(format_day(night.latest_day()), "2016-05-23");
}

TEST(Dates, SlashEvidenceLooksPastWeekdaysAndWeeks) {
    EXPECT_TRUE(slash_date_evidence("Mon 13/06/2016").could_be_dmy);
    EXPECT_FALSE(slash_date_evidence("Mon 13/06/2016").could_be_mdy);
    EXPECT_TRUE(slash_date_evidence("w/c 06/13/2016").could_be_mdy);
    EXPECT_FALSE(slash_date_evidence("w/c 06/13/2016").could_be_dmy);
    const SlashDateEvidence either = slash_date_evidence("Tuesday, 01/02/2016 10am");
    EXPECT_TRUE(either.could_be_dmy && either.could_be_mdy);
    EXPECT_TRUE(slash_date_evidence("week commencing 06/06/2016").same_either_way);
    EXPECT_FALSE(slash_date_evidence("early June 2016").is_slash_form);
    EXPECT_FALSE(slash_date_evidence("Mon").is_slash_form);
}

TEST(Dates, UnknownDateTextIsRecognised) {
    for (const char* text : {"Not known", "UNKNOWN", " undated ", "Date unknown", "N/K", "nk", "not recorded", "?", "??",
                             "TBC", "date not known", "Unknown date", "(not known)", "N/K.", "- unknown -", "Not  known",
                             "n.k.", "\tnot recorded."}) {
        EXPECT_TRUE(is_unknown_date_text(text)) << text;
    }
    for (const char* text : {"", "   ", "2016-05-23", "known", "not", "unknown person", "tbc 2016", "w/c 06/06/2016",
                             "? 2016", "unknownn", "-", "not known at all, but probably spring 2016"}) {
        EXPECT_FALSE(is_unknown_date_text(text)) << text;
    }
}

}  // namespace

// The direct readings of 2015-06-24 and 24/06/2015 (with or without a time), and the cache of UTC
// offsets, give exactly what the general grammar gives: every day of three years, at times on
// either side of the clock changes, day or month first, valid or not.
TEST(Dates, FastPathsAndOffsetCacheAgreeWithTheGrammar) {
    ZoneOffsets offsets;
    int compared = 0;
    for (std::int32_t day = days_from_civil(2014, 1, 1); day <= days_from_civil(2016, 12, 31); ++day) {
        const std::string iso = format_day(day);
        const std::string uk = iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
        for (const std::string time : {"", " 00:00", " 00:59", " 01:00", " 01:30", " 01:59", " 02:00", " 12:00", " 23:59"}) {
            for (const std::string& text : {iso + time, uk + time, iso + "T" + time.substr(time.empty() ? 0 : 1)}) {
                for (const DateOrder order : {DateOrder::Dmy, DateOrder::Mdy, DateOrder::Auto}) {
                    DateParseOptions general;
                    general.spreadsheet_forms = true;
                    general.order = order;
                    general.fast_paths = false;
                    DateParseOptions fast = general;
                    fast.fast_paths = true;
                    fast.offsets = &offsets;
                    const DateParseResult a = parse_date(text, general), b = parse_date(text, fast);
                    ASSERT_EQ(a.date.has_value(), b.date.has_value()) << text;
                    if (a.date) {
                        ASSERT_EQ(*a.date, *b.date) << text;
                        ASSERT_EQ(a.date->utc_offset_minutes, b.date->utc_offset_minutes) << text;
                    } else {
                        ASSERT_EQ(a.error->code, b.error->code) << text;
                        ASSERT_EQ(a.error->message, b.error->message) << text;
                    }
                    ASSERT_EQ(a.warning.has_value(), b.warning.has_value()) << text;
                    ++compared;
                }
            }
        }
    }
    EXPECT_GT(compared, 80000);
    // People's forms: a clock time after a day as people write it takes a direct reading too
    // (read_people_time), and the rest never do; the same with the fast paths on or off, around
    // the clock changes too.
    for (std::int32_t day = days_from_civil(2016, 1, 1); day <= days_from_civil(2016, 12, 31); ++day) {
        const std::string iso = format_day(day);
        const std::string uk = iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
        for (const std::string& text :
             {uk + " 10.30am", iso + " 12pm", uk + ", noon", iso + " morning", uk + " early hours", "w/c " + uk,
              "Mon " + uk, "Sun, " + iso + " 01:30am", iso + "?", uk + " 1030hrs", uk + " 01.30", uk + " midnight",
              uk + " 2.30pm", uk + " 2.30 PM", uk + " 1.30am", uk + " 12am", uk + " 12.00pm", uk + " 14.30",
              uk + " 0130 hrs", uk + " 1430HRS", uk + " 10:30:00 AM", uk + " 10am", uk + " 12 noon",
              uk + " 25.30", uk + " 13.30pm", uk + " 2.3pm", uk + " 1430", uk + " 1430hrs?", uk + " 2.30pm-3pm",
              uk + " 2.30pm ", uk + "  14.30", iso + " 01.30", iso + "T01.30", uk + " at 14.30",
              uk + " 12:00:60 noon", iso + " 00:00:75 midnight", uk + " 12:00:59 midday"}) {
            for (const DateOrder order : {DateOrder::Dmy, DateOrder::Mdy}) {
                DateParseOptions general;
                general.spreadsheet_forms = true;
                general.order = order;
                general.fast_paths = false;
                DateParseOptions fast = general;
                fast.fast_paths = true;
                fast.offsets = &offsets;
                const DateParseResult a = parse_date(text, general), b = parse_date(text, fast);
                ASSERT_EQ(a.date.has_value(), b.date.has_value()) << text;
                if (a.date) {
                    ASSERT_EQ(*a.date, *b.date) << text;
                    ASSERT_EQ(a.date->utc_offset_minutes, b.date->utc_offset_minutes) << text;
                } else {
                    ASSERT_EQ(a.error->message, b.error->message) << text;
                }
                ASSERT_EQ(a.warning.has_value(), b.warning.has_value()) << text;
                if (a.warning) {
                    ASSERT_EQ(a.warning->message, b.warning->message) << text;
                }
            }
        }
    }
    // The skipped and repeated hours are still errors and warnings with the cache warm.
    DateParseOptions o;
    o.offsets = &offsets;
    EXPECT_EQ(parse_date("2015-03-29 01:30", o).error->code, "time-nonexistent");
    EXPECT_EQ(parse_date("2015-10-25 01:30", o).warning->code, "time-ambiguous");
    EXPECT_EQ(parse_date("2015-10-25 12:00", o).date->utc_offset_minutes, 0);
    EXPECT_EQ(parse_date("2015-10-24 12:00", o).date->utc_offset_minutes, 60);
}
