// Values as people write them in a cell: a child-seen or yes/no column written as a sentence
// ("Yes - seen alone in her room", "No, too young"), text that says nothing either way ("N/A"),
// and an Excel serial day number typed as text. Used by the sheet reader for every format.
// Internal to sightline_formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// The lowercase words of a cell, punctuation as spaces ("Yes - seen alone." -> "yes seen alone").
std::string plain_words(std::string_view text);
// Text that says nothing either way: "N/A", "Not known", "-" (as plain_words gives it).
bool says_nothing(std::string_view words);

// A child-seen cell written as a sentence ("Yes - seen alone in her room", "No, at nursery",
// "N/A"): its verdict from its first words; nullopt when they say neither.
std::optional<engine::ChildSeen> child_seen_from_words(std::string_view text);
// A yes/no cell written as a sentence ("No - too young to say"); nullopt when it says neither.
std::optional<bool> yes_no_from_words(std::string_view text);

// Reads text like "42180" or "42180.5" as an Excel serial day number (at least five digits
// before any fraction, so that "2015" stays a year).
std::optional<double> serial_number(std::string_view text);

}  // namespace sightline::formats::detail
