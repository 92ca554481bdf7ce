// Names for parametrised tests taken from what each case tests, so that the log and
// --gtest_filter say "ValidDates.ParsesWithPrecisionKept/spring_2015", not ".../12".
//
//   INSTANTIATE_TEST_SUITE_P(Grammar, ValidDates, ::testing::Values(...),
//       [](const auto& p) { static sightline::test::ParamNames names; return names(p.param.text, p.index); });
//
// (The names are what CTest calls the tests too: tests/CMakeLists.txt discovers them with
// NO_PRETTY_VALUES, as CMake 3.25 otherwise appends the printed parameter to a name that is not
// an index.)
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace sightline::test {

// The text with every character other than A-Z, a-z and 0-9 made '_' (one '_' for each byte, so
// "mid-2016" and "mid 2016?" stay apart); "empty" for no text.
inline std::string param_name(std::string_view text) {
    if (text.empty()) return "empty";
    std::string name(text);
    for (char& c : name) {
        const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum) c = '_';
    }
    return name;
}

// The names of one instantiation's parameters, unique as GoogleTest requires: a name an earlier
// parameter already has ("mid June 2016", then "mid-June 2016") gets the parameter's index
// appended (mid_June_2016, mid_June_2016_41). Asked again for an index, it answers the same.
class ParamNames {
public:
    std::string operator()(std::string_view text, std::size_t index) {
        if (const auto it = by_index_.find(index); it != by_index_.end()) return it->second;
        std::string name = param_name(text);
        if (!taken_.insert(name).second) {
            name += "_" + std::to_string(index);
            taken_.insert(name);
        }
        by_index_.emplace(index, name);
        return name;
    }

private:
    std::map<std::size_t, std::string> by_index_;
    std::set<std::string> taken_;
};

}  // namespace sightline::test
