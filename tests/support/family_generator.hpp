// A seeded generator of fictional families for genogram tests and benchmarks: four
// generations, re-partnering with half-siblings, in-laws with and without their own parents,
// single parents, step, foster and adoptive links, deaths, and households over time.
// Portable: draws use only std::mt19937's output (whose sequence the standard fixes), never
// the library-specific distributions, so a seed gives the same family everywhere.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::test {

class FamilyGenerator {
public:
    explicit FamilyGenerator(std::uint32_t seed) : m_rng(seed) {}

    // A case of four generations with between 3/4 and 3/2 of `target` people: families are
    // drawn until one fits (the draws go on from the same generator, so this is deterministic).
    engine::Case make(std::size_t target) {
        engine::Case c;
        for (int attempt = 0; attempt < 1000; ++attempt) {
            c = make_one(target);
            if (c.people.size() * 4 >= target * 3 && c.people.size() * 2 <= target * 3) break;
        }
        return c;
    }

private:
    // One family of four generations, about 20 people per founding couple.
    engine::Case make_one(std::size_t target) {
        using namespace sightline::engine;
        m_couples.clear();
        m_step.clear();
        Case c;
        c.info.title = "Generated family";
        c.manifest_path = "generated/case.yaml";
        // Great-grandparents: couples, a widower among them now and then.
        const std::uint32_t founders =
            std::max<std::uint32_t>(1, static_cast<std::uint32_t>(target / 20)) + draw(2);
        for (std::uint32_t i = 0; i < founders; ++i) {
            const PersonId a = person(c, Sex::Male, 1934 + static_cast<int>(draw(8)));
            const PersonId b = person(c, Sex::Female, 1936 + static_cast<int>(draw(8)));
            if (draw(5) == 0) die(c, a, 2005 + static_cast<int>(draw(10)));
            partner(c, a, b, 1956 + static_cast<int>(draw(6)),
                    draw(6) == 0 ? PartnershipEnd::Divorced : PartnershipEnd::None);
            m_couples.push_back({a, b});
        }
        std::vector<PersonId> youngest;
        for (int gen = 1; gen <= 3; ++gen) {
            std::vector<std::pair<PersonId, PersonId>> next_couples;
            std::vector<PersonId> children;
            for (const auto& [a, b] : m_couples) {
                const std::uint32_t kids = 1 + draw(gen == 1 ? 3 : 2);
                for (std::uint32_t k = 0; k < kids; ++k) {
                    const int year =
                        birth_year(c, a) + 22 + static_cast<int>(draw(5)) + static_cast<int>(k) * 2;
                    const PersonId child = person(c, draw(2) ? Sex::Male : Sex::Female, year);
                    parent(c, a, child, RelationshipKind::Parent);
                    if (!engine::is_none(b)) parent(c, b, child, RelationshipKind::Parent);
                    children.push_back(child);
                }
            }
            if (gen == 3) {
                youngest = children;
                break;
            }
            // Partners for most of the new generation: an in-law (sometimes with parents of
            // their own), and now and then a second partner with more children.
            for (std::size_t i = 0; i < children.size(); ++i) {
                const PersonId child = children[i];
                const int r = static_cast<int>(draw(10));
                if (r < 2) continue;  // no partner
                const Sex other = c.person(child).sex == Sex::Male ? Sex::Female : Sex::Male;
                if (r == 2 && i + 1 < children.size() && !sibling_of(c, child, children[i + 1]) &&
                    c.person(children[i + 1]).sex == other) {
                    // Two of the generation's children (of different families) together.
                    partner(c, child, children[i + 1], birth_year(c, child) + 20, PartnershipEnd::None);
                    next_couples.push_back({child, children[i + 1]});
                    ++i;
                    continue;
                }
                const PersonId in_law =
                    person(c, other, birth_year(c, child) - 2 + static_cast<int>(draw(5)));
                if (r == 3) {  // the in-law's own parents
                    const PersonId f = person(c, Sex::Male, birth_year(c, in_law) - 27);
                    const PersonId m = person(c, Sex::Female, birth_year(c, in_law) - 25);
                    partner(c, f, m, birth_year(c, in_law) - 3, PartnershipEnd::None);
                    parent(c, f, in_law, RelationshipKind::Parent);
                    parent(c, m, in_law, RelationshipKind::Parent);
                }
                const bool split = draw(3) == 0;
                partner(c, child, in_law, birth_year(c, child) + 19,
                        split ? PartnershipEnd::Separated : PartnershipEnd::None);
                next_couples.push_back({child, in_law});
                if (split) {
                    // Re-partnering: half-siblings to come, and sometimes a step-parent link.
                    const PersonId second =
                        person(c, other, birth_year(c, child) + static_cast<int>(draw(6)));
                    partner(c, child, second, birth_year(c, child) + 27, PartnershipEnd::None);
                    next_couples.push_back({child, second});
                    m_step.push_back({second, child});
                } else if (draw(6) == 0) {
                    // A single parent: the other parent is unknown.
                    next_couples.push_back({child, engine::k_none<PersonId>});
                }
            }
            if (next_couples.empty() && !children.empty()) {
                // Someone always carries the family on to the next generation.
                const PersonId child = children.front();
                const Sex other = c.person(child).sex == Sex::Male ? Sex::Female : Sex::Male;
                const PersonId in_law = person(c, other, birth_year(c, child));
                partner(c, child, in_law, birth_year(c, child) + 20, PartnershipEnd::None);
                next_couples.push_back({child, in_law});
            }
            m_couples = std::move(next_couples);
        }
        // Step links: a new partner becomes step-parent of the first partnership's children.
        for (const auto& [step, parent_of] : m_step)
            for (std::size_t i = 0; i < c.relationships.size(); ++i) {
                const Relationship r = c.relationships[i];
                if (r.kind == RelationshipKind::Parent && r.first == parent_of &&
                    !has_parent(c, r.second, step)) {
                    parent(c, step, r.second, RelationshipKind::StepParent);
                    break;
                }
            }
        // The index child is the youngest generation's first child; a foster carer looks
        // after them for a while, and one couple of their parents' generation adopted a child.
        if (!youngest.empty()) {
            const PersonId index = youngest.front();
            c.info.index_children.push_back(index);
            const PersonId carer = person(c, Sex::Female, birth_year(c, index) - 40);
            parent(c, carer, index, RelationshipKind::FosterParent);
            const auto [a, b] = m_couples.front();
            const PersonId adopted = person(c, draw(2) ? Sex::Male : Sex::Unknown, birth_year(c, index) + 1);
            parent(c, a, adopted, RelationshipKind::AdoptiveParent);
            if (!engine::is_none(b)) parent(c, b, adopted, RelationshipKind::AdoptiveParent);
        }
        households(c);
        return c;
    }

