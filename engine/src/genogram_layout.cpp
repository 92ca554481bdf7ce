// The genogram layout: rows, order within rows, x positions, lines; and group outlines.
//
// [SECTION] Text and sizes
// [SECTION] Nodes, blocks and rows
// [SECTION] Ordering: barycentre sweeps
// [SECTION] Positions: isotonic passes
// [SECTION] Geometry
// [SECTION] compute_layout
// [SECTION] Outlines
//
// A row holds nodes: people, plus two kinds of invisible node that let every union be treated
// alike: a *stub* beside a single known parent (where the line to the children leaves, in
// place of the unknown partner) and an *unknown* node in the row above siblings whose parents
// are all unknown. Partners (and a parent with their stub) form a *block* that moves as one:
// a chain of partnerships is a path, so a person with two partnerships is between both
// partners. Rows are internal rows: generation + 1, so that row 0 can hold the unknown nodes
// of siblings in the top generation.
#include "sightline/engine/genogram.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include <boost/graph/kruskal_min_spanning_tree.hpp>
#include <boost/pending/disjoint_sets.hpp>

namespace sightline::engine {

// [SECTION] Text and sizes

float estimate_text_width(std::string_view text, float font_size) {
    std::size_t glyphs = 0;
    for (const char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++glyphs;  // UTF-8 lead bytes
    return static_cast<float>(glyphs) * 0.6f * font_size;
}

namespace {

// The widest ", age" a person's name line can have at any date (see age_at()).
std::string age_reserve(const Person& p) {
    if (!p.born) return {};
    if (p.born->approximate) return ", ~99";
    if (p.born->is_exact_day()) return ", 23m";
    return ", 99\u201399";
}

// The dates line: "b. 2014-10-03", "1965 – 2012-08", "d. 2012-08".
std::string dates_line(const Person& p) {
    if (p.born && p.died) return format_date(*p.born) + " \u2013 " + format_date(*p.died);
    if (p.born) return "b. " + format_date(*p.born);
    if (p.died) return "d. " + format_date(*p.died);
    return {};
}

Symbol symbol_of(Sex s) {
    switch (s) {
        case Sex::Male:
            return Symbol::Square;
        case Sex::Female:
            return Symbol::Circle;
        default:
            return Symbol::Diamond;
    }
}

// [SECTION] Nodes, blocks and rows

enum class NodeKind : std::uint8_t { Person, Stub, Unknown };

struct Node {
    NodeKind kind = NodeKind::Person;
    PersonId person = k_none<PersonId>;  // Person nodes
    UnionId owner = k_none<UnionId>;     // Stub and Unknown nodes: the union they stand in
    std::uint32_t row = 0;               // internal row: generation + 1
    std::uint32_t family = 0;
    double ext = 0;           // width taken in the row, units
    std::uint32_t block = 0;  // index of its block in its row
    double pos = 0;           // ordinal in its row
    double x = 0;             // centre, units
};

// Partners (and a single parent's stub) that move together, left to right.
struct Block {
    std::vector<std::uint32_t> nodes;
    std::uint32_t family = 0;
    std::uint32_t first = 0;  // smallest node index: a stable tie-break
};

struct Row {
    std::vector<Block> blocks;
};

// Isotonic regression with gaps: minimises sum w_i (x_i - d_i)^2 subject to
// x_{i+1} >= x_i + gap_i, keeping the order (pool adjacent violators). O(n).
std::vector<double> place_in_order(const std::vector<double>& desired, const std::vector<double>& weight,
                                   const std::vector<double>& gap) {
    const std::size_t n = desired.size();
    std::vector<double> offset(n, 0);
    for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + gap[i - 1];
    struct Pool {
        double weight;
        double sum;  // weighted sum of targets
        std::size_t count;
    };
    std::vector<Pool> pools;
    for (std::size_t i = 0; i < n; ++i) {
        pools.push_back({weight[i], weight[i] * (desired[i] - offset[i]), 1});
        while (pools.size() > 1) {
            const Pool& b = pools.back();
            const Pool& a = pools[pools.size() - 2];
            if (a.sum / a.weight <= b.sum / b.weight) break;
            const Pool merged{a.weight + b.weight, a.sum + b.sum, a.count + b.count};
            pools.pop_back();
            pools.back() = merged;
        }
    }
    std::vector<double> x(n);
    std::size_t i = 0;
    for (const Pool& p : pools)
        for (std::size_t k = 0; k < p.count; ++k, ++i) x[i] = p.sum / p.weight + offset[i];
    return x;
}

constexpr float k_bar_drop = 20;  // sibling bar above the children's symbols, units

// Floors x + 0.5: unlike std::round, shifting by a whole unit shifts the result by one.
float snap(double x) {
    return static_cast<float>(std::floor(x + 0.5));
}

class Layouter {
public:
    Layouter(const Case& c, const GenogramOptions& options) : m_case(c), m_opt(options) {
        if (!m_opt.measure) m_opt.measure = estimate_text_width;
    }

    GenogramLayout run();

private:
    // Setup
    void make_nodes();
    void make_blocks();
    void initial_order();
    void visit(std::uint32_t row, std::uint32_t block, std::vector<std::vector<bool>>& seen,
               std::vector<std::vector<std::uint32_t>>& order);
    // Ordering
    void number_row(std::uint32_t r);
    std::pair<std::uint32_t, std::uint32_t> hub_pair(std::uint32_t u) const;
    double union_ord(std::uint32_t u) const;
    std::uint32_t crossings(std::uint32_t upper) const;
    std::uint32_t total_crossings() const;
    void sort_row(std::uint32_t r, bool down);
    void birth_order(std::uint32_t r);
    void flip_blocks(std::uint32_t r, std::uint32_t upper);
    double reach(const Block& block) const;
    std::size_t row_size(std::uint32_t r) const;
    void order_rows();
    // Positions
    double min_distance(std::uint32_t a, std::uint32_t b) const;
    double hub_x(std::uint32_t u) const;
    void place_row(std::uint32_t r, bool down);
    void place();
    bool turn_stubs();
    // Output
    GenogramLayout build();

    [[nodiscard]] std::int32_t birth_key(std::uint32_t node) const {
        const Node& n = m_nodes[node];
        if (n.kind != NodeKind::Person) return std::numeric_limits<std::int32_t>::max();
        const Person& p = m_case.person(n.person);
        return p.born ? p.born->sort_day() : std::numeric_limits<std::int32_t>::max();
    }
    [[nodiscard]] UnionId parents_of(std::uint32_t node) const {
        const Node& n = m_nodes[node];
        if (n.kind != NodeKind::Person) return k_none<UnionId>;
        const UnionId u = m_family.parents[index_of(n.person)];
        return !is_none(u) && !m_slots[index_of(u)].empty() ? u : k_none<UnionId>;
    }
    [[nodiscard]] const Block& block_of(std::uint32_t node) const {
        return m_rows[m_nodes[node].row].blocks[m_nodes[node].block];
    }

    const Case& m_case;
    GenogramOptions m_opt;
    FamilyGraph m_family;
    std::vector<Node> m_nodes;                              // people first (node i = person i)
    std::vector<Row> m_rows;                                // by internal row
    std::vector<std::vector<std::uint32_t>> m_slots;        // per union: its nodes in the parents' row
    std::vector<std::vector<std::uint32_t>> m_kids;         // per union: primary children's nodes
    std::vector<std::vector<std::uint32_t>> m_extra;        // per union: other children's nodes
    std::vector<std::vector<std::uint32_t>> m_node_unions;  // per node: unions it is a slot of
    std::vector<double> m_date_width;                       // per union: widest dates label
    std::vector<std::string> m_names;                       // per person
    std::vector<std::string> m_dates;                       // per person
    std::uint32_t m_crossings = 0;
};

void Layouter::make_nodes() {
    const std::size_t n = m_case.people.size();
    const float sym = m_opt.symbol;
    m_nodes.resize(n);
    m_names.resize(n);
    m_dates.resize(n);
    for (std::uint32_t p = 0; p < n; ++p) {
        const Person& person = m_case.people[p];
        Node& node = m_nodes[p];
        node.person = static_cast<PersonId>(p);
        node.row = static_cast<std::uint32_t>(m_family.generation[p] + 1);
        node.family = m_family.family[p];
        m_names[p] = person.name.empty() ? person.id : person.name;
        m_dates[p] = dates_line(person);
        const float name_w = m_opt.measure(m_names[p] + age_reserve(person), m_opt.name_size);
        const float dates_w = m_opt.measure(m_dates[p], m_opt.detail_size);
        node.ext = std::max({sym, name_w, dates_w});
    }
    const std::size_t unions = m_family.unions.size();
    m_slots.assign(unions, {});
    m_kids.assign(unions, {});
    m_extra.assign(unions, {});
    m_date_width.assign(unions, 0);
    for (const ChildLink& l : m_family.links)
        (l.primary ? m_kids : m_extra)[index_of(l.from)].push_back(index_of(l.child));
    for (std::uint32_t u = 0; u < unions; ++u) {
        const FamilyUnion& fu = m_family.unions[u];
        const bool has_children = !m_kids[u].empty() || !m_extra[u].empty();
        auto add_node = [&](NodeKind kind, std::uint32_t row, std::uint32_t family) {
            Node node;
            node.kind = kind;
            node.owner = static_cast<UnionId>(u);
            node.row = row;
            node.family = family;
            node.ext = 0;
            m_nodes.push_back(node);
            return static_cast<std::uint32_t>(m_nodes.size() - 1);
        };
        switch (fu.kind) {
            case UnionKind::Partnership:
            case UnionKind::CoParents:
                m_slots[u] = {index_of(fu.first), index_of(fu.second)};
                break;
            case UnionKind::SingleParent:
                if (has_children) {
                    const Node& parent = m_nodes[index_of(fu.first)];
                    m_slots[u] = {index_of(fu.first), add_node(NodeKind::Stub, parent.row, parent.family)};
                }
                break;
            case UnionKind::UnknownParents:
                if (!m_kids[u].empty()) {
                    const Node& child = m_nodes[m_kids[u].front()];
                    m_slots[u] = {add_node(NodeKind::Unknown, child.row - 1, child.family)};
                }
                break;
        }
        // Room for the partnership's years at their longest (once it has ended).
        if (fu.kind == UnionKind::Partnership)
            m_date_width[u] = m_opt.measure(partnership_dates(fu, true), m_opt.detail_size);
    }
    m_node_unions.assign(m_nodes.size(), {});
    for (std::uint32_t u = 0; u < unions; ++u)
        for (const std::uint32_t s : m_slots[u]) m_node_unions[s].push_back(u);
}

// Orders a block's members: a chain of partnerships as a path (its left end preferably a man
// or the stub of a woman, by the convention of the man on the left); otherwise the person
// with most partners in the middle and partners alternating either side.
std::vector<std::uint32_t> order_block(const std::vector<std::uint32_t>& members,
                                       const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges,
                                       const std::vector<Node>& nodes, const Case& c,
                                       const std::vector<std::vector<std::uint32_t>>& slots) {
    if (members.size() == 1) return members;
    std::map<std::uint32_t, std::vector<std::uint32_t>> adjacent;
    for (const auto& [a, b] : edges) {
        adjacent[a].push_back(b);
        adjacent[b].push_back(a);
    }
    for (auto& [node, list] : adjacent) {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    std::size_t max_degree = 0;
    std::size_t edge_count = 0;
    for (const auto& [node, list] : adjacent) {
        max_degree = std::max(max_degree, list.size());
        edge_count += list.size();
    }
    edge_count /= 2;
    // How much a node belongs on the left: 0 a man or a woman's stub, 1 unknown, 2 a woman or a man's stub.
    auto left_score = [&](std::uint32_t node) {
        const Node& n = nodes[node];
        Sex sex = Sex::Unknown;
        bool stub = false;
        if (n.kind == NodeKind::Person) {
            sex = c.person(n.person).sex;
        } else if (n.kind == NodeKind::Stub) {
            sex = c.person(nodes[slots[index_of(n.owner)].front()].person).sex;
            stub = true;
        }
        if (sex == Sex::Unknown) return 1;
        return (sex == Sex::Male) != stub ? 0 : 2;
    };
    std::vector<std::uint32_t> out;
    if (max_degree <= 2 && edge_count + 1 == members.size()) {
        std::vector<std::uint32_t> ends;
        for (const std::uint32_t m : members)
            if (adjacent[m].size() <= 1) ends.push_back(m);
        std::uint32_t start = ends.front();
        const std::uint32_t other = ends.back();
        if (left_score(other) < left_score(start)) start = other;
        std::uint32_t previous = k_no_index;
        std::uint32_t current = start;
        while (current != k_no_index) {
            out.push_back(current);
            std::uint32_t next = k_no_index;
            for (const std::uint32_t m : adjacent[current])
                if (m != previous) next = m;
            previous = current;
            current = next;
        }
        return out;
    }
    // People only first; each stub then goes right beside its parent, on the outer side.
    auto is_stub = [&](std::uint32_t node) { return nodes[node].kind == NodeKind::Stub; };
    std::uint32_t centre = members.front();
    for (const std::uint32_t m : members)
        if (!is_stub(m) && (is_stub(centre) || adjacent[m].size() > adjacent[centre].size())) centre = m;
    std::vector<std::uint32_t> left;
    std::vector<std::uint32_t> right;
    std::map<std::uint32_t, bool> placed{{centre, true}};
    bool to_left = true;
    std::vector<std::uint32_t> frontier{centre};
    while (!frontier.empty()) {
        std::vector<std::uint32_t> next;
        for (const std::uint32_t f : frontier)
            for (const std::uint32_t m : adjacent[f]) {
                if (placed[m] || is_stub(m)) continue;
                placed[m] = true;
                (to_left ? left : right).push_back(m);
                to_left = !to_left;
                next.push_back(m);
            }
        frontier = std::move(next);
    }
    out.assign(left.rbegin(), left.rend());
    out.push_back(centre);
    out.insert(out.end(), right.begin(), right.end());
    for (const std::uint32_t m : members) {
        if (!is_stub(m)) continue;
        const std::uint32_t parent = adjacent[m].front();
        const auto at = std::find(out.begin(), out.end(), parent);
        const auto centre_at = std::find(out.begin(), out.end(), centre);
        const bool outer_left = at < centre_at || (at == centre_at && left.size() <= right.size());
        out.insert(outer_left ? at : at + 1, m);
    }
    return out;
}

void Layouter::make_blocks() {
    std::uint32_t row_count = 1;
    for (const Node& n : m_nodes) row_count = std::max(row_count, n.row + 1);
    m_rows.assign(row_count, {});
    boost::disjoint_sets_with_storage<> sets(m_nodes.size());
    for (const auto& slots : m_slots)
        if (slots.size() == 2) sets.union_set(slots[0], slots[1]);
    std::map<std::size_t, std::vector<std::uint32_t>> groups;  // representative -> members ascending
    for (std::uint32_t i = 0; i < m_nodes.size(); ++i) groups[sets.find_set(i)].push_back(i);
    std::vector<std::vector<std::uint32_t>> ordered;
    for (auto& [rep, members] : groups) ordered.push_back(std::move(members));
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.front() < b.front(); });
    for (const auto& members : ordered) {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        for (const std::uint32_t m : members)
            for (const std::uint32_t u : m_node_unions[m])
                if (m_slots[u].size() == 2 && m_slots[u][0] == m)
                    edges.emplace_back(m_slots[u][0], m_slots[u][1]);
        Block b;
        b.nodes = order_block(members, edges, m_nodes, m_case, m_slots);
        b.first = members.front();
        b.family = m_nodes[members.front()].family;
        m_rows[m_nodes[members.front()].row].blocks.push_back(std::move(b));
    }
}

// Depth-first from the top of each family, so that children start near their parents.
void Layouter::visit(std::uint32_t row, std::uint32_t block, std::vector<std::vector<bool>>& seen,
                     std::vector<std::vector<std::uint32_t>>& order) {
    if (seen[row][block]) return;
    seen[row][block] = true;
    order[row].push_back(block);
    const Block& b = m_rows[row].blocks[block];
    for (const std::uint32_t n : b.nodes)
        for (const std::uint32_t u : m_node_unions[n]) {
            for (const auto* list : {&m_kids[u], &m_extra[u]})
                for (const std::uint32_t k : *list) visit(m_nodes[k].row, m_nodes[k].block, seen, order);
        }
    for (const std::uint32_t n : b.nodes) {
        const UnionId up = parents_of(n);
        if (is_none(up)) continue;
        for (const std::uint32_t s : m_slots[index_of(up)])
            visit(m_nodes[s].row, m_nodes[s].block, seen, order);
    }
}

void Layouter::initial_order() {
    for (std::uint32_t r = 0; r < m_rows.size(); ++r)
        for (std::uint32_t b = 0; b < m_rows[r].blocks.size(); ++b)
            for (const std::uint32_t n : m_rows[r].blocks[b].nodes) m_nodes[n].block = b;
    std::vector<std::vector<bool>> seen(m_rows.size());
    std::vector<std::vector<std::uint32_t>> order(m_rows.size());
    for (std::uint32_t r = 0; r < m_rows.size(); ++r) seen[r].assign(m_rows[r].blocks.size(), false);
    std::uint32_t families = 0;
    for (const Node& n : m_nodes) families = std::max(families, n.family + 1);
    for (std::uint32_t f = 0; f < families; ++f)
        for (std::uint32_t r = 0; r < m_rows.size(); ++r)
            for (std::uint32_t b = 0; b < m_rows[r].blocks.size(); ++b)
                if (m_rows[r].blocks[b].family == f) visit(r, b, seen, order);
    for (std::uint32_t r = 0; r < m_rows.size(); ++r) {
        std::vector<Block> blocks;
        for (const std::uint32_t b : order[r]) blocks.push_back(std::move(m_rows[r].blocks[b]));
        // Families stay together, in family order (visit() can reach into another row early).
        std::stable_sort(blocks.begin(), blocks.end(),
                         [](const Block& a, const Block& b) { return a.family < b.family; });
        m_rows[r].blocks = std::move(blocks);
        number_row(r);
    }
}

// [SECTION] Ordering: barycentre sweeps

void Layouter::number_row(std::uint32_t r) {
    double pos = 0;
    for (std::uint32_t b = 0; b < m_rows[r].blocks.size(); ++b)
        for (const std::uint32_t n : m_rows[r].blocks[b].nodes) {
            m_nodes[n].block = b;
            m_nodes[n].pos = pos;
            pos += 1;
        }
}

// The two neighbouring nodes between which a union's line to the children drops: the
// partners when adjacent; otherwise the gap beside the partner with fewer partnerships. A
// single parent's line leaves at the stub itself, an unknown pair's at its node.
std::pair<std::uint32_t, std::uint32_t> Layouter::hub_pair(std::uint32_t u) const {
    const auto& slots = m_slots[u];
    if (slots.size() == 1) return {slots[0], slots[0]};
    if (m_family.unions[u].kind == UnionKind::SingleParent) return {slots[1], slots[1]};
    std::uint32_t a = slots[0];
    std::uint32_t b = slots[1];
    if (m_nodes[a].pos > m_nodes[b].pos) std::swap(a, b);
    if (m_nodes[b].pos - m_nodes[a].pos < 1.5) return {a, b};
    const Block& block = block_of(a);
    const auto ia =
        static_cast<std::size_t>(std::find(block.nodes.begin(), block.nodes.end(), a) - block.nodes.begin());
    const auto ib =
        static_cast<std::size_t>(std::find(block.nodes.begin(), block.nodes.end(), b) - block.nodes.begin());
    if (m_node_unions[b].size() <= m_node_unions[a].size()) return {block.nodes[ib - 1], b};
    return {a, block.nodes[ia + 1]};
}

double Layouter::union_ord(std::uint32_t u) const {
    const auto [l, r] = hub_pair(u);
    return (m_nodes[l].pos + m_nodes[r].pos) / 2;
}

// Crossings between the lines from unions in row `upper` to children in the row below.
std::uint32_t Layouter::crossings(std::uint32_t upper) const {
    std::vector<std::pair<double, double>> lines;
    for (std::uint32_t u = 0; u < m_slots.size(); ++u) {
        if (m_slots[u].empty() || m_nodes[m_slots[u][0]].row != upper) continue;
        const double from = union_ord(u);
        for (const auto* list : {&m_kids[u], &m_extra[u]})
            for (const std::uint32_t k : *list)
                if (m_nodes[k].row == upper + 1) lines.emplace_back(from, m_nodes[k].pos);
    }
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        for (std::size_t j = i + 1; j < lines.size(); ++j)
            if ((lines[i].first - lines[j].first) * (lines[i].second - lines[j].second) < 0) ++count;
    return count;
}

std::uint32_t Layouter::total_crossings() const {
    std::uint32_t total = 0;
    for (std::uint32_t r = 0; r + 1 < m_rows.size(); ++r) total += crossings(r);
    return total;
}

// Sorts a row's blocks by the barycentre of their parents (down) or children (up). Blocks
// with no neighbour in that direction keep their places; families never mix.
void Layouter::sort_row(std::uint32_t r, bool down) {
    auto& blocks = m_rows[r].blocks;
    struct Key {
        double key;
        double tie;
        std::int32_t birth;
        std::uint32_t first;
        bool movable;
    };
    std::vector<Key> keys(blocks.size());
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
        double sum = 0;
        double count = 0;
        double tie = std::numeric_limits<double>::max();
        std::int32_t birth = std::numeric_limits<std::int32_t>::max();
        for (const std::uint32_t n : blocks[b].nodes) {
            if (down) {
                const UnionId up = parents_of(n);
                if (is_none(up)) continue;
                sum += union_ord(index_of(up));
                count += 1;
                tie = std::min(tie, static_cast<double>(index_of(up)));
                birth = std::min(birth, birth_key(n));
            } else {
                for (const std::uint32_t u : m_node_unions[n]) {
                    const auto& kids = m_kids[u].empty() ? m_extra[u] : m_kids[u];
                    for (const std::uint32_t k : kids) {
                        if (m_nodes[k].row != r + 1) continue;
                        sum += m_nodes[k].pos;
                        count += 1;
                    }
                }
            }
        }
        keys[b] = {count > 0 ? sum / count : 0, tie, birth, blocks[b].first, count > 0};
    }
    std::size_t start = 0;
    while (start < blocks.size()) {
        std::size_t end = start;
        while (end < blocks.size() && blocks[end].family == blocks[start].family) ++end;
        std::vector<std::uint32_t> movable;
        std::vector<std::uint32_t> places;
        for (std::size_t b = start; b < end; ++b)
            if (keys[b].movable) {
                movable.push_back(static_cast<std::uint32_t>(b));
                places.push_back(static_cast<std::uint32_t>(b));
            }
        std::stable_sort(movable.begin(), movable.end(), [&](std::uint32_t a, std::uint32_t b) {
            const Key& ka = keys[a];
            const Key& kb = keys[b];
            if (std::abs(ka.key - kb.key) > 1e-9) return ka.key < kb.key;
            if (ka.tie != kb.tie) return ka.tie < kb.tie;
            if (ka.birth != kb.birth) return ka.birth < kb.birth;
            return ka.first < kb.first;
        });
        std::vector<Block> moved;
        for (const std::uint32_t b : movable) moved.push_back(blocks[b]);
        for (std::size_t i = 0; i < places.size(); ++i) blocks[places[i]] = std::move(moved[i]);
        start = end;
    }
    number_row(r);
}

// Siblings in birth order, oldest on the left: the blocks of one union's children whose only
// parents in the block are that union swap places until they are in order. A child whose
// partner's family pulls them elsewhere keeps the place the barycentre gave.
void Layouter::birth_order(std::uint32_t r) {
    auto& blocks = m_rows[r].blocks;
    for (std::uint32_t u = 0; u < m_kids.size(); ++u) {
        if (m_slots[u].empty()) continue;
        std::vector<std::pair<std::int32_t, std::uint32_t>> kids;  // (birth key, block)
        for (const std::uint32_t k : m_kids[u]) {
            if (m_nodes[k].row != r) continue;
            const Block& b = blocks[m_nodes[k].block];
            bool only_this = true;
            std::uint32_t children_of_u = 0;
            for (const std::uint32_t n : b.nodes) {
                const UnionId up = parents_of(n);
                if (is_none(up)) continue;
                if (index_of(up) == u)
                    ++children_of_u;
                else
                    only_this = false;
            }
            if (only_this && children_of_u == 1) kids.emplace_back(birth_key(k), m_nodes[k].block);
        }
        if (kids.size() < 2) continue;
        std::vector<std::uint32_t> places;
        for (const auto& [birth, b] : kids) places.push_back(b);
        std::sort(places.begin(), places.end());
        std::stable_sort(kids.begin(), kids.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            return blocks[a.second].first < blocks[b.second].first;
        });
        std::vector<Block> moved;
        for (const auto& [birth, b] : kids) moved.push_back(blocks[b]);
        for (std::size_t i = 0; i < places.size(); ++i) blocks[places[i]] = std::move(moved[i]);
        number_row(r);
    }
}

