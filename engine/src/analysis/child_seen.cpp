// Child seen: every professional sighting of each index child, every unseen period (by any
// professional, and per child-facing agency kind while it was involved), and per-agency
// figures on how the child's being seen was recorded.
//
// [SECTION] Sightings
// [SECTION] Unseen periods
// [SECTION] Per agency kind
// [SECTION] Recording figures
#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;
using detail::ChildInfo;

struct Sighting {
    std::int32_t day;
    EntryIndex entry;
};

// [SECTION] Sightings

// Professional sightings of a child by agencies accepted by the filter, precise ones only
// (one per day, the first recorded), in day order.
template <class Filter>
std::vector<Sighting> precise_sightings(const AnalysisContext& ctx, const ChildInfo& ch, Filter&& accept) {
    std::vector<Sighting> out;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (!ctx.professional(i) || !ctx.precise(i) || !accept(i)) continue;
        if (!is_sighting(ctx.c.chronology.seen(ctx.entry(i), ch.position))) continue;
        const std::int32_t d = ctx.day(i);
        if (d < ch.start || d > ch.end) continue;
        if (!out.empty() && out.back().day == d) continue;
        out.push_back({d, i});
    }
    std::stable_sort(out.begin(), out.end(), [](const Sighting& a, const Sighting& b) { return a.day < b.day; });
    return out;
}

Finding sightings_summary(const AnalysisContext& ctx, const ChildInfo& ch) {
    const Chronology& chron = ctx.c.chronology;
    EntryList professional, family, alone;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const ChildSeen s = chron.seen(ctx.entry(i), ch.position);
        if (!is_sighting(s)) continue;
        (ctx.professional(i) ? professional : family).push_back(i);
        if (ctx.professional(i) && s == ChildSeen::SeenAlone) alone.push_back(i);
    }
    const Person& p = ctx.c.person(ch.id);
    Finding f;
    f.concern = false;
    f.child = ch.id;
    f.from_day = ch.start;
    f.to_day = ch.end;
    f.entries = professional;
    SightingsFinding& d = f.data.emplace<SightingsFinding>();
    d.child = ch.id;
    d.count = static_cast<std::int64_t>(professional.size());
    d.seen_alone = static_cast<std::int64_t>(alone.size());
    if (!professional.empty()) d.last_seen = DayValue{ctx.day(professional.back())};
    d.family_sightings = family;
    f.message = p.name + " was seen by professionals " + detail::plural(static_cast<std::int64_t>(professional.size()), "time", "times");
    if (!professional.empty()) {
        const bool old_enough = ch.born_day && ctx.age_at(ch, ctx.day(professional.back())) >= 3;
        if (!alone.empty() || old_enough) f.message += " (" + std::to_string(alone.size()) + " alone)";
        f.message += ", last on " + format_date(ctx.entry(professional.back()).date);
    }
    if (!family.empty())
        f.message += "; " + detail::plural(static_cast<std::int64_t>(family.size()), "family account", "family accounts") +
                     " of seeing " + std::string(detail::object_pronoun(p)) + " are kept apart and not counted";
    f.message += ".";
    return f;
}

// [SECTION] Unseen periods

struct PeriodSpec {
    const ChildInfo* child = nullptr;
    std::optional<AgencyKind> kind;        // per-kind analysis, or any professional
    std::int32_t window_from = 0;          // the bounds the periods live in
    std::int32_t window_to = 0;
};

