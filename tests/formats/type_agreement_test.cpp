// How often the type read from an entry's words agrees with the type its agency wrote, on the
// sample case and on generated cases (docs/analyses.md, "Types read from the words"). Prints the
// table the docs quote:
//   ./build/h/tests/formats_tests --gtest_filter='InferTypeAgreement*'
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sightline/engine/generate.hpp"
#include "sightline/engine/type_inference.hpp"
#include "sightline/engine/findings.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "support/native_sample.hpp"

using namespace sightline;
using namespace sightline::engine;

namespace {

// Per written type: how many entries, how many read right, and what the others were read as.
struct Agreement {
    struct Row {
        std::size_t count = 0, right = 0;
        std::map<std::string, std::size_t> wrong;  // inferred type -> entries
    };
    std::map<std::string, Row> rows;
    std::size_t entries = 0, right = 0;
    std::size_t tagged_da = 0, tagged_da_found = 0, untagged = 0, untagged_flagged = 0;
    std::vector<std::string> must_but_missed;  // entries the patterns rest on, not recovered

    void add(const Case& c, const Entry& e) {
        add(e.type, c.chronology.has_tag(e, "domestic_abuse"), e.summary, c.agency_kind(e.agency));
    }

    void add(EntryType type, bool da, std::string_view summary, AgencyKind kind) {
        const std::string written(to_string(type));
        const InferredType got = infer_entry_type(summary, kind);
        const std::string inferred(to_string(got.type));
        Row& r = rows[written];
        ++r.count;
        ++entries;
        if (inferred == written) {
            ++r.right;
            ++right;
        } else {
            ++r.wrong[inferred];
        }
        (da ? tagged_da : untagged) += 1;
        if (da && got.domestic_abuse) ++tagged_da_found;
        if (!da && got.domestic_abuse) ++untagged_flagged;
        // What the patterns rest on: missed appointments, no-access visits, notifications, and
        // police incidents of domestic abuse (type and flag).
        const bool must = type == EntryType::MissedAppointment || type == EntryType::NoAccessVisit ||
                          type == EntryType::Notification || (type == EntryType::PoliceIncident && da);
        const bool recovered = got.type == type && (type != EntryType::PoliceIncident || got.domestic_abuse);
        if (must && !recovered)
            must_but_missed.push_back(written + (da ? " [domestic_abuse]" : "") + " read as " + inferred +
                                      (got.domestic_abuse ? " [domestic_abuse]" : "") + ": " +
                                      std::string(summary));
    }

    double overall() const {
        return entries == 0 ? 0.0 : 100.0 * static_cast<double>(right) / static_cast<double>(entries);
    }

    // The table as docs/analyses.md shows it, most frequent written types first.
    std::string table(const std::string& title) const {
        std::vector<std::pair<std::string, const Row*>> order;
        for (const auto& [name, row] : rows) order.emplace_back(name, &row);
        std::stable_sort(order.begin(), order.end(),
                         [](const auto& a, const auto& b) { return a.second->count > b.second->count; });
        std::string out = "### " + title +
                          "\n\n| written type | entries | read right | most common wrong reading |\n"
                          "|---|---:|---:|---|\n";
        char buf[64];
        for (const auto& [name, row] : order) {
            std::string worst = "-";
            std::size_t most = 0;
            for (const auto& [w, n] : row->wrong)
                if (n > most) {
                    most = n;
                    worst = w + " (" + std::to_string(n) + ")";
                }
            std::snprintf(buf, sizeof buf, "%zu (%.0f%%)", row->right,
                          100.0 * static_cast<double>(row->right) / static_cast<double>(row->count));
            out += "| " + name + " | " + std::to_string(row->count) + " | " + buf + " | " + worst + " |\n";
        }
        std::snprintf(buf, sizeof buf, "%zu (%.1f%%)", right, overall());
        out += "| **all** | " + std::to_string(entries) + " | " + buf + " | |\n\n";
        out += "Domestic abuse: " + std::to_string(tagged_da_found) + " of " + std::to_string(tagged_da) +
               " entries tagged `domestic_abuse` flagged; " + std::to_string(untagged_flagged) + " of " +
               std::to_string(untagged) + " untagged entries flagged.\n";
        return out;
    }
};

}  // namespace