// How far a block's unions sit from their children, with both rows scaled to [0, 1].
double Layouter::reach(const Block& block) const {
    double total = 0;
    for (const std::uint32_t n : block.nodes)
        for (const std::uint32_t u : m_node_unions[n]) {
            const std::uint32_t row = m_nodes[n].row;
            if (row + 1 >= m_rows.size()) continue;
            const double from = union_ord(u) / std::max(1.0, static_cast<double>(row_size(row)) - 1);
            for (const auto* list : {&m_kids[u], &m_extra[u]})
                for (const std::uint32_t k : *list)
                    if (m_nodes[k].row == row + 1)
                        total +=
                            std::abs(from - m_nodes[k].pos /
                                                std::max(1.0, static_cast<double>(row_size(row + 1)) - 1));
        }
    return total;
}

std::size_t Layouter::row_size(std::uint32_t r) const {
    std::size_t n = 0;
    for (const Block& b : m_rows[r].blocks) n += b.nodes.size();
    return n;
}

// Reverses a block when that reduces crossings with the neighbouring row; on a tie, when it
// brings the block's unions nearer their children (a single parent's stub turns towards the
// child). Couples have the same reach both ways, so the man stays on the left.
void Layouter::flip_blocks(std::uint32_t r, std::uint32_t upper) {
    for (auto& block : m_rows[r].blocks) {
        if (block.nodes.size() < 2) continue;
        const std::uint32_t before = crossings(upper);
        const double reach_before = reach(block);
        std::reverse(block.nodes.begin(), block.nodes.end());
        number_row(r);
        const std::uint32_t after = crossings(upper);
        if (after > before || (after == before && reach(block) >= reach_before - 1e-9)) {
            std::reverse(block.nodes.begin(), block.nodes.end());
            number_row(r);
        }
    }
}

