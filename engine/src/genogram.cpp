// The genogram's family graph, generations, households and everything that depends on a date.
// The layout itself is in genogram_layout.cpp.
//
// [SECTION] Names
// [SECTION] Unions and child links
// [SECTION] Generations
// [SECTION] Families
// [SECTION] build_family_graph
// [SECTION] Households
// [SECTION] Ages and the genogram at a date
// [SECTION] Fingerprint and cache
#include "sightline/engine/genogram.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <utility>

// disjoint_sets before strong_components (a block of its own, so that sorting keeps it
// first): the latter declares a boost::detail::get that would hide the pointer property-map
// get() that disjoint_sets relies on.
#include <boost/pending/disjoint_sets.hpp>
#include <boost/property_map/property_map.hpp>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>

#include "sightline/engine/merge.hpp"

namespace sightline::engine {

// [SECTION] Names

std::string_view to_string(ParentKind v) {
    switch (v) {
        case ParentKind::Birth:
            return "birth";
        case ParentKind::Adoptive:
            return "adoptive";
        case ParentKind::Foster:
            return "foster";
        case ParentKind::Step:
            return "step";
    }
    return "birth";
}

std::string_view to_string(UnionKind v) {
    switch (v) {
        case UnionKind::Partnership:
            return "partnership";
        case UnionKind::CoParents:
            return "co_parents";
        case UnionKind::SingleParent:
            return "single_parent";
        case UnionKind::UnknownParents:
            return "unknown_parents";
    }
    return "partnership";
}

std::string_view to_string(Symbol v) {
    switch (v) {
        case Symbol::Square:
            return "square";
        case Symbol::Circle:
            return "circle";
        case Symbol::Diamond:
            return "diamond";
    }
    return "diamond";
}

std::string_view to_string(LifeState v) {
    switch (v) {
        case LifeState::NotBorn:
            return "not_born";
        case LifeState::Alive:
            return "alive";
        case LifeState::Dead:
            return "dead";
    }
    return "alive";
}

std::string_view to_string(UnionState v) {
    switch (v) {
        case UnionState::NotYet:
            return "not_yet";
        case UnionState::Current:
            return "current";
        case UnionState::Separated:
            return "separated";
        case UnionState::Divorced:
            return "divorced";
        case UnionState::Widowed:
            return "widowed";
    }
    return "current";
}

namespace {

// [SECTION] Unions and child links

using DisjointSets = boost::disjoint_sets_with_storage<>;

constexpr std::int32_t k_no_day = std::numeric_limits<std::int32_t>::max();

// Birth order key: known births first, by day; unknown births after, by manifest order.
std::int32_t birth_key(const Case& c, PersonId p) {
    const Person& person = c.person(p);
    return person.born ? person.born->sort_day() : k_no_day;
}

ParentKind parent_kind(RelationshipKind k) {
    switch (k) {
        case RelationshipKind::AdoptiveParent:
            return ParentKind::Adoptive;
        case RelationshipKind::FosterParent:
            return ParentKind::Foster;
        case RelationshipKind::StepParent:
            return ParentKind::Step;
        default:
            return ParentKind::Birth;
    }
}

bool is_parent_kind(RelationshipKind k) {
    return k == RelationshipKind::Parent || k == RelationshipKind::StepParent ||
           k == RelationshipKind::FosterParent || k == RelationshipKind::AdoptiveParent;
}

// One recorded parent of a child.
struct ParentRef {
    PersonId parent = k_none<PersonId>;
    ParentKind kind = ParentKind::Birth;
    std::uint32_t relationship = k_no_index;
};

// Creates and finds union nodes: one per pair of people, one single-parent node per person.
class UnionTable {
public:
    UnionTable(FamilyGraph& g, std::size_t people) : m_graph(g), m_single(people, k_no_index) {}

