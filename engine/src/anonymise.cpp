// Anonymising a case: roles for people, and every name replaced where it is written.
//
// [SECTION] Roles
// [SECTION] Replacing names in text
// [SECTION] Anonymise
#include "sightline/engine/anonymise.hpp"
#include "sightline/engine/text.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace sightline::engine {

namespace {

// [SECTION] Roles

std::string by_sex(const Person& p, std::string_view female, std::string_view male, std::string_view other) {
    return std::string(p.sex == Sex::Female ? female : p.sex == Sex::Male ? male : other);
}

std::string slug(std::string_view role) {
    std::string out;
    for (char ch : role) {
        if (ch >= 'A' && ch <= 'Z') out.push_back(static_cast<char>(ch - 'A' + 'a'));
        else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out.push_back(ch);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

// [SECTION] Replacing names in text

bool word_char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           static_cast<unsigned char>(ch) >= 0x80;
}

// Punctuation outside ASCII that ends a word: typographic quotes and apostrophes, dashes and the
// rest of Unicode's General Punctuation (U+2000 to U+206F), and no-break spaces, as Word types
// them ("‘Mick’", "Lee’s").
bool punctuation_at(std::string_view text, std::size_t at) {
    const auto b = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    if (b(at) == 0xE2 && (b(at + 1) == 0x80 || b(at + 1) == 0x81)) return true;  // U+2000..U+207F
    return b(at) == 0xC2 && b(at + 1) == 0xA0;                                   // U+00A0
}

// Is there a word boundary before byte `at` (the start of a match)?
bool boundary_before(std::string_view text, std::size_t at) {
    if (at == 0 || !word_char(text[at - 1])) return true;
    std::size_t start = at - 1;  // the first byte of the character before
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    return static_cast<unsigned char>(text[at - 1]) >= 0x80 && punctuation_at(text, start);
}

// ... and after byte `end` (just past a match)?
bool boundary_after(std::string_view text, std::size_t end) {
    return end == text.size() || !word_char(text[end]) || punctuation_at(text, end);
}

// How a needle is matched.
enum class Match : std::uint8_t {
    AnyCase,                               // "Kelsey", "KELSEY", "kelsey"
    Capitalised,                           // a name that is also a word ("Dean", "May"): "Dean" or "DEAN", never "dean"
    Initial,                               // one capital letter ("R", "J."): exactly, standing alone
};

struct Needle {
    std::string text;
    std::string role;
    Match match = Match::AnyCase;
    bool derived = false;                  // an initial made from the name, which an alias or a name outranks
};

// Words written at the start of a sentence that show a common-word name there is the word
// ("May be", "Will have", "Mark on"): the rule docs/case-format.md states.
constexpr std::array<std::string_view, 12> k_common_followers = {"be",   "have",  "not",   "on",    "of",   "above",
                                                                 "below", "near", "under", "also", "need", "needs"};
constexpr std::array<std::string_view, 4> k_month_names = {"may", "june", "april", "august"};

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

// The word after `end` (skipping spaces), lowercased.
std::string next_word(std::string_view text, std::size_t end) {
    while (end < text.size() && text[end] == ' ') ++end;
    std::string w;
    while (end < text.size() && word_char(text[end])) w.push_back(ascii_lower(text[end++]));
    return w;
}

// Does a sentence start at byte `at` (the text's start, or after ". ", "! ", "? ", a line break)?
bool sentence_start(std::string_view text, std::size_t at) {
    std::size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '"' || text[i - 1] == '(')) --i;
    return i == 0 || text[i - 1] == '.' || text[i - 1] == '!' || text[i - 1] == '?' || text[i - 1] == '\n' ||
           text[i - 1] == ':' || text[i - 1] == ';';
}