// Sweeps down and up, keeping the best order seen: fewest crossings, then least reach. At
// least two sweeps (for birth order and stub sides), then on while the order improves.
void Layouter::order_rows() {
    const auto rows = static_cast<std::uint32_t>(m_rows.size());
    auto total_reach = [&] {
        double sum = 0;
        for (const Row& row : m_rows)
            for (const Block& b : row.blocks) sum += reach(b);
        return sum;
    };
    std::vector<Row> best = m_rows;
    std::uint32_t best_crossings = std::numeric_limits<std::uint32_t>::max();
    double best_reach = std::numeric_limits<double>::max();
    for (int sweep = 0; sweep < m_opt.sweeps; ++sweep) {
        for (std::uint32_t r = 1; r < rows; ++r) {
            sort_row(r, true);
            birth_order(r);
            flip_blocks(r, r - 1);
        }
        for (std::uint32_t r = rows - 1; r-- > 0;) {
            sort_row(r, false);
            birth_order(r);
            flip_blocks(r, r);
        }
        const std::uint32_t now = total_crossings();
        const double now_reach = total_reach();
        if (now < best_crossings || (now == best_crossings && now_reach < best_reach - 1e-9)) {
            best_crossings = now;
            best_reach = now_reach;
            best = m_rows;
        } else if (sweep >= 1) {
            break;
        }
    }
    m_rows = std::move(best);
    for (std::uint32_t r = 0; r < rows; ++r) number_row(r);
    m_crossings = best_crossings;
}

