// Spreadsheet sources as a case reads them: finding mappings, overrides from the manifest, the
// same chronology in YAML, CSV and XLSX, and accounting for every row in every reader.
#include "sightline/formats/spreadsheet.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <random>

#include "sightline/engine/merge.hpp"
#include "support/printed.hpp"
#include "support/sheet_case.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::load_sheet_case;
using sightline::test::printed;
using sightline::test::TempDir;

namespace {

// (ref, canonical date, agency, id) of every entry, in merged order.
std::vector<std::string> identity(const Case& c) {
    std::vector<std::string> out;
    for (const Entry& e : c.chronology.entries)
        out.push_back(std::string(e.ref) + " | " + format_date(e.date) + " | " + std::string(c.agency_name(e.agency)) +
                      " | " + entry_id(e));
    return out;
}

struct Row {
    const char* ref;
    int y, m, d;
    const char* agency;
    const char* type;
    const char* summary;
};

constexpr Row k_rows[] = {
    {"P-1", 2015, 6, 26, "Metropolitan Police", "police_incident", "Call out, shouting"},
    {"H-1", 2015, 2, 1, "Ealing Health Visiting", "home_visit", "New birth visit"},
    {"G-7", 2015, 12, 3, "Brook Lane Clinic", "gp_consultation", "Cough"},
    {"P-2", 2015, 1, 2, "Metropolitan Police", "notification", "Notification sent"},
};

TEST(Spreadsheet, SameChronologyInYamlCsvAndXlsx) {
    TempDir dir;
    // Native YAML: one file per agency.
    std::string sources;
    for (const char* agency : {"Metropolitan Police", "Ealing Health Visiting", "Brook Lane Clinic"}) {
        std::string yaml = "sightline: 1\nagency: \"" + std::string(agency) + "\"\nentries:\n";
        for (const Row& r : k_rows) {
            if (std::string(r.agency) != agency) continue;
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", r.y, r.m, r.d);
            yaml += "  - {ref: \"" + std::string(r.ref) + "\", date: " + date + ", type: " + r.type + ", summary: \"" +
                    r.summary + "\"}\n";
        }
        const std::string name = "agencies/" + std::to_string(sources.size()) + ".yaml";
        dir.write(name, yaml);
        sources += "  - " + name + "\n";
    }
    const Case from_yaml = load_sheet_case(dir, sources);
    ASSERT_TRUE(from_yaml.diagnostics.empty()) << joined(printed(from_yaml, dir));

    // One CSV with an Agency column and UK dates.
    std::string csv = "Ref,Date,Agency,Type,Details\n";
    for (const Row& r : k_rows) {
        char date[16];
        std::snprintf(date, sizeof date, "%02d/%02d/%04d", r.d, r.m, r.y);
        csv += std::string(r.ref) + "," + date + "," + r.agency + "," + r.type + ",\"" + r.summary + "\"\n";
    }
    dir.write("agencies/all.csv", csv);
    const Case from_csv = load_sheet_case(dir, "  - agencies/all.csv\n");
    ASSERT_TRUE(from_csv.diagnostics.empty()) << joined(printed(from_csv, dir));

    // One XLSX with real Excel date cells.
    lxw_workbook* wb = workbook_new(dir.file("agencies/all.xlsx").c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    lxw_format* date_format = workbook_add_format(wb);
    format_set_num_format(date_format, "dd/mm/yyyy");
    const char* header[] = {"Ref", "Date", "Agency", "Type", "Details"};
    for (lxw_col_t i = 0; i < 5; ++i) worksheet_write_string(ws, 0, i, header[i], nullptr);
    lxw_row_t n = 1;
    for (const Row& r : k_rows) {
        lxw_datetime dt = {r.y, r.m, r.d, 0, 0, 0};
        worksheet_write_string(ws, n, 0, r.ref, nullptr);
        worksheet_write_datetime(ws, n, 1, &dt, date_format);
        worksheet_write_string(ws, n, 2, r.agency, nullptr);
        worksheet_write_string(ws, n, 3, r.type, nullptr);
        worksheet_write_string(ws, n, 4, r.summary, nullptr);
        ++n;
    }
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
    const Case from_xlsx = load_sheet_case(dir, "  - agencies/all.xlsx\n");
    ASSERT_TRUE(from_xlsx.diagnostics.empty()) << joined(printed(from_xlsx, dir));

    EXPECT_EQ(identity(from_yaml).size(), 4u);
    EXPECT_EQ(identity(from_csv), identity(from_yaml));
    EXPECT_EQ(identity(from_xlsx), identity(from_yaml));
}

TEST(Spreadsheet, MappingBesideTheSheetOrNamedInTheManifest) {
    TempDir dir;
    dir.write("agencies/police.csv", "When,What,Said\n2015-06-24,contact,a\n");
    dir.write("agencies/police.mapping.yaml", "agency: Metropolitan Police\ncolumns: {date: When, type: What, summary: Said}\n");
    dir.write("maps/other.yaml", "agency: Brook Lane Clinic\ncolumns: {date: When, type: What, summary: Said}\n");
    const Case beside = load_sheet_case(dir, "  - agencies/police.csv\n");
    ASSERT_EQ(beside.chronology.entries.size(), 1u) << joined(printed(beside, dir));
    EXPECT_EQ(beside.agency_name(beside.chronology.entries[0].agency), "Metropolitan Police");
    const Case named = load_sheet_case(dir, "  - {file: agencies/police.csv, mapping: maps/other.yaml}\n");
    ASSERT_EQ(named.chronology.entries.size(), 1u) << joined(printed(named, dir));
    EXPECT_EQ(named.agency_name(named.chronology.entries[0].agency), "Brook Lane Clinic");
    // The manifest's source item wins over the mapping.
    const Case over = load_sheet_case(dir, "  - {file: agencies/police.csv, agency: Ealing Health Visiting}\n");
    EXPECT_EQ(over.agency_name(over.chronology.entries[0].agency), "Ealing Health Visiting");
    const Case missing = load_sheet_case(dir, "  - {file: agencies/police.csv, mapping: maps/none.yaml}\n");
    EXPECT_EQ(printed(missing, dir),
              (std::vector<std::string>{"case.yaml:16:5: error: cannot read mapping 'maps/none.yaml' for "
                                        "'agencies/police.csv': No such file or directory [mapping-missing]"}));
}

TEST(Spreadsheet, ReadSpreadsheetOutsideACase) {
    TempDir dir;
    dir.write("a.csv", "Date,Type,Summary\n24/06/2015,contact,a\n");
    Case c;
    formats::SpreadsheetOptions o;
    o.path = dir.file("a.csv");
    o.agency = "Metropolitan Police";
    o.date_order = "dmy";
    const SourceId id = formats::read_spreadsheet(c, o);
    EXPECT_EQ(index_of(id), 0u);
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    EXPECT_EQ(c.sources[0].counts.entries_made, 1u);
    EXPECT_TRUE(formats::is_spreadsheet("X.XLSX"));
    EXPECT_FALSE(formats::is_spreadsheet("x.yaml"));
}

// Seeded damage to a good file: whatever happens, rows read = entries made + rows rejected.
TEST(Spreadsheet, EveryReaderAccountsForEveryRowOfMalformedFiles) {
    TempDir dir;
    std::string good = "Ref,Date,Type,Summary,Child seen\n";
    for (int i = 0; i < 40; ++i)
        good += "R" + std::to_string(i) + "," + std::to_string(1 + i % 28) + "/0" + std::to_string(1 + i % 9) +
                "/2015,contact,\"text, " + std::to_string(i) + "\",Y\n";
    std::mt19937 rng(20151108);
    const std::string junk = ",\"\n\r;#x/";
    for (int round = 0; round < 60; ++round) {
        std::string bad = good;
        for (int k = 0; k < 6; ++k) {
            const std::size_t at = 34 + rng() % (bad.size() - 34);
            bad[at] = junk[rng() % junk.size()];
        }
        dir.write("agencies/a.csv", bad);
        dir.write("agencies/b.yaml", "sightline: 1\nagency: X\nentries:\n  - {date: 2015-02-30, type: a, summary: b}\n"
                                     "  - {date: 2015-02-03, type: a, summary: b}\n  - 7\n");
        const Case c = load_sheet_case(dir, "  - {file: agencies/a.csv, agency: Metropolitan Police, date_order: dmy}\n"
                                            "  - agencies/b.yaml\n");
        for (const Source& s : c.sources)
            EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path << " round " << round;
        EXPECT_EQ(c.sources[1].counts.rows_read, 3u);
        std::uint64_t made = 0;
        for (const Source& s : c.sources) made += s.counts.entries_made;
        EXPECT_EQ(made, c.chronology.entries.size());
    }
}

// The mid-size corpus of the issue: 10 agencies x 5,000 rows, every row accounted for.
TEST(Spreadsheet, MidSizeCorpusReadsWithEveryRowAccountedFor) {
    TempDir dir;
    std::string sources;
    std::mt19937 rng(42);
    auto pick = [&](unsigned n) { return static_cast<unsigned>(rng() % n); };
    for (int a = 0; a < 10; ++a) {
        std::string csv = "Ref,Date,Time,Type,Details,People involved,Child seen?\n";
        csv.reserve(5000 * 120);
        for (int i = 0; i < 5000; ++i) {
            char line[256];
            const unsigned day = 1 + pick(28), month = 1 + pick(12), year = 2013 + pick(3);
            std::snprintf(line, sizeof line, "A%d-%05d,%02u/%02u/%u,%02u:%02u,%s,\"Visit %d, notes \"\"quoted\"\"\",Mum; Baby A,%s\n",
                          a, i, day, month, year, pick(24), pick(60), i % 3 ? "home visit" : "phone call", i,
                          i % 2 ? "Y" : "N");
            csv += line;
        }
        if (a == 3) csv += "A3-bad,31/02/2015,10:00,home visit,impossible date,,Y\n";
        const std::string name = "agencies/agency" + std::to_string(a) + ".csv";
        dir.write(name, csv);
        sources += "  - {file: " + name + ", agency: Agency " + std::to_string(a) + ", date_order: dmy}\n";
    }
    const Case c = load_sheet_case(dir, sources);
    std::uint64_t read = 0, made = 0, rejected = 0;
    for (const Source& s : c.sources) {
        EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;
        read += s.counts.rows_read;
        made += s.counts.entries_made;
        rejected += s.counts.rows_rejected;
    }
    EXPECT_EQ(read, 50001u);
    EXPECT_EQ(made, 50000u);
    EXPECT_EQ(rejected, 1u);
    EXPECT_EQ(c.chronology.entries.size(), 50000u);
    EXPECT_EQ(c.diagnostics.error_count(), 1u);
}

}  // namespace
