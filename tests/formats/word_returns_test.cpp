// The sample's Word returns against the same agencies' native chronologies: three template styles,
// no type column, dates and times as people write them and rows nobody could date, read with
// nothing lost, to the same dated chronology, the same unseen periods and the same patterns.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "support/native_sample.hpp"
#include "support/printed.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::TempDir;

namespace fs = std::filesystem;

namespace {

const std::string k_sample = std::string(SIGHTLINE_SOURCE_DIR) + "/samples/child-r";

// Word's typographic quotes as straight ones: the returns keep what autocorrect typed, which the
// native files wrote plainly.
std::string plain_quotes(std::string_view text) {
    std::string out(text);
    for (const char* curly : {"\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C", "\xE2\x80\x9D"}) {
        const char straight = curly[2] == '\x98' || curly[2] == '\x99' ? '\'' : '"';
        for (std::size_t at; (at = out.find(curly)) != std::string::npos;) out.replace(at, 3, 1, straight);
    }
    return out;
}

// What a reviewer reads of a dated entry, whatever its source's format.
using Line = std::tuple<std::string, std::string, std::string, std::string, std::string>;
std::multiset<Line> dated_lines(const Case& c) {
    std::multiset<Line> out;
    for (const Entry& e : c.chronology.entries)
        out.insert({format_date(e.date), std::string(c.agency_name(e.agency)),
                    std::string(c.area_name(e.area)), plain_quotes(e.summary),
                    formats::child_seen_text(c, e)});
    return out;
}

// Unseen periods (who, from, to, how long: the first sentence of each) and patterns, as messages.
std::multiset<std::string> unseen_and_patterns(const Case& c) {
    std::multiset<std::string> out;
    for (const Finding& f : analyse(c)) {
        switch (f.kind()) {
            case FindingKind::UnseenPeriod:
                out.insert(f.message.substr(0, f.message.find(". ")));
                break;
            case FindingKind::MissedAppointments:
            case FindingKind::RepeatedDomesticAbuse:
            case FindingKind::Rereferral:
            case FindingKind::InfantInjury:
            case FindingKind::PractitionerChanges:
                out.insert(f.message);
                break;
            default:
                break;
        }
    }
    return out;
}

std::vector<std::string> problems(const Case& c) {
    std::vector<std::string> out;
    for (const Diagnostic& d : c.diagnostics.items()) out.push_back(formats::format_diagnostic(d));
    return out;
}

}  // namespace

TEST(WordReturns, ReadLikeTheNativeChronologiesWithNothingLost) {
    const Case word = formats::load_case(k_sample);
    TempDir dir;
    const Case native = sightline::test::load_native_sample(dir);
    EXPECT_FALSE(word.diagnostics.has_errors()) << joined(problems(word));
    EXPECT_FALSE(native.diagnostics.has_errors()) << joined(problems(native));

    // Every row of every return is an entry: none rejected, every undated row kept.
    std::size_t undated = 0;
    for (const Source& s : word.sources) {
        EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;
        EXPECT_EQ(s.counts.rows_rejected, 0u) << s.path;
        if (s.format == "docx") {
            EXPECT_EQ(s.counts.undated, 1u) << s.path;  // each return has one row its writer could not date
            undated += s.counts.undated;
        }
    }
    EXPECT_EQ(word.chronology.undated.size(), undated);
    EXPECT_EQ(undated, 3u);
    for (const Entry& e : word.chronology.undated)
        EXPECT_EQ(word.sources[index_of(e.where.source)].format, "docx");

    // No type column in any return: every Word entry's type was read from its words.
    std::size_t inferred = 0, from_word = 0;
    word.chronology.for_each_entry([&](const Entry& e) {
        if (word.sources[index_of(e.where.source)].format != "docx") return;
        ++from_word;
        inferred += e.type_inferred ? 1 : 0;
    });
    EXPECT_EQ(inferred, from_word);
    EXPECT_EQ(from_word, 14u + 6u + 5u + 3u);

    // The same dated chronology: date, agency, area, words and child seen, entry for entry.
    EXPECT_EQ(dated_lines(word), dated_lines(native));
    // The same unseen periods and patterns.
    const auto found = unseen_and_patterns(word);
    EXPECT_EQ(found, unseen_and_patterns(native));
    EXPECT_EQ(
        found.count(
            "No professional saw Riley for 81 days, from 2015-07-13 to 2015-10-02 (threshold 21 days for a "
            "baby under 1)"),
        1u);
}