// Is the common-word name at [at, end) used as the word here: a month beside a number ("3 May",
// "May 2015"), or a sentence's first word followed by one of k_common_followers?
bool common_usage(std::string_view text, std::size_t at, std::size_t end, std::string_view needle) {
    std::string lower;
    for (char ch : needle) lower.push_back(ascii_lower(ch));
    if (std::find(k_month_names.begin(), k_month_names.end(), lower) != k_month_names.end()) {
        std::size_t after = end;
        while (after < text.size() && text[after] == ' ') ++after;
        std::size_t before = at;
        while (before > 0 && text[before - 1] == ' ') --before;
        while (before > 0 && std::string_view("stndrh").find(text[before - 1]) != std::string_view::npos &&
               before >= 2 && !is_digit(text[before - 1])) {
            if (is_digit(text[before - 2]) || std::string_view("stndrh").find(text[before - 2]) != std::string_view::npos) --before;
            else break;
        }
        if ((after < text.size() && is_digit(text[after])) || (before > 0 && is_digit(text[before - 1]))) return true;
    }
    if (!sentence_start(text, at)) return false;
    const std::string follower = next_word(text, end);
    return std::find(k_common_followers.begin(), k_common_followers.end(), follower) != k_common_followers.end();
}

// Does needle n match the text at byte `at`?
bool matches(std::string_view text, std::size_t at, const Needle& n) {
    const std::size_t len = n.text.size();
    if (at + len > text.size()) return false;
    for (std::size_t k = 0; k < len; ++k) {
        const bool same = n.match == Match::Initial ? text[at + k] == n.text[k]
                                                    : ascii_lower(text[at + k]) == ascii_lower(n.text[k]);
        if (!same) return false;
    }
    if (!boundary_before(text, at) || !boundary_after(text, at + len)) return false;
    switch (n.match) {
        case Match::AnyCase: return true;
        case Match::Capitalised:
            return text[at] >= 'A' && text[at] <= 'Z' && !common_usage(text, at, at + len, n.text);
        case Match::Initial:
            // Standing alone ("R cries", "J.", "R's", "(R)"), not in "A&E" or "B-road".
            return (at == 0 || text[at - 1] == ' ' || text[at - 1] == '(' || text[at - 1] == '"' || text[at - 1] == '\n') &&
                   (at + len == text.size() ||
                    std::string_view(" ,.;:)'\"\n").find(text[at + len]) != std::string_view::npos ||
                    punctuation_at(text, at + len));
    }
    return false;
}

// The needles by their first byte, lowercased, longest first: at each place of a text the
// longest name written there is replaced, and what replaced it is never read again.
class NeedleIndex {
public:
    explicit NeedleIndex(std::vector<Needle> needles) {
        std::stable_sort(needles.begin(), needles.end(), [](const Needle& a, const Needle& b) { return a.text.size() > b.text.size(); });
        for (Needle& n : needles)
            if (!n.text.empty()) m_by_first[static_cast<unsigned char>(ascii_lower(n.text[0]))].push_back(std::move(n));
    }
    // The text with every name replaced; counts replacements.
    [[nodiscard]] std::string replace(std::string_view text, std::size_t& count) const {
        std::string out;
        out.reserve(text.size());
        for (std::size_t at = 0; at < text.size();) {
            const Needle* found = nullptr;
            for (const Needle& n : m_by_first[static_cast<unsigned char>(ascii_lower(text[at]))])
                if (matches(text, at, n)) {
                    found = &n;
                    break;
                }
            if (!found) {
                out.push_back(text[at++]);
                continue;
            }
            out += found->role;
            at += found->text.size();
            ++count;
        }
        return out;
    }

private:
    std::array<std::vector<Needle>, 256> m_by_first;
};

// The words of a name: split at spaces (and, for the parts of a double-barrelled name, at hyphens).
std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> out;
    std::string word;
    for (std::size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == ' ') {
            if (!word.empty()) out.push_back(word);
            if (word.find('-') != std::string::npos) {
                std::size_t from = 0;
                for (std::size_t dash; (dash = word.find('-', from)) != std::string::npos; from = dash + 1)
                    if (dash > from) out.push_back(word.substr(from, dash - from));
                if (from < word.size()) out.push_back(word.substr(from));
            }
            word.clear();
        } else {
            word.push_back(name[i]);
        }
    }
    return out;
}

