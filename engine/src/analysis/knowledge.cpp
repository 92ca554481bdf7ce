// Who knew what: earliest-arrival of risk information over dated agency-to-agency links.
//
// The graph has one vertex per agency and one extra "event" vertex. Each `to:` in the chronology
// is an edge sender -> recipient weighted by its day. For each risk event the event vertex links
// to the recorder (at the event's day) and to every agency that recorded the same incident (at
// the day of its account). Dijkstra with combine(d, day) = (d <= day ? day : never) then gives,
// for every agency, the first day the information could have reached it along links that
// respect time (a message cannot be passed on before it was received).
#include "sightline/engine/knowledge.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/visitors.hpp>
#include <limits>
#include <map>
#include <set>

#include "context.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;

struct Link {
    std::int32_t day = 0;                  // when the sender recorded informing the recipient
    std::uint32_t entry = k_no_index;      // the record (k_no_index for the event vertex's links)
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, Link>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

constexpr std::int32_t k_never = std::numeric_limits<std::int32_t>::max();

struct Arrival {
    std::int32_t operator()(std::int32_t known, std::int32_t day) const { return known <= day ? day : k_never; }
};

// Kinds that would act on risk information about a child.
bool should_know(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::HealthVisiting:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Midwifery:
        case AgencyKind::Gp:
        case AgencyKind::School:
        case AgencyKind::EarlyYears:
        case AgencyKind::SchoolNursing:
        case AgencyKind::Camhs:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool is_risk_event(const Case& c, const Entry& e) {
    // What relatives said, and evidence found later (a post-mortem's dating of an injury), are
    // not information any agency held at the time.
    if (c.agency_kind(e.agency) == AgencyKind::Family || e.retrospective) return false;
    switch (e.type) {
        case EntryType::PoliceIncident:
        case EntryType::Injury:
        case EntryType::Arrest:
        case EntryType::MissingEpisode:
            return true;
        default:
            break;
    }
    for (std::string_view tag : {"domestic_abuse", "injury", "self_harm", "sexual_abuse", "neglect", "exploitation", "risk"})
        if (c.chronology.has_tag(e, tag)) return true;
    return false;
}

namespace {

// Whole words (any case) in text, from a list.
bool has_word(std::string_view text, std::initializer_list<std::string_view> words) {
    const std::string hay = ascii_lowercase(text);
    const auto alnum = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); };
    for (std::string_view w : words)
        for (std::size_t at = hay.find(w); at != std::string::npos; at = hay.find(w, at + 1)) {
            const std::size_t end = at + w.size();
            if ((at == 0 || !alnum(hay[at - 1])) && (end == hay.size() || !alnum(hay[end]))) return true;
        }
    return false;
}

}  // namespace

bool passes_risk_information(const Case& c, const Entry& e) {
    if (c.agency_kind(e.agency) == AgencyKind::Family || e.retrospective) return false;
    switch (e.type) {
        case EntryType::InformationRequest:
        case EntryType::CaseClosed:
            return false;  // asking for history, or saying a case has closed, passes no risk on
        default:
            break;
    }
    if (is_risk_event(c, e)) return true;
    switch (e.type) {
        case EntryType::Notification:
        case EntryType::Referral:
        case EntryType::CaseTransfer:
        case EntryType::StrategyDiscussion:
        case EntryType::Conference: {
            // "Notified the GP that the family has moved", "informed school of closure": news of a
            // move, a closure or an enquiry, unless the words also tell of a risk.
            const bool administrative =
                has_word(e.summary, {"moved", "has moved", "have moved", "moving", "move", "new address", "change of address",
                                     "relocated", "left the area", "closed", "closure", "closing", "request", "requested",
                                     "requesting", "enquiry", "enquired", "asked for", "history", "records"});
            const bool risk = has_word(e.summary, {"concern", "concerns", "concerned", "risk", "safeguarding", "domestic", "da",
                                                   "dv", "incident", "injury", "injuries", "injured", "bruise", "bruising",
                                                   "assault", "neglect", "abuse", "violence", "harm", "ccn", "merlin", "ppn",
                                                   "dash", "marac", "s47", "section 47", "strategy", "protection"});
            return !administrative || risk;
        }
        default:
            return false;
    }
}

