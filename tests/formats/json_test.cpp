// JSON writer: structure and escaping.
#include "sightline/formats/json.hpp"

#include <gtest/gtest.h>

#include <cmath>

using sightline::formats::JsonWriter;

TEST(JsonWriter, WritesNestedStructures) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.field("a", 1);
    w.key("b");
    w.begin_array();
    w.value("x");
    w.value(true);
    w.null();
    w.end_array();
    w.key("c");
    w.begin_object();
    w.end_object();
    w.end_object();
    EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":{}})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
    std::string out;
    JsonWriter::escape(out, "say \"hi\"\\\n\t\x01 £");
    EXPECT_EQ(out, "\"say \\\"hi\\\"\\\\\\n\\t\\u0001 £\"");
}

TEST(JsonWriter, OnePerLineArrays) {
    std::string out;
    JsonWriter w(out);
    w.begin_array(true);
    w.value(1);
    w.value(2);
    w.end_array();
    EXPECT_EQ(out, "[\n  1,\n  2\n]");
}

TEST(JsonWriter, NumbersAreShortestRoundTrip) {
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    w.value(120.0);
    w.value(-2.5);
    w.value(0.1);
    w.value(12.5f);
    w.value(std::nan(""));
    w.end_array();
    EXPECT_EQ(out, "[120,-2.5,0.1,12.5,null]");
}
