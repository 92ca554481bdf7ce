// Small text helpers.
#include "sightline/engine/text.hpp"

namespace sightline::engine {

std::string ascii_lowercase(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

bool contains_ci(std::string_view hay, std::string_view needle) {
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t k = 0;
        while (k < needle.size() && ascii_lower(hay[i + k]) == ascii_lower(needle[k])) ++k;
        if (k == needle.size()) return true;
    }
    return false;
}

std::string_view trim(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

std::string fold_name(std::string_view text) {
    std::string out;
    for (char ch : text) {
        if (ch == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(ascii_lower(ch));
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool names_in_text(std::string_view text, const std::vector<std::string>& names) {
    const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    const std::string hay = fold_name(text);
    for (const std::string& n : names) {
        const std::string needle = fold_name(n);
        if (needle.size() < 3) continue;
        for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
            const std::size_t end = at + needle.size();
            if ((at == 0 || !alnum(hay[at - 1])) && (end == hay.size() || !alnum(hay[end]))) return true;
        }
    }
    return false;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
    return out;
}

std::string excerpt(std::string_view text, std::size_t max_bytes) {
    text = trim(text);
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    const std::size_t space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
    return std::string(trim(text.substr(0, cut))) + "...";
}

}  // namespace sightline::engine
