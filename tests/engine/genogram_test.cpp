// The genogram: family graph, generations, layout invariants, households, the state at a date.
#include "sightline/engine/genogram.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "support/family_generator.hpp"

using namespace sightline::engine;

namespace {

// [SECTION] Building cases

FuzzyDate date(const char* text) {
    const DateParseResult r = parse_date(text);
    EXPECT_TRUE(r.date) << text;
    return r.date.value_or(FuzzyDate{});
}

std::int32_t day(const char* text) {
    return date(text).earliest_day();
}

// Builds a case in code: people by id, relationships and residences by those ids.
class Family {
public:
    Family() {
        c.info.title = "Test";
        c.manifest_path = "case.yaml";
    }

    PersonId person(const char* id, Sex sex, const char* born = nullptr, const char* died = nullptr) {
        Person p;
        p.id = id;
        p.name = std::string(1, static_cast<char>(id[0] - 'a' + 'A')) + (id + 1);
        p.sex = sex;
        if (born) p.born = date(born);
        if (died) p.died = date(died);
        EXPECT_TRUE(c.add_person(std::move(p)));
        return id_of(id);
    }
    PersonId id_of(const char* id) const { return c.find_person(id); }

    void relate(RelationshipKind kind, const char* a, const char* b, const char* from = nullptr,
                const char* to = nullptr, PartnershipEnd ended = PartnershipEnd::None) {
        Relationship r;
        r.kind = kind;
        r.first = id_of(a);
        r.second = id_of(b);
        if (from) r.from = date(from);
        if (to) r.to = date(to);
        r.ended = ended;
        r.line = static_cast<std::uint32_t>(10 + c.relationships.size());
        c.relationships.push_back(r);
    }
    void parent(const char* p, const char* child) { relate(RelationshipKind::Parent, p, child); }
    void partner(const char* a, const char* b, const char* from = nullptr, const char* to = nullptr,
                 PartnershipEnd ended = PartnershipEnd::None) {
        relate(RelationshipKind::Partner, a, b, from, to, ended);
    }
    void home(std::initializer_list<const char*> people, const char* area, const char* address,
              const char* from, const char* to = nullptr) {
        Residence r;
        for (const char* p : people) r.people.push_back(id_of(p));
        r.area = c.intern_area(area);
        r.address = address;
        if (from) r.from = date(from);
        if (to) r.to = date(to);
        c.residences.push_back(r);
    }
    void index(const char* id) { c.info.index_children.push_back(id_of(id)); }

