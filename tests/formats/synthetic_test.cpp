// Generated cases written to disk and read back: the engine recovers every planted finding and
// invents none of the kinds the generator controls; generated corpora are what they claim.
#include "sightline/formats/synthetic.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <set>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using namespace sightline::engine;

namespace {

// Values as the key writes them.
std::string text(std::int64_t n) { return std::to_string(n); }
std::string text(const std::string& s) { return s; }
std::string text(DayValue d) { return format_day(d.day); }
template <class E>
    requires std::is_enum_v<E>
std::string text(E word) {
    return std::string(to_string(word));
}
std::string text(const std::vector<std::string>& list) {
    std::string out;
    for (const std::string& item : list) out += item + ";";
    return out;
}
template <class T>
std::string text(const std::optional<T>& v) {
    return v ? text(*v) : "null";
}

// A finding's identity for comparison: its kind and the fields that say what was found.
std::string key(const Case& c, const Finding& f) {
    std::string out(to_string(f.kind()));
    const auto add = [&](std::string_view name, const std::string& value) { out += " " + std::string(name) + "=" + value; };
    if (const auto* p = f.as<UnseenPeriodFinding>()) {
        add("child", c.person(p->child).id);
        add("from", text(p->from));
        add("to", text(p->to));
        add("days", text(p->days));
        add("agency_kind", text(p->agency_kind));
    } else if (const auto* g = f.as<GapFinding>()) {
        add("from", text(g->from));
        add("to", text(g->to));
        add("days", text(g->days));
        add("agency", text(g->agency));
    } else if (const auto* m = f.as<MoveFinding>()) {
        add("date", text(m->date));
        add("from_area", text(m->from_area));
        add("to_area", text(m->to_area));
    } else if (const auto* t = f.as<TransferFinding>()) {
        add("date", text(t->date));
        add("from_area", text(t->from_area));
        add("to_area", text(t->to_area));
        add("agency_kind", text(t->agency_kind));
        add("status", text(t->status));
        add("first_contact_days", text(t->first_contact_days));
        add("old_side", text(t->old_side));
    } else if (const auto* n = f.as<MisroutedNotificationFinding>()) {
        add("date", text(n->date));
        add("from_agency", text(n->from_agency));
        add("to_agency", text(n->to_agency));
        add("child_area", text(n->child_area));
        add("days_until_right_area", text(n->days_until_right_area));
    } else if (const auto* a = f.as<InvisibleAdultFinding>()) {
        add("person", a->person ? c.person(*a->person).id : "null");
        add("count", text(a->count));
        add("agencies", text(a->agencies));
    }
    return out;
}

bool exact_kind(FindingKind k) {
    return k == FindingKind::UnseenPeriod || k == FindingKind::Gap || k == FindingKind::Move || k == FindingKind::Transfer ||
           k == FindingKind::MisroutedNotification || k == FindingKind::InvisibleAdult;
}

std::multiset<std::string> keys(const Case& c, const std::vector<Finding>& findings) {
    std::multiset<std::string> out;
    for (const Finding& f : findings)
        if (exact_kind(f.kind())) out.insert(key(c, f));
    return out;
}

}  // namespace

TEST(Synthetic, GeneratingIsDeterministic) {
    const SyntheticCase a = generate_case(7), b = generate_case(7), c = generate_case(8);
    ASSERT_EQ(a.c.chronology.entries.size(), b.c.chronology.entries.size());
    for (std::size_t i = 0; i < a.c.chronology.entries.size(); ++i)
        EXPECT_EQ(entry_id(a.c.chronology.entries[i]), entry_id(b.c.chronology.entries[i]));
    EXPECT_EQ(keys(a.c, a.truth), keys(b.c, b.truth));
    EXPECT_NE(a.story + a.c.info.title + std::to_string(a.c.chronology.entries.size()),
              c.story + c.c.info.title + std::to_string(c.c.chronology.entries.size()));
}

