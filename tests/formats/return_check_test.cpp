// Checking one agency's return before it is sent: each problem at its row, with its exact text.
#include "sightline/engine/return_check.hpp"

#include <gtest/gtest.h>

#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/spreadsheet.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::TempDir;

namespace {

std::vector<std::string> checked(const TempDir& dir, const std::string& file, const std::string& text) {
    dir.write(file, text);
    Case c;
    formats::SpreadsheetOptions o;
    o.path = dir.file(file);
    o.agency = "Eastmere Health Visiting";
    o.kind = "health_visiting";
    const SourceId source = formats::read_spreadsheet(c, o);
    Diagnostics all = c.diagnostics;
    all.append(check_return(c, source, file));
    all.sort();
    std::vector<std::string> out;
    for (const Diagnostic& d : all.items()) out.push_back(formats::format_diagnostic(d));
    return out;
}

}  // namespace

TEST(ReturnCheck, SaysWhatToPutRightAtEachRow) {
    TempDir dir;
    const auto got = checked(dir, "hv.csv",
                             "Date,Type,Details,Child seen?\n"
                             "24/06/2015,home_visit,Visit; baby weighed,Yes\n"
                             "03/06/2015,home_visit,Visit,\n"         // out of order, and seen not said
                             "Not known,phone_call,Call from GP,\n"   // undated; a call needs no sighting
                             "30/06/2015,,Clinic appointment,No\n");  // type read from the words
    EXPECT_EQ(
        got,
        (std::vector<std::string>{
            "hv.csv: note: 1 row has no type; it is read from the words (row 5 reads as Appointment): a "
            "Type of contact column says it exactly [type-inferred]",
            "hv.csv:3: warning: row 3 (2015-06-03) comes after row 2 (2015-06-24): a chronology runs "
            "oldest first; is either date wrong? [row-order]",
            "hv.csv:3: warning: row 3 (2015-06-03, Home visit) does not say whether the child was seen: "
            "write Yes, Yes - seen alone, No or N/A [child-seen-missing]",
            "hv.csv:4: note: row 4 has no date ('Not known'); it will be kept as an undated entry: add the "
            "date if the records give it [row-undated]"}));
}

TEST(ReturnCheck, AReturnThatNeverSaysWhetherTheChildWasSeenIsToldOnce) {
    TempDir dir;
    const auto got = checked(dir, "hv.csv",
                             "Date,Type,Details\n01/06/2015,home_visit,Visit\n02/06/2015,appointment,Clinic\n"
                             "13/06/2015,home_visit,Visit\n");
    EXPECT_EQ(got,
              (std::vector<std::string>{
                  "hv.csv:2: warning: none of the 3 contacts at which the child could have been seen says "
                  "whether they were: add a column 'Child seen and spoken to?' (Yes, Yes - seen alone, No, "
                  "N/A) [child-seen-missing]"}));
}

TEST(ReturnCheck, AGoodReturnIsReadyToSend) {
    TempDir dir;
    EXPECT_TRUE(
        checked(dir, "hv.csv",
                "Date,Type,Details,Child seen?\n01/06/2015,home_visit,Visit,Yes\n13/06/2015,letter,Letter,\n")
            .empty());
}