    Case c;
};

// The sample case's family (samples/child-r/case.yaml), built in code.
Family child_r() {
    Family f;
    f.person("child-r", Sex::Male, "2014-10-03");
    f.person("child-s", Sex::Female, "2010-03-20");
    f.person("mother", Sex::Female, "~1993");
    f.person("father", Sex::Male, "1990");
    f.person("lee", Sex::Male);
    f.person("kerry", Sex::Female);
    f.person("pat", Sex::Female, "1968");
    f.person("ron", Sex::Male, "1965", "2012-08");
    const char* const names[][2] = {
        {"child-r", "Riley"}, {"child-s", "Skye"}, {"mother", "Dana"}, {"father", "Craig"}};
    for (const auto& [id, name] : names) f.c.people[index_of(f.id_of(id))].name = name;
    f.index("child-r");
    f.index("child-s");
    f.parent("mother", "child-r");
    f.parent("mother", "child-s");
    f.parent("father", "child-r");
    f.parent("father", "child-s");
    f.parent("pat", "mother");
    f.parent("ron", "mother");
    f.partner("pat", "ron", nullptr, "2012-08", PartnershipEnd::Died);
    f.partner("mother", "father", "2009", "2015-02", PartnershipEnd::Separated);
    f.partner("mother", "lee", "~2015-05");
    f.partner("father", "kerry", "~2015-09");
    f.home({"mother", "child-s", "child-r", "pat"}, "Harrowfield", "grandmother's house", "2013-09",
           "2015-01-31");
    f.home({"pat"}, "Harrowfield", "grandmother's house", "2015-01-31");
    f.home({"father"}, "Harrowfield", "own flat", "2013-09");
    f.home({"mother", "child-s", "child-r"}, "Eastmere", "Cannon Street flat", "2015-02-14", "2015-10-12");
    f.home({"mother", "child-s", "child-r", "lee"}, "Lowbridge", "Weir Road flat", "2015-10-12");
    return f;
}

// [SECTION] Checking layouts

// Position of a person in their row, left to right.
std::size_t rank(const GenogramLayout& l, PersonId p) {
    const auto& row = l.rows[static_cast<std::size_t>(l.person(p).generation)];
    return static_cast<std::size_t>(std::find(row.begin(), row.end(), p) - row.begin());
}

bool adjacent(const GenogramLayout& l, PersonId a, PersonId b) {
    if (l.person(a).generation != l.person(b).generation) return false;
    const std::size_t ra = rank(l, a);
    const std::size_t rb = rank(l, b);
    return ra + 1 == rb || rb + 1 == ra;
}

// Partner and single-parent unions per person (the block degree).
std::map<std::uint32_t, int> partnerships(const GenogramLayout& l) {
    std::map<std::uint32_t, int> out;
    for (const FamilyUnion& u : l.family.unions) {
        if (u.kind == UnionKind::UnknownParents) continue;
        ++out[index_of(u.first)];
        if (!is_none(u.second)) ++out[index_of(u.second)];
    }
    return out;
}

// The invariants every layout keeps.
void expect_invariants(const Case& c, const GenogramLayout& l) {
    ASSERT_EQ(l.people.size(), c.people.size());
    ASSERT_EQ(l.rows.size(), l.row_y.size());
    // One row per generation, rows top to bottom, everyone in exactly one row.
    std::size_t placed = 0;
    for (std::size_t g = 0; g < l.rows.size(); ++g) {
        if (g > 0) {
            EXPECT_GT(l.row_y[g] - l.row_above, l.row_y[g - 1] + l.row_below)
                << "rows " << g - 1 << " and " << g;
        }
        for (const PersonId p : l.rows[g]) {
            EXPECT_EQ(l.person(p).generation, static_cast<std::int32_t>(g));
            EXPECT_EQ(l.person(p).centre.y, l.row_y[g]);
            ++placed;
        }
        // No two people overlap: extents (symbol and labels) are apart, in row order.
        for (std::size_t i = 1; i < l.rows[g].size(); ++i) {
            const Rect& a = l.person(l.rows[g][i - 1]).extent;
            const Rect& b = l.person(l.rows[g][i]).extent;
            EXPECT_LE(a.x1, b.x0) << c.person(l.rows[g][i - 1]).id << " overlaps "
                                  << c.person(l.rows[g][i]).id;
        }
    }
    EXPECT_EQ(placed, c.people.size());
    for (const GenogramPerson& gp : l.people)
        EXPECT_TRUE(l.bounds.contains(gp.extent)) << c.person(gp.person).id;
    // Parents above children, and every child line ends on top of its child.
    for (const ChildLink& link : l.family.links) {
        const FamilyUnion& u = l.family.union_of(link.from);
        for (const PersonId p : {u.first, u.second}) {
            if (is_none(p)) continue;
            EXPECT_LT(l.person(p).generation, l.person(link.child).generation)
                << c.person(p).id << " is not above " << c.person(link.child).id;
        }
    }
    for (const GenogramChild& ch : l.children) {
        ASSERT_FALSE(ch.path.empty());
        const GenogramPerson& child = l.person(ch.child);
        EXPECT_EQ(ch.path.back(), (Vec2{child.centre.x, child.centre.y - child.size / 2}));
    }
    // Partners side by side when no one in the family has more than two partnerships.
    const auto degree = partnerships(l);
    const bool simple =
        std::all_of(degree.begin(), degree.end(), [](const auto& d) { return d.second <= 2; });
    for (const FamilyUnion& u : l.family.unions) {
        if (u.kind != UnionKind::Partnership && u.kind != UnionKind::CoParents) continue;
        EXPECT_EQ(l.person(u.first).generation, l.person(u.second).generation);
        if (simple) {
            EXPECT_TRUE(adjacent(l, u.first, u.second))
                << c.person(u.first).id << " and " << c.person(u.second).id;
        }
    }
}

void expect_same_layout(const GenogramLayout& a, const GenogramLayout& b) {
    ASSERT_EQ(a.people.size(), b.people.size());
    for (std::size_t p = 0; p < a.people.size(); ++p) {
        EXPECT_EQ(a.people[p].centre, b.people[p].centre);
        EXPECT_EQ(a.people[p].extent, b.people[p].extent);
    }
    ASSERT_EQ(a.unions.size(), b.unions.size());
    for (std::size_t u = 0; u < a.unions.size(); ++u) {
        EXPECT_EQ(a.unions[u].path, b.unions[u].path);
        EXPECT_EQ(a.unions[u].hub, b.unions[u].hub);
    }
    ASSERT_EQ(a.children.size(), b.children.size());
    for (std::size_t i = 0; i < a.children.size(); ++i) EXPECT_EQ(a.children[i].path, b.children[i].path);
    EXPECT_EQ(a.bounds, b.bounds);
}

// An outline encloses each member's extent, touches no one else's, and is one shape.
void expect_outline(const Case& c, const GenogramLayout& l, const std::vector<PersonId>& members,
                    const Outline& o) {
    std::set<PersonId> in(members.begin(), members.end());
    for (const GenogramPerson& gp : l.people) {
        if (in.count(gp.person) > 0) {
            EXPECT_TRUE(std::any_of(o.rects.begin(), o.rects.end(),
                                    [&](const Rect& r) { return r.contains(gp.extent); }))
                << c.person(gp.person).id << " is not inside";
        } else {
            for (const Rect& r : o.rects)
                EXPECT_FALSE(r.overlaps(gp.extent))
                    << c.person(gp.person).id << " is inside an outline it is not in";
        }
    }
    // Connected: rectangles that overlap or touch link up into one component.
    if (o.rects.empty()) return;
    std::vector<bool> seen(o.rects.size(), false);
    std::vector<std::size_t> stack{0};
    seen[0] = true;
    while (!stack.empty()) {
        const Rect a = o.rects[stack.back()];
        stack.pop_back();
        for (std::size_t j = 0; j < o.rects.size(); ++j) {
            const Rect& b = o.rects[j];
            if (!seen[j] && a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1) {
                seen[j] = true;
                stack.push_back(j);
            }
        }
    }
    EXPECT_TRUE(std::all_of(seen.begin(), seen.end(), [](bool s) { return s; }))
        << "the outline is in pieces";
}

std::vector<std::string> ids(const Case& c, const std::vector<PersonId>& people) {
    std::vector<std::string> out;
    for (const PersonId p : people) out.push_back(c.person(p).id);
    return out;
}

// The household a person is in on the day, or nullptr.
const HouseholdAt* home_of(const GenogramAt& at, PersonId p) {
    const std::int32_t h = at.people[index_of(p)].household;
    return h < 0 ? nullptr : &at.households[static_cast<std::size_t>(h)];
}

// [SECTION] The family graph

TEST(GenogramGraph, OneUnionPerPartnershipWithChildrenFromTheUnion) {
    const Family f = child_r();
    const FamilyGraph g = build_family_graph(f.c);
    ASSERT_EQ(g.unions.size(), 4u);  // pat+ron, mother+father, mother+lee, father+kerry
    for (const FamilyUnion& u : g.unions) EXPECT_EQ(u.kind, UnionKind::Partnership);
    const UnionId parents = g.parents[index_of(f.id_of("child-r"))];
    ASSERT_FALSE(is_none(parents));
    EXPECT_EQ(parents, g.parents[index_of(f.id_of("child-s"))]);
    const FamilyUnion& u = g.union_of(parents);
    EXPECT_EQ(std::set<PersonId>({u.first, u.second}),
              std::set<PersonId>({f.id_of("mother"), f.id_of("father")}));
    EXPECT_EQ(u.ended, PartnershipEnd::Separated);
    // Children of one union in birth order: Skye (2010) before Riley (2014).
    std::vector<PersonId> kids;
    for (const ChildLink& l : g.links)
        if (l.from == parents) kids.push_back(l.child);
    EXPECT_EQ(kids, (std::vector<PersonId>{f.id_of("child-s"), f.id_of("child-r")}));
    // The Boost graph: 8 people + 4 unions; 8 partner edges + 3 child edges.
    EXPECT_EQ(boost::num_vertices(g.graph), 12u);
    EXPECT_EQ(boost::num_edges(g.graph), 11u);
    EXPECT_EQ(boost::out_degree(g.union_vertex(parents), g.graph), 2u);
    EXPECT_EQ(boost::in_degree(g.union_vertex(parents), g.graph), 2u);
    EXPECT_EQ(g.generation_count, 3);
    EXPECT_EQ(g.family_count, 1u);
    EXPECT_TRUE(g.diagnostics.empty());
}

TEST(GenogramGraph, GenerationsPutPartnersTogetherAndParentsAbove) {
    const Family f = child_r();
    const FamilyGraph g = build_family_graph(f.c);
    auto gen = [&](const char* id) { return g.generation[index_of(f.id_of(id))]; };
    EXPECT_EQ(gen("pat"), 0);
    EXPECT_EQ(gen("ron"), 0);
    for (const char* id : {"mother", "father", "lee", "kerry"}) EXPECT_EQ(gen(id), 1) << id;
    EXPECT_EQ(gen("child-r"), 2);
    EXPECT_EQ(gen("child-s"), 2);
}

TEST(GenogramGraph, InLawsParentsSitJustAboveThem) {
    // a's line is four generations deep; b married in and only her parents are known.
    Family f;
    f.person("a1", Sex::Male, "1930");
    f.person("a2", Sex::Male, "1955");
    f.person("a3", Sex::Male, "1980");
    f.person("b", Sex::Female, "1982");
    f.person("bm", Sex::Female, "1958");
    f.person("bf", Sex::Male, "1956");
    f.person("kid", Sex::Female, "2010");
    f.parent("a1", "a2");
    f.parent("a2", "a3");
    f.parent("bm", "b");
    f.parent("bf", "b");
    f.partner("a3", "b");
    f.parent("a3", "kid");
    f.parent("b", "kid");
    const FamilyGraph g = build_family_graph(f.c);
    auto gen = [&](const char* id) { return g.generation[index_of(f.id_of(id))]; };
    EXPECT_EQ(gen("a1"), 0);
    EXPECT_EQ(gen("a3"), 2);
    EXPECT_EQ(gen("b"), 2);
    EXPECT_EQ(gen("bm"), 1);
    EXPECT_EQ(gen("bf"), 1);
    EXPECT_EQ(gen("kid"), 3);
}

TEST(GenogramGraph, UnknownParentGivesASingleParentUnion) {
    Family f;
    f.person("mum", Sex::Female, "1990");
    f.person("kid", Sex::Male, "2012");
    f.parent("mum", "kid");
    const FamilyGraph g = build_family_graph(f.c);
    ASSERT_EQ(g.unions.size(), 1u);
    EXPECT_EQ(g.unions[0].kind, UnionKind::SingleParent);
    EXPECT_EQ(g.unions[0].first, f.id_of("mum"));
    EXPECT_TRUE(is_none(g.unions[0].second));
    ASSERT_EQ(g.links.size(), 1u);
    EXPECT_TRUE(g.links[0].primary);
    EXPECT_EQ(g.generation[index_of(f.id_of("kid"))], 1);
}

TEST(GenogramGraph, TwoParentsWithoutAPartnershipAreCoParents) {
    Family f;
    f.person("mum", Sex::Female, "1990");
    f.person("dad", Sex::Male, "1989");
    f.person("kid", Sex::Male, "2012");
    f.parent("mum", "kid");
    f.parent("dad", "kid");
    const FamilyGraph g = build_family_graph(f.c);
    ASSERT_EQ(g.unions.size(), 1u);
    EXPECT_EQ(g.unions[0].kind, UnionKind::CoParents);
}

TEST(GenogramGraph, StepFosterAndAdoptiveParentsAreDistinguished) {
    Family f = child_r();
    f.person("carer", Sex::Female, "1960");
    f.person("adoptee", Sex::Unknown, "2013");
    f.relate(RelationshipKind::StepParent, "lee", "child-r");
    f.relate(RelationshipKind::FosterParent, "carer", "child-s");
    f.relate(RelationshipKind::AdoptiveParent, "pat", "adoptee");
    f.relate(RelationshipKind::AdoptiveParent, "ron", "adoptee");
    const FamilyGraph g = build_family_graph(f.c);
    auto link_to = [&](const char* child, ParentKind kind) -> const ChildLink* {
        for (const ChildLink& l : g.links)
            if (l.child == f.id_of(child) && l.kind == kind) return &l;
        return nullptr;
    };
    // Lee's step link comes from his union with the mother; Riley stays under his parents.
    const ChildLink* step = link_to("child-r", ParentKind::Step);
    ASSERT_NE(step, nullptr);
    EXPECT_FALSE(step->primary);
    const FamilyUnion& su = g.union_of(step->from);
    EXPECT_EQ(std::set<PersonId>({su.first, su.second}),
              std::set<PersonId>({f.id_of("mother"), f.id_of("lee")}));
    EXPECT_EQ(g.union_of(g.parents[index_of(f.id_of("child-r"))]).first, f.id_of("mother"));
    // The foster carer has no union with a parent: her own node.
    const ChildLink* foster = link_to("child-s", ParentKind::Foster);
    ASSERT_NE(foster, nullptr);
    EXPECT_FALSE(foster->primary);
    EXPECT_EQ(g.union_of(foster->from).kind, UnionKind::SingleParent);
    // Adoptive parents are the adoptee's own family.
    const ChildLink* adopted = link_to("adoptee", ParentKind::Adoptive);
    ASSERT_NE(adopted, nullptr);
    EXPECT_TRUE(adopted->primary);
    EXPECT_EQ(g.generation[index_of(f.id_of("adoptee"))], 1);
    // A step-parent is at least one generation above the step-child.
    EXPECT_LT(g.generation[index_of(f.id_of("lee"))], g.generation[index_of(f.id_of("child-r"))]);
}

TEST(GenogramGraph, SiblingsWithoutParentsShareAnUnknownParentsUnion) {
    Family f;
    f.person("a", Sex::Female, "2008");
    f.person("b", Sex::Male, "2010");
    f.person("c", Sex::Male, "2012");
    f.person("mum", Sex::Female, "1985");
    f.person("d", Sex::Female, "2011");
    f.person("e", Sex::Female, "2014");
    f.relate(RelationshipKind::Sibling, "a", "b");
    f.relate(RelationshipKind::Sibling, "c", "b");
    f.parent("mum", "d");
    f.relate(RelationshipKind::Sibling, "e", "d");  // e has no parents recorded: joins d's
    const FamilyGraph g = build_family_graph(f.c);
    const UnionId abc = g.parents[index_of(f.id_of("a"))];
    ASSERT_FALSE(is_none(abc));
    EXPECT_EQ(g.union_of(abc).kind, UnionKind::UnknownParents);
    EXPECT_EQ(g.parents[index_of(f.id_of("b"))], abc);
    EXPECT_EQ(g.parents[index_of(f.id_of("c"))], abc);
    EXPECT_EQ(g.parents[index_of(f.id_of("e"))], g.parents[index_of(f.id_of("d"))]);
    for (const ChildLink& l : g.links)
        EXPECT_EQ(l.implied, l.child != f.id_of("d")) << f.c.person(l.child).id;
    const std::int32_t row = g.generation[index_of(f.id_of("a"))];
    EXPECT_EQ(g.generation[index_of(f.id_of("b"))], row);
    EXPECT_EQ(g.generation[index_of(f.id_of("c"))], row);
}

TEST(GenogramGraph, CyclesAreReportedAndLeftOut) {
    Family f;
    f.person("a", Sex::Male);
    f.person("b", Sex::Female);
    f.person("c", Sex::Male);
    f.person("d", Sex::Female);
    f.parent("a", "b");  // line 10
    f.parent("b", "a");  // line 11: a cycle
    f.partner("c", "d");
    f.parent("c", "d");  // line 13: a partner who is also a parent
    const FamilyGraph g = build_family_graph(f.c);
    ASSERT_EQ(g.diagnostics.size(), 3u);
    std::vector<std::string> texts;
    for (const Diagnostic& d : g.diagnostics.items()) {
        EXPECT_EQ(d.severity, Severity::Warning);
        EXPECT_EQ(d.code, "genogram-cycle");
        texts.push_back("case.yaml:" + std::to_string(d.line) + ": " + d.message);
    }
    std::sort(texts.begin(), texts.end());
    EXPECT_EQ(
        texts,
        (std::vector<std::string>{
            "case.yaml:10: 'b' is in a cycle of parents (someone is their own ancestor); the genogram leaves "
            "out this parent link",
            "case.yaml:11: 'a' is in a cycle of parents (someone is their own ancestor); the genogram leaves "
            "out this parent link",
            "case.yaml:13: 'd' would be in the same generation as their parent 'c' (a partner or sibling of "
            "theirs); the genogram leaves out this parent link"}));
    // The rest is still laid out.
    const GenogramLayout l = compute_layout(f.c);
    expect_invariants(f.c, l);
    EXPECT_EQ(l.diagnostics.size(), 3u);
}

TEST(GenogramGraph, MoreThanTwoBirthParentsWarns) {
    Family f;
    f.person("kid", Sex::Male, "2012");
    f.person("p1", Sex::Female);
    f.person("p2", Sex::Male);
    f.person("p3", Sex::Male);
    f.parent("p1", "kid");
    f.parent("p2", "kid");
    f.parent("p3", "kid");
    const FamilyGraph g = build_family_graph(f.c);
    ASSERT_EQ(g.diagnostics.size(), 1u);
    const Diagnostic& d = g.diagnostics.items()[0];
    EXPECT_EQ(d.code, "genogram-parents");
    EXPECT_EQ(d.line, 12u);
    EXPECT_EQ(d.message,
              "'kid' has more than two birth parents; the genogram places the child under the first two");
    // The third is still drawn, from their own node.
    std::size_t from_p3 = 0;
    for (const ChildLink& l : g.links)
        if (g.union_of(l.from).first == f.id_of("p3")) ++from_p3;
    EXPECT_EQ(from_p3, 1u);
}

TEST(GenogramGraph, SeparateFamiliesAlignByBirthYear) {
    Family f = child_r();
    f.person("lodger", Sex::Male, "1991");  // the parents' generation by age
    f.person("neighbour", Sex::Female);     // undated: the index child's parents' row
    f.person("aunt", Sex::Female, "1966");  // with a daughter: the grandparents' row
    f.person("cousin", Sex::Female, "1992");
    f.parent("aunt", "cousin");
    const FamilyGraph g = build_family_graph(f.c);
    auto gen = [&](const char* id) { return g.generation[index_of(f.id_of(id))]; };
    EXPECT_EQ(g.family_count, 4u);
    EXPECT_EQ(g.family[index_of(f.id_of("child-r"))], 0u);
    EXPECT_EQ(gen("lodger"), 1);
    EXPECT_EQ(gen("neighbour"), 1);
    EXPECT_EQ(gen("aunt"), 0);
    EXPECT_EQ(gen("cousin"), 1);
}

// [SECTION] Layout

TEST(GenogramLayout, TheSampleFamily) {
    const Family f = child_r();
    const GenogramLayout l = compute_layout(f.c);
    expect_invariants(f.c, l);
    auto id = [&](const char* s) { return f.id_of(s); };
    ASSERT_EQ(l.rows.size(), 3u);
    EXPECT_EQ(l.crossings, 0u);
    // The mother, with two partnerships, between both partners; the father between his.
    EXPECT_TRUE(adjacent(l, id("mother"), id("lee")));
    EXPECT_TRUE(adjacent(l, id("mother"), id("father")));
    EXPECT_TRUE(adjacent(l, id("father"), id("kerry")));
    EXPECT_TRUE(adjacent(l, id("pat"), id("ron")));
    // The man on the left of a couple; siblings oldest first.
    EXPECT_LT(l.person(id("ron")).centre.x, l.person(id("pat")).centre.x);
    EXPECT_LT(l.person(id("child-s")).centre.x, l.person(id("child-r")).centre.x);
    // Children under their parents' union; the mother under hers.
    const GenogramUnion& parents = l.union_at(l.family.parents[index_of(id("child-r"))]);
    EXPECT_LE(parents.bar_x0, l.person(id("child-s")).centre.x);
    EXPECT_GE(parents.bar_x1, l.person(id("child-r")).centre.x);
    EXPECT_GE(parents.hub.x, l.person(id("child-s")).centre.x);
    EXPECT_LE(parents.hub.x, l.person(id("child-r")).centre.x);
    const GenogramUnion& grandparents = l.union_at(l.family.parents[index_of(id("mother"))]);
    EXPECT_NEAR(grandparents.hub.x, l.person(id("mother")).centre.x, 1.0);
    // Symbols.
    EXPECT_EQ(l.person(id("child-r")).symbol, Symbol::Square);
    EXPECT_EQ(l.person(id("child-s")).symbol, Symbol::Circle);
    EXPECT_TRUE(l.person(id("child-r")).index_child);
    EXPECT_FALSE(l.person(id("mother")).index_child);
    EXPECT_TRUE(l.person(id("ron")).has_died);
    EXPECT_EQ(l.person(id("ron")).dates, "1965 \u2013 2012-08");
    EXPECT_EQ(l.person(id("child-r")).dates, "b. 2014-10-03");
}

TEST(GenogramLayout, TwoPartnershipsWithChildrenEach) {
    Family f;
    f.person("x", Sex::Female, "1980");
    f.person("a", Sex::Male, "1978");
    f.person("b", Sex::Male, "1979");
    f.person("a1", Sex::Female, "2000");
    f.person("a2", Sex::Male, "2002");
    f.person("b1", Sex::Male, "2008");
    f.person("b2", Sex::Female, "2011");
    f.partner("x", "a", "1999", "2004", PartnershipEnd::Divorced);
    f.partner("x", "b", "2006");
    for (const char* k : {"a1", "a2"}) {
        f.parent("x", k);
        f.parent("a", k);
    }
    for (const char* k : {"b1", "b2"}) {
        f.parent("x", k);
        f.parent("b", k);
    }
    f.index("b2");
    const GenogramLayout l = compute_layout(f.c);
    expect_invariants(f.c, l);
    auto x = [&](const char* s) { return l.person(f.id_of(s)).centre.x; };
    // x between her two partners.
    EXPECT_TRUE(adjacent(l, f.id_of("x"), f.id_of("a")));
    EXPECT_TRUE(adjacent(l, f.id_of("x"), f.id_of("b")));
    EXPECT_TRUE((x("a") < x("x") && x("x") < x("b")) || (x("b") < x("x") && x("x") < x("a")));
    // Half-siblings under the right union: each group on its father's side, in birth order.
    const bool a_left = x("a") < x("b");
    const float a_side = a_left ? std::max(x("a1"), x("a2")) : std::min(x("a1"), x("a2"));
    const float b_side = a_left ? std::min(x("b1"), x("b2")) : std::max(x("b1"), x("b2"));
    EXPECT_EQ(a_left, a_side < b_side);
    EXPECT_LT(x("a1"), x("a2"));
    EXPECT_LT(x("b1"), x("b2"));
    for (const GenogramChild& ch : l.children) {
        const GenogramUnion& u = l.union_at(ch.from);
        const PersonId other = u.first == f.id_of("x") ? u.second : u.first;
        const std::string child = f.c.person(ch.child).id;
        EXPECT_EQ(f.c.person(other).id, child.substr(0, 1)) << child << " hangs from the wrong union";
        // Each union's hub is between its partners.
        EXPECT_GT(u.hub.x, std::min(l.person(u.first).centre.x, l.person(u.second).centre.x));
        EXPECT_LT(u.hub.x, std::max(l.person(u.first).centre.x, l.person(u.second).centre.x));
    }
    EXPECT_EQ(l.crossings, 0u);
}

TEST(GenogramLayout, UnknownParentHangsTheChildFromAStub) {
    Family f;
    f.person("mum", Sex::Female, "1990");
    f.person("dad", Sex::Male, "1988");
    f.person("kid", Sex::Male, "2012");
    f.person("older", Sex::Female, "2008");
    f.partner("mum", "dad", "2010");
    f.parent("mum", "kid");
    f.parent("dad", "kid");
    f.parent("mum", "older");  // father unknown
    const GenogramLayout l = compute_layout(f.c);
    expect_invariants(f.c, l);
    const GenogramUnion& stub = l.union_at(l.family.parents[index_of(f.id_of("older"))]);
    EXPECT_EQ(stub.kind, UnionKind::SingleParent);
    ASSERT_EQ(stub.path.size(), 2u);
    const GenogramPerson& mum = l.person(f.id_of("mum"));
    // The stub leaves the mother's side, on the side away from her partner, and the line to
    // the child starts beyond her label.
    const float side = stub.hub.x < mum.centre.x ? -1.0f : 1.0f;
    EXPECT_EQ(stub.path.front(), (Vec2{mum.centre.x + side * mum.size / 2, mum.centre.y}));
    EXPECT_EQ(stub.hub, stub.path.back());
    EXPECT_GT(std::abs(stub.hub.x - mum.centre.x), (mum.extent.x1 - mum.extent.x0) / 2);
    const float dad_side = l.person(f.id_of("dad")).centre.x < mum.centre.x ? -1.0f : 1.0f;
    EXPECT_NE(side, dad_side);
}

TEST(GenogramLayout, PeopleWithoutRelationshipsArePlacedApart) {
    Family f = child_r();
    f.person("lodger", Sex::Male, "1991");
    f.person("neighbour", Sex::Unknown);
    f.person("social-worker", Sex::Female, "1980");
    const GenogramLayout l = compute_layout(f.c);
    expect_invariants(f.c, l);
    EXPECT_EQ(l.person(f.id_of("neighbour")).symbol, Symbol::Diamond);
    // Separate families stand to the right of the index child's in their row, never inside it.
    for (const char* id : {"lodger", "neighbour", "social-worker"}) {
        const GenogramPerson& gp = l.person(f.id_of(id));
        EXPECT_NE(gp.family, 0u) << id;
        for (const PersonId p : l.rows[static_cast<std::size_t>(gp.generation)])
            if (l.person(p).family == 0) {
                EXPECT_GT(gp.extent.x0, l.person(p).extent.x1) << id;
            }
    }
}

TEST(GenogramLayout, FourGenerationsOfThirtyPlusStayReadable) {
    sightline::test::FamilyGenerator gen(3);
    const Case c = gen.make(40);
    ASSERT_GE(c.people.size(), 30u);
    const GenogramLayout l = compute_layout(c);
    expect_invariants(c, l);
    EXPECT_EQ(l.rows.size(), 4u);
    // Few crossings, and no wider than every row's people side by side at twice their width.
    EXPECT_LE(l.crossings, 3u);
    float widest_row = 0;
    for (const auto& row : l.rows) {
        float w = 0;
        for (const PersonId p : row) w += l.person(p).extent.width();
        widest_row = std::max(widest_row, w);
    }
    EXPECT_LT(l.bounds.width(), 2 * widest_row + 400);
}

TEST(GenogramLayout, RandomFamiliesKeepTheInvariants) {
    for (std::uint32_t seed = 1; seed <= 40; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        sightline::test::FamilyGenerator gen(seed);
        const Case c = gen.make(40);
        ASSERT_GE(c.people.size(), 30u);
        ASSERT_LE(c.people.size(), 60u);
        const GenogramLayout l = compute_layout(c);
        EXPECT_EQ(l.rows.size(), 4u);
        expect_invariants(c, l);
        EXPECT_TRUE(l.diagnostics.empty());
        // Deterministic: the same input gives the same layout.
        expect_same_layout(l, compute_layout(c));
    }
}

TEST(GenogramLayout, PositionsDoNotDependOnResidences) {
    Family f = child_r();
    const GenogramLayout before = compute_layout(f.c);
    f.c.residences.clear();
    f.home({"lee", "kerry", "pat"}, "Elsewhere", "", "2000");
    const GenogramLayout after = compute_layout(f.c);
    EXPECT_EQ(before.fingerprint, after.fingerprint);
    expect_same_layout(before, after);
}

TEST(GenogramLayout, EmptyCase) {
    const Case c;
    const GenogramLayout l = compute_layout(c);
    EXPECT_TRUE(l.people.empty());
    EXPECT_TRUE(l.rows.empty());
    const GenogramAt at = genogram_at(l, c, day("2015-01-01"));
    EXPECT_TRUE(at.households.empty());
}

TEST(GenogramCache, RecomputesOnlyWhenPeopleOrRelationshipsChange) {
    Family f = child_r();
    GenogramCache cache;
    cache.layout(f.c);
    cache.layout(f.c);
    f.home({"kerry"}, "Eastmere", "", "2015-01-01");  // households move no one
    cache.layout(f.c);
    EXPECT_EQ(cache.computed(), 1u);
    f.partner("lee", "kerry", "2016");
    EXPECT_EQ(cache.layout(f.c).person(f.id_of("lee")).generation, 1);
    EXPECT_EQ(cache.computed(), 2u);
}

// [SECTION] Households

TEST(Households, TheSampleAtSeveralDates) {
    const Family f = child_r();
    auto at = [&](const char* d) {
        std::vector<std::string> out;
        for (const Household& h : households_at(f.c, day(d))) {
            std::string s = std::string(f.c.area_name(h.area)) + "/" + h.address + ":";
            for (const std::string& id : ids(f.c, h.members)) s += " " + id;
            out.push_back(s);
        }
        return out;
    };
    // Before Riley is born he is in no household, though the residence lists him.
    EXPECT_EQ(at("2014-01-01"),
              (std::vector<std::string>{"Harrowfield/grandmother's house: child-s mother pat",
                                        "Harrowfield/own flat: father"}));
    EXPECT_EQ(at("2014-12-01"),
              (std::vector<std::string>{"Harrowfield/grandmother's house: child-r child-s mother pat",
                                        "Harrowfield/own flat: father"}));
    // Sofa-surfing: the mother and children have no recorded home for two weeks.
    EXPECT_EQ(at("2015-02-05"), (std::vector<std::string>{"Harrowfield/grandmother's house: pat",
                                                          "Harrowfield/own flat: father"}));
    // Eastmere: the new partner (from ~2015-05) does not live with them.
    EXPECT_EQ(at("2015-06-01"), (std::vector<std::string>{
                                    "Harrowfield/grandmother's house: pat", "Harrowfield/own flat: father",
                                    "Eastmere/Cannon Street flat: child-r child-s mother"}));
    EXPECT_EQ(at("2015-10-11"), at("2015-06-01"));
    // The move day: the new home, with Lee.
    const std::vector<std::string> lowbridge{"Harrowfield/grandmother's house: pat",
                                             "Harrowfield/own flat: father",
                                             "Lowbridge/Weir Road flat: child-r child-s mother lee"};
    EXPECT_EQ(at("2015-10-12"), lowbridge);
    EXPECT_EQ(at("2015-11-01"), lowbridge);
}

TEST(Households, PartialDatesTakeEffectOnTheirFirstDay) {
    Family f;
    f.person("a", Sex::Female);
    f.person("b", Sex::Male);
    f.home({"a"}, "North", "", "2015-03", "2015-06");
    f.home({"b"}, "South", "", "2015-04", "2015-04");  // within one month: the whole month
    // a: from the first of March to the day before the first of June.
    EXPECT_TRUE(households_at(f.c, day("2015-02-28")).empty());
    EXPECT_EQ(households_at(f.c, day("2015-03-01")).size(), 1u);
    EXPECT_EQ(households_at(f.c, day("2015-05-31")).size(), 1u);
    EXPECT_TRUE(households_at(f.c, day("2015-06-01")).empty());
    // b: all of April.
    EXPECT_EQ(households_at(f.c, day("2015-03-31")).size(), 1u);
    const auto april = households_at(f.c, day("2015-04-30"));
    ASSERT_EQ(april.size(), 2u);
    EXPECT_EQ(ids(f.c, april[1].members), std::vector<std::string>{"b"});
    EXPECT_EQ(households_at(f.c, day("2015-05-01")).size(), 1u);
}

TEST(Households, OneAddressIsOneHomeAndTheLatestMoveWins) {
    Family f;
    f.person("a", Sex::Female);
    f.person("b", Sex::Male);
    f.person("c", Sex::Male);
    f.person("d", Sex::Female);
    f.home({"a"}, "North", "1 High St", "2015-01-01");
    f.home({"b"}, "North", "1 High St", "2015-02-01");  // same place: one household
    f.home({"c"}, "North", "", "2015-01-01");           // no address: a home of its own
    f.home({"d"}, "North", "", "2015-01-01");
    f.home({"a"}, "South", "2 Low Rd", "2015-03-01");  // a moved (the old record never ended)
    const auto feb = households_at(f.c, day("2015-02-15"));
    ASSERT_EQ(feb.size(), 3u);
    EXPECT_EQ(ids(f.c, feb[0].members), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(feb[0].residences, (std::vector<std::uint32_t>{0, 1}));
    EXPECT_EQ(ids(f.c, feb[1].members), std::vector<std::string>{"c"});
    EXPECT_EQ(ids(f.c, feb[2].members), std::vector<std::string>{"d"});
    const auto march = households_at(f.c, day("2015-03-15"));
    ASSERT_EQ(march.size(), 4u);
    EXPECT_EQ(ids(f.c, march[0].members), std::vector<std::string>{"b"});
    EXPECT_EQ(ids(f.c, march[3].members), std::vector<std::string>{"a"});
    EXPECT_EQ(march[3].address, "2 Low Rd");
}

TEST(Households, TheDeadAreInNone) {
    Family f;
    f.person("a", Sex::Female, "1940", "2015-05-02");
    f.person("b", Sex::Male, "1941");
    f.home({"a", "b"}, "North", "", "2000");
    EXPECT_EQ(ids(f.c, households_at(f.c, day("2015-05-01"))[0].members),
              (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(ids(f.c, households_at(f.c, day("2015-05-02"))[0].members), std::vector<std::string>{"b"});
}

// [SECTION] The genogram at a date

TEST(GenogramAt, LifePartnershipsAndFadingFollowTheDate) {
    const Family f = child_r();
    const GenogramLayout l = compute_layout(f.c);
    auto id = [&](const char* s) { return index_of(f.id_of(s)); };
    auto union_of = [&](const char* a, const char* b) {
        for (std::size_t u = 0; u < l.family.unions.size(); ++u) {
            const FamilyUnion& fu = l.family.unions[u];
            if (std::set<PersonId>{fu.first, fu.second} == std::set<PersonId>{f.id_of(a), f.id_of(b)})
                return u;
        }
        ADD_FAILURE() << a << "+" << b;
        return std::size_t{0};
    };

    const GenogramAt early = genogram_at(l, f.c, day("2012-01-01"));
    EXPECT_EQ(early.people[id("child-r")].life, LifeState::NotBorn);
    EXPECT_EQ(early.people[id("child-r")].label, "Riley");
    EXPECT_EQ(early.people[id("ron")].life, LifeState::Alive);
    EXPECT_EQ(early.unions[union_of("pat", "ron")].state, UnionState::Current);
    EXPECT_EQ(early.unions[union_of("mother", "father")].state, UnionState::Current);
    EXPECT_EQ(early.unions[union_of("mother", "father")].dates, "2009");
    EXPECT_EQ(early.unions[union_of("mother", "lee")].state, UnionState::NotYet);
    EXPECT_EQ(early.unions[union_of("mother", "lee")].dates, "");
    EXPECT_TRUE(early.households.empty());
    EXPECT_FALSE(early.people[id("father")].faded);  // no household, no focus: nobody faded

    const GenogramAt june = genogram_at(l, f.c, day("2015-06-01"));
    EXPECT_EQ(june.people[id("ron")].life, LifeState::Dead);
    EXPECT_EQ(june.people[id("ron")].label, "Ron");
    EXPECT_EQ(june.people[id("child-r")].label, "Riley, 7m");
    EXPECT_EQ(june.people[id("child-s")].label, "Skye, 5");
    EXPECT_EQ(june.people[id("mother")].age, "~21");
    EXPECT_EQ(june.people[id("father")].age, "24\u201325");
    EXPECT_EQ(june.unions[union_of("pat", "ron")].state, UnionState::Widowed);
    EXPECT_EQ(june.unions[union_of("pat", "ron")].dates, "\u20132012");
    EXPECT_EQ(june.unions[union_of("mother", "father")].state, UnionState::Separated);
    EXPECT_EQ(june.unions[union_of("mother", "father")].dates, "2009\u20132015");
    EXPECT_EQ(june.unions[union_of("mother", "lee")].state, UnionState::Current);
    EXPECT_EQ(june.unions[union_of("mother", "lee")].dates, "~2015");
    EXPECT_EQ(june.unions[union_of("father", "kerry")].state, UnionState::NotYet);
    // The index children's household is the focus and number 1; Lee is outside it.
    ASSERT_EQ(june.households.size(), 3u);
    EXPECT_TRUE(june.households[0].focus);
    EXPECT_EQ(june.households[0].number, 1u);
    EXPECT_EQ(june.households[0].label, "Eastmere: Cannon Street flat");
    EXPECT_EQ(home_of(june, f.id_of("child-r")), &june.households[0]);
    EXPECT_EQ(home_of(june, f.id_of("lee")), nullptr);
    for (const char* in : {"child-r", "child-s", "mother"}) EXPECT_FALSE(june.people[id(in)].faded) << in;
    for (const char* out : {"lee", "father", "pat", "ron", "kerry"})
        EXPECT_TRUE(june.people[id(out)].faded) << out;
    EXPECT_TRUE(june.unions[union_of("father", "kerry")].faded);
    EXPECT_FALSE(june.unions[union_of("mother", "lee")].faded);

    const GenogramAt november = genogram_at(l, f.c, day("2015-11-01"));
    EXPECT_EQ(home_of(november, f.id_of("lee")), home_of(november, f.id_of("child-r")));
    EXPECT_EQ(november.households[static_cast<std::size_t>(november.people[id("lee")].household)].label,
              "Lowbridge: Weir Road flat");
    EXPECT_FALSE(november.people[id("lee")].faded);
    EXPECT_EQ(november.unions[union_of("father", "kerry")].state, UnionState::Current);
    // Positions are the layout's, whatever the date.
    const GenogramAt later = genogram_at(l, f.c, day("2016-01-16"));
    EXPECT_EQ(later.people[id("child-r")].label, "Riley, 15m");
}

TEST(GenogramAt, HouseholdOutlinesEncloseMembersAndNoOneElse) {
    const Family f = child_r();
    const GenogramLayout l = compute_layout(f.c);
    for (const char* d : {"2014-01-01", "2014-12-01", "2015-06-01", "2015-10-12", "2016-01-16"}) {
        SCOPED_TRACE(d);
        const GenogramAt at = genogram_at(l, f.c, day(d));
        for (const HouseholdAt& h : at.households) {
            expect_outline(f.c, l, h.household.members, h.outline);
            ASSERT_GE(h.outline.tab, 0);
            const Rect& tab = h.outline.rects[static_cast<std::size_t>(h.outline.tab)];
            EXPECT_GT(h.label_at.x, tab.x0);
            EXPECT_LT(h.label_at.y, tab.y1);
        }
    }
    // Grandmother, mother and children, but not the father between them: runs and connectors.
    const std::vector<PersonId> scattered{f.id_of("pat"), f.id_of("mother"), f.id_of("child-r"),
                                          f.id_of("kerry")};
    expect_outline(f.c, l, scattered, group_outline(l, scattered));
}

TEST(GenogramAt, OutlinesOfRandomGroupsInRandomFamilies) {
    std::mt19937 rng(11);
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        sightline::test::FamilyGenerator gen(seed);
        const Case c = gen.make(40);
        const GenogramLayout l = compute_layout(c);
        for (int trial = 0; trial < 6; ++trial) {
            std::vector<PersonId> members;
            for (std::uint32_t p = 0; p < c.people.size(); ++p)
                if (rng() % 5 == 0) members.push_back(static_cast<PersonId>(p));
            expect_outline(c, l, members, group_outline(l, members, l.tab_height));
        }
        const GenogramAt at = genogram_at(l, c, day("2016-01-01"));
        for (const HouseholdAt& h : at.households) expect_outline(c, l, h.household.members, h.outline);
    }
}

TEST(GenogramAt, AgesAsAReviewerReadsThem) {
    const std::int32_t d = day("2015-06-01");
    EXPECT_EQ(age_at(date("2014-10-03"), d), "7m");
    EXPECT_EQ(age_at(date("2015-06-01"), d), "0m");
    EXPECT_EQ(age_at(date("2013-06-01"), d), "2");
    EXPECT_EQ(age_at(date("2013-06-02"), d), "23m");
    EXPECT_EQ(age_at(date("2010-03-20"), d), "5");
    EXPECT_EQ(age_at(date("1990"), d), "24\u201325");
    EXPECT_EQ(age_at(date("1990-05"), d), "25");
    EXPECT_EQ(age_at(date("2015-01"), d), "4\u20135m");
    EXPECT_EQ(age_at(date("~1993"), d), "~21");
    EXPECT_EQ(age_at(date("2015-07-01"), d), "");
    EXPECT_EQ(age_at(date("2015"), d), "0\u20135m");
}

}  // namespace
