// Anonymised exports: roles for people, and no real name, alias or address left anywhere.
#include "sightline/engine/anonymise.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "sightline/engine/genogram.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/genogram_writer.hpp"

using namespace sightline;
using namespace sightline::engine;

namespace {

Case sample() { return formats::load_case(std::string(SIGHTLINE_SAMPLES) + "/child-r"); }

TEST(Anonymise, RolesFollowRelationsToTheFirstIndexChild) {
    const Case c = sample();
    const std::vector<std::string> roles = roles_for(c);
    std::map<std::string, std::string> by_id;
    for (std::size_t i = 0; i < c.people.size(); ++i) by_id[c.people[i].id] = roles[i];
    EXPECT_EQ(by_id["child-r"], "Child A");
    EXPECT_EQ(by_id["child-s"], "Child B");
    EXPECT_EQ(by_id["mother"], "Mother");
    EXPECT_EQ(by_id["father"], "Father");
    EXPECT_EQ(by_id["lee"], "Mother's partner");
    EXPECT_EQ(by_id["kerry"], "Father's partner");
    EXPECT_EQ(by_id["pat"], "Maternal grandmother");
    EXPECT_EQ(by_id["ron"], "Maternal grandfather");
}

TEST(Anonymise, NoNameAliasOrAddressSurvivesInAnyExport) {
    Case c = sample();
    // Everything that names someone, gathered before anonymising.
    std::vector<std::string> names{"Uncle Mick", "Mick"};
    for (const Person& p : c.people) {
        names.push_back(p.name);
        for (const std::string& a : p.aliases)
            if (a.size() >= 2) names.push_back(a);
    }
    for (const Residence& r : c.residences)
        if (!r.address.empty()) names.push_back(r.address);
    std::vector<std::string> ids;
    for (const Entry& e : c.chronology.entries) ids.push_back(entry_id(e));
    std::vector<Finding> findings = analyse(c);
    const std::size_t finding_count = findings.size();

    const AnonymiseReport report = anonymise(c, findings);
    EXPECT_EQ(report.people, 8u);
    EXPECT_EQ(report.unnamed, 1u);
    EXPECT_GT(report.replacements, 100u);
    std::string out;
    formats::write_merge_json(c, out);
    formats::write_chronology_markdown(c, out);
    formats::write_check_json(c, findings, out);
    formats::write_check_text(c, findings, out);
    const GenogramLayout layout = compute_layout(c);
    formats::write_genogram_svg(c, layout, genogram_at(layout, c, days_from_civil(2015, 11, 1)), out);
    for (const std::string& name : names) {
        const std::regex word("(^|[^A-Za-z])" + name + "([^A-Za-z]|$)", std::regex::icase);
        std::smatch m;
        EXPECT_FALSE(std::regex_search(out, m, word)) << "'" << name << "' is still in the export: ..."
                                                      << m.str() << "...";
    }
    EXPECT_NE(out.find("Mother's partner"), std::string::npos);
    // Same entries, same ids (notes still match), same findings.
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(entry_id(c.chronology.entries[i]), ids[i]);
    EXPECT_EQ(findings.size(), finding_count);
    EXPECT_EQ(c.info.title, "Child A");
}

}  // namespace
