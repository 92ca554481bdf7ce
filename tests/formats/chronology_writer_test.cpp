// Chronology outputs: JSON fields of case-format §8, CSV quoting, Markdown escaping.
#include "sightline/formats/chronology_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/synthetic.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using sightline::test::TempDir;

namespace {

engine::Case small_case(TempDir& dir) {
    dir.write("case.yaml", R"(sightline: 1
case: {title: "Child A", index_children: [child-a]}
people:
  - {id: child-a, name: "Child A", born: 2014-10}
  - {id: mother, name: Mother}
entries:
  - {date: ~2015-06, agency: Southvale Police, type: police_incident, summary: "DA incident, \"loud\" | shouting", subjects: [mother, Uncle Mick], child_seen: not_seen, to: [Eastmere CSC], ref: "CAD 1"}
  - {date: 2015-06-24 14:30, agency: Southvale Police, type: supervision, summary: "line one\nline two"}
)");
    return formats::load_case(dir.path());
}

TEST(ChronologyWriter, JsonHasTheContractFields) {
    TempDir dir;
    const engine::Case c = small_case(dir);
    std::string out;
    formats::write_merge_json(c, out);
    EXPECT_NE(out.find(R"("sightline":1,"case":"Child A","entries":[)"), std::string::npos);
    EXPECT_NE(out.find(R"("date":"~2015-06","precision":"month","earliest":"2015-06-01","latest":"2015-06-30")"),
              std::string::npos);
    EXPECT_NE(out.find(R"("agency":"Southvale Police","agency_kind":"police","area":null,"type":"police_incident")"),
              std::string::npos);
    EXPECT_NE(out.find(R"("subjects":["mother","Uncle Mick"],"child_seen":{"child-a":"not_seen"},"to":["Eastmere CSC"])"),
              std::string::npos);
    EXPECT_NE(out.find(R"("ref":"CAD 1","source":"case.yaml:7")"), std::string::npos);
    EXPECT_NE(out.find(R"("utc":"2015-06-24T13:30:00Z")"), std::string::npos);
    EXPECT_NE(out.find(R"("type":"other","type_as_written":"supervision")"), std::string::npos);
    EXPECT_NE(out.find(R"("child_seen":{"child-a":"not_recorded"})"), std::string::npos);
    EXPECT_NE(out.find(R"("rows_read":2,"entries_made":2,"rows_rejected":0)"), std::string::npos);
}

TEST(ChronologyWriter, CsvQuotesWhatNeedsQuoting) {
    TempDir dir;
    const engine::Case c = small_case(dir);
    std::string out;
    formats::write_chronology_csv(c, out);
    EXPECT_EQ(out.substr(0, out.find("\r\n")),
              "Date,Agency,Agency kind,Area,Type,Summary,Other fields,People,Child seen,To,Ref,Source,Id,Review notes");
    EXPECT_NE(out.find("~2015-06,Southvale Police,police,,Police incident,\"DA incident, \"\"loud\"\" | shouting\",,"
                       "Mother; Uncle Mick,Not seen,Eastmere CSC,CAD 1,case.yaml:7,"),
              std::string::npos);
    EXPECT_NE(out.find("\"line one\nline two\""), std::string::npos);
}

TEST(ChronologyWriter, MarkdownEscapesPipesAndNewlines) {
    TempDir dir;
    const engine::Case c = small_case(dir);
    std::string out;
    formats::write_chronology_markdown(c, out);
    EXPECT_NE(out.find("| 1 | ~2015-06 | Southvale Police |  | Police incident | DA incident, \"loud\" \\| shouting | "
                       "Mother; Uncle Mick | Not seen | case.yaml:7 |  |"),
              std::string::npos);
    EXPECT_NE(out.find("line one<br>line two"), std::string::npos);
    EXPECT_NE(out.find("Review notes"), std::string::npos);
}

// The reference path (sources read in turn, the reference merge) and the accelerated one (sources
// read at once, the accelerated merge, which a case this large takes on two threads) write the
// same CSV byte for byte, repeated rows (the same content in two files, and twice in one) included.
TEST(ChronologyWriter, ReferenceAndAcceleratedPathsWriteTheSameCsv) {
    test::TempDir dir;
    engine::CorpusOptions o;
    o.agencies = 3;
    o.rows = 25000;  // 75,000 entries: past where the accelerated merge starts
    formats::write_corpus(o, dir.path(), 1);
    // Repeated content: the same rows twice in one extra file, and once more in another.
    dir.write("agencies/zz-repeats.csv", "Date,Time,Type,Summary\n03/02/2014,09:00,contact,same words\n"
                                         "03/02/2014,09:00,contact,same words\n01/01/2014,08:00,contact,first\n");
    dir.write("agencies/aa-repeats.csv", "Date,Time,Type,Summary\n03/02/2014,09:00,contact,same words\n");
    std::string manifest;
    {
        std::ifstream in(dir.file("case.yaml"));
        manifest.assign(std::istreambuf_iterator<char>(in), {});
    }
    manifest += "  - {file: agencies/zz-repeats.csv, agency: Eastmere Police}\n"
                "  - {file: agencies/aa-repeats.csv, agency: Eastmere Police}\n";
    dir.write("case.yaml", manifest);

    engine::Case reference = formats::load_case(dir.path(), {.threads = 1});
    std::string expected;
    formats::write_chronology_csv(reference, expected);
    std::size_t repeats = 0;
    for (const engine::Entry& e : reference.chronology.entries) repeats += e.id_suffix != 0;
    EXPECT_EQ(repeats, 2u);  // -2 and -3 of "same words"

    engine::Case accelerated = formats::load_case(dir.path(), {.threads = 2});
    for (unsigned threads : {1u, 2u}) {
        std::string got;
        formats::write_chronology_csv(accelerated, [&](std::string_view bytes) { got.append(bytes); }, threads);
        EXPECT_EQ(got, expected) << threads << " threads";
    }
}

}  // namespace

