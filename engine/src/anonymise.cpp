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

struct Needle {
    std::string text;
    std::string role;
    bool exact_case = false;             // one-letter aliases: only in capitals, standing alone
};

// Replaces every whole-word occurrence of each needle (longest first); counts replacements.
std::string replace_names(std::string_view text, const std::vector<Needle>& needles, std::size_t& count) {
    std::string out(text);
    for (const Needle& n : needles) {
        const std::size_t len = n.text.size();
        std::size_t at = 0;
        while (at + len <= out.size()) {
            bool match = true;
            for (std::size_t k = 0; k < len && match; ++k)
                match = n.exact_case ? out[at + k] == n.text[k] : ascii_lower(out[at + k]) == ascii_lower(n.text[k]);
            const bool left = boundary_before(out, at);
            const bool right = boundary_after(out, at + len);
            // A one-letter alias is a name only where it stands alone ("S seen alone"), not in "A&E".
            const bool alone = !n.exact_case || ((at == 0 || out[at - 1] == ' ' || out[at - 1] == '(') &&
                                                 (at + len == out.size() ||
                                                  std::string_view(" ,.;:)'").find(out[at + len]) != std::string_view::npos ||
                                                  punctuation_at(out, at + len)));
            if (match && left && right && alone) {
                out.replace(at, len, n.role);
                at += n.role.size();
                ++count;
            } else {
                ++at;
            }
        }
    }
    return out;
}

}  // namespace

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
        const Person& p = c.people[i];
        std::vector<std::string> names{p.name};
        names.insert(names.end(), p.aliases.begin(), p.aliases.end());
        if (p.id.size() >= 3) names.push_back(p.id);
        for (const std::string& n : names) {
            if (n.empty()) continue;
            needles.push_back({n, roles[i], n.size() == 1});
        }
    }
    // Subjects who are nobody in the case get a label too, and their names go from the text.
    std::map<std::string, std::string> unnamed;
    for (const SubjectRef& s : c.chronology.subjects) {
        if (!is_none(s.person)) continue;
        std::string key;
        for (char ch : s.text) key.push_back(ascii_lower(ch));
        if (unnamed.emplace(key, "Unnamed person " + std::to_string(unnamed.size() + 1)).second) {
            needles.push_back({std::string(s.text), unnamed[key], s.text.size() == 1});
            // The name without its title or relation: "Uncle Mick" is also written "Mick".
            static constexpr std::array<std::string_view, 14> k_titles = {"uncle", "aunt", "auntie", "mr", "mrs", "ms", "miss",
                                                                         "dr", "nan", "nanna", "grandad", "grandma", "cousin", "the"};
            std::size_t start = 0;
            const std::string text(s.text);
            while (start < text.size()) {
                std::size_t end = text.find(' ', start);
                if (end == std::string::npos) end = text.size();
                const std::string word = text.substr(start, end - start);
                std::string lowered;
                for (char ch2 : word) lowered.push_back(ascii_lower(ch2));
                if (word.size() >= 3 && word != text && std::find(k_titles.begin(), k_titles.end(), lowered) == k_titles.end())
                    needles.push_back({word, unnamed[key], false});
                start = end + 1;
            }
            ++report.unnamed;
        }
    }
    std::stable_sort(needles.begin(), needles.end(), [](const Needle& a, const Needle& b) { return a.text.size() > b.text.size(); });
    // Addresses identify a family as surely as names; replaced after the names (a role such as
    // "Maternal grandmother" could otherwise recreate "grandmother's house").
    std::vector<Needle> addresses;
    for (const Residence& r : c.residences)
        if (r.address.size() >= 3) addresses.push_back({r.address, "[address]", false});
    std::stable_sort(addresses.begin(), addresses.end(), [](const Needle& a, const Needle& b) { return a.text.size() > b.text.size(); });

    Chronology& ch = c.chronology;
    auto rewrite = [&](std::string_view text) {
        return replace_names(replace_names(text, needles, report.replacements), addresses, report.replacements);
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