std::vector<RiskKnowledge> who_knew(const Case& c, const std::vector<Cluster>& clusters) {
    const AnalysisContext ctx(c, {});
    const auto n_agencies = static_cast<Vertex>(c.agencies.size());
    Graph g(n_agencies + 1);
    const Vertex event_vertex = n_agencies;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const Entry& e = ctx.entry(static_cast<EntryIndex>(n));
        if (is_none(e.agency)) continue;
        // Evidence found later passed nothing on at the time. (An enquiry during an assessment does
        // tell its recipient of the concern, so every other record's to: counts as a link.)
        if (e.retrospective) continue;
        for (AgencyId to : c.chronology.to_of(e))
            if (to != e.agency) boost::add_edge(index_of(e.agency), index_of(to), Link{ctx.day(static_cast<EntryIndex>(n)), n}, g);
    }
    std::map<std::uint32_t, const Cluster*> cluster_of;
    for (const Cluster& cl : clusters)
        for (EntryIndex m : cl.members) cluster_of[index_of(m)] = &cl;

    // Per agency of a kind that acts on risk: the days of its contacts, to find who was in touch
    // in the days after an event with a binary search each.
    std::map<std::uint32_t, std::vector<std::int32_t>> contact_days;
    for (std::uint32_t m = 0; m < ctx.size(); ++m) {
        const auto j = static_cast<EntryIndex>(m);
        if (ctx.contact(j) && should_know(ctx.kind(j))) contact_days[index_of(ctx.entry(j).agency)].push_back(ctx.day(j));
    }

    std::vector<RiskKnowledge> out;
    std::set<const Cluster*> done;
    std::map<std::uint32_t, std::int32_t> last_event_day;  // per agency: the day of its last event counted
    std::vector<std::int32_t> known(n_agencies + 1);
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const Entry& e = ctx.entry(i);
        if (!is_risk_event(c, e) || is_none(e.agency)) continue;
        const auto cl = cluster_of.find(n);
        if (cl != cluster_of.end() && !done.insert(cl->second).second) continue;  // the incident is counted once
        // The same agency's follow-up records within days (an arrest after the incident) are the same
        // event, even when another agency's event falls between them.
        const auto last = last_event_day.find(index_of(e.agency));
        if (last != last_event_day.end() && ctx.day(i) - last->second <= ctx.rule(RuleId::CorroborationWindowDays)) continue;
        last_event_day[index_of(e.agency)] = ctx.day(i);

        const std::int32_t day = ctx.day(i);
        boost::clear_out_edges(event_vertex, g);
        boost::add_edge(event_vertex, index_of(e.agency), Link{day, n}, g);
        if (cl != cluster_of.end())
            for (EntryIndex m : cl->second->members)
                if (ctx.professional(m) && ctx.entry(m).agency != e.agency)
                    boost::add_edge(event_vertex, index_of(ctx.entry(m).agency), Link{std::max(day, ctx.day(m)), index_of(m)}, g);

        std::fill(known.begin(), known.end(), k_never);
        std::vector<Graph::edge_descriptor> delivered(n_agencies + 1);
        boost::dijkstra_shortest_paths(
            g, event_vertex,
            boost::distance_map(boost::make_iterator_property_map(known.begin(), boost::get(boost::vertex_index, g)))
                .visitor(boost::make_dijkstra_visitor(boost::record_edge_predecessors(
                    boost::make_iterator_property_map(delivered.begin(), boost::get(boost::vertex_index, g)),
                    boost::on_edge_relaxed())))
                .weight_map(boost::get(&Link::day, g))
                .distance_compare(std::less<std::int32_t>())
                .distance_combine(Arrival{})
                .distance_inf(k_never)
                .distance_zero(day));

        RiskKnowledge rk;
        rk.event = i;
        for (Vertex v = 0; v < n_agencies; ++v) {
            if (known[v] == k_never) continue;
            Knowing k;
            k.agency = static_cast<AgencyId>(v);
            k.day = known[v];
            // The link that delivered it (the recorder learnt it first-hand).
            if (v != index_of(e.agency)) k.via = static_cast<EntryIndex>(g[delivered[v]].entry);
            rk.knew.push_back(k);
        }
        std::stable_sort(rk.knew.begin(), rk.knew.end(), [](const Knowing& a, const Knowing& b) { return a.day < b.day; });

        // Agencies that should know, with a contact soon after, that never heard.
        const std::int32_t window = ctx.rule(RuleId::NotSharedDays);
        for (const auto& [a, days] : contact_days) {
            const auto next = std::upper_bound(days.begin(), days.end(), day);
            if (next != days.end() && *next <= day + window && known[a] == k_never) rk.never.push_back(static_cast<AgencyId>(a));
        }
        out.push_back(std::move(rk));
    }
    return out;
}

std::vector<std::pair<EntryIndex, Knowing>> known_by(const std::vector<RiskKnowledge>& all, AgencyId agency, std::int32_t day) {
    std::vector<std::pair<EntryIndex, Knowing>> out;
    for (const RiskKnowledge& rk : all)
        for (const Knowing& k : rk.knew)
            if (k.agency == agency && k.day <= day) out.emplace_back(rk.event, k);
    return out;
}

std::vector<Finding> analyse_knowledge(const Case& c, const std::vector<Cluster>& clusters, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    for (const RiskKnowledge& rk : who_knew(c, clusters)) {
        if (rk.never.empty()) continue;
        std::vector<std::string> knew, never;
        for (const Knowing& k : rk.knew)
            knew.push_back(std::string(c.agency_name(k.agency)) + " (" + format_day(k.day) + ")");
        for (AgencyId a : rk.never) never.emplace_back(c.agency_name(a));
        Finding f;
        f.data = NotSharedFinding{.date = DayValue{ctx.day(rk.event)},
                                  .event = EntryList{rk.event},
                                  .recorded_by = std::string(c.agency_name(ctx.entry(rk.event).agency)),
                                  .knew = knew,
                                  .never_received = never};
        f.entries = {rk.event};
        f.from_day = ctx.day(rk.event);
        f.to_day = ctx.day(rk.event) + ctx.rule(RuleId::NotSharedDays);
        f.message = ctx.describe(rk.event) + ": " + join_names(never) + (never.size() == 1 ? " was" : " were") +
                    " in contact with the family within " + detail::plural(ctx.rule(RuleId::NotSharedDays), "day", "days") +
                    " but never received it. " + std::to_string(knew.size()) +
                    (knew.size() == 1 ? " agency knew." : " agencies knew.");
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace sightline::engine