// The measure the generator exists for: over 40 cases, every planted unseen period, gap, move,
// transfer (status and days), misrouted notification and invisible adult is found exactly, none
// of those kinds is invented, and every incident recorded by several agencies is one cluster.
TEST(Synthetic, EngineRecoversEveryPlantedFindingAndInventsNone) {
    test::TempDir dir;
    std::size_t planted = 0, recovered = 0, invented = 0, incidents = 0, incidents_found = 0, clusters = 0,
                stray_clusters = 0;
    std::map<std::string, std::size_t> by_kind;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const SyntheticCase s = generate_case(seed);
        const std::string folder = dir.file("case-" + std::to_string(seed));
        formats::write_synthetic_case(s, folder, seed);
        const Case c = formats::load_case(folder);
        // What was written reads back as it was generated: no problems, the same entries in the same order.
        EXPECT_TRUE(c.diagnostics.empty()) << (c.diagnostics.empty() ? "" : c.diagnostics.items().front().message);
        ASSERT_EQ(c.chronology.entries.size(), s.c.chronology.entries.size());
        for (std::size_t i = 0; i < c.chronology.entries.size(); ++i)
            ASSERT_EQ(entry_id(c.chronology.entries[i]), entry_id(s.c.chronology.entries[i])) << "entry " << i;

        const std::vector<Finding> found = analyse(c);
        const std::multiset<std::string> want = keys(s.c, s.truth), got = keys(c, found);
        for (const std::string& k : want) {
            ++planted;
            ++by_kind[k.substr(0, k.find(' '))];
            if (got.count(k)) ++recovered;
            else ADD_FAILURE() << "not found: " << k;
        }
        for (const std::string& k : got)
            if (!want.count(k)) {
                ++invented;
                ADD_FAILURE() << "not planted: " << k;
            }
        // Incidents: each planted one lies inside one cluster; clusters with no planted incident are strays.
        std::vector<std::set<EntryIndex>> found_clusters;
        for (const Finding& f : found)
            if (f.kind() == FindingKind::Corroboration) found_clusters.emplace_back(f.entries.begin(), f.entries.end());
        clusters += found_clusters.size();
        std::vector<bool> matched(found_clusters.size(), false);
        for (const Finding& t : s.truth) {
            if (t.kind() != FindingKind::Corroboration) continue;
            ++incidents;
            for (std::size_t k = 0; k < found_clusters.size(); ++k)
                if (std::all_of(t.entries.begin(), t.entries.end(), [&](EntryIndex e) { return found_clusters[k].count(e) > 0; })) {
                    matched[k] = true;
                    ++incidents_found;
                    break;
                }
        }
        stray_clusters += static_cast<std::size_t>(std::count(matched.begin(), matched.end(), false));
    }
    std::cout << "[ synthetic ] 40 cases: recovered " << recovered << " of " << planted
              << " planted findings (unseen periods, gaps, moves, transfers, misrouted notifications, invisible adults), "
              << invented << " invented;";
    for (const auto& [kind, n] : by_kind) std::cout << " " << kind << " " << n;
    std::cout << "\n[ synthetic ] incidents: " << incidents_found << " of " << incidents << " found as one cluster; "
              << stray_clusters << " of " << clusters << " clusters hold no planted incident\n";
    EXPECT_EQ(recovered, planted);
    EXPECT_EQ(invented, 0u);
    EXPECT_EQ(incidents_found, incidents);
    // Same-day records by different agencies sometimes look alike; they stay rare.
    EXPECT_LE(stray_clusters * 10, clusters);
    // The cases plant enough of each kind for the measure to mean something.
    EXPECT_GE(by_kind["transfer"], 40u);
    EXPECT_GE(by_kind["unseen_period"], 40u);
    EXPECT_GE(by_kind["invisible_adult"], 3u);
    EXPECT_GE(by_kind["misrouted_notification"], 3u);
    EXPECT_GE(incidents, 40u);
}

TEST(Synthetic, TruthJsonHasTheCheckShape) {
    const SyntheticCase s = generate_case(3);
    std::string out;
    formats::write_truth_json(s, 3, out);
    EXPECT_EQ(out.rfind("{\"sightline\":1,\"case\":\"", 0), 0u);
    EXPECT_NE(out.find("\"seed\":3,\"findings\":["), std::string::npos);
    EXPECT_NE(out.find("{\"kind\":\"unseen_period\",\"child\":\""), std::string::npos);
    EXPECT_NE(out.find("\"message\":"), std::string::npos);
    // A transfer states what the truth computes, in the check's order, and nothing it does not
    // (threshold, first_contact, old_agency...).
    const std::regex any_transfer("\\{\"kind\":\"transfer\",");
    const std::regex stated_transfer(
        "\\{\"kind\":\"transfer\",\"date\":\"[-0-9]+\",\"from_area\":\"[^\"]+\",\"to_area\":\"[^\"]+\","
        "\"agency_kind\":\"[a-z_]+\",\"status\":\"(ok|late|missed)\",\"first_contact_days\":(null|[0-9]+),"
        "\"old_side\":\"[a-z_]+\",\"entries\":");
    const auto count = [&](const std::regex& r) {
        return std::distance(std::sregex_iterator(out.begin(), out.end(), r), std::sregex_iterator());
    };
    EXPECT_GT(count(any_transfer), 0);
    EXPECT_EQ(count(stated_transfer), count(any_transfer));
}

