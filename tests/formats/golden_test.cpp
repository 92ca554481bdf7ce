// Golden files: the sample case's merged chronology and its findings, byte for byte.
// On a mismatch the output is written beside the golden file as *.actual for review.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sightline/engine/findings.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/chronology_writer.hpp"

using namespace sightline;
namespace fs = std::filesystem;

namespace {

// Loads the sample as a user would from the repository root, so paths in output are relative.
engine::Case load_sample() {
    const fs::path previous = fs::current_path();
    fs::current_path(SIGHTLINE_SOURCE_DIR);
    engine::Case c = formats::load_case("samples/child-r");
    fs::current_path(previous);
    return c;
}

void expect_golden(const std::string& name, const std::string& actual) {
    const fs::path golden = fs::path(SIGHTLINE_TEST_DATA) / "golden" / name;
    std::ifstream in(golden, std::ios::binary);
    std::stringstream expected;
    expected << in.rdbuf();
    if (expected.str() != actual) {
        std::ofstream(golden.string() + ".actual", std::ios::binary) << actual;
        ADD_FAILURE() << name << " differs from its golden file; wrote " << golden.string() << ".actual";
    }
}

TEST(Golden, SampleMergeJson) {
    const engine::Case c = load_sample();
    std::string out;
    formats::write_merge_json(c, out);
    expect_golden("child-r.merge.json", out);
}

TEST(Golden, SampleCheckJson) {
    const engine::Case c = load_sample();
    std::string out;
    formats::write_check_json(c, engine::analyse(c), out);
    expect_golden("child-r.check.json", out);
}

TEST(Golden, SampleCheckText) {
    const engine::Case c = load_sample();
    std::string out;
    formats::write_check_text(c, engine::analyse(c), out);
    expect_golden("child-r.check.txt", out);
}

}  // namespace