    // The union of a pair, or none.
    [[nodiscard]] UnionId find_pair(PersonId a, PersonId b) const {
        const auto it = m_pairs.find(key(a, b));
        return it == m_pairs.end() ? k_none<UnionId> : static_cast<UnionId>(it->second);
    }
    // The union of a pair, created as `kind` when absent.
    UnionId pair(PersonId a, PersonId b, UnionKind kind) {
        if (const UnionId u = find_pair(a, b); !is_none(u)) return u;
        FamilyUnion fu;
        fu.kind = kind;
        fu.first = a;
        fu.second = b;
        const UnionId u = add(std::move(fu));
        m_pairs.emplace(key(a, b), index_of(u));
        return u;
    }
    // The single-parent union of a person, created when absent.
    UnionId single(PersonId p) {
        std::uint32_t& slot = m_single[index_of(p)];
        if (slot == k_no_index) {
            FamilyUnion fu;
            fu.kind = UnionKind::SingleParent;
            fu.first = p;
            slot = index_of(add(std::move(fu)));
        }
        return static_cast<UnionId>(slot);
    }
    UnionId add(FamilyUnion fu) {
        m_graph.unions.push_back(std::move(fu));
        return static_cast<UnionId>(m_graph.unions.size() - 1);
    }

private:
    static std::pair<std::uint32_t, std::uint32_t> key(PersonId a, PersonId b) {
        return std::minmax(index_of(a), index_of(b));
    }
    FamilyGraph& m_graph;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> m_pairs;  // ordered: deterministic
    std::vector<std::uint32_t> m_single;
};

void add_partnerships(const Case& c, UnionTable& table, FamilyGraph& g) {
    for (std::uint32_t i = 0; i < c.relationships.size(); ++i) {
        const Relationship& r = c.relationships[i];
        if (r.kind != RelationshipKind::Partner) continue;
        const UnionId existing = table.find_pair(r.first, r.second);
        if (!is_none(existing) && g.union_of(existing).kind == UnionKind::Partnership) {
            // A couple listed twice (apart, then together again) is one union: the first
            // record's start and the last record's end.
            FamilyUnion& u = g.unions[index_of(existing)];
            u.to = r.to;
            u.ended = r.ended;
            continue;
        }
        const UnionId u = table.pair(r.first, r.second, UnionKind::Partnership);
        FamilyUnion& fu = g.unions[index_of(u)];
        fu.from = r.from;
        fu.to = r.to;
        fu.ended = r.ended;
        fu.relationship = i;
    }
}

// Each person's recorded parents, one entry per parent (the most primary kind wins when a
// parent is recorded twice), ordered by kind and then manifest order.
std::vector<std::vector<ParentRef>> parents_by_child(const Case& c) {
    std::vector<std::vector<ParentRef>> out(c.people.size());
    for (std::uint32_t i = 0; i < c.relationships.size(); ++i) {
        const Relationship& r = c.relationships[i];
        if (!is_parent_kind(r.kind)) continue;
        auto& refs = out[index_of(r.second)];
        const ParentKind kind = parent_kind(r.kind);
        const auto same =
            std::find_if(refs.begin(), refs.end(), [&](const ParentRef& p) { return p.parent == r.first; });
        if (same != refs.end()) {
            if (kind < same->kind) *same = {r.first, kind, i};
            continue;
        }
        refs.push_back({r.first, kind, i});
    }
    for (auto& refs : out)
        std::stable_sort(refs.begin(), refs.end(),
                         [](const ParentRef& a, const ParentRef& b) { return a.kind < b.kind; });
    return out;
}

void add_link(FamilyGraph& g, UnionId u, PersonId child, ParentKind kind, bool primary, bool implied,
              std::uint32_t relationship) {
    for (const ChildLink& l : g.links)
        if (l.from == u && l.child == child) return;
    g.links.push_back({u, child, kind, primary, implied, relationship});
}

void add_parent_links(const Case& c, UnionTable& table, FamilyGraph& g) {
    const auto refs_by_child = parents_by_child(c);
    const std::string& file = c.manifest_path;
    for (std::uint32_t child = 0; child < refs_by_child.size(); ++child) {
        const auto& refs = refs_by_child[child];
        if (refs.empty()) continue;
        const PersonId cp = static_cast<PersonId>(child);
        // Group by kind; the first kind present is the child's own family.
        std::vector<PersonId> primary;
        UnionId primary_union = k_none<UnionId>;
        std::size_t i = 0;
        while (i < refs.size()) {
            const ParentKind kind = refs[i].kind;
            std::size_t j = i;
            while (j < refs.size() && refs[j].kind == kind) ++j;
            const bool is_primary = i == 0;
            if (j - i > 2) {
                const ParentRef& extra = refs[i + 2];
                g.diagnostics.add(
                    Severity::Warning, file, c.relationships[extra.relationship].line, 0, "genogram-parents",
                    "'" + c.person(cp).id + "' has more than two " + std::string(to_string(kind)) +
                        " parents; the genogram places the child under the first two");
            }
            UnionId u;
            if (j - i >= 2) {
                u = table.pair(refs[i].parent, refs[i + 1].parent, UnionKind::CoParents);
            } else if (!is_primary) {
                // A lone step, foster or adoptive parent: from their union with one of the
                // child's own parents when there is one, else on their own.
                u = k_none<UnionId>;
                for (const PersonId p : primary)
                    if (const UnionId pu = table.find_pair(refs[i].parent, p); !is_none(pu)) u = pu;
                if (is_none(u)) u = table.single(refs[i].parent);
            } else {
                u = table.single(refs[i].parent);
            }
            add_link(g, u, cp, kind, is_primary, false, refs[i].relationship);
            // Parents beyond two are still drawn, each from their own node.
            for (std::size_t k = i + 2; k < j; ++k)
                add_link(g, table.single(refs[k].parent), cp, kind, false, false, refs[k].relationship);
            if (is_primary) {
                primary_union = u;
                for (std::size_t k = i; k < std::min(j, i + 2); ++k) primary.push_back(refs[k].parent);
            }
            i = j;
        }
        g.parents[child] = primary_union;
    }
}

// Declared siblings with no parent share an implied unknown-parents union; a sibling without
// parents joins the family of the first sibling (in manifest order) who has them.
void add_sibling_links(const Case& c, UnionTable& table, FamilyGraph& g) {
    const std::size_t n = c.people.size();
    DisjointSets sets(n);
    bool any = false;
    for (const Relationship& r : c.relationships) {
        if (r.kind != RelationshipKind::Sibling) continue;
        sets.union_set(index_of(r.first), index_of(r.second));
        any = true;
    }
    if (!any) return;
    std::map<std::size_t, std::vector<std::uint32_t>> groups;  // by representative, members ascending
    for (std::uint32_t p = 0; p < n; ++p) groups[sets.find_set(p)].push_back(p);
    std::vector<std::vector<std::uint32_t>> ordered;
    for (auto& [rep, members] : groups)
        if (members.size() > 1) ordered.push_back(std::move(members));
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });
    for (const auto& members : ordered) {
        UnionId target = k_none<UnionId>;
        for (const std::uint32_t m : members)
            if (is_none(target) && !is_none(g.parents[m])) target = g.parents[m];
        if (is_none(target)) {
            FamilyUnion fu;
            fu.kind = UnionKind::UnknownParents;
            target = table.add(std::move(fu));
        }
        for (const std::uint32_t m : members) {
            if (!is_none(g.parents[m])) continue;
            add_link(g, target, static_cast<PersonId>(m), ParentKind::Birth, true, true, k_no_index);
            g.parents[m] = target;
        }
    }
}

