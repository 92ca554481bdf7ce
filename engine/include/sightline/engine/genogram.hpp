// The genogram: the family as a graph, its layout, and what it shows at a date.
//
// [SECTION] Geometry
// [SECTION] The family graph
// [SECTION] Layout
// [SECTION] Households
// [SECTION] The genogram at a date
// [SECTION] Caching
//
// Three steps, each a pure function of values:
//
//   build_family_graph(case)      people + one union node per partnership (or per set of known
//                                 parents) in a Boost.Graph graph; generations and families.
//   compute_layout(case)          positions in abstract units (pixels at zoom 1). They do not
//                                 depend on any date, so a viewer moving a date cursor never
//                                 sees people jump. Costly (see compute_layout); cache it.
//   genogram_at(layout, case, d)  what changes with the date: who is born or has died, ages,
//                                 partnerships begun or ended, households and their outlines.
//                                 Cheap: O(people + residences + outline runs^2).
//
// docs/genogram.md describes the drawing rules and the choices made for incomplete data.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "sightline/engine/date.hpp"
#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Geometry

// A point in layout units (pixels at zoom 1; y grows downwards).
struct Vec2 {
    float x = 0;
    float y = 0;
    friend bool operator==(const Vec2&, const Vec2&) = default;
};

// An axis-aligned rectangle in layout units; x0 <= x1 and y0 <= y1.
struct Rect {
    float x0 = 0;
    float y0 = 0;
    float x1 = 0;
    float y1 = 0;

    [[nodiscard]] float width() const { return x1 - x0; }
    [[nodiscard]] float height() const { return y1 - y0; }
    // True when the two rectangles share interior area (touching edges do not count).
    [[nodiscard]] bool overlaps(const Rect& o) const {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }
    // True when o lies entirely inside this rectangle.
    [[nodiscard]] bool contains(const Rect& o) const {
        return x0 <= o.x0 && o.x1 <= x1 && y0 <= o.y0 && o.y1 <= y1;
    }
    friend bool operator==(const Rect&, const Rect&) = default;
};

// [SECTION] The family graph

// Index of a union node in FamilyGraph::unions.
enum class UnionId : std::uint32_t {};

// How a parent is a parent. `parent` in case.yaml is a birth parent.
enum class ParentKind : std::uint8_t { Birth, Adoptive, Foster, Step };

// Why a union node exists.
enum class UnionKind : std::uint8_t {
    Partnership,     // a declared `partner` relationship
    CoParents,       // two people declared parents of one child, with no partner relationship
    SingleParent,    // a child's one known parent (the other is unknown)
    UnknownParents,  // siblings declared with no parent known: an implied, unknown pair
};

// The symbol drawn for a person (McGoldrick): square male, circle female, diamond unknown.
enum class Symbol : std::uint8_t { Square, Circle, Diamond };

// "birth", "adoptive", "foster", "step"; "partnership", "co_parents", ...; "square", ...
std::string_view to_string(ParentKind v);
std::string_view to_string(UnionKind v);
std::string_view to_string(Symbol v);

// A union node: the partners, and the partnership's dates when it is declared.
struct FamilyUnion {
    UnionKind kind = UnionKind::Partnership;
    PersonId first = k_none<PersonId>;   // none for UnknownParents
    PersonId second = k_none<PersonId>;  // none for SingleParent and UnknownParents
    std::optional<FuzzyDate> from;       // partnership began
    std::optional<FuzzyDate> to;         // partnership ended
    PartnershipEnd ended = PartnershipEnd::None;
    std::uint32_t relationship = k_no_index;  // index in Case::relationships of the partner relationship
};

// A line from a union to a child.
struct ChildLink {
    UnionId from = k_none<UnionId>;
    PersonId child = k_none<PersonId>;
    ParentKind kind = ParentKind::Birth;
    // The child's own family places the child: birth parents, else adoptive, else foster, else
    // step. Other links (a step-parent beside birth parents) are drawn but do not place.
    bool primary = true;
    bool implied = false;                     // only a sibling relationship put the child here
    std::uint32_t relationship = k_no_index;  // the first relationship behind the link
};

