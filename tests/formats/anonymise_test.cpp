// Anonymised exports: roles for people, and no real name, alias or address left anywhere.
#include "sightline/engine/anonymise.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <iostream>
#include <regex>
#include <tuple>

#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/episodes.hpp"
#include "sightline/engine/generate.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/engine/knowledge.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/timeline.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/documents.hpp"
#include "sightline/formats/episodes_report.hpp"
#include "sightline/formats/genogram_writer.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/picture.hpp"
#include "sightline/formats/xlsx_writer.hpp"
#include "support/temp_dir.hpp"
#include "support/zip_builder.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::read_zip_part;
using sightline::test::TempDir;

namespace {

Case sample() { return formats::load_case(std::string(SIGHTLINE_SAMPLES) + "/child-r"); }

TEST(Anonymise, RolesFollowRelationsToTheFirstIndexChild) {
    const Case c = sample();
    const std::vector<std::string> roles = roles_for(c);
    std::map<std::string, std::string> by_id;
    for (std::size_t i = 0; i < c.people.size(); ++i) by_id[c.people[i].id] = roles[i];
    EXPECT_EQ(by_id["child-r"], "Child A");
    EXPECT_EQ(by_id["child-s"], "Child B");
    EXPECT_EQ(by_id["mother"], "Mother");
    EXPECT_EQ(by_id["father"], "Father");
    EXPECT_EQ(by_id["lee"], "Mother's partner");
    EXPECT_EQ(by_id["kerry"], "Father's partner");
    EXPECT_EQ(by_id["pat"], "Maternal grandmother");
    EXPECT_EQ(by_id["ron"], "Maternal grandfather");
}

TEST(Anonymise, NoNameAliasOrAddressSurvivesInAnyExport) {
    Case c = sample();
    // Everything that names someone, gathered before anonymising.
    std::vector<std::string> names{"Uncle Mick", "Mick"};
    for (const Person& p : c.people) {
        names.push_back(p.name);
        for (const std::string& a : p.aliases)
            if (a.size() >= 2) names.push_back(a);
    }
    for (const Residence& r : c.residences)
        if (!r.address.empty()) names.push_back(r.address);
    std::vector<std::string> ids;
    for (const Entry& e : c.chronology.entries) ids.push_back(entry_id(e));
    std::vector<Finding> findings = analyse(c);
    const std::size_t finding_count = findings.size();

    const AnonymiseReport report = anonymise(c, findings);
    EXPECT_EQ(report.people, 8u);
    EXPECT_EQ(report.unnamed, 1u);
    EXPECT_GT(report.replacements, 100u);
    std::string out;
    formats::write_merge_json(c, out);
    formats::write_chronology_markdown(c, out);
    formats::write_check_json(c, findings, out);
    formats::write_check_text(c, findings, out);
    const GenogramLayout layout = compute_layout(c);
    formats::write_genogram_svg(c, layout, genogram_at(layout, c, days_from_civil(2015, 11, 1)), out);
    for (const std::string& name : names) {
        const std::regex word("(^|[^A-Za-z])" + name + "([^A-Za-z]|$)", std::regex::icase);
        std::smatch m;
        EXPECT_FALSE(std::regex_search(out, m, word)) << "'" << name << "' is still in the export: ..."
                                                      << m.str() << "...";
    }
    EXPECT_NE(out.find("Mother's partner"), std::string::npos);
    // Same entries, same ids (notes still match), same findings.
    for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(entry_id(c.chronology.entries[i]), ids[i]);
    EXPECT_EQ(findings.size(), finding_count);
    EXPECT_EQ(c.info.title, "Child A");
}

}  // namespace