constexpr std::array<std::string_view, 20> k_titles = {"mr",   "mrs",  "ms",      "miss",    "mx",   "dr",    "uncle",
                                                      "aunt", "auntie", "nan",   "nanna",   "grandad", "grandma", "cousin",
                                                      "the",  "baby", "little", "big",     "young", "old"};

bool is_title(std::string_view word) {
    std::string lower;
    for (char ch : word) lower.push_back(ascii_lower(ch));
    while (!lower.empty() && lower.back() == '.') lower.pop_back();
    return std::find(k_titles.begin(), k_titles.end(), lower) != k_titles.end();
}

// Every way a person's name is written: the full name, each part of it (first names, surnames),
// each alias and its parts, titles with the surname ("Ms Morley", "Mr J Morley"), and initials
// ("K", "KM", "K.M."). One capital letter is an initial only standing alone; "A" and "I" are
// words, and are initials only where an alias says so. child: an index child.
std::vector<Needle> forms_of(const Person& p, const std::string& role, bool child) {
    std::vector<Needle> out;
    const auto add = [&](const std::string& text, Match m) {
        if (text.empty()) return;
        if (text.size() == 1) m = Match::Initial;
        else if (m == Match::AnyCase && common_word_name(text)) m = Match::Capitalised;
        out.push_back({text, role, m});
    };
    const std::vector<std::string> parts = words_of(p.name);
    add(p.name, Match::AnyCase);
    for (const std::string& part : parts)
        if (!is_title(part)) add(part, Match::AnyCase);
    for (const std::string& alias : p.aliases) {
        add(alias, Match::AnyCase);
        // Its parts ("Lee" of "Lee T"; "R" of "Baby R", outranked by a name or an alias as the
        // initials made from names are); "A" and "I" are words.
        for (const std::string& part : words_of(alias)) {
            if (is_title(part) || part == alias || part == "A" || part == "I") continue;
            add(part, part.size() == 1 ? Match::Initial : Match::AnyCase);
            out.back().derived = part.size() == 1;
        }
    }
    if (p.id.size() >= 3) add(p.id, Match::AnyCase);
    std::vector<std::string> names;  // the name's words that are names (no titles), double-barrelled ones whole
    for (const std::string& part : parts)
        if (!is_title(part) && (names.empty() || names.back().find(part) == std::string::npos)) names.push_back(part);
    if (names.empty()) return out;
    const std::string first(1, names.front()[0]);
    if (first[0] >= 'A' && first[0] <= 'Z' && first != "A" && first != "I") {
        add(first, Match::Initial);
        out.back().derived = true;
    }
    if (names.size() >= 2) {
        const std::string& surname = names.back();
        std::string initials, dotted;
        for (const std::string& n : names) {
            initials.push_back(n[0]);
            dotted += std::string(1, n[0]) + ".";
        }
        add(initials, Match::Initial);
        add(dotted, Match::Initial);
        // Without the middle names, and with the first name's initial ("Kelsey Morley", "K Morley").
        add(names.front() + " " + surname, Match::AnyCase);
        add(first + " " + surname, Match::AnyCase);
        add(first + ". " + surname, Match::AnyCase);
        // Titles as the person's sex allows; a child's outranked by an adult's ("Mr Mason" is
        // the father, not his son Alfie Mason).
        for (const std::string_view title : {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}) {
            if ((p.sex == Sex::Male && (title == "Mrs" || title == "Ms" || title == "Miss")) || (p.sex == Sex::Female && title == "Mr"))
                continue;
            const std::string t(title);
            for (const std::string& form : {t + " " + surname, t + ". " + surname, t + " " + names.front() + " " + surname,
                                            t + " " + first + " " + surname, t + " " + p.name}) {
                add(form, Match::AnyCase);
                out.back().derived = child;
            }
        }
    }
    return out;
}

