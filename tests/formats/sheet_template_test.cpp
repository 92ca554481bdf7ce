// Templates for agencies: filled in, they read without a mapping and pass check.
#include "sightline/formats/sheet_template.hpp"

#include <gtest/gtest.h>

#include "sheet_reader.hpp"
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

formats::TemplateSpec police() { return {"Riverside Police", "police", "Ealing"}; }

TEST(SheetTemplate, EveryHeaderIsRecognised) {
    for (std::string_view h : formats::template_headers())
        EXPECT_TRUE(formats::detail::recognise_header(h)) << h;
}

TEST(SheetTemplate, FilledCsvTemplateReadsWithoutAMapping) {
    TempDir dir;
    std::string csv;
    formats::write_template_csv(police(), csv);
    EXPECT_EQ(csv.substr(0, 28), "# agency: Riverside Police\r\n");
    csv += "01/02/2015,10:00,Home visit,\"Visit, all seen\",Mum; Baby A,Seen alone,Yes,Face to face,PC1,,R-1,\r\n"
           "03/02/2015,,Phone call,Call,Mum,Not recorded,,Phone,PC1,Ealing Health Visiting,R-2,\r\n";
    dir.write("agencies/police.csv", csv);
    const Case c = load_sheet_case(dir, "  - agencies/police.csv\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    const Entry& e = c.chronology.entries[0];
    EXPECT_EQ(format_date(e.date), "2015-02-01 10:00");
    EXPECT_EQ(c.agency_kind(e.agency), AgencyKind::Police);
    EXPECT_EQ(c.area_name(e.area), "Ealing");
    EXPECT_EQ(c.chronology.seen(e, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(e.modality, Modality::FaceToFace);
    EXPECT_EQ(e.views_sought, Tri::Yes);
    EXPECT_EQ(c.sources[0].counts.skipped_rows, 5u);
}

TEST(SheetTemplate, FilledXlsxTemplateReadsWithoutAMapping) {
    TempDir dir;
    std::filesystem::create_directories(dir.file("agencies"));
    formats::write_template_xlsx(police(), dir.file("agencies/police.xlsx"),
                                 {{"2015-02-01", "10:00", "Home visit", "Visit", "Mum", "Seen", "No", "Video"},
                                  {"", "", "", "", ""},
                                  {"June 2015", "", "Strategy discussion", "Strategy meeting", "", "Not seen"}});
    const Case c = load_sheet_case(dir, "  - agencies/police.xlsx\n");
    EXPECT_TRUE(c.diagnostics.empty()) << joined(printed(c, dir));
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(format_date(c.chronology.entries[0].date), "2015-02-01 10:00");
    EXPECT_EQ(c.chronology.entries[0].modality, Modality::Video);
    EXPECT_EQ(format_date(c.chronology.entries[1].date), "2015-06");
    EXPECT_EQ(c.chronology.entries[1].type, EntryType::StrategyDiscussion);
}

}  // namespace
