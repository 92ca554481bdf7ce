// Registrations: the one place a reader's names become the case's areas and agencies.
#include "registrations.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// A file's kind for its agency: the registry's kind wins over a different one.
void declare_kind(Case& c, Diagnostics& out, AgencyId agency, const KindDeclaration& d) {
    const auto v = parse_agency_kind(*d.kind);
    if (!v) {
        // A file-level problem, not a row's: reported without failing a row.
        out.add(Severity::Error, d.file, d.where.line, d.where.column, "value-invalid",
                "unknown agency kind '" + *d.kind + "'; expected one of " + allowed_agency_kinds());
        return;
    }
    Agency& a = c.agencies[index_of(agency)];
    if (a.registered && !a.kind_inferred && a.kind != *v && a.kind != AgencyKind::Unknown) {
        out.add(Severity::Warning, d.file, d.where.line, d.where.column, "kind-conflict",
                "kind '" + *d.kind + "' differs from the registry's '" + std::string(to_string(a.kind)) + "' for '" +
                    a.name + "'; the registry's is used");
    } else {
        a.kind = *v;
        a.kind_inferred = false;
    }
}

// Applies one step to the case (file_agency already final); diagnostics go to `out`.
std::uint32_t apply(Case& c, Diagnostics& out, const Registrations::Step& s, std::uint32_t file_agency) {
    using Kind = Registrations::Step::Kind;
    switch (s.kind) {
        case Kind::Agency: return index_of(c.intern_agency(s.name));
        case Kind::Area: return index_of(c.intern_area(s.name));
        case Kind::FileAgency: {
            const AgencyId id = c.intern_agency(s.name);
            if (s.declared.kind) declare_kind(c, out, id, s.declared);
            return index_of(id);
        }
        case Kind::FileArea: {
            const AreaId id = c.intern_area(s.name);
            if (file_agency != k_no_index && is_none(c.agencies[file_agency].area)) c.agencies[file_agency].area = id;
            return index_of(id);
        }
        case Kind::ColumnAgency: {
            const AgencyId id = c.intern_agency(s.name);
            Agency& a = c.agencies[index_of(id)];
            if (!a.registered && a.kind == AgencyKind::Unknown) {
                if (s.column_kind) {
                    a.kind = *s.column_kind;
                } else {
                    out.add(diagnostic_at(Severity::Warning, s.place.file, s.place.where, "agency-unregistered",
                                          "agency '" + s.name + "' in column " + s.place.column +
                                              " is not in the case's agencies: and its kind cannot be told from its "
                                              "name; add it to agencies:"));
                }
            }
            return index_of(id);
        }
    }
    return k_no_index;
}

}  // namespace

std::uint32_t Registrations::run(Step step) {
    if (!m_deferred) return apply(m_case, m_case.diagnostics, step, step.file_agency);
    step.diagnostics_at = m_case.diagnostics.size();
    m_steps.push_back(std::move(step));
    return k_provisional | static_cast<std::uint32_t>(m_steps.size() - 1);
}

AgencyId Registrations::agency(std::string_view name) {
    Step s;
    s.kind = Step::Kind::Agency;
    s.name = name;
    return AgencyId{run(std::move(s))};
}

AreaId Registrations::area(std::string_view name) {
    Step s;
    s.kind = Step::Kind::Area;
    s.name = name;
    return AreaId{run(std::move(s))};
}

AgencyId Registrations::file_agency(std::string_view name, const KindDeclaration& kind) {
    Step s;
    s.kind = Step::Kind::FileAgency;
    s.name = name;
    s.declared = kind;
    return AgencyId{run(std::move(s))};
}

AreaId Registrations::file_area(std::string_view name, AgencyId file_agency) {
    Step s;
    s.kind = Step::Kind::FileArea;
    s.name = name;
    s.file_agency = index_of(file_agency);
    return AreaId{run(std::move(s))};
}

AgencyId Registrations::column_agency(std::string_view name, std::optional<AgencyKind> column_kind,
                                      const ColumnPlace& place) {
    Step s;
    s.kind = Step::Kind::ColumnAgency;
    s.name = name;
    s.column_kind = column_kind;
    s.place = place;
    return AgencyId{run(std::move(s))};
}

Registrations::Committed Registrations::commit(Case& c) const {
    Committed out;
    out.final_ids.reserve(m_steps.size());
    for (const Step& s : m_steps) {
        Diagnostics said;
        out.final_ids.push_back(apply(c, said, s, out.map(s.file_agency)));
        for (const Diagnostic& d : said.items()) out.diagnostics.emplace_back(s.diagnostics_at, d);
    }
    return out;
}

}  // namespace sightline::formats::detail
