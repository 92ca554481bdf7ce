// Full names for a generated family, and agencies writing them as agencies do: the full name,
// the first name alone, a title and the surname, a known-as name, capitals, a child's initial.
// Drawn from their own random stream, so the rest of the story is the same with or without them.
#include <algorithm>
#include <array>
#include <string_view>

#include "story.hpp"

namespace sightline::engine::synth {

namespace {

// Ordinary British surnames and middle names, for clearly fictional people; some are also
// words ("Rose", "Marsh", "May", "Dean", "Mark", "Will") because real families' names are.
constexpr std::array<std::string_view, 20> k_surnames = {"Morley", "Ashworth", "Pearce", "Whitlock", "Haddon",
                                                         "Fairley", "Okafor",  "Kowalski", "Brennan", "Lister",
                                                         "Rose",    "Marsh",   "Hill",     "Brown",   "King",
                                                         "Fox",     "Price",   "Mason",    "Moss",    "Page"};
constexpr std::array<std::string_view, 4> k_middle_women = {"May", "Rose", "Grace", "Hope"};
constexpr std::array<std::string_view, 4> k_middle_men = {"Dean", "Mark", "Will", "Jack"};
// Sentences using those words as words, added to some records: a common-word name must not be
// replaced there.
constexpr std::array<std::string_view, 4> k_word_uses = {
    " She may need support with housing.", " The family will be told of the plan.",
    " May be seen again at the next visit.", " Reviewed again on 3 May."};

bool word_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    return out;
}

// Replaces each whole-word `from` in text by what `to()` gives, afresh for each.
template <class To>
void replace_words(std::string& text, std::string_view from, To to) {
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos;) {
        const bool left = at == 0 || !word_char(text[at - 1]);
        const bool right = at + from.size() == text.size() || !word_char(text[at + from.size()]);
        if (!left || !right) {
            at += from.size();
            continue;
        }
        const std::string by = to();
        text.replace(at, from.size(), by);
        at += by.size();
    }
}

}  // namespace

void give_full_names(Story& s, std::uint64_t seed) {
    Random rng(seed ^ 0x6e616d6573ull);  // "names"
    auto pick = [&](const auto& list) { return std::string(list[rng.below(static_cast<std::uint32_t>(list.size()))]); };
    std::vector<std::string> surnames(s.people.size());
    std::vector<std::string> known_as(s.people.size());
    std::vector<std::string> used;
    auto fresh_surname = [&] {
        std::string n;
        do n = pick(k_surnames);
        while (std::find(used.begin(), used.end(), n) != used.end());
        used.push_back(n);
        return n;
    };
    const auto index = [&](std::string_view id) {
        for (std::size_t i = 0; i < s.people.size(); ++i)
            if (s.people[i].id == id) return static_cast<int>(i);
        return -1;
    };
    const int mother = index("mother"), father = index("father"), grandmother = index("grandmother");
    const std::string mother_surname = fresh_surname(), father_surname = fresh_surname();
    const bool fathers_name = rng.chance(0.5);  // the children have the father's surname, else the mother's
    for (std::size_t i = 0; i < s.people.size(); ++i) {
        const Person& p = s.people[i];
        if (static_cast<int>(i) == mother || static_cast<int>(i) == grandmother) surnames[i] = mother_surname;
        else if (static_cast<int>(i) == father) surnames[i] = father_surname;
        else if (p.id.rfind("child-", 0) == 0) surnames[i] = fathers_name ? father_surname : mother_surname;
        else surnames[i] = fresh_surname();
    }
    // Every adult has a middle name; the father and the partner go by theirs.
    std::vector<std::string> first(s.people.size()), full(s.people.size());
    for (std::size_t i = 0; i < s.people.size(); ++i) {
        Person& p = s.people[i];
        first[i] = p.name;
        const bool child = p.id.rfind("child-", 0) == 0;
        std::string middle;  // never another person's first name
        while (!child && (middle.empty() || std::find(first.begin(), first.end(), middle) != first.end() ||
                          std::any_of(s.people.begin(), s.people.end(), [&](const Person& q) { return q.name == middle; })))
            middle = pick(p.sex == Sex::Female ? k_middle_women : k_middle_men);
        p.name = first[i] + (middle.empty() ? "" : " " + middle) + " " + surnames[i];
        full[i] = first[i] + " " + surnames[i];
        if (!child && p.sex == Sex::Male) {
            known_as[i] = middle;
            p.aliases.push_back(middle);
        }
    }
    // The forms agencies write: chosen afresh for each mention.
    auto form = [&](std::size_t i) {
        const Person& p = s.people[i];
        const bool child = p.id.rfind("child-", 0) == 0;
        const std::string title = p.sex == Sex::Female ? "Ms " : "Mr ";
        if (child) {
            switch (rng.weighted({40, 30, 20, 10})) {
                case 0: return first[i];
                case 1: return full[i];
                case 2: return first[i].substr(0, 1);
                default: return upper(first[i]);
            }
        }
        switch (rng.weighted({30, 25, 20, 15, 10})) {
            case 0: return full[i];
            case 1: return first[i];
            case 2: return title + surnames[i];
            case 3: return known_as[i].empty() ? p.name : known_as[i];
            default: return upper(full[i]);
        }
    };
    // The police's name for the partner ("Lee T") becomes the first name and the surname's
    // initial, and is kept whole: held aside as a placeholder while the first names are replaced.
    struct Held {
        std::string was, now, placeholder;
    };
    std::vector<Held> held;
    for (std::size_t i = 0; i < s.people.size(); ++i)
        for (std::string& alias : s.people[i].aliases)
            if (alias.size() == first[i].size() + 2 && alias.rfind(first[i] + " ", 0) == 0) {
                const std::string was = alias;
                alias = first[i] + " " + surnames[i].substr(0, 1);
                held.push_back({was, alias, "\x01" + std::to_string(held.size()) + "\x02"});
            }
    auto rewrite = [&](std::string& text) {
        for (const Held& h : held) replace_words(text, h.was, [&] { return h.placeholder; });
        for (std::size_t i = 0; i < s.people.size(); ++i) replace_words(text, first[i], [&] { return form(i); });
        for (const Held& h : held) replace_words(text, h.placeholder, [&] { return h.now; });
    };
    for (Event& e : s.events) {
        rewrite(e.summary);
        if (rng.chance(0.15)) e.summary += k_word_uses[rng.below(static_cast<std::uint32_t>(k_word_uses.size()))];
    }
    for (std::string& note : s.notes) rewrite(note);
    if (grandmother >= 0)
        for (Agency& a : s.agencies)
            if (a.kind == AgencyKind::Family) a.name = "Maternal grandmother (" + full[static_cast<std::size_t>(grandmother)] + ")";
}

}  // namespace sightline::engine::synth
