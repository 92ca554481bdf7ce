// The check report: the summary a reviewer reads first, and how input problems are flagged.
#include "sightline/formats/check_report.hpp"

#include <gtest/gtest.h>

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

}  // namespace
