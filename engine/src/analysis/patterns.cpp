// Patterns across the chronology, each a named rule: missed appointments pooled across agencies,
// repeated domestic abuse, a case closed then re-referred, an injury to a baby not yet mobile,
// and frequent changes of practitioner.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "context.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;

// Runs of events where at least `count` fall within `days` of each other: every window that
// qualifies is covered, and overlapping windows merge, so one run gives one finding.
std::vector<EntryList> runs(const AnalysisContext& ctx, const EntryList& events, std::int64_t count, std::int32_t days) {
    std::vector<std::pair<std::size_t, std::size_t>> covered;
    std::size_t end = 0;
    for (std::size_t k = 0; k < events.size(); ++k) {
        end = std::max(end, k);
        while (end + 1 < events.size() && ctx.day(events[end + 1]) - ctx.day(events[k]) <= days) ++end;
        if (static_cast<std::int64_t>(end - k + 1) < count) continue;
        if (!covered.empty() && k <= covered.back().second) covered.back().second = end;
        else covered.emplace_back(k, end);
    }
    std::vector<EntryList> out;
    for (const auto& [from, to] : covered)
        out.emplace_back(events.begin() + static_cast<std::ptrdiff_t>(from), events.begin() + static_cast<std::ptrdiff_t>(to + 1));
    return out;
}

bool health(AgencyKind k) {
    switch (k) {
        case AgencyKind::HealthVisiting:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Midwifery:
        case AgencyKind::Gp:
        case AgencyKind::Hospital:
        case AgencyKind::SchoolNursing:
        case AgencyKind::Camhs:
        case AgencyKind::AdultMentalHealth:
            return true;
        default:
            return false;
    }
}

// A finding of pattern kind P over entries in day order, with its span and count set.
template <class P>
Finding pattern(const AnalysisContext& ctx, const EntryList& entries) {
    Finding f;
    f.entries = entries;
    f.from_day = ctx.day(entries.front());
    f.to_day = ctx.day(entries.back());
    P& d = f.data.emplace<P>();
    d.from = DayValue{f.from_day};
    d.to = DayValue{f.to_day};
    d.count = static_cast<std::int64_t>(entries.size());
    return f;
}

std::vector<std::string> described(const AnalysisContext& ctx, const EntryList& entries) {
    std::vector<std::string> out;
    for (EntryIndex i : entries) out.push_back(ctx.describe(i));
    return out;
}

void missed_appointments(const AnalysisContext& ctx, std::vector<Finding>& out) {
    EntryList events;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const EntryType t = ctx.entry(i).type;
        if ((t == EntryType::MissedAppointment && health(ctx.kind(i))) || (t == EntryType::NoAccessVisit && ctx.professional(i)))
            events.push_back(i);
    }
    const auto count = ctx.c.rules.get(RuleId::MissedAppointmentsCount);
    const std::int32_t days = ctx.rule(RuleId::MissedAppointmentsDays);
    for (const EntryList& run : runs(ctx, events, count, days)) {
        Finding f = pattern<MissedAppointmentsFinding>(ctx, run);
        std::set<std::string> agencies;
        for (EntryIndex i : run) agencies.insert(std::string(ctx.c.agency_name(ctx.entry(i).agency)));
        f.message = std::to_string(run.size()) + " missed appointments, children not brought or no-access visits within " +
                    detail::plural(ctx.day(run.back()) - ctx.day(run.front()), "day", "days") + " across " +
                    detail::plural(static_cast<std::int64_t>(agencies.size()), "agency", "agencies") +
                    " (each agency saw only its own): " + join_names(described(ctx, run)) + ".";
        out.push_back(std::move(f));
    }
}

bool domestic_abuse_incident(const AnalysisContext& ctx, EntryIndex i) {
    const Entry& e = ctx.entry(i);
    // An arrest follows an incident; it is not another one.
    if (!ctx.professional(i) || !is_event_type(e.type) || e.type == EntryType::Arrest) return false;
    if (ctx.c.chronology.has_tag(e, "domestic_abuse") || ctx.c.chronology.has_tag(e, "da")) return true;
    const std::string words = normalise_word(e.type_text) + " " + normalise_word(e.summary);
    return e.type == EntryType::PoliceIncident && (words.find("domestic") != std::string::npos);
}

