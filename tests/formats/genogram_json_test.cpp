// The genogram JSON: the issue's fields, and the sample's households at two dates.
#include <gtest/gtest.h>

#include "sightline/engine/genogram.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/genogram_writer.hpp"

using namespace sightline;

namespace {

std::string sample_json(const char* day) {
    const engine::Case c = formats::load_case(SIGHTLINE_SAMPLES "/child-r");
    const engine::GenogramLayout layout = engine::compute_layout(c);
    std::string out;
    formats::write_genogram_json(
        c, layout, engine::genogram_at(layout, c, engine::parse_date(day).date->earliest_day()), out);
    return out;
}

TEST(GenogramJson, HasTheIssueFields) {
    const std::string out = sample_json("2015-06-01");
    EXPECT_EQ(out.rfind(R"({"sightline":1,"case":"Child R","at":"2015-06-01","bounds":[)", 0), 0u);
    EXPECT_NE(out.find(R"("generations":3,"crossings":0,"people":[)"), std::string::npos);
    EXPECT_NE(out.find(R"({"id":"child-r","name":"Riley","x":)"), std::string::npos);
    EXPECT_NE(
        out.find(R"("size":40,"generation":2,"family":0,"sex":"male","symbol":"square","index_child":true,)"
                 R"("born":"2014-10-03","died":null,"life":"alive","age":"7m","label":"Riley, 7m",)"
                 R"("dates":"b. 2014-10-03","household":0,"faded":false,"extent":[)"),
        std::string::npos);
    EXPECT_NE(
        out.find(
            R"("symbol":"square","index_child":false,"born":"1965","died":"2012-08","life":"dead","age":null,)"),
        std::string::npos);
    EXPECT_NE(
        out.find(R"("kind":"partnership","partners":["mother","father"],"state":"separated","from":"2009",)"
                 R"("to":"2015-02","ended":"separated","dates":"2009–2015","faded":false,"path":[[)"),
        std::string::npos);
    EXPECT_NE(
        out.find(
            R"("partners":["mother","lee"],"state":"current","from":"~2015-05","to":null,"ended":"none")"),
        std::string::npos);
    EXPECT_NE(out.find(R"("partners":["father","kerry"],"state":"not_yet")"), std::string::npos);
    EXPECT_NE(
        out.find(R"("children":[{"id":"child-s","kind":"birth","primary":true,"implied":false,"path":[[)"),
        std::string::npos);
    EXPECT_NE(out.find(R"("diagnostics":[]})"), std::string::npos);
}

TEST(GenogramJson, TheNewPartnerIsInTheHouseholdOnlyAfterHeMovesIn) {
    const std::string june = sample_json("2015-06-01");
    EXPECT_NE(
        june.find(
            R"({"area":"Eastmere","address":"Cannon Street flat","members":["child-r","child-s","mother"],)"
            R"("focus":true,"number":1,)"),
        std::string::npos);
    EXPECT_NE(june.find(R"({"id":"lee","name":"Lee",)"), std::string::npos);
    EXPECT_NE(june.find(R"("dates":"","household":null,"faded":true,)"), std::string::npos);  // Lee
    EXPECT_EQ(june.find(R"("members":["child-r","child-s","mother","lee"])"), std::string::npos);

    const std::string november = sample_json("2015-11-01");
    EXPECT_NE(november.find(R"({"area":"Lowbridge","address":"Weir Road flat",)"
                            R"("members":["child-r","child-s","mother","lee"],"focus":true,"number":1,)"),
              std::string::npos);
    EXPECT_NE(
        november.find(
            R"({"area":"Harrowfield","address":"grandmother's house","members":["pat"],"focus":false,)"),
        std::string::npos);
    EXPECT_NE(november.find(R"("dates":"","household":0,"faded":false,)"), std::string::npos);  // Lee
}

}  // namespace
