// Reading CSV sources on several threads (fast/parallel_reader.cpp) gives what reading them in turn
// gives, however a source's registrations depend on the sources before it.
#include <gtest/gtest.h>

#include <algorithm>

#include "sightline/formats/case_reader.hpp"
#include "support/printed.hpp"
#include "support/temp_dir.hpp"
#include "support/whole_case.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::printed;
using sightline::test::TempDir;
using sightline::test::whole_case;

namespace {

Case load(const TempDir& dir, unsigned threads) {
    formats::LoadOptions o;
    o.threads = threads;
    return formats::load_case(dir.path(), o);
}

std::size_t count_with(const std::vector<std::string>& lines, const std::string& part) {
    return static_cast<std::size_t>(
        std::count_if(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; }));
}

const Agency* agency_named(const Case& c, std::string_view name) {
    const AgencyId id = c.find_agency(name);
    return is_none(id) ? nullptr : &c.agency(id);
}

// Every way a source's reading depends on what the sources before it registered: a kind declared
// earlier silences a later column's unregistered warning and sets its entries' kind; an area met
// earlier places an agency named later; a registered agency's kind declared twice conflicts the
// second time; a type read from the words takes the kind a later source declares; a YAML source
// between CSVs registers too. Agencies appear only in mappings, directives and columns, and the
// rows are out of date order.
TEST(ParallelReader, RegistrationsDependingOnEarlierSourcesComeOutAsInTurn) {
    TempDir dir;
    dir.write("agencies/a.mapping.yaml", "agency: Lowbridge Outreach\nkind: early_help\narea: Fernside\n"
                                         "columns: {date: When, summary: Notes, type: What}\n");
    dir.write("agencies/a.csv", "When,What,Notes\n05/03/2016,home_visit,seen at home\n01/02/2016,phone_call,rang mum\n");
    dir.write("agencies/b.csv", "Date,Agency,Type,Summary,Informed\n"
                                "07/03/2016,Lowbridge Outreach,contact,x,New Team\n"
                                "02/03/2016,Fernside Housing,letter,y,\n"
                                "09/03/2016,Mystery Team,contact,z,Lowbridge Outreach; Other Team\n"
                                "08/03/2016,Mystery Team,contact,z2,\n");
    dir.write("agencies/d.csv", "Date,Type,Summary\n10/03/2016,meeting,d\n");
    dir.write("agencies/e.csv", "Date,Type,Summary\n11/03/2016,meeting,e\n");
    dir.write("agencies/x.csv", "Date,Agency,Summary\n12/03/2016,Later Declared,Officers attended the address after a 999 call about shouting\n"
                                "03/03/2016,Later Declared,Arrested the partner for assault\n");
    dir.write("agencies/y.csv", "Date,Type,Summary\n13/03/2016,contact,y\n");
    dir.write("agencies/z.yaml", "sightline: 1\nagency: Westvale Youth Service\nkind: youth_justice\narea: Westvale\n"
                                 "entries:\n  - {date: 2016-03-14, type: meeting, summary: w, to: [Fernside Housing]}\n");
    dir.write("agencies/w.csv", "# agency: Westvale Youth Service\nDate,Type,Summary,Informed\n"
                                "15/03/2016,contact,after the YAML,Westvale Police\n");
    dir.write("case.yaml", "sightline: 1\ncase: {title: T, date_order: dmy}\n"
                           "agencies:\n  - {name: Northgate Team}\n"
                           "sources:\n"
                           "  - {file: agencies/a.csv, mapping: agencies/a.mapping.yaml}\n"
                           "  - agencies/b.csv\n"
                           "  - {file: agencies/d.csv, agency: Northgate Team, kind: school}\n"
                           "  - {file: agencies/e.csv, agency: Northgate Team, kind: police}\n"
                           "  - agencies/x.csv\n"
                           "  - {file: agencies/y.csv, agency: Later Declared, kind: police}\n"
                           "  - agencies/z.yaml\n"
                           "  - agencies/w.csv\n");
    const Case serial = load(dir, 1);
    const Case parallel = load(dir, 2);
    EXPECT_EQ(whole_case(parallel), whole_case(serial));

    const auto said = printed(parallel, dir);
    // Lowbridge Outreach's kind came from a's mapping: no warning for it in b; Mystery Team's
    // once, at its first row; Later Declared's in x, read before y declares its kind.
    EXPECT_EQ(count_with(said, "agency-unregistered"), 2u) << sightline::test::joined(said);
    EXPECT_EQ(count_with(said, "'Mystery Team'"), 1u) << sightline::test::joined(said);
    EXPECT_EQ(count_with(said, "'Later Declared'"), 1u) << sightline::test::joined(said);
    EXPECT_FALSE(parallel.diagnostics.has_errors()) << sightline::test::joined(said);
    EXPECT_EQ(count_with(said, "kind-conflict"), 1u) << sightline::test::joined(said);
    EXPECT_EQ(count_with(said, "agencies/e.csv"), 0u) << "the conflict is placed in the manifest";
    const Agency* housing = agency_named(parallel, "Fernside Housing");
    ASSERT_NE(housing, nullptr);
    EXPECT_EQ(parallel.area_name(housing->area), "Fernside");  // the area a's mapping registered
    ASSERT_NE(agency_named(parallel, "Northgate Team"), nullptr);
    EXPECT_EQ(agency_named(parallel, "Northgate Team")->kind, AgencyKind::School);
    ASSERT_NE(agency_named(parallel, "Later Declared"), nullptr);
    EXPECT_EQ(agency_named(parallel, "Later Declared")->kind, AgencyKind::Police);
    // x's types were read from its words with the kind y declared afterwards.
    std::size_t read = 0;
    parallel.chronology.for_each_entry([&](const Entry& e) {
        EXPECT_FALSE(e.type_unread);
        if (parallel.agency_name(e.agency) != "Later Declared" || !e.type_inferred) return;
        ++read;
    });
    EXPECT_EQ(read, 2u);
    // Every row is an entry.
    EXPECT_EQ(parallel.chronology.entry_count(), 2u + 4u + 1u + 1u + 2u + 1u + 1u + 1u);
    for (const Source& s : parallel.sources) EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;
}

