// Registrations: what reading a source adds to the case's areas and agencies. Internal to
// sightline_formats.
//
// A reader meets names (the agency its mapping names, an agency column, the agencies in a "to"
// list, an area) and registers them through one Registrations. Read in turn, a source registers
// each name in the case as it meets it (the reference behaviour). Read on its own thread beside
// others (fast/parallel_reader.cpp), a source cannot know what the sources before it registered, so
// its Registrations is deferred: it records each step, in order, and hands the reader a
// provisional id; committing the source replays the steps on the case, in manifest order, which
// gives the ids, kinds and diagnostics reading in turn gives, and the map from provisional ids
// to those. One function applies a step either way (apply in registrations.cpp), so the two
// cannot disagree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entry_builder.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// A file's `kind:` for its agency, and where it was written.
struct KindDeclaration {
    std::optional<std::string> kind;  // as written; none: not declared
    std::string file;          // the file that says it (a mapping, or the source itself)
    Where where;
};

// Where a column names an agency, for the warning when its kind cannot be told.
struct ColumnPlace {
    std::string file;
    Where where;
    std::string column;        // the column's label, quoted ("'Agency'")
};

class Registrations {
public:
    // Registers in c as names are met; diagnostics go to c.diagnostics.
    explicit Registrations(engine::Case& c) : m_case(c) {}
    // Records the steps instead (c is the source's own registry copy, whose diagnostics mark
    // where each step's diagnostics belong); ids returned are provisional until commit.
    struct Deferred {};
    Registrations(engine::Case& c, Deferred) : m_case(c), m_deferred(true) {}
    Registrations(const Registrations&) = delete;
    Registrations& operator=(const Registrations&) = delete;

    [[nodiscard]] bool deferred() const { return m_deferred; }

    // An agency named in passing (a recipient, an entry's own agency in YAML).
    engine::AgencyId agency(std::string_view name);
    // An area by name or alias.
    engine::AreaId area(std::string_view name);
    // A file's own agency (its mapping's, a directive's, a YAML chronology's), with the kind the
    // file declares for it: the registry's kind wins, with a kind-conflict warning.
    engine::AgencyId file_agency(std::string_view name, const KindDeclaration& kind);
    // A file's area; it becomes the file's agency's area when that agency has none.
    engine::AreaId file_area(std::string_view name, engine::AgencyId file_agency);
    // An agency named in a column. One the registry does not describe takes column_kind (a
    // mapping's `kind:` without an agency); without that, when its name does not tell its kind
    // either, it is reported as unregistered at `place`.
    engine::AgencyId column_agency(std::string_view name, std::optional<engine::AgencyKind> column_kind,
                                   const ColumnPlace& place);

    // For a deferred Registrations: replays the steps on c (in the order recorded), and returns
    // the final id of every provisional one and the diagnostics the steps gave, each with the
    // place in the source's own diagnostics it belongs before.
    struct Committed {
        std::vector<std::uint32_t> final_ids;                      // by step
        std::vector<std::pair<std::size_t, engine::Diagnostic>> diagnostics;  // (before item, diagnostic)
        [[nodiscard]] engine::AgencyId agency(engine::AgencyId id) const { return engine::AgencyId{map(index_of(id))}; }
        [[nodiscard]] engine::AreaId area(engine::AreaId id) const { return engine::AreaId{map(index_of(id))}; }
        [[nodiscard]] std::uint32_t map(std::uint32_t id) const {
            return is_provisional(id) ? final_ids[id & ~k_provisional] : id;
        }
    };
    Committed commit(engine::Case& c) const;

    // Provisional ids carry this bit (no registry has two billion agencies).
    static constexpr std::uint32_t k_provisional = 0x80000000u;
    static constexpr bool is_provisional(std::uint32_t id) { return id != engine::k_no_index && (id & k_provisional); }

    // One registration, as recorded.
    struct Step {
        enum class Kind : std::uint8_t { Agency, Area, FileAgency, FileArea, ColumnAgency } kind = Kind::Agency;
        std::string name;
        KindDeclaration declared;                          // FileAgency
        std::uint32_t file_agency = engine::k_no_index;    // FileArea (maybe provisional)
        std::optional<engine::AgencyKind> column_kind;     // ColumnAgency
        ColumnPlace place;                                 // ColumnAgency
        std::size_t diagnostics_at = 0;                    // deferred: the source's diagnostics before it
    };

private:
    std::uint32_t run(Step step);

    engine::Case& m_case;
    bool m_deferred = false;
    std::vector<Step> m_steps;  // deferred only
};

}  // namespace sightline::formats::detail