// A form that names several people ("Morley" for a mother and her children, "K" for Kelsey and
// Kyle) becomes "[name]" rather than one of their roles; but a name or an alias outranks an
// initial made from another person's name ("R" declared for Riley, and Ron's initial).
std::vector<Needle> shared_forms_merged(std::vector<Needle> needles) {
    std::map<std::string, std::pair<std::string, bool>> role_of;  // lowercased form -> role (or "[name]"), derived
    for (const Needle& n : needles) {
        std::string key;
        for (char ch : n.text) key.push_back(n.match == Match::Initial ? ch : ascii_lower(ch));
        const auto [it, fresh] = role_of.emplace(key, std::pair{n.role, n.derived});
        if (fresh || n.derived > it->second.second) continue;
        if (n.derived < it->second.second) it->second = {n.role, n.derived};
        else if (it->second.first != n.role) it->second.first = "[name]";
    }
    std::vector<Needle> out;
    std::set<std::string> seen;
    for (Needle& n : needles) {
        std::string key;
        for (char ch : n.text) key.push_back(n.match == Match::Initial ? ch : ascii_lower(ch));
        if (!seen.insert(key).second) continue;
        n.role = role_of[key].first;
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace

bool common_word_name(std::string_view name) {
    // First names and surnames that are also English words, months or modal verbs.
    static constexpr std::array<std::string_view, 64> k_words = {
        "amber", "april",  "august", "autumn", "baker",  "banks",  "bell",   "berry",  "bill",   "bird",   "black",
        "brown", "carter", "chase",  "cook",   "crystal", "daisy", "dawn",   "dean",   "earl",   "faith",  "field",
        "fields", "fox",   "frank",  "grace",  "gray",   "green",  "grey",   "hall",   "heather", "hill",  "holly",
        "hope",  "hunter", "iris",   "ivy",    "jack",   "jade",   "joy",    "june",   "king",   "lane",   "lily",
        "long",  "mark",   "marsh",  "mason",  "may",    "miles",  "moss",   "page",   "park",   "penny",  "poppy",
        "price", "ray",    "reed",   "rich",   "rose",   "ruby",   "summer", "violet", "will"};
    std::string lower;
    for (char ch : name) lower.push_back(ascii_lower(ch));
    return std::find(k_words.begin(), k_words.end(), lower) != k_words.end();
}

std::vector<std::string> roles_for(const Case& c) {
    std::vector<std::string> roles(c.people.size());
    auto name_of = [&](std::size_t i) -> std::string& { return roles[i]; };
    for (std::size_t i = 0; i < c.people.size(); ++i)
        if (!c.people[i].role.empty()) name_of(i) = c.people[i].role;
    for (std::size_t k = 0; k < c.info.index_children.size(); ++k) {
        std::string& r = name_of(index_of(c.info.index_children[k]));
        if (r.empty()) r = "Child " + std::string(1, static_cast<char>('A' + std::min<std::size_t>(k, 25)));
    }
    if (!c.info.index_children.empty()) {
        const PersonId child = c.info.index_children.front();
        std::map<std::uint32_t, std::string> parent_of_child;  // parent -> "Mother"/"Father"
        for (const Relationship& r : c.relationships) {
            if (r.second != child) continue;
            const Person& p = c.person(r.first);
            std::string role;
            switch (r.kind) {
                case RelationshipKind::Parent: role = by_sex(p, "Mother", "Father", "Parent"); break;
                case RelationshipKind::StepParent: role = by_sex(p, "Stepmother", "Stepfather", "Step-parent"); break;
                case RelationshipKind::FosterParent: role = "Foster carer"; break;
                case RelationshipKind::AdoptiveParent: role = by_sex(p, "Adoptive mother", "Adoptive father", "Adoptive parent"); break;
                default: continue;
            }
            if (name_of(index_of(r.first)).empty()) name_of(index_of(r.first)) = role;
            if (r.kind == RelationshipKind::Parent) parent_of_child[index_of(r.first)] = role;
        }
        for (const Relationship& r : c.relationships) {
            // Partners of a parent; grandparents; siblings.
            if (r.kind == RelationshipKind::Partner) {
                for (auto [a, b] : {std::pair{r.first, r.second}, std::pair{r.second, r.first}}) {
                    const auto it = parent_of_child.find(index_of(a));
                    if (it == parent_of_child.end() || parent_of_child.count(index_of(b))) continue;
                    if (name_of(index_of(b)).empty()) name_of(index_of(b)) = it->second + "'s partner";
                }
            } else if (r.kind == RelationshipKind::Parent) {
                const auto it = parent_of_child.find(index_of(r.second));
                if (it != parent_of_child.end() && name_of(index_of(r.first)).empty())
                    name_of(index_of(r.first)) = std::string(it->second == "Father" ? "Paternal " : "Maternal ") +
                                                 by_sex(c.person(r.first), "grandmother", "grandfather", "grandparent");
            }
        }
        int siblings = 0;
        for (const Relationship& r : c.relationships) {
            const bool shares_parent = r.kind == RelationshipKind::Parent && parent_of_child.count(index_of(r.first)) &&
                                       r.second != child && c.index_child_position(r.second) < 0;
            const bool declared = r.kind == RelationshipKind::Sibling && (r.first == child || r.second == child);
            const PersonId s = declared ? (r.first == child ? r.second : r.first) : r.second;
            if ((shares_parent || declared) && name_of(index_of(s)).empty()) name_of(index_of(s)) = "Sibling " + std::to_string(++siblings);
        }
    }
    int adults = 0;
    for (std::string& r : roles)
        if (r.empty()) r = "Adult " + std::to_string(++adults);
    // Roles are unique: a second "Mother's partner" becomes "Mother's partner 2".
    std::map<std::string, int> seen;
    for (std::string& r : roles)
        if (++seen[r] > 1) r += " " + std::to_string(seen[r]);
    return roles;
}

namespace {

// The texts a finding's field holds, rewritten; other values (numbers, days, entries, people by
// id, vocabulary words) are kept.
template <class T, class Rewrite>
void rewrite_texts(T&, const Rewrite&) {}
template <class Rewrite>
void rewrite_texts(std::string& text, const Rewrite& rewrite) {
    text = rewrite(text);
}
template <class T, class Rewrite>
void rewrite_texts(std::vector<T>& list, const Rewrite& rewrite) {
    for (T& item : list) rewrite_texts(item, rewrite);
}
template <class T, class Rewrite>
void rewrite_texts(std::optional<T>& value, const Rewrite& rewrite) {
    if (value) rewrite_texts(*value, rewrite);
}
template <class T, class Rewrite>
void rewrite_texts(Omittable<T>& value, const Rewrite& rewrite) {
    if (value) rewrite_texts(*value, rewrite);
}

}  // namespace

// [SECTION] Anonymise

AnonymiseReport anonymise(Case& c, std::vector<Finding>& findings) {
    AnonymiseReport report;
    const std::vector<std::string> roles = roles_for(c);
    std::vector<Needle> needles;
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        std::vector<Needle> forms = forms_of(c.people[i], roles[i], c.index_child_position(static_cast<PersonId>(i)) >= 0);
        needles.insert(needles.end(), forms.begin(), forms.end());
    }
    // Subjects who are nobody in the case get a label too, and their names go from the text.
    std::map<std::string, std::string> unnamed;
    for (const SubjectRef& s : c.chronology.subjects) {
        if (!is_none(s.person)) continue;
        std::string key;
        for (char ch : s.text) key.push_back(ascii_lower(ch));
        if (unnamed.emplace(key, "Unnamed person " + std::to_string(unnamed.size() + 1)).second) {
            Person someone;
            someone.name = std::string(s.text);
            std::vector<Needle> forms = forms_of(someone, unnamed[key], false);
            needles.insert(needles.end(), forms.begin(), forms.end());
            ++report.unnamed;
        }
    }
    const NeedleIndex names(shared_forms_merged(std::move(needles)));
    // Addresses identify a family as surely as names; replaced after the names (a role such as
    // "Maternal grandmother" could otherwise recreate "grandmother's house"), with the street
    // without its number ("12 Elm Road": "Elm Road") and without "flat" or "house" after it.
    std::vector<Needle> address_forms;
    for (const Residence& r : c.residences) {
        if (r.address.size() < 3) continue;
        std::string a = r.address;
        address_forms.push_back({a, "[address]", Match::AnyCase});
        while (!a.empty() && (is_digit(a.front()) || a.front() == ' ' || a.front() == ',')) a.erase(a.begin());
        for (std::string_view tail : {" flat", " house", " home"})
            if (a.size() > tail.size() && a.compare(a.size() - tail.size(), tail.size(), tail) == 0) a.resize(a.size() - tail.size());
        if (a.size() >= 3 && a != r.address && a.find(' ') != std::string::npos) address_forms.push_back({a, "[address]", Match::AnyCase});
    }
    const NeedleIndex addresses(std::move(address_forms));

    Chronology& ch = c.chronology;
    auto rewrite = [&](std::string_view text) {
        return addresses.replace(names.replace(text, report.replacements), report.replacements);
    };
    ch.for_each_entry([&](Entry& e) {
        const std::string summary = rewrite(e.summary);
        if (summary != e.summary) e.summary = ch.text.store(summary);
    });
    // Fields outside the format (a template's "Action taken", "Impact") are the agencies' words too.
    for (auto& [field, value] : ch.extras) {
        const std::string v = rewrite(value);
        if (v != value) value = ch.text.store(v);
    }
    for (SubjectRef& s : ch.subjects) {
        if (is_none(s.person)) {
            std::string key;
            for (char ch2 : s.text) key.push_back(ascii_lower(ch2));
            s.text = ch.text.store(unnamed[key]);
        } else {
            s.text = ch.text.store(roles[index_of(s.person)]);
        }
    }
    for (auto& [field, value] : ch.extras) {
        const std::string v = rewrite(value);
        if (v != value) value = ch.text.store(v);
    }
    for (std::size_t i = 0; i < c.people.size(); ++i) {
        Person& p = c.people[i];
        p.name = roles[i];
        p.aliases.clear();
        p.id = slug(roles[i]);
        ++report.people;
    }
    // Findings name people by PersonId (written with the person's new id); every text they hold
    // (agency and area names, names as written, reasons) is rewritten.
    for (Finding& f : findings) {
        f.message = rewrite(f.message);
        for_each_field(f, [&](std::string_view, auto& value) { rewrite_texts(value, rewrite); });
    }
    for (Residence& r : c.residences) r.address.clear();
    for (Agency& a : c.agencies) a.name = rewrite(a.name);
    // A title naming a child ("Child R") becomes the child's role.
    if (const std::string title = rewrite(c.info.title); title != c.info.title)
        c.info.title = c.info.index_children.empty() ? std::string("Anonymised case") : roles[index_of(c.info.index_children.front())];
    // File names can carry names too ("family-pat.yaml").
    for (Source& src : c.sources) {
        for (std::string* path : {&src.path, &src.opened}) {
            std::string p = rewrite(*path);
            std::replace(p.begin(), p.end(), ' ', '-');
            *path = p;
        }
    }
    for (EntryNote& n : c.notes.notes) n.text = rewrite(n.text);
    for (ClusterDecision& d : c.notes.clusters) d.note = rewrite(d.note);
    for (KeyEpisode& e : c.notes.episodes) {
        e.title = rewrite(e.title);
        e.note = rewrite(e.note);
    }
    for (std::size_t i = 0; i < c.diagnostics.size(); ++i) c.diagnostics.at(i).message = rewrite(c.diagnostics.at(i).message);
    return report;
}

}  // namespace sightline::engine