// People and union nodes as a Boost.Graph graph, with generations and separate families.
struct FamilyGraph {
    // Vertices 0..P-1 are people (by PersonId); P..P+U-1 are unions (by UnionId).
    // Edges: partner -> union, and union -> child (edge property: index in `links`, or
    // k_no_index for a partner edge).
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                        boost::property<boost::edge_index_t, std::uint32_t>>;

    Graph graph;
    std::vector<FamilyUnion> unions;
    std::vector<ChildLink> links;          // grouped by union, children in birth order
    std::vector<std::int32_t> generation;  // per person: row, 0 at the top, parents above children
    std::vector<std::uint32_t> family;     // per person: connected family, 0 = the index child's
    std::vector<UnionId> parents;          // per person: the union that places them, or none
    std::uint32_t family_count = 0;
    std::int32_t generation_count = 0;
    Diagnostics diagnostics;  // contradictions found (cycles, too many parents)

    [[nodiscard]] std::size_t person_vertex(PersonId p) const { return index_of(p); }
    [[nodiscard]] std::size_t union_vertex(UnionId u) const { return generation.size() + index_of(u); }
    [[nodiscard]] const FamilyUnion& union_of(UnionId u) const { return unions[index_of(u)]; }
};

// Builds the graph. Generations: partners, co-parents, declared siblings and the children of
// one union share a row; every parent is at least one row above the child. Rows come from a
// topological sort of the row classes (longest path), then each class moves to the row that
// shortens its parent-child lines (a person who married into the family sits with their
// partner's generation, and their own parents just above). A cycle (A parent of B, B parent of
// A) is reported as a `genogram-cycle` warning and its links are left out; nothing hangs.
// Separate families are the connected components; one with no link to the index child is
// placed in the row whose known birth years are closest to its own.
// O((P + R) log(P + R)) for P people and R relationships.
FamilyGraph build_family_graph(const Case& c);

// [SECTION] Layout

// Sizes and gaps of the drawing, in layout units.
struct GenogramOptions {
    float symbol = 40;          // width and height of a person's symbol
    float name_size = 13;       // font size of the name line
    float detail_size = 10.5f;  // font size of the dates line and partnership dates
    float label_gap = 4;        // between the symbol and the name line
    float line_zone = 64;       // vertical space between one row's labels and the next row's symbols
    float partner_gap = 40;     // least space between two partners' symbols
    float sibling_gap = 22;     // least space between siblings' labels
    float family_gap = 36;      // least space between unrelated neighbours in a row
    float component_gap = 72;   // between separate families
    float trunk_clear = 14;     // least space between a line down to children and a label
    float margin = 32;          // around the drawing
    int sweeps = 12;            // barycentre sweeps (each one down and one up)
    // Width of a text at a font size; the default estimates an average sans-serif glyph as
    // 0.56 of the font size. A viewer passes its font's measure (e.g. ImGui::CalcTextSize).
    std::function<float(std::string_view text, float font_size)> measure;
};

// The default text measure: an average sans-serif glyph (digits included) is about 0.6 of
// the font size, which errs wide for Helvetica and Arial and fits DejaVu Sans.
float estimate_text_width(std::string_view text, float font_size);

// One person's box.
struct GenogramPerson {
    PersonId person = k_none<PersonId>;
    Vec2 centre;     // of the symbol
    float size = 0;  // symbol width and height
    Symbol symbol = Symbol::Diamond;
    bool index_child = false;     // drawn with a double outline
    bool has_died = false;        // a death date is recorded (genogram_at says whether by the day)
    std::int32_t generation = 0;  // row
    std::uint32_t family = 0;     // connected family
    std::string name;             // first label line, before ", age"
    std::string dates;            // second label line: "b. 2014-10-03", "1965 – 2012-08"
    Vec2 name_at;                 // baseline centre of the name line
    Vec2 dates_at;                // baseline centre of the dates line
    Rect extent;                  // symbol and both label lines at their widest at any date
};