// [SECTION] Generations

// The people a union's parent side stands for (none, one or two).
std::array<PersonId, 2> partners_of(const FamilyUnion& u) {
    return {u.first, u.second};
}

// Rows for the classes of a DAG given by `edges` (class -> class, one per link). Longest path
// from the top, then each class moves within its slack to the row that shortens its lines
// (down when that is free), until nothing moves.
std::vector<std::int32_t> layer_classes(std::size_t classes,
                                        const std::vector<std::pair<std::size_t, std::size_t>>& edges) {
    using Dag = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    Dag dag(classes);
    for (const auto& [a, b] : edges) boost::add_edge(a, b, dag);
    std::vector<std::size_t> reverse_topo;
    boost::topological_sort(dag, std::back_inserter(reverse_topo));
    std::vector<std::int32_t> row(classes, 0);
    for (auto it = reverse_topo.rbegin(); it != reverse_topo.rend(); ++it) {
        for (const auto e : boost::make_iterator_range(boost::in_edges(*it, dag)))
            row[*it] = std::max(row[*it], row[boost::source(e, dag)] + 1);
    }
    constexpr std::int32_t k_inf = std::numeric_limits<std::int32_t>::max();
    for (std::size_t round = 0; round < 4 * classes + 8; ++round) {
        bool moved = false;
        for (const std::size_t v : reverse_topo) {  // children first
            std::int32_t lo = std::numeric_limits<std::int32_t>::min();
            std::int32_t hi = k_inf;
            std::size_t preds = 0;
            std::size_t succs = 0;
            for (const auto e : boost::make_iterator_range(boost::in_edges(v, dag))) {
                lo = std::max(lo, row[boost::source(e, dag)] + 1);
                ++preds;
            }
            for (const auto e : boost::make_iterator_range(boost::out_edges(v, dag))) {
                hi = std::min(hi, row[boost::target(e, dag)] - 1);
                ++succs;
            }
            std::int32_t want = row[v];
            if (succs >= preds && succs > 0)
                want = hi;  // towards the children (free on a tie)
            else if (preds > succs)
                want = lo;  // towards the parents
            if (want != row[v]) {
                row[v] = want;
                moved = true;
            }
        }
        if (!moved) break;
    }
    return row;
}