void repeated_domestic_abuse(const AnalysisContext& ctx, const std::vector<Cluster>& clusters, std::vector<Finding>& out) {
    std::map<std::uint32_t, const Cluster*> cluster_of;
    for (const Cluster& cl : clusters)
        for (EntryIndex m : cl.members) cluster_of[index_of(m)] = &cl;
    std::set<const Cluster*> counted;
    std::map<std::uint32_t, std::int32_t> last_day;  // per agency: the day of its last incident counted
    EntryList incidents;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (!domestic_abuse_incident(ctx, i)) continue;
        const auto cl = cluster_of.find(n);
        if (cl != cluster_of.end() && !counted.insert(cl->second).second) continue;  // one incident, several records
        // The same agency recording it again within days is the same incident, even with another
        // agency's record between them.
        const auto last = last_day.find(index_of(ctx.entry(i).agency));
        if (last != last_day.end() && ctx.day(i) - last->second <= ctx.rule(RuleId::CorroborationWindowDays)) continue;
        last_day[index_of(ctx.entry(i).agency)] = ctx.day(i);
        incidents.push_back(i);
    }
    for (const EntryList& run : runs(ctx, incidents, ctx.c.rules.get(RuleId::DomesticAbuseCount), ctx.rule(RuleId::DomesticAbuseDays))) {
        Finding f = pattern<RepeatedDomesticAbuseFinding>(ctx, run);
        f.message = std::to_string(run.size()) + " domestic abuse incidents within " +
                    detail::plural(ctx.day(run.back()) - ctx.day(run.front()), "day", "days") + ": " + join_names(described(ctx, run)) + ".";
        out.push_back(std::move(f));
    }
}

void rereferrals(const AnalysisContext& ctx, std::vector<Finding>& out) {
    const std::int32_t window = ctx.rule(RuleId::RereferralDays);
    // The records that bring a family back to a kind (a referral, a case opened, a notification
    // or a strategy discussion, by or to that kind), per kind, in order.
    std::array<std::vector<std::uint32_t>, 2> returns;  // children's social care, early help
    const std::array<AgencyKind, 2> kinds = {AgencyKind::ChildrensSocialCare, AgencyKind::EarlyHelp};
    for (std::uint32_t m = 0; m < ctx.size(); ++m) {
        const auto j = static_cast<EntryIndex>(m);
        const Entry& e = ctx.entry(j);
        if (e.type != EntryType::Referral && e.type != EntryType::CaseOpened && e.type != EntryType::Notification &&
            e.type != EntryType::StrategyDiscussion)
            continue;
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            bool to_kind = ctx.kind(j) == kinds[k];
            for (AgencyId to : ctx.c.chronology.to_of(e)) to_kind = to_kind || ctx.c.agency_kind(to) == kinds[k];
            if (to_kind) returns[k].push_back(m);
        }
    }
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto closed = static_cast<EntryIndex>(n);
        const AgencyKind kind = ctx.kind(closed);
        if (ctx.entry(closed).type != EntryType::CaseClosed ||
            (kind != AgencyKind::ChildrensSocialCare && kind != AgencyKind::EarlyHelp))
            continue;
        // Closing after handing the case to another area is a transfer, not a closure the family
        // could "come back" from.
        bool transferred = false;
        for (std::uint32_t m = ctx.first_on_or_after(ctx.day(closed) - ctx.rule(RuleId::InvolvementLookbackDays)); m < n; ++m) {
            const Entry& e = ctx.entry(static_cast<EntryIndex>(m));
            if (e.agency == ctx.entry(closed).agency && e.type == EntryType::CaseTransfer && e.to.count > 0) transferred = true;
        }
        if (transferred) continue;
        // The first return on a later day, if within the window.
        const auto& list = returns[kind == AgencyKind::ChildrensSocialCare ? 0 : 1];
        const auto next = std::upper_bound(list.begin(), list.end(), ctx.day(closed), [&](std::int32_t d, std::uint32_t m) {
            return d < ctx.day(static_cast<EntryIndex>(m));
        });
        if (next == list.end()) continue;
        const auto j = static_cast<EntryIndex>(*next);
        if (ctx.day(j) - ctx.day(closed) > window) continue;
        {
            Finding f = pattern<RereferralFinding>(ctx, {closed, j});
            std::get<RereferralFinding>(f.data).days = ctx.day(j) - ctx.day(closed);
            f.message = ctx.describe(closed) + ", and " + detail::plural(ctx.day(j) - ctx.day(closed), "day", "days") +
                        " later the family came back: " + ctx.describe(j) + ".";
            out.push_back(std::move(f));
        }
    }
}