namespace {

// [SECTION] Every name form, in every anonymised output

// How a form is looked for in an output: as the anonymiser promises to have replaced it
// (engine/anonymise.hpp), restated here independently.
enum class Look : std::uint8_t { AnyCase, Capitalised, Initial };

struct NameForm {
    std::string text;
    Look look = Look::AnyCase;
    std::string kind;  // "full name", "name part", "alias", "title and surname", "initial", "address"
};

bool letter_or_digit(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

char lower(char ch) { return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch; }

bool word_at_sentence_start(const std::string& text, std::size_t at) {
    std::size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '"' || text[i - 1] == '(' || text[i - 1] == '>' || text[i - 1] == ',' || text[i - 1] == '|')) --i;
    return i == 0 || std::string_view(".!?:;\n\"").find(text[i - 1]) != std::string_view::npos || text[i] == '"' ||
           (at > 0 && std::string_view(",>|\"").find(text[at - 1]) != std::string_view::npos);
}

// A common-word name used as the word: a month beside a number, or a sentence's first word
// before be, have, not, on, of, above, below, near, under, also, need, needs.
bool used_as_word(const std::string& text, std::size_t at, std::size_t end, const std::string& form) {
    std::string l;
    for (char ch : form) l.push_back(lower(ch));
    if (l == "may" || l == "june" || l == "april" || l == "august") {
        std::size_t a = end, b = at;
        while (a < text.size() && text[a] == ' ') ++a;
        while (b > 0 && text[b - 1] == ' ') --b;
        while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1])) && b >= 2 &&
               std::string_view("stndrh").find(text[b - 1]) != std::string_view::npos)
            --b;
        if ((a < text.size() && std::isdigit(static_cast<unsigned char>(text[a]))) ||
            (b > 0 && std::isdigit(static_cast<unsigned char>(text[b - 1]))))
            return true;
    }
    if (!word_at_sentence_start(text, at)) return false;
    std::size_t a = end;
    while (a < text.size() && text[a] == ' ') ++a;
    std::string next;
    while (a < text.size() && letter_or_digit(text[a])) next.push_back(lower(text[a++]));
    for (const char* w : {"be", "have", "not", "on", "of", "above", "below", "near", "under", "also", "need", "needs"})
        if (next == w) return true;
    return false;
}

// Where the form is written in text, as the anonymiser should have replaced it; not inside the
// roles it wrote ("A" of "Child A"), nor an initial before "..." (a summary cut short: "to L...").
std::vector<std::size_t> occurrences(const std::string& text, const NameForm& f, const std::vector<bool>& in_role) {
    std::vector<std::size_t> out;
    const std::size_t n = f.text.size();
    for (std::size_t at = 0; at + n <= text.size(); ++at) {
        if (in_role[at]) continue;
        if (f.look == Look::Initial && text.compare(at + n, 3, "...") == 0) continue;
        bool same = true;
        for (std::size_t k = 0; k < n && same; ++k)
            same = f.look == Look::Initial ? text[at + k] == f.text[k] : lower(text[at + k]) == lower(f.text[k]);
        if (!same) continue;
        const char before = at ? text[at - 1] : ' ';
        const char after = at + n < text.size() ? text[at + n] : ' ';
        if (letter_or_digit(before) || letter_or_digit(after)) continue;
        if (f.look == Look::Capitalised && (!(text[at] >= 'A' && text[at] <= 'Z') || used_as_word(text, at, at + n, f.text)))
            continue;
        if (f.look == Look::Initial && (std::string_view(" (\"\n,>|").find(before) == std::string_view::npos ||
                                        std::string_view(" ,.;:)'\"\n<|").find(after) == std::string_view::npos))
            continue;
        out.push_back(at);
    }
    return out;
}

bool is_title_word(const std::string& w) {
    std::string l;
    for (char ch : w) l.push_back(lower(ch));
    for (const char* t : {"mr", "mrs", "ms", "miss", "mx", "dr", "uncle", "aunt", "auntie", "nan", "nanna", "grandad",
                          "grandma", "cousin", "the", "baby", "little", "big", "young", "old"})
        if (l == t) return true;
    return false;
}

std::vector<std::string> split(const std::string& s, const char* seps) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : s + seps[0]) {
        if (std::strchr(seps, ch)) {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w.push_back(ch);
        }
    }
    return out;
}