namespace {

// The CSV of a case written in pieces on several threads is the CSV written at once.
TEST(ChronologyWriter, CsvInPiecesOnSeveralThreadsIsTheSame) {
    test::TempDir dir;
    engine::CorpusOptions o;
    o.agencies = 3;
    o.rows = 7000;  // several pieces of 4096 rows
    formats::write_corpus(o, dir.path(), 1);
    const engine::Case c = formats::load_case(dir.path());
    std::string whole;
    formats::write_chronology_csv(c, whole);
    for (unsigned threads : {1u, 2u, 4u}) {
        std::string pieces;
        std::size_t count = 0;
        formats::write_chronology_csv(c, [&](std::string_view bytes) {
            pieces.append(bytes);
            ++count;
        }, threads);
        EXPECT_EQ(pieces, whole) << threads << " threads";
        EXPECT_GE(count, 6u);
    }
    EXPECT_EQ(static_cast<std::size_t>(std::count(whole.begin(), whole.end(), '\n')), 21001u);
}

}  // namespace

namespace {

// A write that fails (a full disk) stops the formatting on every thread and reaches the caller;
// nothing after it is written.
TEST(ChronologyWriter, CsvWriteFailureStopsEveryThread) {
    test::TempDir dir;
    engine::CorpusOptions o;
    o.agencies = 3;
    o.rows = 7000;  // six pieces
    formats::write_corpus(o, dir.path(), 1);
    const engine::Case c = formats::load_case(dir.path());
    for (unsigned threads : {1u, 2u, 4u}) {
        std::size_t writes = 0;
        EXPECT_THROW(formats::write_chronology_csv(c, [&](std::string_view) {
            if (++writes == 3) throw std::runtime_error("No space left on device");
        }, threads), std::runtime_error) << threads << " threads";
        EXPECT_EQ(writes, 3u) << threads << " threads";
    }
}

}  // namespace

namespace {

// Splits CSV text into rows of cells (RFC 4180, as the writer quotes).
std::vector<std::vector<std::string>> csv_cells(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') cell += text[++i];
            else if (ch == '"') quoted = false;
            else cell += ch;
        } else if (ch == '"') {
            quoted = true;
        } else if (ch == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (ch == '\r') {
        } else if (ch == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
        } else {
            cell += ch;
        }
    }
    rows.pop_back();
    return rows;
}