// [SECTION] Positions: isotonic passes

// Least distance between the centres of neighbours a (left) and b in a row.
double Layouter::min_distance(std::uint32_t a, std::uint32_t b) const {
    const Node& na = m_nodes[a];
    const Node& nb = m_nodes[b];
    const double sym = m_opt.symbol;
    const double clear = m_opt.trunk_clear;
    if (na.kind == NodeKind::Unknown || nb.kind == NodeKind::Unknown)
        return (na.ext + nb.ext) / 2 + m_opt.component_gap / 2;
    double d = 0;
    std::uint32_t partners = k_no_index;
    for (const std::uint32_t u : m_node_unions[a])
        if (m_slots[u].size() == 2 && (m_slots[u][0] == b || m_slots[u][1] == b)) partners = u;
    if (partners != k_no_index) {
        if (na.kind == NodeKind::Stub || nb.kind == NodeKind::Stub) {
            const Node& parent = na.kind == NodeKind::Stub ? nb : na;
            d = std::max(sym / 2 + m_opt.partner_gap / 2, parent.ext / 2 + clear);
        } else {
            const double dates = m_date_width[partners] > 0 ? m_date_width[partners] + 16 : 0;
            d = std::max(sym + std::max<double>(m_opt.partner_gap, dates),
                         std::max(na.ext, nb.ext) + 2 * clear);
        }
    } else if (na.block == nb.block) {
        d = (na.ext + nb.ext) / 2 + m_opt.sibling_gap;
    } else {
        double gap = m_opt.family_gap;
        if (na.family != nb.family)
            gap = m_opt.component_gap;
        else if (!is_none(parents_of(a)) && parents_of(a) == parents_of(b))
            gap = m_opt.sibling_gap;
        d = (na.ext + nb.ext) / 2 + gap;
    }
    // A line down to children between them must clear both labels (a stub is itself the
    // place where the line leaves, so it needs only its parent's clearance, above).
    if (na.kind == NodeKind::Stub || nb.kind == NodeKind::Stub) return d;
    for (const std::uint32_t u : m_node_unions[a]) {
        const auto [l, r] = hub_pair(u);
        if (l == a && r == b) d = std::max(d, std::max(na.ext, nb.ext) + 2 * clear);
    }
    for (const std::uint32_t u : m_node_unions[b]) {
        const auto [l, r] = hub_pair(u);
        if (l == a && r == b) d = std::max(d, std::max(na.ext, nb.ext) + 2 * clear);
    }
    return d;
}