TEST(Synthetic, CorpusHasTheRowsAndFilesItClaims) {
    test::TempDir dir;
    CorpusOptions o;
    o.agencies = 3;
    o.rows = 500;
    const formats::CorpusWritten w = formats::write_corpus(o, dir.path(), 2);
    EXPECT_EQ(w.rows, 1500u);
    std::uintmax_t bytes = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir.file("agencies"))) bytes += f.file_size();
    EXPECT_EQ(w.bytes, bytes);
    const Case c = formats::load_case(dir.path());
    EXPECT_TRUE(c.diagnostics.empty()) << (c.diagnostics.empty() ? "" : c.diagnostics.items().front().message);
    EXPECT_EQ(c.chronology.entries.size(), 1500u);
    EXPECT_EQ(c.sources.size(), 3u);
    // The same options write the same files, whatever the number of threads.
    test::TempDir again;
    formats::write_corpus(o, again.path(), 1);
    for (const CorpusAgency& a : corpus_agencies(o)) {
        std::ifstream x(dir.file(a.file), std::ios::binary), y(again.file(a.file), std::ios::binary);
        EXPECT_EQ(std::string(std::istreambuf_iterator<char>(x), {}), std::string(std::istreambuf_iterator<char>(y), {}));
    }
}

// [SECTION] The realistic corpus