// Every form of every name the case holds, before anonymising: people (full name, parts,
// aliases and their parts, title and surname, initials), the names of subjects who are nobody in
// the case, and addresses.
std::vector<NameForm> name_forms(const Case& c) {
    std::vector<NameForm> out;
    const auto add = [&](const std::string& text, const std::string& kind, Look look = Look::AnyCase) {
        if (text.empty()) return;
        if (text.size() == 1) look = Look::Initial;
        else if (look == Look::AnyCase && common_word_name(text)) look = Look::Capitalised;
        for (const NameForm& f : out)
            if (f.text == text) return;
        out.push_back({text, look, kind});
    };
    std::vector<std::string> names;
    for (const Person& p : c.people) names.push_back(p.name);
    for (const SubjectRef& s : c.chronology.subjects)
        if (is_none(s.person)) names.emplace_back(s.text);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::vector<std::string> words = split(names[i], " ");
        add(names[i], words.size() > 1 ? "full name" : "name part");
        std::vector<std::string> given;
        for (const std::string& w : words)
            if (!is_title_word(w)) {
                given.push_back(w);
                for (const std::string& part : split(w, "-")) add(part, "name part");
            }
        if (!given.empty() && given[0][0] != 'A' && given[0][0] != 'I' && given[0][0] >= 'A' && given[0][0] <= 'Z')
            add(std::string(1, given[0][0]), "initial", Look::Initial);
        if (given.size() >= 2) {
            std::string initials;
            for (const std::string& g : given) initials.push_back(g[0]);
            add(initials, "initial", Look::Initial);
            for (const char* t : {"Mr ", "Mrs ", "Ms ", "Miss "}) add(t + given.back(), "title and surname");
        }
        if (i < c.people.size())
            for (const std::string& alias : c.people[i].aliases) {
                add(alias, "alias");
                for (const std::string& part : split(alias, " "))
                    if (!is_title_word(part) && part != "A" && part != "I") add(part, part.size() == 1 ? "initial" : "alias");
            }
    }
    for (const Residence& r : c.residences)
        if (r.address.size() >= 3) add(r.address, "address");
    return out;
}