// Assigns generation rows; links that contradict them are dropped with a warning.
void assign_generations(const Case& c, FamilyGraph& g, std::vector<bool>& dropped) {
    const std::size_t n = c.people.size();
    DisjointSets same(n);
    for (const FamilyUnion& u : g.unions)
        if (!is_none(u.first) && !is_none(u.second)) same.union_set(index_of(u.first), index_of(u.second));
    for (const Relationship& r : c.relationships)
        if (r.kind == RelationshipKind::Sibling) same.union_set(index_of(r.first), index_of(r.second));
    {
        std::vector<std::uint32_t> first_child(g.unions.size(), k_no_index);
        for (const ChildLink& l : g.links) {
            if (!l.primary) continue;
            std::uint32_t& f = first_child[index_of(l.from)];
            if (f == k_no_index)
                f = index_of(l.child);
            else
                same.union_set(f, index_of(l.child));
        }
    }
    // Classes numbered by their first person.
    std::vector<std::size_t> class_of(n);
    std::map<std::size_t, std::size_t> class_number;
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t rep = same.find_set(p);
        const auto [it, inserted] = class_number.emplace(rep, class_number.size());
        class_of[p] = it->second;
    }
    const std::size_t classes = class_number.size();

    // Reported at the line of the parent relationship itself (a union can stand for two).
    auto report = [&](const ChildLink& l, PersonId parent, const std::string& why) {
        std::uint32_t line = l.relationship == k_no_index ? 0 : c.relationships[l.relationship].line;
        for (const Relationship& r : c.relationships)
            if (is_parent_kind(r.kind) && r.first == parent && r.second == l.child) {
                line = r.line;
                break;
            }
        g.diagnostics.add(
            Severity::Warning, c.manifest_path, line, 0, "genogram-cycle",
            "'" + c.person(l.child).id + "' " + why + "; the genogram leaves out this parent link");
    };

    // A parent in the child's own row (a partner or sibling who is also a parent) is a
    // contradiction; so is a cycle of parents. Edges carry (link, parent).
    for (std::uint32_t i = 0; i < g.links.size(); ++i) {
        const ChildLink& l = g.links[i];
        for (const PersonId p : partners_of(g.union_of(l.from))) {
            if (is_none(p) || dropped[i] || class_of[index_of(p)] != class_of[index_of(l.child)]) continue;
            report(l, p,
                   "would be in the same generation as their parent '" + c.person(p).id +
                       "' (a partner or sibling of theirs)");
            dropped[i] = true;
        }
    }
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::uint32_t>>;
    Graph cg(classes);
    std::vector<PersonId> edge_parent;
    for (std::uint32_t i = 0; i < g.links.size(); ++i) {
        if (dropped[i]) continue;
        const ChildLink& l = g.links[i];
        for (const PersonId p : partners_of(g.union_of(l.from))) {
            if (is_none(p)) continue;
            boost::add_edge(class_of[index_of(p)], class_of[index_of(l.child)],
                            static_cast<std::uint32_t>(edge_parent.size()), cg);
            edge_parent.push_back(p);
        }
    }
    std::vector<std::uint32_t> edge_link;
    for (std::uint32_t i = 0; i < g.links.size(); ++i) {
        if (dropped[i]) continue;
        for (const PersonId p : partners_of(g.union_of(g.links[i].from)))
            if (!is_none(p)) edge_link.push_back(i);
    }
    std::vector<std::size_t> scc(classes);
    const std::size_t scc_count = boost::strong_components(
        cg, boost::make_iterator_property_map(scc.begin(), boost::get(boost::vertex_index, cg)));
    std::vector<std::pair<std::size_t, std::size_t>> edges;
    if (scc_count < classes) {
        std::vector<std::size_t> scc_size(scc_count, 0);
        for (const std::size_t s : scc) ++scc_size[s];
        for (const auto e : boost::make_iterator_range(boost::edges(cg))) {
            const std::size_t a = boost::source(e, cg);
            const std::size_t b = boost::target(e, cg);
            if (scc[a] == scc[b] && scc_size[scc[a]] > 1) {
                const std::uint32_t k = boost::get(boost::edge_index, cg, e);
                const std::uint32_t i = edge_link[k];
                if (!dropped[i])
                    report(g.links[i], edge_parent[k],
                           "is in a cycle of parents (someone is their own ancestor)");
                dropped[i] = true;
            }
        }
    }
    for (const auto e : boost::make_iterator_range(boost::edges(cg)))
        if (!dropped[edge_link[boost::get(boost::edge_index, cg, e)]])
            edges.emplace_back(boost::source(e, cg), boost::target(e, cg));

    const std::vector<std::int32_t> rows = layer_classes(classes, edges);
    for (std::size_t p = 0; p < n; ++p) g.generation[p] = rows[class_of[p]];
}