// Dates of every kind and precision read back as format_date writes them, and lists of people
// and agencies are quoted exactly when the joined cell needs it.
TEST(ChronologyWriter, CsvDatesOfEveryKindAndListsThatNeedQuotes) {
    engine::Case c;
    // Sources whose paths need quoting with a line after them, or not.
    for (const char* path : {"a.yaml", " lead.csv", "trail.csv ", "a,b.csv", "q\"uote.csv"})
        c.sources.push_back({path, path, "csv", {}, {}});
    const engine::AgencyId police = c.intern_agency("Eastmere Police");
    const engine::AgencyId odd = c.intern_agency("Westvale, Children's Services");
    const std::vector<std::string> dates = {"2015-06-24", "2015-06-24 14:30", "2015-06", "2015", "~2015-06-24",
                                            "spring 2015", "before 2015-06-24", "2015-06-01/2015-06-30",
                                            "after 2015-06-24 10:00", "2015-06-24 00:00", "winter 2015/2016"};
    const std::vector<std::vector<std::string>> people = {{"Smith, John", "Mum"}, {" Lee", "Mum"}, {"Mum", "Dad "},
                                                          {"Mum", " Lee"}, {"Say \"Hi\""}, {}, {"Mum"}, {"", "Mum"},
                                                          {"Mum", ""}, {"A"}, {"B", "C"}};
    for (std::size_t i = 0; i < dates.size(); ++i) {
        engine::Entry e;
        const auto parsed = engine::parse_date(dates[i]);
        ASSERT_TRUE(parsed.date) << dates[i];
        e.date = *parsed.date;
        e.summary = c.chronology.text.store("x");
        e.agency = police;
        e.where = {static_cast<engine::SourceId>(i % 5), i % 3 ? static_cast<std::uint32_t>(i + 2) : 0u, 1};
        e.subjects.begin = static_cast<std::uint32_t>(c.chronology.subjects.size());
        for (const std::string& name : people[i]) c.chronology.subjects.push_back({engine::k_none<engine::PersonId>, c.chronology.text.store(name)});
        e.subjects.count = static_cast<std::uint32_t>(people[i].size());
        e.to.begin = static_cast<std::uint32_t>(c.chronology.recipients.size());
        if (i % 2) c.chronology.recipients.push_back(odd);
        if (i % 3) c.chronology.recipients.push_back(police);
        e.to.count = static_cast<std::uint32_t>(c.chronology.recipients.size()) - e.to.begin;
        c.chronology.entries.push_back(e);
    }
    for (const unsigned threads : {1u, 2u}) {
        std::string csv;
        formats::write_chronology_csv(c, [&](std::string_view bytes) { csv.append(bytes); }, threads);
        const auto rows = csv_cells(csv);
        ASSERT_EQ(rows.size(), dates.size() + 1);
        for (std::size_t i = 0; i < dates.size(); ++i) {
            const engine::Entry& e = c.chronology.entries[i];
            EXPECT_EQ(rows[i + 1][0], engine::format_date(e.date)) << dates[i];
            std::string joined, to;
            for (const std::string& name : people[i]) joined += (joined.empty() ? "" : "; ") + name;
            EXPECT_EQ(rows[i + 1][7], joined) << i;
            const std::string& path = c.sources[index_of(e.where.source)].path;
            EXPECT_EQ(rows[i + 1][11], e.where.line ? path + ":" + std::to_string(e.where.line) : path) << i;
            for (const engine::AgencyId a : c.chronology.to_of(e)) to += (to.empty() ? "" : "; ") + std::string(c.agency_name(a));
            EXPECT_EQ(rows[i + 1][9], to) << i;
        }
        // Quoted exactly when needed: a comma, a quote, or a space at either end of the whole cell.
        EXPECT_NE(csv.find(",\"Smith, John; Mum\","), std::string::npos);
        EXPECT_NE(csv.find(",\" Lee; Mum\","), std::string::npos);
        EXPECT_NE(csv.find(",\"Mum; Dad \","), std::string::npos);
        EXPECT_NE(csv.find(",Mum;  Lee,"), std::string::npos);
        EXPECT_NE(csv.find(",\"Say \"\"Hi\"\"\","), std::string::npos);
        EXPECT_NE(csv.find(",\"Mum; \","), std::string::npos);
        EXPECT_NE(csv.find(",Mum,Not recorded,"), std::string::npos);  // an empty first name: no separator
        // Source cells: quoted as "path:line" would be (a trailing space is not the cell's end).
        EXPECT_NE(csv.find(",trail.csv :4,"), std::string::npos);
        EXPECT_NE(csv.find(",\" lead.csv:3\","), std::string::npos);
        EXPECT_NE(csv.find(",\"a,b.csv:10\","), std::string::npos);
        EXPECT_NE(csv.find(",\"q\"\"uote.csv:6\","), std::string::npos);
        EXPECT_NE(csv.find(",\" lead.csv\","), std::string::npos);  // no line: the path alone, quoted
        EXPECT_NE(csv.find("\n2015-06-24 00:00,"), std::string::npos);
    }
}

}  // namespace