// The same sources in every order the manifest could list them: each order read on two threads
// gives what it gives read in turn.
TEST(ParallelReader, EveryOrderOfTheSourcesAgrees) {
    TempDir dir;
    dir.write("agencies/p.csv", "Date,Agency,Type,Summary,Area\n03/02/2014,Fernside Outreach,contact,a,Fernside\n"
                                "01/02/2014,Kingsmoor Police,contact,b,Kingsmoor\n");
    dir.write("agencies/q.csv", "# kind: health_visiting\nDate,Agency,Summary\n04/02/2014,Fernside Outreach,Home visit, baby seen\n"
                                "02/02/2014,Kingsmoor Health Visiting,New birth visit\n");
    dir.write("agencies/r.mapping.yaml", "agency: Fernside Outreach\nkind: early_help\narea: Fernside\n");
    dir.write("agencies/r.csv", "Date,Type,Summary\n05/02/2014,meeting,c\n");
    dir.write("agencies/s.csv", "# agency: Kingsmoor Police\n# kind: police\nDate,Summary,Informed\n06/02/2014,Officers attended,Fernside Outreach\n");
    const std::vector<std::string> items = {"agencies/p.csv", "agencies/q.csv",
                                            "{file: agencies/r.csv, mapping: agencies/r.mapping.yaml}", "agencies/s.csv"};
    std::vector<std::size_t> order = {0, 1, 2, 3};
    int orders = 0;
    do {
        std::string manifest = "sightline: 1\ncase: {title: T, date_order: dmy}\nsources:\n";
        for (std::size_t i : order) manifest += "  - " + items[i] + "\n";
        dir.write("case.yaml", manifest);
        SCOPED_TRACE(manifest);
        EXPECT_EQ(whole_case(load(dir, 2)), whole_case(load(dir, 1)));
        ++orders;
    } while (std::next_permutation(order.begin(), order.end()));
    EXPECT_EQ(orders, 24);
}

}  // namespace
