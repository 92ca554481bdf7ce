// Dates: the whole grammar of case-format §4, valid and invalid, as a table.
#include "sightline/engine/date.hpp"

#include <gtest/gtest.h>

using namespace sightline::engine;

namespace {

struct Valid {
    const char* text;
    const char* canonical;  // format_date
    const char* earliest;   // first possible day ("" for unbounded)
    const char* latest;     // last possible day ("" for unbounded)
};

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
        Valid{"2000-02-29", "2000-02-29", "2000-02-29", "2000-02-29"}));

struct Invalid {
    const char* text;
    const char* code;
    const char* message;
};

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
                "date '9999999999999999999999-06' is outside the years 1000 to 9999"}));

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
    // The skipped and repeated hours are still errors and warnings with the cache warm.
    DateParseOptions o;
    o.offsets = &offsets;
    EXPECT_EQ(parse_date("2015-03-29 01:30", o).error->code, "time-nonexistent");
    EXPECT_EQ(parse_date("2015-10-25 01:30", o).warning->code, "time-ambiguous");
    EXPECT_EQ(parse_date("2015-10-25 12:00", o).date->utc_offset_minutes, 0);
    EXPECT_EQ(parse_date("2015-10-24 12:00", o).date->utc_offset_minutes, 60);
}