double Layouter::hub_x(std::uint32_t u) const {
    const auto [l, r] = hub_pair(u);
    return (m_nodes[l].x + m_nodes[r].x) / 2;
}

// One pass over a row. Each node wants to be under its parents' hub (down) or to put its
// unions' hubs over the middle of their children (up); a block (partners) is rigid, at its
// least internal gaps, and wants the weighted mean of its members' wishes, or to stay where
// it is. Then the least-squares placement of the blocks that keeps their order and gaps.
void Layouter::place_row(std::uint32_t r, bool down) {
    const auto& blocks = m_rows[r].blocks;
    if (blocks.empty()) return;
    constexpr double k_still = 0.01;  // weight of "stay where you are"
    std::vector<std::vector<double>> offset(blocks.size());
    std::vector<double> desired(blocks.size(), 0);
    std::vector<double> weight(blocks.size(), 0);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const auto& nodes = blocks[b].nodes;
        offset[b].assign(nodes.size(), 0);
        for (std::size_t i = 1; i < nodes.size(); ++i)
            offset[b][i] = offset[b][i - 1] + min_distance(nodes[i - 1], nodes[i]);
        double sum = 0;
        double w = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const std::uint32_t node = nodes[i];
            if (down) {
                const UnionId up = parents_of(node);
                if (!is_none(up) && m_nodes[m_slots[index_of(up)][0]].row + 1 == r) {
                    sum += hub_x(index_of(up)) - offset[b][i];
                    w += 1;
                }
                continue;
            }
            for (const std::uint32_t u : m_node_unions[node]) {
                const bool primary = !m_kids[u].empty();
                double lo = std::numeric_limits<double>::max();
                double hi = std::numeric_limits<double>::lowest();
                for (const std::uint32_t k : primary ? m_kids[u] : m_extra[u]) {
                    if (m_nodes[k].row != r + 1) continue;
                    lo = std::min(lo, m_nodes[k].x);
                    hi = std::max(hi, m_nodes[k].x);
                }
                if (lo > hi) continue;
                // Where the block's left end goes to put this hub over the children's middle.
                const double uw = primary ? 1.0 : 0.3;
                sum += uw * ((lo + hi) / 2 - (hub_x(u) - m_nodes[nodes.front()].x));
                w += uw;
            }
        }
        if (w > 0) {
            desired[b] = sum / w;
            weight[b] = w;
        } else {
            desired[b] = m_nodes[nodes.front()].x;
            weight[b] = k_still;
        }
    }
    std::vector<double> gap(blocks.size(), 0);
    for (std::size_t b = 0; b + 1 < blocks.size(); ++b)
        gap[b] = offset[b].back() + min_distance(blocks[b].nodes.back(), blocks[b + 1].nodes.front());
    const std::vector<double> left = place_in_order(desired, weight, gap);
    for (std::size_t b = 0; b < blocks.size(); ++b)
        for (std::size_t i = 0; i < blocks[b].nodes.size(); ++i)
            m_nodes[blocks[b].nodes[i]].x = left[b] + offset[b][i];
}

void Layouter::place() {
    // Start packed, each row centred on 0.
    for (std::uint32_t r = 0; r < m_rows.size(); ++r) {
        std::vector<std::uint32_t> order;
        for (const Block& b : m_rows[r].blocks) order.insert(order.end(), b.nodes.begin(), b.nodes.end());
        double x = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i > 0) x += min_distance(order[i - 1], order[i]);
            m_nodes[order[i]].x = x;
        }
        for (const std::uint32_t n : order) m_nodes[n].x -= x / 2;
    }
    const auto rows = static_cast<std::uint32_t>(m_rows.size());
    constexpr int k_passes = 8;
    for (int pass = 0; pass < k_passes; ++pass) {
        for (std::uint32_t r = 1; r < rows; ++r) place_row(r, true);
        for (std::uint32_t r = rows; r-- > 0;) place_row(r, false);
    }
}