// Emits a finding for each interval between consecutive bounds longer than the threshold.
void unseen_periods(const AnalysisContext& ctx, const PeriodSpec& spec, const std::vector<Sighting>& sightings,
                    std::vector<Finding>& out) {
    const ChildInfo& ch = *spec.child;
    const Person& p = ctx.c.person(ch.id);
    const Chronology& chron = ctx.c.chronology;

    struct Bound {
        std::int32_t day;
        std::optional<EntryIndex> entry;
    };
    std::vector<Bound> bounds;
    bounds.push_back({spec.window_from, std::nullopt});
    for (const Sighting& s : sightings)
        if (s.day >= spec.window_from && s.day <= spec.window_to) bounds.push_back({s.day, s.entry});
    if (bounds.back().day < spec.window_to || bounds.size() == 1) bounds.push_back({spec.window_to, std::nullopt});

    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
        const Bound& a = bounds[k];
        const Bound& b = bounds[k + 1];
        const std::int32_t days = b.day - a.day;
        const bool infant = ch.born_day && ctx.age_at(ch, a.day) < 1;
        const std::int32_t threshold = ctx.rule(infant ? RuleId::UnseenDaysInfant : RuleId::UnseenDays);
        if (days <= threshold) continue;

        EntryList contacts, family, uncertain;
        std::int64_t about_child = 0;
        // The entries strictly between the bounds (days never decrease along the chronology).
        for (std::uint32_t n = ctx.first_after(a.day), last = ctx.first_on_or_after(b.day); n < last; ++n) {
            const auto i = static_cast<EntryIndex>(n);
            const ChildSeen s = chron.seen(ctx.entry(i), ch.position);
            if (!ctx.professional(i)) {
                if (is_sighting(s)) family.push_back(i);
                continue;
            }
            if (spec.kind && ctx.kind(i) != *spec.kind) continue;
            if (is_sighting(s)) {
                uncertain.push_back(i);  // a sighting dated too loosely to end the period
                continue;
            }
            if (!ctx.contact(i)) continue;
            contacts.push_back(i);
            if (s == ChildSeen::NotSeen || chron.names_person(ctx.entry(i), ch.id)) ++about_child;
        }
        const std::vector<std::string> agencies = ctx.agency_names(contacts);

        Finding f;
        // Loosely dated sightings that could fill it: the records cannot show the child went unseen.
        const bool cannot_tell = !uncertain.empty() && ctx.loose_dates_could_fill(a.day, b.day, threshold, uncertain);
        // With no case open, months between universal services' contacts are how they work.
        // (A case open for no more than the threshold of the period does not make it a concern either.)
        const bool no_case = !spec.kind && ctx.case_open_days(a.day, b.day) <= threshold;
        if (cannot_tell || no_case) f.concern = false;
        f.child = ch.id;
        f.from_day = a.day;
        f.to_day = b.day;
        if (a.entry) f.entries.push_back(*a.entry);
        if (b.entry) f.entries.push_back(*b.entry);
        f.entries.insert(f.entries.end(), contacts.begin(), contacts.end());
        UnseenPeriodFinding& d = f.data.emplace<UnseenPeriodFinding>();
        d.child = ch.id;
        d.from = DayValue{a.day};
        d.to = DayValue{b.day};
        d.days = days;
        d.agency_kind = spec.kind;
        d.threshold_days = threshold;
        d.from_sighting = a.entry;
        d.to_sighting = b.entry;
        d.contacts_without_sighting = contacts;
        d.agencies = agencies;
        d.family_sightings = family;
        d.uncertain_sightings = uncertain;

        std::string who = spec.kind ? "no " + detail::kind_phrase(*spec.kind) + " professional" : "no professional";
        if (spec.kind == AgencyKind::ChildrensSocialCare) who = "no social worker";
        if (spec.kind == AgencyKind::HealthVisiting) who = "no health visitor";
        const bool window_start = spec.kind && a.day != ch.start;
        const bool window_end = spec.kind && b.day != ch.end;
        std::string from_text = format_day(a.day);
        if (!a.entry) from_text += a.day == ch.born_day ? " (birth)" : window_start ? " (start of involvement)" : ctx.period_start_label();
        std::string to_text = format_day(b.day);
        if (!b.entry) to_text += window_end ? " (end of involvement)" : b.day == ctx.period_end ? ctx.period_end_label() : " (death)";
        std::string m = who + " saw " + p.name + " for " + detail::plural(days, "day", "days") + ", from " + from_text + " to " + to_text;
        if (spec.kind) m += ", while " + detail::kind_phrase(*spec.kind) + " was involved";
        m += " (threshold " + detail::plural(threshold, "day", "days") + (infant ? " for a baby under 1" : "") + ").";
        m[0] = static_cast<char>(m[0] - 'a' + 'A');
        if (!contacts.empty()) {
            m += " " + detail::plural(static_cast<std::int64_t>(contacts.size()), "contact", "contacts") + " by " +
                 detail::plural(static_cast<std::int64_t>(agencies.size()), "agency", "agencies") + " in that time did not see " +
                 std::string(detail::object_pronoun(p));
            if (about_child > 0) m += " (" + std::to_string(about_child) + " of them about " + std::string(detail::object_pronoun(p)) + ")";
            m += ".";
        } else {
            m += " No agency had contact in that time.";
        }
        if (!family.empty()) m += " Family said they saw " + std::string(detail::object_pronoun(p)) + " " + detail::plural(static_cast<std::int64_t>(family.size()), "time", "times") + "; that is not a professional sighting.";
        if (no_case)
            m += " No agency held a case for the family in that time (only universal services were involved), so this is "
                 "for information.";
        if (cannot_tell)
            m += " " + detail::plural(static_cast<std::int64_t>(uncertain.size()), "sighting is", "sightings are") +
                 " dated only loosely and could fall so that no stretch is longer than the threshold: the records "
                 "cannot show that " + std::string(detail::pronoun(p)) + " went unseen this long.";
        else if (!uncertain.empty())
            m += " " + detail::plural(static_cast<std::int64_t>(uncertain.size()), "sighting is", "sightings are") + " dated too loosely to end the period.";
        f.message = std::move(m);
        out.push_back(std::move(f));
    }
}

