// Small text helpers shared across the engine, readers, CLI and viewer (ASCII case only:
// names, codes and keywords in chronologies; other bytes compare as they are).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sightline::engine {

// 'A'-'Z' to 'a'-'z'; other bytes unchanged.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
// The text in ASCII lowercase.
std::string ascii_lowercase(std::string_view text);
// Equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
// Does hay contain needle, ignoring ASCII case? (An empty needle is in everything.)
bool contains_ci(std::string_view hay, std::string_view needle);
// Without spaces, tabs, carriage returns and newlines at either end.
std::string_view trim(std::string_view text);
// At most about max_bytes of text, cut at a space (never inside a UTF-8 character), with "..."
// when anything was cut.
std::string excerpt(std::string_view text, std::size_t max_bytes);
// "A", "A and B", "A, B and C".
std::string join_names(const std::vector<std::string>& names);
// A name as names are compared: ASCII lowercase, runs of spaces as one, none at either end.
std::string fold_name(std::string_view text);
// Does text name any of these names (folded, three letters or more) as a whole word?
bool names_in_text(std::string_view text, const std::vector<std::string>& names);

}  // namespace sightline::engine
