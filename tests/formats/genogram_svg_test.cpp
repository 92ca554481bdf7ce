// The genogram SVG: golden files of the sample at two dates, and what a reader must see.
#include <gtest/gtest.h>

#include <regex>

#include <fstream>
#include <sstream>

#include "sightline/engine/genogram.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/io.hpp"

using namespace sightline;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string sample_svg(const char* day) {
    const engine::Case c = formats::load_case(SIGHTLINE_SAMPLES "/child-r");
    const engine::GenogramLayout layout = engine::compute_layout(c);
    const auto d = engine::parse_date(day).date;
    EXPECT_TRUE(d);
    std::string out;
    formats::write_genogram_svg(c, layout, engine::genogram_at(layout, c, d->earliest_day()), out);
    return out;
}

// Compares with tests/data/golden/NAME exactly; on a difference writes NAME.actual beside it.
void expect_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(SIGHTLINE_TEST_DATA) + "/golden/" + name;
    const std::string expected = read_text(path);
    if (expected == actual) return;
    formats::write_file_atomic(path + ".actual", actual);
    ADD_FAILURE() << name << " differs from the golden file; wrote " << path
                  << ".actual (compare, and copy it over "
                  << "the golden file if the change is intended)";
}

// How many times needle occurs in haystack.
std::size_t count(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1))
        ++n;
    return n;
}

TEST(GenogramSvg, SampleBeforeTheNewPartnerMovesInMatchesTheGoldenFile) {
    expect_golden("child-r-genogram-2015-06-01.svg", sample_svg("2015-06-01"));
}

TEST(GenogramSvg, SampleAfterTheNewPartnerMovesInMatchesTheGoldenFile) {
    expect_golden("child-r-genogram-2015-11-01.svg", sample_svg("2015-11-01"));
}

TEST(GenogramSvg, ShowsWhatAReviewerNeeds) {
    const std::string june = sample_svg("2015-06-01");
    EXPECT_EQ(june.rfind(
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0),
              0u);
    EXPECT_NE(june.find("<title>Child R: genogram at 2015-06-01</title>"), std::string::npos);
    EXPECT_NE(june.find("<rect x=\"0\" y=\"0\""), std::string::npos);  // a white page, not transparency
    EXPECT_NE(june.find("fill=\"#fff\"/>"), std::string::npos);
    // Labels with ages at the date; the index children in bold.
    EXPECT_TRUE(std::regex_search(june, std::regex("font-weight=\"bold\"[^>]*>Riley, 7m</text>")));
    EXPECT_TRUE(std::regex_search(june, std::regex("font-weight=\"bold\"[^>]*>Skye, 5</text>")));
    EXPECT_NE(june.find(">Dana, ~21</text>"), std::string::npos);
    EXPECT_NE(june.find(">1965 \u2013 2012-08</text>"), std::string::npos);
    // Households in the key, the index children's first.
    EXPECT_NE(june.find(">Eastmere: Cannon Street flat: Dana, Skye, Riley</text>"), std::string::npos);
    EXPECT_NE(june.find(">Harrowfield: grandmother's house: Pat</text>"), std::string::npos);
    EXPECT_LT(june.find("Eastmere: Cannon Street flat:"), june.find("Harrowfield: grandmother's house:"));
    // Three households, each with its numbered badge in the drawing and in the key.
    for (const char* badge : {">1</text>", ">2</text>", ">3</text>"}) EXPECT_EQ(count(june, badge), 2u) << badge;
    EXPECT_EQ(count(june, ">4</text>"), 0u);
    // Partnership dates; the partnership with Kerry has not begun.
    EXPECT_NE(june.find(">2009\u20132015</text>"), std::string::npos);
    EXPECT_NE(june.find(">~2015</text>"), std::string::npos);
    EXPECT_EQ(count(june, ">~2015</text>"), 1u);
    // Legend entries for what is drawn.
    for (const char* words : {">male<", ">female<", ">index child<", ">died<", ">separated<", ">child<",
                              ">index child's household<", ">other household<"})
        EXPECT_NE(june.find(words), std::string::npos) << words;
    EXPECT_EQ(june.find(">divorced<"), std::string::npos);

    const std::string november = sample_svg("2015-11-01");
    EXPECT_NE(november.find(">Lowbridge: Weir Road flat: Lee, Dana, Skye, Riley</text>"), std::string::npos);
    EXPECT_EQ(count(november, ">~2015</text>"), 2u);  // Kerry and Craig now too
    EXPECT_NE(november.find("Riley, 12m"), std::string::npos);
}

TEST(GenogramSvg, EscapesTextAndShowsEveryLineStyle) {
    engine::Case c;
    c.info.title = "A & B <test>";
    for (const char* id : {"mum", "dad", "kid", "step", "carer", "adoptee", "lone"}) {
        engine::Person p;
        p.id = id;
        p.name = id == std::string("kid") ? "Kid \"K\" & co" : id;
        p.born = engine::make_day(id == std::string("kid") ? 2012 : 1980, 1, 1);
        c.add_person(std::move(p));
    }
    auto relate = [&](engine::RelationshipKind kind, const char* a, const char* b) {
        engine::Relationship r;
        r.kind = kind;
        r.first = c.find_person(a);
        r.second = c.find_person(b);
        c.relationships.push_back(r);
    };
    relate(engine::RelationshipKind::Partner, "mum", "dad");
    c.relationships.back().ended = engine::PartnershipEnd::Divorced;
    relate(engine::RelationshipKind::Parent, "mum", "kid");
    relate(engine::RelationshipKind::Parent, "dad", "kid");
    relate(engine::RelationshipKind::StepParent, "step", "kid");
    relate(engine::RelationshipKind::FosterParent, "carer", "kid");
    relate(engine::RelationshipKind::AdoptiveParent, "lone", "adoptee");
    c.info.index_children.push_back(c.find_person("kid"));
    const engine::GenogramLayout layout = engine::compute_layout(c);
    std::string out;
    formats::write_genogram_svg(c, layout,
                                engine::genogram_at(layout, c, engine::days_from_civil(2015, 1, 1)), out);
    EXPECT_NE(out.find("<title>A &amp; B &lt;test&gt;: genogram at 2015-01-01</title>"), std::string::npos);
    EXPECT_NE(out.find(">Kid &quot;K&quot; &amp; co, 3</text>"), std::string::npos);
    EXPECT_NE(out.find("stroke-dasharray=\"8 4\""), std::string::npos);      // step
    EXPECT_NE(out.find("stroke-dasharray=\"1 3.5\""), std::string::npos);    // adoptive
    EXPECT_NE(out.find("stroke-dasharray=\"7 3 1 3\""), std::string::npos);  // foster
    for (const char* words : {">divorced<", ">step-child<", ">adopted<", ">fostered<", ">sex not recorded<"})
        EXPECT_NE(out.find(words), std::string::npos) << words;
    EXPECT_EQ(out.find("Households on"), std::string::npos);  // no residences, no key
}

}  // namespace