// [SECTION] Per agency kind

// Kinds that hold a case about the child and visit to see them, for which "no X saw the child
// while involved" is meaningful. Health visiting and schools are left out: routine health
// visiting contacts are months apart, and schools do not record ordinary school days.
bool child_facing(AgencyKind k) {
    switch (k) {
        case AgencyKind::ChildrensSocialCare:
        case AgencyKind::EarlyHelp:
        case AgencyKind::FamilyNursePartnership:
        case AgencyKind::Camhs:
        case AgencyKind::YouthJustice:
            return true;
        default:
            return false;
    }
}

// Merged involvement windows of one kind that worked with the child, clipped to the child's period.
std::vector<std::pair<std::int32_t, std::int32_t>> kind_windows(const AnalysisContext& ctx, const ChildInfo& ch, AgencyKind k) {
    std::vector<std::pair<std::int32_t, std::int32_t>> windows;
    const Chronology& chron = ctx.c.chronology;
    for (const detail::Episode& ep : ctx.episodes) {
        if (ctx.c.agency_kind(ep.agency) != k) continue;
        // Only spells in which the agency worked with this child: named them or recorded whether it saw them.
        const bool worked = std::any_of(ep.entries.begin(), ep.entries.end(), [&](EntryIndex i) {
            return chron.names_person(ctx.entry(i), ch.id) || chron.seen(ctx.entry(i), ch.position) != ChildSeen::NotRecorded;
        });
        if (!worked) continue;
        std::int32_t from = std::max(ep.from, ch.start);
        std::int32_t to = std::min(ep.to, ch.end);
        if (from < to) windows.emplace_back(from, to);
    }
    std::sort(windows.begin(), windows.end());
    std::vector<std::pair<std::int32_t, std::int32_t>> merged;
    for (const auto& w : windows) {
        if (!merged.empty() && w.first <= merged.back().second) merged.back().second = std::max(merged.back().second, w.second);
        else merged.push_back(w);
    }
    return merged;
}

// [SECTION] Recording figures

// Kinds whose contacts with a family are expected to say whether the child was seen.
bool expected_to_see(AgencyKind k) {
    switch (k) {
        case AgencyKind::Housing:
        case AgencyKind::Probation:
        case AgencyKind::SubstanceMisuse:
        case AgencyKind::AdultMentalHealth:
        case AgencyKind::Family:
        case AgencyKind::Other:
        case AgencyKind::Unknown:
            return false;
        default:
            return true;
    }
}

void recording_figures(const AnalysisContext& ctx, const ChildInfo& ch, std::vector<Finding>& out) {
    const Chronology& chron = ctx.c.chronology;
    const Person& p = ctx.c.person(ch.id);
    struct Tally {
        EntryList contacts;
        std::int64_t not_recorded = 0, seen = 0, seen_alone = 0, views_applicable = 0, views_sought = 0;
    };
    std::map<std::uint32_t, Tally> per_agency;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (!ctx.contact(i)) continue;
        const std::int32_t d = ctx.day(i);
        if (d < ch.start || d > ch.end) continue;
        const Entry& e = ctx.entry(i);
        const ChildSeen s = chron.seen(e, ch.position);
        // Contacts involving the child: naming them, recording whether they were seen, or a visit
        // to the home where they live. A GP seeing the mother alone is not one.
        const bool home = e.type == EntryType::HomeVisit || e.type == EntryType::NoAccessVisit;
        if (!chron.names_person(e, ch.id) && s == ChildSeen::NotRecorded && !home) continue;
        Tally& t = per_agency[index_of(e.agency)];
        t.contacts.push_back(i);
        if (s == ChildSeen::NotRecorded) ++t.not_recorded;
        if (is_sighting(s)) ++t.seen;
        if (s == ChildSeen::SeenAlone) ++t.seen_alone;
        if (is_sighting(s) && ch.born_day && ctx.age_at(ch, d) >= 3) {
            ++t.views_applicable;
            if (e.views_sought == Tri::Yes) ++t.views_sought;
        }
    }
    const std::int64_t limit = ctx.c.rules.get(RuleId::NotRecordedPercent);
    for (const auto& [agency, t] : per_agency) {
        const auto total = static_cast<std::int64_t>(t.contacts.size());
        const std::int64_t percent = (t.not_recorded * 100 + total / 2) / total;
        Finding f;
        f.child = ch.id;
        f.concern = percent >= limit && expected_to_see(ctx.c.agency_kind(static_cast<AgencyId>(agency)));
        f.from_day = ctx.day(t.contacts.front());
        f.to_day = ctx.day(t.contacts.back());
        f.entries = t.contacts;
        const std::string name(ctx.c.agency_name(static_cast<AgencyId>(agency)));
        SeenRecordingFinding& d = f.data.emplace<SeenRecordingFinding>();
        d.child = ch.id;
        d.agency = name;
        d.agency_kind = ctx.c.agency_kind(static_cast<AgencyId>(agency));
        d.contacts = total;
        d.not_recorded = t.not_recorded;
        d.not_recorded_percent = percent;
        d.seen = t.seen;
        d.seen_alone = t.seen_alone;
        d.views_applicable = t.views_applicable;
        d.views_sought = t.views_sought;
        f.message = name + ": " + std::to_string(t.not_recorded) + " of " + detail::plural(total, "contact", "contacts") +
                    " (" + std::to_string(percent) + "%) involving " + p.name + " do not record whether " +
                    std::string(detail::pronoun(p)) + " was seen; seen at " +
                    std::to_string(t.seen) + ", alone at " + std::to_string(t.seen_alone) + ".";
        if (t.views_applicable > 0)
            f.message += " " + p.name + "'s views were sought at " + std::to_string(t.views_sought) + " of " +
                         std::to_string(t.views_applicable) + " sightings from age 3.";
        out.push_back(std::move(f));
    }
}

}  // namespace