    // A uniform draw in [0, n) from the raw generator output.
    std::uint32_t draw(std::uint32_t n) { return static_cast<std::uint32_t>(m_rng() % n); }

    engine::PersonId person(engine::Case& c, engine::Sex sex, int born) {
        engine::Person p;
        p.id = "p" + std::to_string(c.people.size());
        static const char* const k_names[] = {"Alex", "Billie", "Casey", "Dana", "Eli",   "Frankie",
                                              "Gene", "Harper", "Indy",  "Jo",   "Kai",   "Lou",
                                              "Max",  "Noor",   "Ollie", "Pat",  "Quinn", "Robin",
                                              "Sam",  "Toni",   "Uma",   "Val",  "Wren",  "Yan"};
        p.name = std::string(k_names[c.people.size() % 24]) + " " + std::to_string(c.people.size());
        p.sex = sex;
        const int month = 1 + static_cast<int>(draw(12));
        p.born = draw(5) == 0 ? engine::parse_date(std::to_string(born)).date
                              : engine::make_day(born, static_cast<unsigned>(month), 1 + draw(28));
        c.add_person(std::move(p));
        return static_cast<engine::PersonId>(c.people.size() - 1);
    }
    static int birth_year(const engine::Case& c, engine::PersonId p) {
        const auto& born = c.person(p).born;
        return born ? born->first.year : 1960;
    }
    void die(engine::Case& c, engine::PersonId p, int year) {
        c.people[engine::index_of(p)].died = engine::make_day(year, 1 + draw(12), 1 + draw(28));
    }
    void partner(engine::Case& c, engine::PersonId a, engine::PersonId b, int from,
                 engine::PartnershipEnd end) {
        engine::Relationship r;
        r.kind = engine::RelationshipKind::Partner;
        r.first = a;
        r.second = b;
        r.from = engine::make_day(from, 1 + draw(12), 1 + draw(28));
        if (end != engine::PartnershipEnd::None)
            r.to = engine::make_day(from + 5 + static_cast<int>(draw(5)), 6, 1);
        r.ended = end;
        c.relationships.push_back(r);
    }
    static void parent(engine::Case& c, engine::PersonId p, engine::PersonId child,
                       engine::RelationshipKind kind) {
        engine::Relationship r;
        r.kind = kind;
        r.first = p;
        r.second = child;
        c.relationships.push_back(r);
    }
    static bool has_parent(const engine::Case& c, engine::PersonId child, engine::PersonId p) {
        for (const auto& r : c.relationships)
            if (r.second == child && r.first == p && r.kind != engine::RelationshipKind::Partner) return true;
        return false;
    }
    static bool sibling_of(const engine::Case& c, engine::PersonId a, engine::PersonId b) {
        for (const auto& r : c.relationships)
            if (r.kind == engine::RelationshipKind::Parent && r.second == a && has_parent(c, b, r.first))
                return true;
        return false;
    }
    // Everyone lives somewhere: couples with their young children; some moves over time.
    void households(engine::Case& c) {
        const engine::AreaId areas[] = {c.intern_area("Northfield"), c.intern_area("Southmoor"),
                                        c.intern_area("Westbury")};
        std::vector<bool> housed(c.people.size(), false);
        std::uint32_t address = 0;
        for (const auto& r : c.relationships) {
            if (r.kind != engine::RelationshipKind::Partner || housed[engine::index_of(r.first)] ||
                housed[engine::index_of(r.second)])
                continue;
            engine::Residence home;
            home.people = {r.first, r.second};
            for (const auto& k : c.relationships)
                if (k.kind == engine::RelationshipKind::Parent &&
                    (k.first == r.first || k.first == r.second) && !housed[engine::index_of(k.second)] &&
                    birth_year(c, k.second) >= 2000) {
                    home.people.push_back(k.second);
                    housed[engine::index_of(k.second)] = true;
                }
            housed[engine::index_of(r.first)] = housed[engine::index_of(r.second)] = true;
            home.area = areas[draw(3)];
            home.address = "house " + std::to_string(++address);
            home.from = engine::make_day(2010, 1 + draw(12), 1);
            if (draw(3) == 0) {
                home.to = engine::make_day(2014, 1 + draw(12), 1);
                engine::Residence moved = home;
                moved.people.erase(moved.people.begin());  // one partner leaves
                moved.from = home.to;
                moved.to.reset();
                moved.address = "flat " + std::to_string(++address);
                c.residences.push_back(home);
                c.residences.push_back(moved);
                continue;
            }
            c.residences.push_back(home);
        }
    }

    std::mt19937 m_rng;
    std::vector<std::pair<engine::PersonId, engine::PersonId>> m_couples;
    std::vector<std::pair<engine::PersonId, engine::PersonId>> m_step;  // (step-parent, their partner)
};

}  // namespace sightline::test