// Every anonymised output of a case: merge (md, csv, json, xlsx, docx), check (text, json),
// genogram (svg, json), episodes (md, json, and the pack in html and docx), the report (html,
// docx) and the timeline picture. The case gains a note, a decision and an episode naming people.
std::vector<std::pair<std::string, std::string>> anonymised_outputs(Case& c, const TempDir& dir) {
    const Person& child = c.person(c.info.index_children.front());
    const Person& adult = c.people.back();
    const std::string child_first = child.name.substr(0, child.name.find(' '));
    const std::string entry = entry_id(c.chronology.entries.front());
    c.notes.notes.push_back({entry, child.name + " (" + child_first.substr(0, 1) + ") and " + adult.name + "'s account: " +
                                        child_first + "'s words were written down.", 1});
    c.notes.episodes.push_back({"Before " + child_first + "'s move", format_date(c.chronology.entries.front().date),
                                format_date(c.chronology.entries.back().date), adult.name + " was not asked about " + child.name, 2});
    std::vector<Finding> findings = analyse(c);
    const auto views = episode_views(c, findings, who_knew(c, find_clusters(c)));
    const GenogramLayout layout = compute_layout(c);
    anonymise(c, findings);
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const std::string& name, const auto& write) {
        std::string text;
        write(text);
        out.emplace_back(name, text);
    };
    add("merge md", [&](std::string& s) { formats::write_chronology_markdown(c, s); });
    add("merge csv", [&](std::string& s) { formats::write_chronology_csv(c, s); });
    add("merge json", [&](std::string& s) { formats::write_merge_json(c, s); });
    add("check text", [&](std::string& s) { formats::write_check_text(c, findings, s); });
    add("check json", [&](std::string& s) { formats::write_check_json(c, findings, s); });
    const GenogramLayout anonymised_layout = compute_layout(c);
    const auto at = genogram_at(anonymised_layout, c, seconds_day(c.chronology.entries.back().date.earliest));
    add("genogram svg", [&](std::string& s) { formats::write_genogram_svg(c, anonymised_layout, at, s); });
    add("genogram json", [&](std::string& s) { formats::write_genogram_json(c, anonymised_layout, at, s); });
    add("episodes md", [&](std::string& s) { formats::write_episodes_markdown(c, findings, views, s); });
    add("episodes json", [&](std::string& s) { formats::write_episodes_json(c, findings, views, s); });
    Diagnostics warnings;
    const std::string xlsx = dir.file("anonymised.xlsx");
    formats::write_chronology_xlsx(c, xlsx, warnings);
    add("merge xlsx", [&](std::string& s) {
        s = read_zip_part(xlsx, "xl/worksheets/sheet1.xml") + read_zip_part(xlsx, "xl/sharedStrings.xml");
    });
    // The reviewer's documents: the chronology, the report and the pack, in Word (the document's
    // text) and HTML (pictures' text inline), and the timeline picture.
    const auto word_text = [](const std::string& path) { return read_zip_part(path, "word/document.xml"); };
    const auto file_text = [](const std::string& path) { return std::string(formats::read_file(path).view()); };
    formats::write_chronology_docx(c, dir.file("chronology.docx"));
    add("merge docx", [&](std::string& s) { s = word_text(dir.file("chronology.docx")); });
    for (const char* ext : {"html", "docx"}) {
        const std::string report = dir.file(std::string("report.") + ext), pack = dir.file(std::string("pack.") + ext);
        formats::write_overview_report(c, findings, views, report);
        formats::write_episodes_pack(c, findings, views, pack);
        const bool word = std::string(ext) == "docx";
        add(std::string("report ") + ext, [&](std::string& s) { s = word ? word_text(report) : file_text(report); });
        add(std::string("episodes ") + ext, [&](std::string& s) { s = word ? word_text(pack) : file_text(pack); });
    }
    add("timeline svg", [&](std::string& s) { formats::write_picture_svg(formats::case_timeline_picture(c, findings), s); });
    (void)layout;
    return out;
}

// Counts, across the cases scanned, for the failure message and the record.
struct Scan {
    std::size_t cases = 0, forms = 0, outputs = 0, bytes = 0, leaks = 0;
    std::map<std::string, std::size_t> forms_by_kind;
    std::string first_leaks;
};

// Looks for every name form of c in every anonymised output of it (c is anonymised).
void scan(Case& c, const TempDir& dir, Scan& total) {
    const std::vector<NameForm> forms = name_forms(c);
    const std::string title = c.info.title;
    const auto outputs = anonymised_outputs(c, dir);
    ++total.cases;
    total.forms += forms.size();
    for (const NameForm& f : forms) ++total.forms_by_kind[f.kind];
    std::vector<std::string> roles{"[name]", "[address]"};
    for (const Person& p : c.people) roles.push_back(p.name);
    for (const SubjectRef& s : c.chronology.subjects) roles.emplace_back(s.text);
    for (const auto& [name, text] : outputs) {
        ++total.outputs;
        total.bytes += text.size();
        std::vector<bool> in_role(text.size() + 1, false);
        for (const std::string& role : roles)
            for (std::size_t at = 0; !role.empty() && (at = text.find(role, at)) != std::string::npos; ++at)
                std::fill(in_role.begin() + static_cast<std::ptrdiff_t>(at), in_role.begin() + static_cast<std::ptrdiff_t>(at + role.size()), true);
        for (const NameForm& f : forms)
            for (const std::size_t at : occurrences(text, f, in_role)) {
                ++total.leaks;
                if (total.first_leaks.size() < 4000)
                    total.first_leaks += "  " + title + ", " + name + ": " + f.kind + " '" + f.text + "' in ..." +
                                         text.substr(at < 40 ? 0 : at - 40, 80) + "...\n";
            }
    }
}