// [SECTION] Evidence found later

// Each piece of retrospective evidence (a post-mortem's window for an injury) beside who saw the
// child in that window: "no professional saw Riley from 9 to 23 October; the last sighting was on
// the 2nd". Information: it is never a contact, a sighting or something an agency knew.
void retrospective_windows(const AnalysisContext& ctx, const ChildInfo& ch, const std::vector<Sighting>& sightings,
                           std::vector<Finding>& out) {
    const Person& p = ctx.c.person(ch.id);
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const Entry& e = ctx.entry(i);
        if (!e.retrospective) continue;
        const std::int32_t from = e.date.earliest_day(), to = e.date.latest_day();
        if (to < ch.start || from > ch.end) continue;
        Finding f;
        f.concern = false;
        f.child = ch.id;
        f.from_day = from;
        f.to_day = to;
        f.entries.push_back(i);
        RetrospectiveEvidenceFinding& d = f.data.emplace<RetrospectiveEvidenceFinding>();
        d.from = DayValue{from};
        d.to = DayValue{to};
        d.child = ch.id;
        for (const Sighting& s : sightings) {
            if (s.day < from) d.last_seen_before = DayValue{s.day};
            else if (s.day <= to) d.sightings.push_back(s.entry);
            else if (!d.next_seen_after) d.next_seen_after = DayValue{s.day};
        }
        f.entries.insert(f.entries.end(), d.sightings.begin(), d.sightings.end());
        const std::string window = from == to ? "on " + format_day(from) : "from " + format_day(from) + " to " + format_day(to);
        std::string m = "Evidence found later (" + ctx.describe(i) + ") places it " + window + ": ";
        if (d.sightings.empty()) {
            m += "no professional saw " + p.name + " in that time";
        } else {
            m += p.name + " was seen by professionals " + detail::plural(static_cast<std::int64_t>(d.sightings.size()), "time", "times") +
                 " in that time (first " + ctx.describe(d.sightings.front()) + ")";
        }
        m += "; the last sighting before it was " + (d.last_seen_before ? format_day(d.last_seen_before->day) : std::string("none")) +
             ", the next after it " + (d.next_seen_after ? format_day(d.next_seen_after->day) : std::string("none")) +
             ". No agency held this evidence at the time.";
        f.message = std::move(m);
        out.push_back(std::move(f));
    }
}

std::vector<Finding> analyse_child_seen(const Case& c, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    for (const ChildInfo& ch : ctx.children) {
        if (ch.start > ch.end) continue;  // born after the scope ends
        out.push_back(sightings_summary(ctx, ch));
        const std::vector<Sighting> any = precise_sightings(ctx, ch, [](EntryIndex) { return true; });
        unseen_periods(ctx, {&ch, std::nullopt, ch.start, ch.end}, any, out);
        for (std::size_t k = 0; k < k_agency_kind_count; ++k) {
            const auto kind = static_cast<AgencyKind>(k);
            if (!child_facing(kind)) continue;
            const auto by_kind = precise_sightings(ctx, ch, [&](EntryIndex i) { return ctx.kind(i) == kind; });
            for (const auto& [from, to] : kind_windows(ctx, ch, kind)) unseen_periods(ctx, {&ch, kind, from, to}, by_kind, out);
        }
        recording_figures(ctx, ch, out);
        retrospective_windows(ctx, ch, any, out);
    }
    return out;
}

}  // namespace sightline::engine
