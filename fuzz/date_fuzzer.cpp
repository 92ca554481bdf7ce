// Fuzzes the date parser (case-format §4 and the spreadsheet forms), the day/month evidence used
// to decide a column's order, and Excel serials. The first byte picks the options; the rest is
// the text (and, for serials, its first eight bytes are the number).
//
// Besides not crashing, a date that parses must keep its promises: earliest <= latest, and its
// canonical text reads back as the same date.
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "sightline/engine/date.hpp"

using namespace sightline::engine;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1 || size > 4096) return 0;
    const std::uint8_t mode = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    DateParseOptions o;
    o.spreadsheet_forms = (mode & 1) != 0;
    o.order = static_cast<DateOrder>((mode >> 1) & 3);
    const DateParseResult r = parse_date(text, o);
    if (r.date.has_value() == r.error.has_value()) __builtin_trap();  // exactly one of them
    // The fast paths and a cache of offsets change nothing: the general grammar gives the same.
    DateParseOptions general = o;
    general.fast_paths = false;
    const DateParseResult g = parse_date(text, general);
    ZoneOffsets offsets;
    DateParseOptions cached = o;
    cached.offsets = &offsets;
    const DateParseResult first = parse_date(text, cached), second = parse_date(text, cached);
    for (const DateParseResult* other : {&g, &first, &second}) {
        if (other->date.has_value() != r.date.has_value()) __builtin_trap();
        if (r.date && (!(*other->date == *r.date) || other->date->utc_offset_minutes != r.date->utc_offset_minutes))
            __builtin_trap();
        if (r.error && (other->error->code != r.error->code || other->error->message != r.error->message)) __builtin_trap();
        if (other->warning.has_value() != r.warning.has_value()) __builtin_trap();
    }
    if (r.date) {
        const FuzzyDate& d = *r.date;
        if (d.earliest > d.latest) __builtin_trap();
        if (d.earliest_day() > d.latest_day()) __builtin_trap();
        (void)d.sort_key();
        (void)d.is_exact_day();
        const std::string canonical = format_date(d);
        const DateParseResult back = parse_date(canonical);
        if (!back.date || !(*back.date == d)) __builtin_trap();
        if (format_date(*back.date) != canonical) __builtin_trap();
        if (d.kind == DateKind::Point && d.first.precision == Precision::Minute) (void)format_utc(d);
    } else if (r.error->code.empty() || r.error->message.empty()) {
        __builtin_trap();
    }
    (void)is_unknown_date_text(text);
    const SlashDateEvidence e = slash_date_evidence(text);
    if (!e.is_slash_form && (e.could_be_dmy || e.could_be_mdy)) __builtin_trap();
    if (size >= 9) {
        double serial = 0;
        std::memcpy(&serial, data + 1, sizeof serial);
        const DateParseResult s = date_from_excel_serial(serial, (mode & 8) != 0, (mode & 16) != 0, o);
        if (s.date.has_value() == s.error.has_value()) __builtin_trap();
        if (s.date) {
            const DateParseResult back = parse_date(format_date(*s.date));
            if (!back.date || !(*back.date == *s.date)) __builtin_trap();
        }
    }
    return 0;
}