// [SECTION] Families

// Mid-point of the days a birth date allows.
std::int64_t birth_mid(const FuzzyDate& d) {
    return (static_cast<std::int64_t>(d.earliest_day()) + d.latest_day()) / 2;
}

// Rows of a family not linked to the index child: the shift that best matches its members'
// birth days to the index child's family's rows (a generation taken as 25 years where a row
// has no known birth); undated families go in the row of the index child's parents.
void align_families(const Case& c, FamilyGraph& g) {
    const std::size_t n = c.people.size();
    constexpr double k_generation_days = 25 * 365.25;
    std::int32_t main_max = 0;
    std::map<std::int32_t, std::pair<double, int>> main_rows;  // row -> (sum of birth days, count)
    for (std::size_t p = 0; p < n; ++p) {
        if (g.family[p] != 0) continue;
        main_max = std::max(main_max, g.generation[p]);
        if (const auto& b = c.people[p].born) {
            auto& [sum, count] = main_rows[g.generation[p]];
            sum += static_cast<double>(birth_mid(*b));
            ++count;
        }
    }
    // Expected birth day of a main-family row, extrapolated from the nearest known row.
    auto expected = [&](std::int32_t row) {
        double best = 0;
        std::int32_t best_distance = std::numeric_limits<std::int32_t>::max();
        for (const auto& [r, sc] : main_rows) {
            const std::int32_t distance = std::abs(r - row);
            if (distance < best_distance) {
                best_distance = distance;
                best = sc.first / sc.second + (row - r) * k_generation_days;
            }
        }
        return best;
    };
    std::int32_t fallback = 0;
    for (const PersonId child : c.info.index_children)
        if (g.family[index_of(child)] == 0) fallback = std::max(0, g.generation[index_of(child)] - 1);

    for (std::uint32_t f = 1; f < g.family_count; ++f) {
        std::int32_t top = std::numeric_limits<std::int32_t>::max();
        std::int32_t bottom = std::numeric_limits<std::int32_t>::min();
        for (std::size_t p = 0; p < n; ++p) {
            if (g.family[p] != f) continue;
            top = std::min(top, g.generation[p]);
            bottom = std::max(bottom, g.generation[p]);
        }
        std::int32_t shift = fallback - top;
        if (!main_rows.empty()) {
            double best_cost = std::numeric_limits<double>::infinity();
            for (std::int32_t s = -bottom - 1; s <= main_max + 1 - top; ++s) {
                double cost = 0;
                bool dated = false;
                for (std::size_t p = 0; p < n; ++p) {
                    if (g.family[p] != f || !c.people[p].born) continue;
                    cost += std::abs(static_cast<double>(birth_mid(*c.people[p].born)) -
                                     expected(g.generation[p] + s));
                    dated = true;
                }
                if (!dated) break;
                // Ties: the shift closest to the fallback row.
                cost += 1e-3 * std::abs(top + s - fallback);
                if (cost < best_cost) {
                    best_cost = cost;
                    shift = s;
                }
            }
        }
        for (std::size_t p = 0; p < n; ++p)
            if (g.family[p] == f) g.generation[p] += shift;
    }
}

// Connected families (Boost connected_components), numbered with the index child's first.
void find_families(const Case& c, FamilyGraph& g, const std::vector<bool>& dropped) {
    const std::size_t n = c.people.size();
    using Undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    Undirected ug(n + g.unions.size());
    for (std::size_t u = 0; u < g.unions.size(); ++u)
        for (const PersonId p : partners_of(g.unions[u])) {
            if (!is_none(p)) boost::add_edge(index_of(p), n + u, ug);
        }
    for (std::size_t i = 0; i < g.links.size(); ++i)
        if (!dropped[i]) boost::add_edge(n + index_of(g.links[i].from), index_of(g.links[i].child), ug);
    std::vector<std::size_t> component(boost::num_vertices(ug));
    boost::connected_components(ug, component.data());

    // Renumber: the first index child's family first, then by first person.
    std::map<std::size_t, std::uint32_t> number;
    for (const PersonId child : c.info.index_children) {
        number.emplace(component[index_of(child)], 0);
        break;
    }
    for (std::size_t p = 0; p < n; ++p)
        number.emplace(component[p], static_cast<std::uint32_t>(number.size()));
    for (std::size_t p = 0; p < n; ++p) g.family[p] = number[component[p]];
    g.family_count = static_cast<std::uint32_t>(number.size());
}

}  // namespace