void infant_injuries(const AnalysisContext& ctx, std::vector<Finding>& out) {
    const std::int32_t limit = ctx.rule(RuleId::InfantInjuryDays);
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const Entry& e = ctx.entry(i);
        const bool injury = e.type == EntryType::Injury || ctx.c.chronology.has_tag(e, "injury");
        if (!injury) continue;
        for (const detail::ChildInfo& ch : ctx.children) {
            if (!ch.born_day || !ctx.c.chronology.names_person(e, ch.id)) continue;
            const std::int32_t age = ctx.day(i) - *ch.born_day;
            if (age < 0 || age >= limit) continue;
            Finding f = pattern<InfantInjuryFinding>(ctx, {i});
            f.child = ch.id;
            InfantInjuryFinding& d = std::get<InfantInjuryFinding>(f.data);
            d.child = ch.id;
            d.age_days = age;
            f.message = ctx.describe(i) + ": an injury to " + ctx.c.person(ch.id).name + " at " + detail::plural(age, "day", "days") +
                        " old, before " + std::string(detail::pronoun(ctx.c.person(ch.id))) + " could move about alone.";
            out.push_back(std::move(f));
        }
    }
}

// Agencies that allocate a worker to the family, for which a new worker is a change.
bool allocates(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::HealthVisiting:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Camhs:
        case AgencyKind::Probation:
        case AgencyKind::YouthJustice:
            return true;
        default:
            return false;
    }
}

// Labels of people who are not the family's allocated worker: duty and out-of-hours teams,
// managers, chairs and reviewing officers ("EDT1", "TM2", "CHAIR1", "IRO1", "MASH1", "DUTY").
bool allocated_worker(std::string_view label) {
    std::string l;
    for (char ch : label) l.push_back((ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch);
    // Clinic and nursery nurses ("CN1", "NN2") staff a health visiting team's clinics, not a family's caseload.
    for (std::string_view prefix : {"EDT", "DUTY", "TM", "CHAIR", "IRO", "MASH", "MANAGER", "SM", "CN", "NN", "CLINIC"})
        if (l.rfind(prefix, 0) == 0) return false;
    return true;
}

void practitioner_changes(const AnalysisContext& ctx, std::vector<Finding>& out) {
    // A change is a practitioner new to that agency's work with the family; going back to
    // someone already involved (a manager, a colleague covering) is not a change.
    std::map<std::uint32_t, EntryList> changes;
    std::map<std::uint32_t, std::set<std::string_view>> known;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const Entry& e = ctx.entry(i);
        if (e.practitioner.empty() || !allocates(ctx.kind(i)) || !allocated_worker(e.practitioner)) continue;
        auto& seen = known[index_of(e.agency)];
        const bool first = seen.empty();
        if (!seen.insert(e.practitioner).second || first) continue;
        changes[index_of(e.agency)].push_back(i);
    }
    for (const auto& [agency, list] : changes) {
        for (const EntryList& run : runs(ctx, list, ctx.c.rules.get(RuleId::PractitionerChanges), ctx.rule(RuleId::PractitionerChangeDays))) {
            Finding f = pattern<PractitionerChangesFinding>(ctx, run);
            std::vector<std::string> who;
            for (EntryIndex i : run) who.emplace_back(ctx.entry(i).practitioner);
            PractitionerChangesFinding& d = std::get<PractitionerChangesFinding>(f.data);
            d.agency = std::string(ctx.c.agency_name(static_cast<AgencyId>(agency)));
            d.practitioners = who;
            f.message = std::string(ctx.c.agency_name(static_cast<AgencyId>(agency))) + " brought in " +
                        std::to_string(run.size()) + " new practitioners within " +
                        detail::plural(ctx.day(run.back()) - ctx.day(run.front()), "day", "days") + " (" + join_names(who) + ").";
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

std::vector<Finding> analyse_patterns(const Case& c, const std::vector<Cluster>& clusters, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    missed_appointments(ctx, out);
    repeated_domestic_abuse(ctx, clusters, out);
    rereferrals(ctx, out);
    infant_injuries(ctx, out);
    practitioner_changes(ctx, out);
    return out;
}

}  // namespace sightline::engine
