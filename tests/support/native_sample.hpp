// The sample case as its agencies' native chronologies: samples/child-r with the native YAML
// files in place of the three Word returns made from them (scripts/make-sample-returns.py).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "sightline/engine/model.hpp"
#include "sightline/formats/case_reader.hpp"
#include "support/temp_dir.hpp"

namespace sightline::test {

// The sources the sample lists as Word returns, by name.
inline constexpr const char* k_sample_returns[] = {"police", "lowbridge-housing", "st-aldrics-primary"};

// Copies the sample into dir with the native files listed instead of the Word returns.
inline void write_native_sample(const TempDir& dir) {
    const std::string sample = std::string(SIGHTLINE_SOURCE_DIR) + "/samples/child-r";
    std::filesystem::copy(sample, dir.path(), std::filesystem::copy_options::recursive);
    std::ifstream in(dir.file("case.yaml"));
    std::stringstream manifest;
    manifest << in.rdbuf();
    std::string text = manifest.str();
    for (const char* name : k_sample_returns) {
        const std::string docx = "agencies/" + std::string(name) + ".docx";
        const std::size_t at = text.find(docx);
        if (at != std::string::npos) text.replace(at, docx.size(), "agencies/" + std::string(name) + ".yaml");
    }
    dir.write("case.yaml", text);
}

inline engine::Case load_native_sample(const TempDir& dir, const formats::LoadOptions& options = {}) {
    write_native_sample(dir);
    return formats::load_case(dir.path(), options);
}

}  // namespace sightline::test
