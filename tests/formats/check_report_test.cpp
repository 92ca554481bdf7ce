// The check report: the summary a reviewer reads first, and how input problems are flagged.
#include "sightline/formats/check_report.hpp"

#include <gtest/gtest.h>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/json.hpp"
#include "support/case_text.hpp"

using namespace sightline;
using namespace sightline::engine;

namespace {

std::string report_of(const std::string& yaml) {
    test::TempDir dir;
    dir.write("case.yaml", yaml);
    const Case c = formats::load_case(dir.path());
    std::string out;
    formats::write_check_text(c, analyse(c), out);
    return out;
}

TEST(CheckReport, SummaryShowsAOneSentenceGap) {
    const std::string out = report_of(R"(sightline: 1
case: {title: T}
entries:
  - {date: 2015-01-12, agency: GP, type: gp_consultation, summary: x}
  - {date: 2015-03-20, agency: GP, type: gp_consultation, summary: y}
)");
    const std::string summary = out.substr(out.find("Summary"), out.find("When the children") - out.find("Summary"));
    EXPECT_NE(summary.find("- No agency had contact with the family for 67 days, from 2015-01-12 GP, GP consultation to"),
              std::string::npos)
        << summary;
    EXPECT_EQ(summary.find("  -\n"), std::string::npos) << summary;  // no empty bullet
    EXPECT_NE(out.find("(threshold 42 days).\n"), std::string::npos);
    EXPECT_NE(out.find("No index_children are named"), std::string::npos);
}

TEST(CheckReport, InputErrorsAreFlaggedAtTheTop) {
    const std::string out = report_of(R"(sightline: 1
case: {title: T}
entries:
  - {date: 2015-01-12, agency: GP, type: gp_consultation, summary: x}
  - {date: 2015-02-30, agency: GP, type: gp_consultation, summary: y}
)");
    const std::string head = out.substr(0, out.find("Summary"));
    EXPECT_NE(head.find("! The input has errors: 1 row was rejected, so these findings rest on an incomplete chronology."),
              std::string::npos)
        << head;
}

// Each field is written as its type says: a missing std::optional as null, a missing Omittable
// not at all, one entry as its id, a person as their id, vocabulary as its word.
TEST(CheckReport, JsonWritesEachFieldAsItsTypeSays) {
    const Case c = test::case_from_yaml(R"(sightline: 1
case: {title: T, index_children: [kid]}
people:
  - {id: kid, name: Kid}
entries:
  - {date: 2015-01-12, agency: GP, type: gp_consultation, summary: x}
)");
    const EntryIndex first{};
    const std::string id = entry_id(c.chronology.entries[0]);
    const auto json = [&](FindingData data) {
        Finding f;
        f.data = std::move(data);
        f.concern = false;
        f.message = "m";
        std::string out;
        formats::JsonWriter w(out);
        formats::write_finding_json(c, f, w);
        return out;
    };
    MoveFinding noisy;
    noisy.inferred = true;
    noisy.area_changes = 59;
    EXPECT_EQ(json(noisy), "{\"kind\":\"move\",\"date\":null,\"from_area\":null,\"to_area\":null,\"inferred\":true,"
                           "\"area_changes\":59,\"entries\":[],\"concern\":false,\"message\":\"m\"}");
    MoveFinding move;
    move.date = DayValue{days_from_civil(2015, 3, 2)};
    move.from_area = "A";
    move.to_area = "B";
    move.children = std::vector<PersonId>{c.find_person("kid")};
    EXPECT_EQ(json(move), "{\"kind\":\"move\",\"date\":\"2015-03-02\",\"from_area\":\"A\",\"to_area\":\"B\","
                          "\"inferred\":false,\"children\":[\"kid\"],\"entries\":[],\"concern\":false,\"message\":\"m\"}");
    DiscrepancyFinding seen;
    seen.cluster = 3;
    seen.aspect = DiscrepancyAspect::ChildSeen;
    seen.child = c.find_person("kid");
    EXPECT_EQ(json(seen), "{\"kind\":\"discrepancy\",\"cluster\":3,\"aspect\":\"child_seen\",\"child\":\"kid\","
                          "\"entries\":[],\"concern\":false,\"message\":\"m\"}");
    MisroutedNotificationFinding heard;
    heard.days_until_right_area = 4;
    heard.right_area_entry = first;
    EXPECT_NE(json(heard).find("\"days_until_right_area\":4,\"right_area_entry\":\"" + id + "\","), std::string::npos);
    EXPECT_NE(json(MisroutedNotificationFinding{}).find("\"days_until_right_area\":null,\"right_area_entry\":null,"),
              std::string::npos);
    NotSharedFinding shared;
    shared.event = {first};
    EXPECT_NE(json(shared).find("\"event\":[\"" + id + "\"]"), std::string::npos);  // a list, though of one
}

}  // namespace