// A lone parent's stub belongs on the side of their children. Where it is not, and turning
// the parent round adds no crossing, turn it; true when anything turned.
bool Layouter::turn_stubs() {
    bool turned = false;
    for (std::uint32_t r = 0; r + 1 < m_rows.size(); ++r)
        for (Block& block : m_rows[r].blocks) {
            if (block.nodes.size() != 2) continue;
            const std::uint32_t stub =
                m_nodes[block.nodes[0]].kind == NodeKind::Stub ? block.nodes[0] : block.nodes[1];
            const std::uint32_t parent = stub == block.nodes[0] ? block.nodes[1] : block.nodes[0];
            if (m_nodes[stub].kind != NodeKind::Stub) continue;
            const std::uint32_t u = index_of(m_nodes[stub].owner);
            double sum = 0;
            double count = 0;
            for (const auto* list : {&m_kids[u], &m_extra[u]})
                for (const std::uint32_t k : *list) {
                    sum += m_nodes[k].x;
                    count += 1;
                }
            if (count == 0) continue;
            const bool children_right = sum / count > m_nodes[parent].x;
            if (children_right == (m_nodes[stub].x > m_nodes[parent].x)) continue;
            const std::uint32_t before = crossings(r) + (r > 0 ? crossings(r - 1) : 0);
            std::swap(block.nodes[0], block.nodes[1]);
            number_row(r);
            if (crossings(r) + (r > 0 ? crossings(r - 1) : 0) > before) {
                std::swap(block.nodes[0], block.nodes[1]);
                number_row(r);
                continue;
            }
            std::swap(m_nodes[stub].x, m_nodes[parent].x);
            turned = true;
        }
    return turned;
}

// [SECTION] Geometry

GenogramLayout Layouter::build() {
    GenogramLayout out;
    const float sym = m_opt.symbol;
    const float half = sym / 2;
    // Whole units, so that rows and labels sit on the same grid at every size.
    const float name_base = std::ceil(half + m_opt.label_gap + m_opt.name_size);
    const float dates_base = std::ceil(name_base + m_opt.detail_size + 3);
    const float below = std::ceil(dates_base + m_opt.detail_size * 0.35f);
    const float pitch = std::ceil(sym + (below - half) + m_opt.line_zone);
    const std::size_t people = m_case.people.size();
    const auto generations = static_cast<std::size_t>(std::max(m_family.generation_count, 0));
    out.row_above = half;
    out.row_below = below;
    out.outline_pad = std::min(6.0f, m_opt.trunk_clear / 2 - 1);
    out.outline_band = 8;
    out.tab_height = 17;
    out.crossings = m_crossings;

    // Normalise x so that the leftmost extent is at the margin; snap to whole units.
    double min_x = std::numeric_limits<double>::max();
    for (std::uint32_t p = 0; p < people; ++p) min_x = std::min(min_x, m_nodes[p].x - m_nodes[p].ext / 2);
    for (std::uint32_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].kind != NodeKind::Person) min_x = std::min(min_x, m_nodes[i].x);
    if (people == 0) min_x = 0;
    const double shift = m_opt.margin - min_x;
    std::vector<float> x(m_nodes.size());
    for (std::size_t i = 0; i < m_nodes.size(); ++i) x[i] = snap(m_nodes[i].x + shift);

    // Room above the top row for the stub of any unknown parents there.
    bool unknown_on_top = false;
    for (const Node& n : m_nodes)
        unknown_on_top = unknown_on_top || (n.kind == NodeKind::Unknown && n.row == 0);
    const float top = m_opt.margin + half + (unknown_on_top ? 24.0f : 0.0f);
    out.row_y.resize(generations);
    for (std::size_t g = 0; g < generations; ++g) out.row_y[g] = top + static_cast<float>(g) * pitch;
    auto row_y = [&](std::uint32_t row) { return top + (static_cast<float>(row) - 1) * pitch; };

    out.people.resize(people);
    for (std::uint32_t p = 0; p < people; ++p) {
        const Person& person = m_case.people[p];
        const Node& node = m_nodes[p];
        GenogramPerson& gp = out.people[p];
        gp.person = static_cast<PersonId>(p);
        gp.centre = {x[p], row_y(node.row)};
        gp.size = sym;
        gp.symbol = symbol_of(person.sex);
        gp.index_child = m_case.index_child_position(gp.person) >= 0;
        gp.has_died = person.died.has_value();
        gp.generation = m_family.generation[p];
        gp.family = node.family;
        gp.name = m_names[p];
        gp.dates = m_dates[p];
        gp.name_at = {gp.centre.x, gp.centre.y + name_base};
        gp.dates_at = {gp.centre.x, gp.centre.y + dates_base};
        const auto w = static_cast<float>(node.ext / 2);
        gp.extent = {gp.centre.x - w, gp.centre.y - half, gp.centre.x + w, gp.centre.y + below};
    }
    out.rows.resize(generations);
    for (std::uint32_t r = 1; r < m_rows.size(); ++r)
        for (const Block& b : m_rows[r].blocks)
            for (const std::uint32_t n : b.nodes)
                if (m_nodes[n].kind == NodeKind::Person) out.rows[r - 1].push_back(m_nodes[n].person);

    // Unions: partner lines, hubs, sibling bars.
    out.unions.resize(m_family.unions.size());
    for (std::uint32_t u = 0; u < m_family.unions.size(); ++u) {
        const FamilyUnion& fu = m_family.unions[u];
        GenogramUnion& gu = out.unions[u];
        gu.id = static_cast<UnionId>(u);
        gu.kind = fu.kind;
        gu.first = fu.first;
        gu.second = fu.second;
        gu.from = fu.from;
        gu.to = fu.to;
        gu.ended = fu.ended;
        const auto& slots = m_slots[u];
        if (slots.empty()) continue;
        const float y = row_y(m_nodes[slots[0]].row);
        const auto [hl, hr] = hub_pair(u);
        const float hub = snap((static_cast<double>(x[hl]) + x[hr]) / 2);
        if (fu.kind == UnionKind::UnknownParents) {
            gu.hub = {x[slots[0]], 0};  // y set with the bar below
        } else if (fu.kind == UnionKind::SingleParent) {
            const std::uint32_t parent = slots[0];
            const std::uint32_t stub = slots[1];
            const float side = x[stub] > x[parent] ? 1.0f : -1.0f;
            gu.path = {{x[parent] + side * half, y}, {x[stub], y}};
            gu.hub = {x[stub], y};
            gu.mark = gu.hub;
            gu.dates_at = gu.hub;
        } else {
            std::uint32_t a = slots[0];
            std::uint32_t b = slots[1];
            if (x[a] > x[b]) std::swap(a, b);
            if (hl == a && hr == b) {
                gu.path = {{x[a] + half, y}, {x[b] - half, y}};
                gu.hub = {hub, y};
                // Slashes halfway between the left symbol and the hub, clear of the trunk.
                gu.mark = {snap((static_cast<double>(x[a]) + half + hub) / 2), y};
                gu.dates_at = {hub, y - 9};
            } else {
                // Just over the people between them (higher for wider spans), under the
                // sibling bar of the row's own parents.
                const double between = std::abs(m_nodes[b].pos - m_nodes[a].pos) - 1;
                const float over =
                    y - half - std::min(10 + 4 * static_cast<float>(between - 1), k_bar_drop - 3);
                gu.path = {{x[a], y - half}, {x[a], over}, {x[b], over}, {x[b], y - half}};
                gu.hub = {hub, over};
                const float far = hl == a ? x[b] : x[a];
                gu.mark = {snap((static_cast<double>(far) + hub) / 2), over};
                gu.dates_at = {gu.mark.x, over - 9};
            }
        }
        if (m_kids[u].empty()) continue;
        gu.has_children = true;
        const float child_y = row_y(m_nodes[m_kids[u].front()].row);
        gu.bar_y = child_y - half - k_bar_drop;
        if (fu.kind == UnionKind::UnknownParents) gu.hub.y = gu.bar_y - 14;
        gu.bar_x0 = gu.hub.x;
        gu.bar_x1 = gu.hub.x;
        bool same_kind = true;
        ParentKind kind = ParentKind::Birth;
        bool first_kid = true;
        for (const ChildLink& l : m_family.links) {
            if (index_of(l.from) != u || !l.primary) continue;
            if (first_kid)
                kind = l.kind;
            else
                same_kind = same_kind && l.kind == kind;
            first_kid = false;
        }
        gu.trunk = same_kind ? kind : ParentKind::Birth;
        for (const std::uint32_t k : m_kids[u]) {
            gu.bar_x0 = std::min(gu.bar_x0, x[k]);
            gu.bar_x1 = std::max(gu.bar_x1, x[k]);
        }
        if (fu.kind == UnionKind::UnknownParents) gu.mark = gu.dates_at = gu.hub;
    }

    // Child lines.
    for (const ChildLink& l : m_family.links) {
        const GenogramUnion& gu = out.unions[index_of(l.from)];
        if (m_slots[index_of(l.from)].empty()) continue;
        GenogramChild gc;
        gc.from = l.from;
        gc.child = l.child;
        gc.kind = l.kind;
        gc.primary = l.primary;
        gc.implied = l.implied;
        const GenogramPerson& child = out.people[index_of(l.child)];
        const Vec2 top_of_child{child.centre.x, child.centre.y - half};
        if (l.primary) {
            gc.path = {{child.centre.x, gu.bar_y}, top_of_child};
        } else {
            const float start = gu.has_children ? gu.bar_y : gu.hub.y;
            const float level = child.centre.y - half - 8;
            gc.path = {{gu.hub.x, start}, {gu.hub.x, level}, {child.centre.x, level}, top_of_child};
        }
        out.children.push_back(std::move(gc));
    }

    // Bounds: everything drawn, with room for outlines and household labels.
    Rect b{std::numeric_limits<float>::max(), std::numeric_limits<float>::max(),
           std::numeric_limits<float>::lowest(), std::numeric_limits<float>::lowest()};
    auto grow = [&](float px, float py) {
        b.x0 = std::min(b.x0, px);
        b.y0 = std::min(b.y0, py);
        b.x1 = std::max(b.x1, px);
        b.y1 = std::max(b.y1, py);
    };
    for (const GenogramPerson& gp : out.people) {
        grow(gp.extent.x0, gp.extent.y0);
        grow(gp.extent.x1, gp.extent.y1);
    }
    for (const GenogramUnion& gu : out.unions) {
        for (const Vec2& v : gu.path) grow(v.x, v.y);
        if (gu.has_children) grow(gu.hub.x, gu.hub.y);
    }
    if (people == 0) b = {0, 0, 0, 0};
    const float m = m_opt.margin;
    // Below the last row, room for an outline's padding and label tab at any date.
    out.bounds = {b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m + out.outline_pad + out.tab_height};
    return out;
}