namespace {

CorpusOptions realistic_options() {
    CorpusOptions o;
    o.agencies = 6;  // the four layouts, the four styles of time, every vocabulary and separator
    o.rows = 400;
    o.shape = CorpusShape::Realistic;
    return o;
}

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

// A realistic corpus merges whole: every row an entry (no diagnostic at all), each agency named,
// with its kind and area, by its mapping file only, rows out of date order in every file, and
// each row's date, time, child seen and people read as the generator meant them.
TEST(Synthetic, RealisticCorpusMergesEveryRowWithAgenciesFromTheMappingsOnly) {
    test::TempDir dir;
    const CorpusOptions o = realistic_options();
    const formats::CorpusWritten w = formats::write_corpus(o, dir.path(), 2);
    EXPECT_EQ(w.rows, o.agencies * o.rows);
    const std::string manifest = file_text(dir.file("case.yaml"));
    EXPECT_EQ(manifest.find("agencies:"), std::string::npos) << manifest;
    const auto agencies = corpus_agencies(o);
    for (const CorpusAgency& a : agencies) {
        EXPECT_EQ(manifest.find(a.name), std::string::npos) << a.name;  // named by its mapping only
        const std::string mapping = file_text(dir.file(a.file.substr(0, a.file.size() - 4) + ".mapping.yaml"));
        EXPECT_NE(mapping.find("agency: \"" + a.name + "\""), std::string::npos) << mapping;
    }

    const Case c = formats::load_case(dir.path());
    EXPECT_TRUE(c.diagnostics.empty()) << (c.diagnostics.empty() ? "" : c.diagnostics.items().front().message);
    ASSERT_EQ(c.chronology.entries.size(), o.agencies * o.rows);
    ASSERT_EQ(c.sources.size(), o.agencies);
    for (const Source& s : c.sources) {
        EXPECT_EQ(s.counts.rows_read, o.rows) << s.path;
        EXPECT_EQ(s.counts.entries_made, o.rows) << s.path;
        EXPECT_EQ(s.counts.rows_rejected, 0u) << s.path;
    }
    // The agencies are the mappings' and nothing else: none registered, each with its kind and area.
    ASSERT_EQ(c.agencies.size(), agencies.size());
    for (const CorpusAgency& a : agencies) {
        const auto it = std::find_if(c.agencies.begin(), c.agencies.end(), [&](const Agency& x) { return x.name == a.name; });
        ASSERT_NE(it, c.agencies.end()) << a.name;
        EXPECT_FALSE(it->registered) << a.name;
        EXPECT_FALSE(it->kind_inferred) << a.name;
        EXPECT_EQ(it->kind, a.kind) << a.name;
        EXPECT_EQ(c.area_name(it->area), a.area) << a.name;
    }

    // Each source's entries in file order, against the rows the generator made.
    std::map<std::string, std::vector<const Entry*>> by_file;
    for (const Entry& e : c.chronology.entries) by_file[c.sources[index_of(e.where.source)].path].push_back(&e);
    std::size_t timed = 0, alone = 0, not_recorded = 0;
    for (std::uint32_t a = 0; a < o.agencies; ++a) {
        std::vector<const Entry*>& entries = by_file[agencies[a].file];
        ASSERT_EQ(entries.size(), o.rows) << agencies[a].file;
        std::sort(entries.begin(), entries.end(), [](const Entry* x, const Entry* y) { return x->where.line < y->where.line; });
        CorpusRows gen(o, a);
        std::vector<CorpusRow> rows(o.rows);
        for (CorpusRow& row : rows) ASSERT_TRUE(gen.next(row));
        const std::vector<std::uint32_t> order = corpus_file_order(o, a);
        std::size_t out_of_order = 0;
        for (std::size_t k = 0; k < entries.size(); ++k) {
            const Entry& e = *entries[k];
            const CorpusRow& row = rows[order[k]];
            EXPECT_EQ(e.where.line, k + 2);
            EXPECT_EQ(c.agency_name(e.agency), agencies[a].name);
            EXPECT_EQ(e.date.earliest_day(), row.day) << agencies[a].file << ":" << e.where.line;
            if (row.timed) {
                ++timed;
                EXPECT_EQ(e.date.first.precision, Precision::Minute) << agencies[a].file << ":" << e.where.line;
                EXPECT_EQ(e.date.first.hour * 60 + e.date.first.minute, row.minute) << agencies[a].file << ":" << e.where.line;
            } else {
                EXPECT_EQ(e.date.first.precision, Precision::Day) << agencies[a].file << ":" << e.where.line;
            }
            const ChildSeen seen = c.chronology.seen(e, 0);
            const ChildSeen meant = row.child_seen == "Y" ? (row.alone ? ChildSeen::SeenAlone : ChildSeen::Seen)
                                    : row.child_seen == "N" ? ChildSeen::NotSeen
                                                            : ChildSeen::NotRecorded;
            EXPECT_EQ(seen, meant) << agencies[a].file << ":" << e.where.line;
            alone += seen == ChildSeen::SeenAlone;
            not_recorded += seen == ChildSeen::NotRecorded;
            const auto subjects = c.chronology.subjects_of(e);
            EXPECT_EQ(subjects.size(), row.people.empty() ? 0 : std::count(row.people.begin(), row.people.end(), ';') + 1);
            for (const SubjectRef& s : subjects) EXPECT_FALSE(is_none(s.person)) << s.text;
            if (k > 0 && e.date.earliest_day() < entries[k - 1]->date.earliest_day()) ++out_of_order;
        }
        EXPECT_GT(out_of_order, 0u) << agencies[a].file << " is in date order";
    }
    const std::size_t total = o.agencies * o.rows;
    EXPECT_GT(timed, total * 3 / 10);
    EXPECT_LT(timed, total * 5 / 10);
    EXPECT_GT(alone, 0u);
    EXPECT_GT(not_recorded, 0u);
}

// Read one source after another or on two threads, a realistic corpus (whose agencies come from
// its mappings) merges to the same CSV, byte for byte.
TEST(Synthetic, RealisticCorpusMergesToTheSameCsvOnOneThreadOrTwo) {
    test::TempDir dir;
    CorpusOptions o = realistic_options();
    o.agencies = 12;
    o.rows = 1500;
    formats::write_corpus(o, dir.path(), 2);
    formats::LoadOptions one, two;
    one.threads = 1;
    two.threads = 2;
    std::string serial, parallel;
    formats::write_chronology_csv(formats::load_case(dir.path(), one), serial);
    formats::write_chronology_csv(formats::load_case(dir.path(), two), parallel);
    EXPECT_EQ(std::count(serial.begin(), serial.end(), '\n'), 12 * 1500 + 1);
    EXPECT_TRUE(serial == parallel);  // not EXPECT_EQ: a failure would print megabytes
    // The same options write the same files, whatever the number of threads.
    test::TempDir again;
    formats::write_corpus(o, again.path(), 1);
    for (const auto& f : std::filesystem::directory_iterator(dir.file("agencies")))
        EXPECT_EQ(file_text(f.path().string()), file_text(again.file("agencies/" + f.path().filename().string())))
            << f.path().filename();
}