TEST(InferTypeAgreement, SampleChildR) {
    // The agencies' native files, types as they wrote them (the sample's Word returns have none).
    sightline::test::TempDir dir;
    const Case c = sightline::test::load_native_sample(dir);
    Agreement a;
    for (const Entry& e : c.chronology.entries) a.add(c, e);
    std::cout << a.table("samples/child-r") << '\n';
    for (const std::string& m : a.must_but_missed) ADD_FAILURE() << "not recovered: " << m;
    // Floors a little under what the rules achieve (79.1% of types, 18 of 24 tagged entries
    // flagged, 6 of 110 untagged flagged when this was written): a change that loses ground fails.
    EXPECT_EQ(a.entries, 134u);
    EXPECT_GE(a.overall(), 75.0);
    EXPECT_GE(a.tagged_da_found * 100, a.tagged_da * 70);
    EXPECT_LE(a.untagged_flagged * 100, a.untagged * 10);
}

TEST(InferTypeAgreement, GeneratedCases) {
    Agreement a;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const SyntheticCase s = generate_case(seed);
        for (const Entry& e : s.c.chronology.entries) a.add(s.c, e);
    }
    std::cout << a.table("20 generated cases (seeds 1-20)") << '\n';
    for (const std::string& m : a.must_but_missed) ADD_FAILURE() << "not recovered: " << m;
    // 98.6% of types and every tagged entry when this was written.
    EXPECT_GE(a.entries, 1000u);
    EXPECT_GE(a.overall(), 95.0);
    EXPECT_EQ(a.tagged_da_found, a.tagged_da);
}

// The analyses that rest on types, on the sample with every type taken away and read from the
// words instead (and domestic abuse flagged only where the words say so): the same unseen
// periods and the same patterns.
TEST(InferTypeAgreement, AnalysesKeepWorkingWithoutTypes) {
    sightline::test::TempDir dir;
    formats::LoadOptions unmerged;
    unmerged.merge = false;
    Case written = sightline::test::load_native_sample(dir, unmerged);
    Case read = formats::load_case(dir.path(), unmerged);
    // Every type, and every domestic_abuse tag, from the words.
    Chronology& ch = read.chronology;
    std::vector<std::string_view> tags;
    for (Entry& e : ch.entries) {
        const InferredType t = infer_entry_type(e.summary, read.agency_kind(e.agency));
        e.type = t.type;
        e.type_text = {};
        e.type_inferred = true;
        const auto own = ch.tags_of(e);
        const auto first = static_cast<std::uint32_t>(tags.size());
        for (std::string_view tag : own)
            if (tag != "domestic_abuse") tags.push_back(tag);
        if (t.domestic_abuse) tags.push_back("domestic_abuse");
        e.tags = {first, static_cast<std::uint32_t>(tags.size()) - first};
    }
    ch.tags = std::move(tags);
    merge(written);
    merge(read);
    const auto unseen_and_patterns = [](const Case& c) {
        std::multiset<std::string> out;
        for (const Finding& f : analyse(c)) {
            if (f.kind() == FindingKind::UnseenPeriod) out.insert(f.message.substr(0, f.message.find(". ")));
            if (f.kind() == FindingKind::MissedAppointments || f.kind() == FindingKind::RepeatedDomesticAbuse ||
                f.kind() == FindingKind::Rereferral || f.kind() == FindingKind::InfantInjury)
                out.insert(f.message);
        }
        return out;
    };
    const auto from_written = unseen_and_patterns(written), from_words = unseen_and_patterns(read);
    EXPECT_EQ(from_words, from_written);
    EXPECT_GE(from_written.size(), 20u);
}