// [SECTION] build_family_graph

FamilyGraph build_family_graph(const Case& c) {
    const std::size_t n = c.people.size();
    FamilyGraph g;
    g.generation.assign(n, 0);
    g.family.assign(n, 0);
    g.parents.assign(n, k_none<UnionId>);
    UnionTable table(g, n);
    add_partnerships(c, table, g);
    add_parent_links(c, table, g);
    add_sibling_links(c, table, g);

    std::vector<bool> dropped(g.links.size(), false);
    assign_generations(c, g, dropped);
    // Dropped links are gone for good: the child is placed by what is left.
    {
        std::vector<ChildLink> kept;
        for (std::size_t i = 0; i < g.links.size(); ++i)
            if (!dropped[i]) kept.push_back(g.links[i]);
        g.links = std::move(kept);
        dropped.assign(g.links.size(), false);
        for (std::size_t p = 0; p < n; ++p) g.parents[p] = k_none<UnionId>;
        for (const ChildLink& l : g.links)
            if (l.primary) g.parents[index_of(l.child)] = l.from;
    }
    find_families(c, g, dropped);
    // Each family's rows start at 0; then the others are aligned with the index child's.
    for (std::uint32_t f = 0; f < g.family_count; ++f) {
        std::int32_t top = std::numeric_limits<std::int32_t>::max();
        for (std::size_t p = 0; p < n; ++p)
            if (g.family[p] == f) top = std::min(top, g.generation[p]);
        for (std::size_t p = 0; p < n; ++p)
            if (g.family[p] == f) g.generation[p] -= top;
    }
    align_families(c, g);
    std::int32_t top = n ? *std::min_element(g.generation.begin(), g.generation.end()) : 0;
    for (std::int32_t& row : g.generation) row -= top;
    g.generation_count = n ? *std::max_element(g.generation.begin(), g.generation.end()) + 1 : 0;

    // Links grouped by union, children in birth order.
    std::stable_sort(g.links.begin(), g.links.end(), [&](const ChildLink& a, const ChildLink& b) {
        if (a.from != b.from) return index_of(a.from) < index_of(b.from);
        if (a.primary != b.primary) return a.primary;
        const std::int32_t ka = birth_key(c, a.child);
        const std::int32_t kb = birth_key(c, b.child);
        if (ka != kb) return ka < kb;
        return index_of(a.child) < index_of(b.child);
    });

    g.graph = FamilyGraph::Graph(n + g.unions.size());
    for (std::uint32_t u = 0; u < g.unions.size(); ++u)
        for (const PersonId p : partners_of(g.unions[u]))
            if (!is_none(p)) boost::add_edge(index_of(p), n + u, k_no_index, g.graph);
    for (std::uint32_t i = 0; i < g.links.size(); ++i)
        boost::add_edge(n + index_of(g.links[i].from), index_of(g.links[i].child), i, g.graph);
    return g;
}

// [SECTION] Households

namespace {

// First day a residence covers, and the day after its last; see households_at().
std::pair<std::int32_t, std::int32_t> residence_days(const Residence& r) {
    const std::int32_t start = r.from ? r.from->earliest_day() : std::numeric_limits<std::int32_t>::min();
    std::int32_t end = std::numeric_limits<std::int32_t>::max();
    if (r.to) {
        end = r.to->earliest_day();
        // Both ends in one partial period ("from 2015-01 to 2015-01"): the whole period.
        if (end <= start) end = r.to->latest_day() + 1;
    }
    return {start, end};
}

bool alive_on(const Person& p, std::int32_t day) {
    if (p.born && day < p.born->earliest_day()) return false;
    if (p.died && day >= p.died->earliest_day()) return false;
    return true;
}

}  // namespace