// One union: the partner line, and where the line to the children leaves it.
struct GenogramUnion {
    UnionId id = k_none<UnionId>;
    UnionKind kind = UnionKind::Partnership;
    PersonId first = k_none<PersonId>;
    PersonId second = k_none<PersonId>;
    // The partner line as a polyline: two points between adjacent partners' symbols, four
    // points (up, across, down) over the people between non-adjacent partners, a stub from the
    // symbol for a single known parent, empty for unknown parents.
    std::vector<Vec2> path;
    Vec2 hub;       // where the line to the children starts
    Vec2 mark;      // where separation slashes go (beside the hub)
    Vec2 dates_at;  // baseline centre of the partnership's dates, above the line
    bool has_children = false;
    float bar_y = 0;  // the sibling bar (when has_children)
    float bar_x0 = 0;
    float bar_x1 = 0;
    ParentKind trunk = ParentKind::Birth;  // line style of the trunk and bar: the children's kind
    std::optional<FuzzyDate> from;
    std::optional<FuzzyDate> to;
    PartnershipEnd ended = PartnershipEnd::None;
};

// One child line, drawn in the style of its kind (step dashed, foster and adoptive dotted).
struct GenogramChild {
    UnionId from = k_none<UnionId>;
    PersonId child = k_none<PersonId>;
    ParentKind kind = ParentKind::Birth;
    bool primary = true;     // from the sibling bar; otherwise its own line from the hub
    bool implied = false;    // placed by a sibling relationship only
    std::vector<Vec2> path;  // polyline ending at the top of the child's symbol
};

// The whole layout. People are indexed by PersonId, unions by UnionId.
struct GenogramLayout {
    std::vector<GenogramPerson> people;
    std::vector<GenogramUnion> unions;
    std::vector<GenogramChild> children;
    std::vector<std::vector<PersonId>> rows;  // per generation, left to right
    std::vector<float> row_y;                 // per generation: centre y of the symbols
    float row_above = 0;                      // a row's people reach this far above row_y
    float row_below = 0;                      // ... and this far below (symbol and labels)
    Rect bounds;                              // everything drawn, with the margin
    float outline_pad = 0;                    // household outline padding round a person's extent
    float outline_band = 0;                   // width of outline connectors
    float tab_height = 0;                     // height of a household's label tab
    std::uint32_t crossings = 0;              // parent-child line crossings left after the sweeps
    std::uint64_t fingerprint = 0;            // genogram_fingerprint() of the input
    GenogramOptions options;                  // as used (measure filled in)
    FamilyGraph family;
    Diagnostics diagnostics;  // from the family graph

    [[nodiscard]] const GenogramPerson& person(PersonId p) const { return people[index_of(p)]; }
    [[nodiscard]] const GenogramUnion& union_at(UnionId u) const { return unions[index_of(u)]; }
};

// Lays out the genogram: one row per generation; partners side by side (a person with two
// partnerships between both partners); children in birth order under the union they come
// from; crossings reduced by barycentre sweeps over whole partner blocks; x positions by
// alternating passes that centre children under parents and parents over children, each an
// isotonic regression that keeps the order and the least gaps, so no two people overlap.
// Deterministic: the same case gives the same layout. Costs O(S * (P + L)^2) for S sweeps,
// P people and L child links (crossing counts dominate); about 0.3 ms for 60 people.
GenogramLayout compute_layout(const Case& c, const GenogramOptions& options = {});

// The outline of a group of people: rectangles that merge into one shape.
struct Outline {
    std::vector<Rect> rects;  // runs (by row, left to right), then the tab, then connectors
    std::int32_t tab = -1;    // index in rects of the label tab, or -1
};

// The outline of a group of people in the layout: one rectangle per run of neighbours in a
// row, joined by orthogonal connector bands through the space between rows (and through gaps
// in the rows between). It encloses every member's extent and touches no one else's.
// Connectors follow a minimum spanning tree (Kruskal) of the runs. With tab_height > 0, a
// label tab as wide as the widest run hangs below it, in the free space under its labels (so
// two groups' tabs never meet). O(R^2 * P) for R runs and P people.
Outline group_outline(const GenogramLayout& layout, std::span<const PersonId> members, float tab_height = 0);

// [SECTION] Households

// People sharing a home on a day: one residence record, or several with the same area and
// the same non-empty address.
struct Household {
    AreaId area = k_none<AreaId>;
    std::string address;                    // may be empty
    std::vector<PersonId> members;          // ascending
    std::vector<std::uint32_t> residences;  // indices in Case::residences
};