std::string described(const Scan& s) {
    std::string out = std::to_string(s.forms) + " name forms (";
    for (const auto& [kind, n] : s.forms_by_kind) out += std::to_string(n) + " " + kind + ", ";
    out.resize(out.size() - 2);
    return out + ") of " + std::to_string(s.cases) + " cases looked for in " + std::to_string(s.outputs) + " outputs (" +
           std::to_string(s.bytes) + " bytes): " + std::to_string(s.leaks) + " left";
}

TEST(AnonymiseLeaks, NoNameFormInAnyOutputOfTheSample) {
    TempDir dir;
    Scan s;
    Case c = sample();
    scan(c, dir, s);
    EXPECT_EQ(s.leaks, 0u) << described(s) << "\n" << s.first_leaks;
    std::cout << "[ sample   ] " << described(s) << "\n";
}

TEST(AnonymiseLeaks, NoNameFormInAnyOutputOfGeneratedCasesWithFullNames) {
    TempDir dir;
    Scan s;
    std::size_t common_words = 0;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        SyntheticCase g = generate_case(seed, {.full_names = true});
        for (const NameForm& f : name_forms(g.c)) common_words += f.look == Look::Capitalised;
        scan(g.c, dir, s);
    }
    EXPECT_EQ(s.leaks, 0u) << described(s) << "\n" << s.first_leaks;
    EXPECT_GT(common_words, 12u);  // every case has people whose names are also words
    std::cout << "[ generated] " << described(s) << "\n";
}

TEST(AnonymiseLeaks, CommonWordsStayWhereTheyAreWords) {
    Case c = sample();
    Person may;
    may.id = "may";
    may.name = "May Dean";
    c.add_person(may);
    std::vector<Finding> none;
    const std::string text =
        "May attended with Dean. She may need help; the dean of the college will call. May be seen on 3 May 2015. "
        "MAY DEAN seen. Mark on her arm. Rose's account.";
    c.notes.notes.push_back({"x", text, 1});
    anonymise(c, none);
    const std::string role = c.people.back().name;
    EXPECT_EQ(c.notes.notes.back().text, role + " attended with " + role + ". She may need help; the dean of the college will call. "
                                         "May be seen on 3 May 2015. " + role + " seen. Mark on her arm. Rose's account.");
}

TEST(AnonymiseLeaks, InitialsTitlesPossessivesAndCapitals) {
    Case c = sample();
    Person k;
    k.id = "k";
    k.name = "Jolene Marsh-Okafor";
    k.sex = Sex::Female;
    c.add_person(k);
    std::vector<Finding> none;
    c.notes.notes.push_back({"x", "J's mum; Ms Marsh-Okafor and JOLENE; Okafor family; (J) cried; J. said; JM seen; vitamin J1.", 1});
    anonymise(c, none);
    const std::string role = c.people.back().name;
    EXPECT_EQ(c.notes.notes.back().text, role + "'s Mother; " + role + " and " + role + "; " + role + " family; (" + role + ") cried; " +
                                             role + ". said; " + role + " seen; vitamin J1.");
}

TEST(AnonymiseLeaks, AFullNameIsOneRoleAndTitlesFollowSex) {
    Case c = sample();
    for (const auto& [id, name, sex] : {std::tuple{"ashley", "Ashley Will Mason", Sex::Male}, std::tuple{"kirsty", "Kirsty Mason", Sex::Female}}) {
        Person p;
        p.id = id;
        p.name = name;
        p.sex = sex;
        c.add_person(p);
    }
    std::vector<Finding> none;
    c.notes.notes.push_back({"x", "Ashley Mason and Kirsty; Mr Mason, Ms Mason, ASHLEY WILL MASON; the Mason family.", 1});
    anonymise(c, none);
    const std::string he = c.people[c.people.size() - 2].name, she = c.people.back().name;
    EXPECT_EQ(c.notes.notes.back().text, he + " and " + she + "; " + he + ", " + she + ", " + he + "; the [name] family.");
}

}  // namespace
