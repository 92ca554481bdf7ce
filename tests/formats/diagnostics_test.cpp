// Printing diagnostics like a compiler.
#include "sightline/formats/diagnostic_printer.hpp"

#include <gtest/gtest.h>

using namespace sightline;

TEST(DiagnosticPrinter, FileLineColumnSeverityMessageCode) {
    engine::Diagnostic d{engine::Severity::Error, "agencies/police.csv", 14, 3, "date-invalid",
                         "date '31/02/2015' does not exist"};
    EXPECT_EQ(formats::format_diagnostic(d),
              "agencies/police.csv:14:3: error: date '31/02/2015' does not exist [date-invalid]");
    d.column = 0;
    d.severity = engine::Severity::Warning;
    EXPECT_EQ(formats::format_diagnostic(d),
              "agencies/police.csv:14: warning: date '31/02/2015' does not exist [date-invalid]");
    d.line = 0;
    EXPECT_EQ(formats::format_diagnostic(d), "agencies/police.csv: warning: date '31/02/2015' does not exist [date-invalid]");
}

TEST(Diagnostics, SortsByPlaceKeepingOrderForTies) {
    engine::Diagnostics list;
    list.add(engine::Severity::Warning, "b.yaml", 1, 1, "x", "first");
    list.add(engine::Severity::Error, "a.yaml", 9, 1, "x", "second");
    list.add(engine::Severity::Error, "a.yaml", 2, 1, "x", "third");
    list.add(engine::Severity::Note, "a.yaml", 2, 1, "x", "fourth");
    list.sort();
    EXPECT_EQ(list.items()[0].message, "third");
    EXPECT_EQ(list.items()[1].message, "fourth");
    EXPECT_EQ(list.items()[2].message, "second");
    EXPECT_EQ(list.error_count(), 2u);
    EXPECT_EQ(list.warning_count(), 1u);
}