// Households on a day. A residence covers [from.earliest_day(), to.earliest_day()): partial
// dates take effect on their first possible day, `to` is the day they moved out, an open
// `from` or `to` is unbounded. Someone covered by two residences is in the one that began
// last (a move takes effect on its day). People not yet born or already dead are in none.
// Ordered by first residence. O(H log H) for H residence-person pairs.
std::vector<Household> households_at(const Case& c, std::int32_t day);

// [SECTION] The genogram at a date

// Life at the day.
enum class LifeState : std::uint8_t { NotBorn, Alive, Dead };
// A union at the day.
enum class UnionState : std::uint8_t { NotYet, Current, Separated, Divorced, Widowed };

std::string_view to_string(LifeState v);
std::string_view to_string(UnionState v);

// A person at the day.
struct PersonAt {
    LifeState life = LifeState::Alive;
    bool faded = false;           // outside the index child's household
    std::int32_t household = -1;  // index in GenogramAt::households, or -1
    std::string age;              // "7m", "22", "~22", "24–25"; empty if unknown or not alive
    std::string label;            // the name line: "Riley, 7m"
};

// A union at the day.
struct UnionAt {
    UnionState state = UnionState::Current;
    bool faded = false;  // both partners faded
    std::string dates;   // "2009–2015", "~2015", "–2012"; empty when undated
};

// A household at the day, with its outline.
struct HouseholdAt {
    Household household;
    bool focus = false;        // an index child lives here
    std::uint32_t number = 0;  // 1, 2, ...: its badge in the tab and its line in a key
    std::string label;         // "Eastmere: Cannon Street flat"
    std::string tab_text;      // what fits in the tab: the label, the area, or nothing
    Outline outline;           // group_outline() of the members, with a tab
    Vec2 badge_at;             // centre of the number badge, at the tab's left
    float badge_width = 0;     // a pill 13 high: 13 wide, 6 more per further digit
    Vec2 label_at;             // baseline start of tab_text, after the badge
};

// Everything that depends on the day, parallel to the layout.
struct GenogramAt {
    std::int32_t day = 0;                 // local days since 1970-01-01
    std::vector<PersonAt> people;         // by PersonId
    std::vector<UnionAt> unions;          // by UnionId
    std::vector<HouseholdAt> households;  // as households_at()
};

// The genogram on a day. People are never moved: a person not yet born is marked NotBorn (a
// viewer ghosts or hides them), someone dead by then is Dead (drawn with an X). A
// partnership not yet begun is NotYet (not drawn); one that ended shows how. People outside
// the households of the index children are faded (none when they have no household then).
// Dates follow households_at(): a partial date takes effect on its first possible day.
GenogramAt genogram_at(const GenogramLayout& layout, const Case& c, std::int32_t day);

// The years over a partner line: "2009–2015", "~2015", "–2012" (the end only once `ended`).
std::string partnership_dates(const FamilyUnion& u, bool ended);

// Age on a day for someone born on a (possibly partial) date: months under two ("7m"), then
// years ("22"); a birth known only to a year gives "24–25", an approximate one "~25".
// Empty when the day is before the birth can have happened.
std::string age_at(const FuzzyDate& born, std::int32_t day);

// [SECTION] Caching

// A hash of everything the layout depends on (people, relationships, index children and the
// numeric options; not the measure function). Residences and entries do not move anyone.
std::uint64_t genogram_fingerprint(const Case& c, const GenogramOptions& options = {});

// Keeps one layout and recomputes it only when genogram_fingerprint() changes.
class GenogramCache {
public:
    explicit GenogramCache(GenogramOptions options = {}) : m_options(std::move(options)) {}
    // The layout for the case, computed now if the people or relationships changed.
    const GenogramLayout& layout(const Case& c);
    // How many times a layout was computed (for tests and the viewer's status line).
    [[nodiscard]] std::uint32_t computed() const { return m_computed; }

private:
    GenogramOptions m_options;
    std::optional<GenogramLayout> m_layout;
    std::uint32_t m_computed = 0;
};

}  // namespace sightline::engine