// [SECTION] compute_layout

GenogramLayout Layouter::run() {
    m_family = build_family_graph(m_case);
    make_nodes();
    make_blocks();
    initial_order();
    order_rows();
    place();
    if (turn_stubs()) place();
    GenogramLayout out = build();
    out.options = m_opt;
    out.diagnostics = m_family.diagnostics;
    out.family = std::move(m_family);
    return out;
}

}  // namespace

GenogramLayout compute_layout(const Case& c, const GenogramOptions& options) {
    Layouter layouter(c, options);
    GenogramLayout out = layouter.run();
    out.fingerprint = genogram_fingerprint(c, options);
    return out;
}

// [SECTION] Outlines

namespace {

// A run: neighbours in one row who are all members.
struct Run {
    std::size_t row = 0;
    Rect rect;
};

// A connector between two runs as bands (axis-aligned rectangles), and its length.
struct Route {
    std::vector<Rect> bands;
    float length = 0;
};

// A vertical stretch of a drawn line (a trunk, or a line down to a child).
struct VerticalLine {
    float x = 0;
    float y0 = 0;
    float y1 = 0;
};

// Routes outline connectors through the space between rows, keeping clear of the lines
// drawn there so that a household boundary never runs along a parent-child line.
class Router {
public:
    explicit Router(const GenogramLayout& l) : m_layout(l), m_half_band(l.outline_band / 2) {
        for (const GenogramUnion& u : l.unions)
            if (u.has_children)
                m_lines.push_back({u.hub.x, std::min(u.hub.y, u.bar_y), std::max(u.hub.y, u.bar_y)});
        for (const GenogramChild& ch : l.children)
            for (std::size_t i = 1; i < ch.path.size(); ++i)
                if (ch.path[i].x == ch.path[i - 1].x)
                    m_lines.push_back({ch.path[i].x, std::min(ch.path[i].y, ch.path[i - 1].y),
                                       std::max(ch.path[i].y, ch.path[i - 1].y)});
    }

    // Middle of the free space below row r (between its labels and the next row's symbols).
    [[nodiscard]] float zone(std::size_t r) const {
        const float below = m_layout.row_y[r] + m_layout.row_below + m_layout.outline_pad;
        if (r + 1 >= m_layout.row_y.size()) return below + m_half_band + 4;
        const float above = m_layout.row_y[r + 1] - m_layout.row_above - m_layout.outline_pad;
        return (below + above) / 2;
    }

    // An x in [lo, hi] for a band from y0 to y1, outside `blocked`: the nearest to `want` that
    // keeps clear of every line there, else the one with most room.
    [[nodiscard]] float pick(float lo, float hi, float want, float y0, float y1,
                             const std::vector<std::pair<float, float>>& blocked = {}) const {
        const float clear = m_half_band + 20;
        std::vector<float> near;
        for (const VerticalLine& v : m_lines)
            if (v.y0 < std::max(y0, y1) && v.y1 > std::min(y0, y1)) near.push_back(v.x);
        std::sort(near.begin(), near.end());
        std::vector<float> candidates{lo, hi, std::clamp(want, lo, hi)};
        for (std::size_t i = 0; i < near.size(); ++i) {
            candidates.push_back(near[i] - clear - 0.5f);
            candidates.push_back(near[i] + clear + 0.5f);
            if (i + 1 < near.size()) candidates.push_back((near[i] + near[i + 1]) / 2);
        }
        for (const auto& [b0, b1] : blocked) {
            candidates.push_back(b0);
            candidates.push_back(b1);
        }
        float best = std::clamp(want, lo, hi);
        bool best_clear = false;
        float best_score = std::numeric_limits<float>::max();
        for (float x : candidates) {
            x = snap(x);
            if (x < lo || x > hi) continue;
            bool free = true;
            for (const auto& [b0, b1] : blocked) free = free && !(x > b0 && x < b1);
            if (!free) continue;
            float room = std::numeric_limits<float>::max();
            for (const float l : near) room = std::min(room, std::abs(x - l));
            const bool is_clear = room >= clear;
            const float score = is_clear ? std::abs(x - want) : -room;
            if ((is_clear && !best_clear) || (is_clear == best_clear && score < best_score)) {
                best = x;
                best_clear = is_clear;
                best_score = score;
            }
        }
        return best;
    }