std::vector<Household> households_at(const Case& c, std::int32_t day) {
    // Each person's residence on the day: the covering one that began last.
    std::vector<std::uint32_t> home(c.people.size(), k_no_index);
    std::vector<std::int32_t> home_start(c.people.size(), 0);
    for (std::uint32_t i = 0; i < c.residences.size(); ++i) {
        const auto [start, end] = residence_days(c.residences[i]);
        if (day < start || day >= end) continue;
        for (const PersonId p : c.residences[i].people) {
            const std::uint32_t pi = index_of(p);
            if (!alive_on(c.people[pi], day)) continue;
            if (home[pi] == k_no_index || start >= home_start[pi]) {
                home[pi] = i;
                home_start[pi] = start;
            }
        }
    }
    // Residences with the same area and non-empty address are one home.
    std::vector<Household> out;
    std::map<std::pair<std::uint32_t, std::string>, std::size_t> by_address;
    std::vector<std::size_t> of_residence(c.residences.size(), k_no_index);
    for (std::uint32_t i = 0; i < c.residences.size(); ++i) {
        const Residence& r = c.residences[i];
        bool used = false;
        for (const PersonId p : r.people) used = used || home[index_of(p)] == i;
        if (!used) continue;
        std::size_t h = out.size();
        if (!r.address.empty()) {
            const auto [it, inserted] =
                by_address.emplace(std::make_pair(index_of(r.area), r.address), out.size());
            h = it->second;
        }
        if (h == out.size()) out.push_back({r.area, r.address, {}, {}});
        out[h].residences.push_back(i);
        of_residence[i] = h;
    }
    for (std::uint32_t p = 0; p < home.size(); ++p)
        if (home[p] != k_no_index) out[of_residence[home[p]]].members.push_back(static_cast<PersonId>(p));
    return out;
}

// [SECTION] Ages and the genogram at a date

std::string age_at(const FuzzyDate& born, std::int32_t day) {
    const std::int32_t first = born.earliest_day();
    if (day < first) return {};
    const std::int32_t last = std::min(born.latest_day(), day);
    auto text = [](std::int32_t lo, std::int32_t hi, const char* unit) {
        std::string s = std::to_string(lo);
        if (hi != lo) s += "\u2013" + std::to_string(hi);
        return s + unit;
    };
    if (born.approximate) {
        const std::int32_t mid = static_cast<std::int32_t>((static_cast<std::int64_t>(first) + last) / 2);
        const std::int32_t months = age_in_months(mid, day);
        return months < 24 ? "~" + std::to_string(months) + "m"
                           : "~" + std::to_string(age_in_years(mid, day));
    }
    const std::int32_t oldest_months = age_in_months(first, day);
    if (oldest_months < 24) return text(age_in_months(last, day), oldest_months, "m");
    return text(age_in_years(last, day), age_in_years(first, day), "");
}

std::string partnership_dates(const FamilyUnion& u, bool ended) {
    std::string s;
    if (u.from) s = (u.from->approximate ? "~" : "") + std::to_string(u.from->first.year);
    if (ended && u.to)
        s += "\u2013" + std::string(u.to->approximate ? "~" : "") + std::to_string(u.to->first.year);
    return s;
}

namespace {

UnionState union_state(const Case& c, const FamilyUnion& u, std::int32_t day) {
    if (u.kind != UnionKind::Partnership) return UnionState::Current;
    if (u.from && day < u.from->earliest_day()) return UnionState::NotYet;
    auto end_state = [&] {
        switch (u.ended) {
            case PartnershipEnd::Divorced:
                return UnionState::Divorced;
            case PartnershipEnd::Died:
                return UnionState::Widowed;
            default:
                return UnionState::Separated;
        }
    };
    if (u.to) return day >= u.to->earliest_day() ? end_state() : UnionState::Current;
    if (u.ended != PartnershipEnd::None) return end_state();
    for (const PersonId p : {u.first, u.second}) {
        const Person& person = c.person(p);
        if (person.died && day >= person.died->earliest_day()) return UnionState::Widowed;
    }
    return UnionState::Current;
}

}  // namespace

