// Values as people write them in a cell (see cell_values.hpp).
#include "cell_values.hpp"

#include <charconv>

#include "headings.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// Whether the words begin with w, as whole words ("no" begins "no not seen", not "none").
bool starts_with_word(std::string_view words, std::string_view w) {
    return words.substr(0, w.size()) == w && (words.size() == w.size() || words[w.size()] == ' ');
}

// Whether the words hold the phrase, as whole words.
bool has_phrase(std::string_view words, std::string_view phrase) {
    const std::string padded = " " + std::string(words) + " ";
    return padded.find(" " + std::string(phrase) + " ") != std::string::npos;
}

}  // namespace

std::string plain_words(std::string_view text) { return header_key(text); }

bool says_nothing(std::string_view words) {
    return words.empty() || words == "n a" || words == "na" || words == "not applicable" || words == "not known" ||
           words == "unknown" || words == "not recorded" || words == "nk" || words == "n k" || words == "unclear" ||
           words == "not stated";
}

std::optional<ChildSeen> child_seen_from_words(std::string_view text) {
    const std::string w = plain_words(text);
    if (says_nothing(w)) return ChildSeen::NotRecorded;
    const bool no = starts_with_word(w, "no") || starts_with_word(w, "n") || starts_with_word(w, "not seen") ||
                    starts_with_word(w, "child not seen") || starts_with_word(w, "not present");
    const bool yes = starts_with_word(w, "yes") || starts_with_word(w, "y") || starts_with_word(w, "seen") ||
                     starts_with_word(w, "child seen") || starts_with_word(w, "observed");
    if (no == yes) return std::nullopt;
    if (no) return ChildSeen::NotSeen;
    const bool alone = (has_phrase(w, "alone") && !has_phrase(w, "not alone") && !has_phrase(w, "not seen alone")) ||
                       has_phrase(w, "on own") || has_phrase(w, "on his own") || has_phrase(w, "on her own") ||
                       has_phrase(w, "on their own") || has_phrase(w, "by themselves") || has_phrase(w, "separately");
    return alone ? ChildSeen::SeenAlone : ChildSeen::Seen;
}

std::optional<bool> yes_no_from_words(std::string_view text) {
    const std::string w = plain_words(text);
    if (says_nothing(w)) return std::nullopt;
    const bool no = starts_with_word(w, "no") || starts_with_word(w, "n") || starts_with_word(w, "not");
    const bool yes = starts_with_word(w, "yes") || starts_with_word(w, "y");
    if (no == yes) return std::nullopt;
    return yes;
}

std::optional<double> serial_number(std::string_view text) {
    text = trim(text);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits < 5 || digits > 7) return std::nullopt;
    if (digits < text.size()) {
        if (text[digits] != '.' || digits + 1 == text.size()) return std::nullopt;
        for (std::size_t i = digits + 1; i < text.size(); ++i)
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

}  // namespace sightline::formats::detail