    // Everyone in rows [first, last], widened so that a band passing them keeps its distance.
    [[nodiscard]] std::vector<std::pair<float, float>> people_in(std::size_t first, std::size_t last) const {
        const float keep = m_layout.outline_pad + m_half_band + 2;
        std::vector<std::pair<float, float>> blocked;
        for (std::size_t r = first; r <= last; ++r)
            for (const PersonId p : m_layout.rows[r]) {
                const Rect& e = m_layout.person(p).extent;
                blocked.emplace_back(e.x0 - keep, e.x1 + keep);
            }
        return blocked;
    }

    [[nodiscard]] Rect vertical(float x, float y0, float y1) const {
        return {x - m_half_band, std::min(y0, y1), x + m_half_band, std::max(y0, y1)};
    }
    [[nodiscard]] Rect horizontal(float y, float x0, float x1) const {
        return {std::min(x0, x1) - m_half_band, y - m_half_band, std::max(x0, x1) + m_half_band,
                y + m_half_band};
    }

    // Runs a (above or left) and b: straight down where they overlap in adjacent rows; else
    // down into the space below a's row, across (through a corridor in the rows between),
    // and down (or, in one row, back up) into b.
    [[nodiscard]] Route route(const Run& a, const Run& b) const {
        Route out;
        const float inset = m_half_band + 2;
        const float lo = std::max(a.rect.x0, b.rect.x0) + inset;
        const float hi = std::min(a.rect.x1, b.rect.x1) - inset;
        if (b.row == a.row + 1 && lo <= hi) {
            // Towards the left edge: the middle is where parents' lines come down.
            const float x = pick(lo, hi, lo, a.rect.y1, b.rect.y0);
            out.bands.push_back(vertical(x, a.rect.y1 - 1, b.rect.y0 + 1));
            out.length = b.rect.y0 - a.rect.y1;
            return out;
        }
        const float za = zone(a.row);
        const float b_mid = (b.rect.x0 + b.rect.x1) / 2;
        const float xa = pick(a.rect.x0 + inset, a.rect.x1 - inset, b_mid, a.rect.y1, za);
        out.bands.push_back(vertical(xa, a.rect.y1 - 1, za));
        if (b.row == a.row) {
            const float xb = pick(b.rect.x0 + inset, b.rect.x1 - inset, xa, za, b.rect.y1);
            out.bands.push_back(horizontal(za, xa, xb));
            out.bands.push_back(vertical(xb, za, b.rect.y1 - 1));
            out.length = 2 * (za - a.rect.y1) + std::abs(xb - xa);
            return out;
        }
        if (b.row == a.row + 1) {
            const float xb = pick(b.rect.x0 + inset, b.rect.x1 - inset, xa, za, b.rect.y0);
            out.bands.push_back(horizontal(za, xa, xb));
            out.bands.push_back(vertical(xb, za, b.rect.y0 + 1));
            out.length = (b.rect.y0 - a.rect.y1) + std::abs(xb - xa);
            return out;
        }
        const float zb = zone(b.row - 1);
        constexpr float k_far = 1e7f;
        const float xc = pick(-k_far, k_far, (xa + b_mid) / 2, za, zb, people_in(a.row + 1, b.row - 1));
        const float xb = pick(b.rect.x0 + inset, b.rect.x1 - inset, xc, zb, b.rect.y0);
        out.bands.push_back(horizontal(za, xa, xc));
        out.bands.push_back(vertical(xc, za, zb));
        out.bands.push_back(horizontal(zb, xc, xb));
        out.bands.push_back(vertical(xb, zb, b.rect.y0 + 1));
        out.length = (b.rect.y0 - a.rect.y1) + std::abs(xc - xa) + std::abs(xb - xc);
        return out;
    }

private:
    const GenogramLayout& m_layout;
    float m_half_band;
    std::vector<VerticalLine> m_lines;
};

}  // namespace

Outline group_outline(const GenogramLayout& layout, std::span<const PersonId> members, float tab_height) {
    std::vector<bool> member(layout.people.size(), false);
    for (const PersonId p : members) member[index_of(p)] = true;
    const float pad = layout.outline_pad;
    std::vector<Run> runs;
    for (std::size_t r = 0; r < layout.rows.size(); ++r) {
        bool open = false;
        for (const PersonId p : layout.rows[r]) {
            if (!member[index_of(p)]) {
                open = false;
                continue;
            }
            const Rect& e = layout.person(p).extent;
            if (!open) {
                runs.push_back({r, {e.x0 - pad, e.y0 - pad, e.x1 + pad, e.y1 + pad}});
                open = true;
            }
            Run& run = runs.back();
            run.rect.x0 = std::min(run.rect.x0, e.x0 - pad);
            run.rect.x1 = std::max(run.rect.x1, e.x1 + pad);
        }
    }
    Outline out;
    for (const Run& run : runs) out.rects.push_back(run.rect);
    if (tab_height > 0 && !runs.empty()) {
        const Run* widest = &runs.front();
        for (const Run& run : runs)
            if (run.rect.width() > widest->rect.width() + 0.5f) widest = &run;
        const Rect& r = widest->rect;
        out.tab = static_cast<std::int32_t>(out.rects.size());
        out.rects.push_back({r.x0, r.y1 - 1, r.x1, r.y1 + tab_height});
    }
    if (runs.size() < 2) return out;

    // A minimum spanning tree (Kruskal) of the runs, weighted by connector length.
    const Router router(layout);
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                        boost::property<boost::edge_weight_t, float>>;
    Graph g(runs.size());
    std::map<std::pair<std::size_t, std::size_t>, Route> routes;
    for (std::size_t i = 0; i < runs.size(); ++i)
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            Route route = router.route(runs[i], runs[j]);  // runs are in row order, so i is above or left
            boost::add_edge(i, j, route.length, g);
            routes.emplace(std::make_pair(i, j), std::move(route));
        }
    std::vector<boost::graph_traits<Graph>::edge_descriptor> tree;
    boost::kruskal_minimum_spanning_tree(g, std::back_inserter(tree));
    std::vector<std::pair<std::size_t, std::size_t>> chosen;
    for (const auto& e : tree) {
        const std::size_t a = boost::source(e, g);
        const std::size_t b = boost::target(e, g);
        chosen.emplace_back(std::min(a, b), std::max(a, b));
    }
    std::sort(chosen.begin(), chosen.end());
    for (const auto& key : chosen) {
        const Route& route = routes.at(key);
        out.rects.insert(out.rects.end(), route.bands.begin(), route.bands.end());
    }
    return out;
}

}  // namespace sightline::engine