GenogramAt genogram_at(const GenogramLayout& layout, const Case& c, std::int32_t day) {
    assert(layout.people.size() == c.people.size());
    GenogramAt at;
    at.day = day;
    at.people.resize(c.people.size());
    for (std::size_t p = 0; p < c.people.size(); ++p) {
        const Person& person = c.people[p];
        PersonAt& pa = at.people[p];
        if (person.born && day < person.born->earliest_day())
            pa.life = LifeState::NotBorn;
        else if (person.died && day >= person.died->earliest_day())
            pa.life = LifeState::Dead;
        if (pa.life == LifeState::Alive && person.born) pa.age = age_at(*person.born, day);
        pa.label = layout.people[p].name;
        if (!pa.age.empty()) pa.label += ", " + pa.age;
    }

    std::vector<bool> in_focus(c.people.size(), false);
    bool any_focus = false;
    const GenogramOptions& o = layout.options;
    auto measure = [&](std::string_view text) {
        return o.measure ? o.measure(text, o.detail_size) : estimate_text_width(text, o.detail_size);
    };
    // The index children's homes first: they are number 1 (and 2...) in any key.
    std::vector<Household> homes = households_at(c, day);
    auto is_focus = [&](const Household& h) {
        return std::any_of(h.members.begin(), h.members.end(),
                           [&](PersonId m) { return c.index_child_position(m) >= 0; });
    };
    std::stable_partition(homes.begin(), homes.end(), is_focus);
    for (Household& h : homes) {
        HouseholdAt ha;
        ha.focus = is_focus(h);
        ha.number = static_cast<std::uint32_t>(at.households.size() + 1);
        ha.label = std::string(c.area_name(h.area));
        if (!h.address.empty()) ha.label += ": " + h.address;
        ha.outline = group_outline(layout, h.members, layout.tab_height);
        if (ha.outline.tab >= 0) {
            const Rect& tab = ha.outline.rects[static_cast<std::size_t>(ha.outline.tab)];
            ha.badge_width = 13 + 6 * static_cast<float>(std::to_string(ha.number).size() - 1);
            ha.badge_at = {tab.x0 + 6 + ha.badge_width / 2, tab.y1 - layout.tab_height / 2 + 1};
            ha.label_at = {tab.x0 + 11 + ha.badge_width, tab.y1 - 5};
            const float room = tab.x1 - ha.label_at.x - 4;
            if (measure(ha.label) <= room)
                ha.tab_text = ha.label;
            else if (measure(c.area_name(h.area)) <= room)
                ha.tab_text = std::string(c.area_name(h.area));
        }
        const auto index = static_cast<std::int32_t>(at.households.size());
        for (const PersonId m : h.members) {
            at.people[index_of(m)].household = index;
            if (ha.focus) in_focus[index_of(m)] = true;
        }
        any_focus = any_focus || ha.focus;
        ha.household = std::move(h);
        at.households.push_back(std::move(ha));
    }
    if (any_focus)
        for (std::size_t p = 0; p < c.people.size(); ++p) at.people[p].faded = !in_focus[p];

    at.unions.resize(layout.unions.size());
    for (std::size_t u = 0; u < layout.unions.size(); ++u) {
        const FamilyUnion& fu = layout.family.unions[u];
        UnionAt& ua = at.unions[u];
        ua.state = union_state(c, fu, day);
        const bool ended = ua.state == UnionState::Separated || ua.state == UnionState::Divorced ||
                           (ua.state == UnionState::Widowed && fu.to && day >= fu.to->earliest_day());
        if (fu.kind == UnionKind::Partnership && ua.state != UnionState::NotYet)
            ua.dates = partnership_dates(fu, ended);
        bool faded = any_focus;
        for (const PersonId p : partners_of(fu))
            if (!is_none(p)) faded = faded && at.people[index_of(p)].faded;
        if (fu.kind == UnionKind::UnknownParents)
            for (const GenogramChild& ch : layout.children)
                if (index_of(ch.from) == u) faded = faded && at.people[index_of(ch.child)].faded;
        ua.faded = faded;
    }
    return at;
}

// [SECTION] Fingerprint and cache

std::uint64_t genogram_fingerprint(const Case& c, const GenogramOptions& o) {
    std::string blob;
    auto add = [&](std::string_view s) {
        blob += s;
        blob.push_back('\x1f');
    };
    auto add_date = [&](const std::optional<FuzzyDate>& d) { add(d ? format_date(*d) : std::string("-")); };
    for (const Person& p : c.people) {
        add(p.id);
        add(p.name);
        add(to_string(p.sex));
        add_date(p.born);
        add_date(p.died);
    }
    blob.push_back('\x1e');
    for (const Relationship& r : c.relationships) {
        add(to_string(r.kind));
        add(std::to_string(index_of(r.first)));
        add(std::to_string(index_of(r.second)));
        add_date(r.from);
        add_date(r.to);
        add(to_string(r.ended));
    }
    blob.push_back('\x1e');
    for (const PersonId p : c.info.index_children) add(std::to_string(index_of(p)));
    for (const float f : {o.symbol, o.name_size, o.detail_size, o.label_gap, o.line_zone, o.partner_gap,
                          o.sibling_gap, o.family_gap, o.component_gap, o.trunk_clear, o.margin})
        add(std::to_string(f));
    add(std::to_string(o.sweeps));
    add(c.manifest_path);
    return stable_hash(blob);
}

const GenogramLayout& GenogramCache::layout(const Case& c) {
    const std::uint64_t fingerprint = genogram_fingerprint(c, m_options);
    if (!m_layout || m_layout->fingerprint != fingerprint) {
        m_layout = compute_layout(c, m_options);
        ++m_computed;
    }
    return *m_layout;
}

}  // namespace sightline::engine
