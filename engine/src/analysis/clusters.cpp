// Findings from clusters: corroboration (one incident, every account), discrepancies between
// the accounts (date, child seen, people present), and exact duplicates within one agency.
#include <algorithm>
#include <map>
#include <set>

#include "context.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;

// The members that give an account of the incident itself (not later work the incident led to):
// the incident's record, records on its day, records naming its day or quoting an account's
// reference, and the first record of an agency an account informed.
EntryList accounts(const AnalysisContext& ctx, const Receipts& receipts, const Cluster& cl, EntryIndex event) {
    const std::int32_t day = ctx.day(event);
    // Whether each member names the incident's day, worked out once.
    std::vector<bool> names_day(cl.members.size());
    for (std::size_t k = 0; k < cl.members.size(); ++k) {
        const auto named = dates_mentioned(ctx.entry(cl.members[k]).summary, ctx.day(cl.members[k]));
        names_day[k] = std::find(named.begin(), named.end(), day) != named.end();
    }
    EntryList out{event};
    bool grew = true;
    while (grew) {
        grew = false;
        for (std::size_t k = 0; k < cl.members.size(); ++k) {
            const EntryIndex m = cl.members[k];
            if (std::find(out.begin(), out.end(), m) != out.end()) continue;
            const Entry& e = ctx.entry(m);
            bool account = ctx.day(m) == day || names_day[k];
            for (EntryIndex a : out) {
                const Entry& known = ctx.entry(a);
                if (receipts.receives(a, m)) account = true;
                if (known.ref.size() >= 3 && contains_ci(e.summary, known.ref)) account = true;
            }
            if (account) {
                out.push_back(m);
                grew = true;
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The incident's own record: its first professional event record, else its first record.
EntryIndex event_of(const AnalysisContext& ctx, const Cluster& cl) {
    for (EntryIndex m : cl.members)
        if (is_event_type(ctx.entry(m).type) && ctx.professional(m)) return m;
    return cl.members.front();
}

// "The accounts of the 2015-06-21 23:40 Southvale Police police incident (incident 3)".
std::string label(const AnalysisContext& ctx, const Cluster& cl) {
    return "The accounts of " + ctx.describe(event_of(ctx, cl)) + " (incident " + std::to_string(cl.number) + ")";
}

// An account by someone who was there (principle 1, docs/analyses.md): a visit, an attendance, an
// incident attended, not a desk record (a strategy discussion, a request for information, a call,
// a letter, a record of a message taken by phone or electronically). Only such an account's
// silence, or its "not seen", says something about the incident. A notification or referral
// passes on what the sender found, and counts as theirs.
bool first_hand(const Entry& e) {
    switch (e.type) {
        case EntryType::Letter:
        case EntryType::PhoneCall:
        case EntryType::InformationRequest:
        case EntryType::StrategyDiscussion:
        case EntryType::Meeting:
        case EntryType::Conference:
        case EntryType::CoreGroup:
            return false;
        case EntryType::Notification:
        case EntryType::Referral:
            return true;
        default:
            break;
    }
    switch (e.modality) {
        case Modality::Phone:
        case Modality::Letter:
        case Modality::Electronic:
        case Modality::Video:
            return false;
        default:
            return true;
    }
}

// Does an account speak of the incident's own occasion? A notification or referral passes on what
// happened, whenever it was written; any other account only if it was made within a day of the
// event (a visit days later is another occasion, where someone may well be absent).
bool of_the_occasion(const AnalysisContext& ctx, EntryIndex account, std::int32_t event_day) {
    const EntryType t = ctx.entry(account).type;
    if (t == EntryType::Notification || t == EntryType::Referral) return true;
    return std::abs(ctx.day(account) - event_day) <= 1;
}

// A relayed account's "not seen" is its recorder's own (the recipient of a notification did not see
// the child) unless its words say the child was not there.
bool says_child_absent(std::string_view text) {
    for (std::string_view cue : {"not present", "not there", "not at home", "not in the house", "not seen", "were not",
                                 "was not", "staying with", "away at", "elsewhere"})
        if (contains_ci(text, cue)) return true;
    return false;
}

Finding discrepancy(const Cluster& cl, DiscrepancyFinding d, EntryList entries, std::string message) {
    Finding f;
    d.cluster = cl.number;
    f.data = std::move(d);
    f.entries = std::move(entries);
    f.message = std::move(message);
    return f;
}

// The accounts disagree on when it happened: two events on different days, or an account that
// names a different day for it.
void date_discrepancies(const AnalysisContext& ctx, const Cluster& cl, std::int32_t event_day, EntryIndex event,
                        std::vector<Finding>& out) {
    const std::int32_t window = ctx.rule(RuleId::CorroborationWindowDays);
    std::map<std::int32_t, EntryList> claims;  // day -> accounts that put the incident on it
    claims[event_day].push_back(event);
    const Entry& ev = ctx.entry(event);
    for (EntryIndex m : cl.members) {
        if (m == event) continue;
        const Entry& e = ctx.entry(m);
        // Another agency's record of the same kind of event on another day.
        if (is_event_type(e.type) && e.type == ev.type && e.agency != ev.agency) claims[ctx.day(m)].push_back(m);
        // An account that names a day for it: a past day (not its own, nor a plan), near the
        // incident, when it does not also name the incident's own day. Only an event (an incident,
        // an injury) can be put on another day: a day named in the record of a visit or a request
        // is the day of something else.
        if (!is_event_type(ev.type)) continue;
        const std::vector<std::int32_t> named = dates_mentioned(e.summary, ctx.day(m));
        if (std::find(named.begin(), named.end(), event_day) != named.end()) continue;
        for (std::int32_t d : named)
            if (std::abs(d - event_day) <= window && d < ctx.day(m)) claims[d].push_back(m);
    }
    if (claims.size() < 2) return;
    EntryList all;
    std::vector<std::string> parts;
    for (const auto& [day, accounts] : claims) {
        all.insert(all.end(), accounts.begin(), accounts.end());
        parts.push_back(join_names(ctx.agency_names(accounts)) + " put it on " + format_day(day));
    }
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    DiscrepancyFinding d;
    d.aspect = DiscrepancyAspect::Date;
    d.dates.emplace();
    for (const auto& [day, accounts] : claims) d.dates->push_back(DayValue{day});
    Finding f = discrepancy(cl, std::move(d), all, label(ctx, cl) + " disagree on the date: " + join_names(parts) + ".");
    f.from_day = claims.begin()->first;
    f.to_day = claims.rbegin()->first;
    out.push_back(std::move(f));
}

void seen_discrepancies(const AnalysisContext& ctx, const Cluster& cl, std::int32_t event_day,
                        const EntryList& accounts_of_it, std::vector<Finding>& out) {
    for (const detail::ChildInfo& ch : ctx.children) {
        // Per agency: did its accounts say seen, not seen, or both (about different moments)?
        std::map<std::uint32_t, std::pair<EntryList, EntryList>> by_agency;
        for (EntryIndex m : accounts_of_it) {
            // A desk record cannot see a child: its "not seen" says nothing about the incident.
            // (A notification can: it passes on what the other agency found.)
            const Entry& e = ctx.entry(m);
            if (!first_hand(e) || !of_the_occasion(ctx, m, event_day)) continue;
            const ChildSeen s = ctx.c.chronology.seen(e, ch.position);
            const bool relayed = e.type == EntryType::Notification || e.type == EntryType::Referral;
            if (relayed && s == ChildSeen::NotSeen && !says_child_absent(e.summary)) continue;
            auto& [yes, no] = by_agency[index_of(ctx.entry(m).agency)];
            if (is_sighting(s)) yes.push_back(m);
            else if (s == ChildSeen::NotSeen) no.push_back(m);
        }
        EntryList seen, not_seen;
        for (const auto& [agency, accounts] : by_agency) {
            if (!accounts.first.empty() && !accounts.second.empty()) continue;
            seen.insert(seen.end(), accounts.first.begin(), accounts.first.end());
            not_seen.insert(not_seen.end(), accounts.second.begin(), accounts.second.end());
        }
        if (seen.empty() || not_seen.empty()) continue;
        const Person& p = ctx.c.person(ch.id);
        EntryList all = seen;
        all.insert(all.end(), not_seen.begin(), not_seen.end());
        std::sort(all.begin(), all.end());
        DiscrepancyFinding d;
        d.aspect = DiscrepancyAspect::ChildSeen;
        d.child = ch.id;
        const std::string they(detail::pronoun(p));
        const std::string was = they == "they" ? "were" : "was";  // "they were", not "they was"
        Finding f = discrepancy(cl, std::move(d), all,
                                label(ctx, cl) + " disagree on whether " + p.name + " was seen: " +
                                    join_names(ctx.agency_names(seen)) + " say " + they + " " + was + "; " +
                                    join_names(ctx.agency_names(not_seen)) + " say " + they + " " + was + " not.");
        f.child = ch.id;
        out.push_back(std::move(f));
    }
}

// A person the incident's own record names, left out of another agency's account that names
// other people.
void people_discrepancies(const AnalysisContext& ctx, const Cluster& cl, EntryIndex event, const EntryList& accounts_of_it,
                          std::vector<Finding>& out) {
    const Chronology& chron = ctx.c.chronology;
    // The people the incident's own record says were there.
    std::set<std::uint32_t> people;
    for (const SubjectRef& s : chron.subjects_of(ctx.entry(event)))
        if (!is_none(s.person) && ctx.c.index_child_position(s.person) < 0) people.insert(index_of(s.person));
    for (std::uint32_t p : people) {
        const auto person = static_cast<PersonId>(p);
        EntryList named, silent;
        for (EntryIndex m : accounts_of_it) {
            const Entry& e = ctx.entry(m);
            const Person& who = ctx.c.person(person);
            std::vector<std::string> names = who.aliases;
            names.push_back(who.name);
            if (chron.names_person(e, person) || names_in_text(e.summary, names)) {
                named.push_back(m);
                continue;
            }
            // Silent about them while naming other adults: it says who was there, without them.
            const auto subjects = chron.subjects_of(e);
            const bool names_adults = std::any_of(subjects.begin(), subjects.end(), [&](const SubjectRef& s) {
                return !is_none(s.person) && ctx.c.index_child_position(s.person) < 0;
            });
            if (names_adults && ctx.professional(m) && first_hand(e) && of_the_occasion(ctx, m, ctx.day(event)))
                silent.push_back(m);
        }
        // Only disagreements between agencies count.
        const auto named_by = ctx.agency_names(named);
        std::vector<std::string> silent_by;
        for (const std::string& a : ctx.agency_names(silent))
            if (std::find(named_by.begin(), named_by.end(), a) == named_by.end()) silent_by.push_back(a);
        if (named.empty() || silent_by.empty()) continue;
        EntryList all = named;
        for (EntryIndex m : silent)
            if (std::find(silent_by.begin(), silent_by.end(), std::string(ctx.c.agency_name(ctx.entry(m).agency))) != silent_by.end())
                all.push_back(m);
        std::sort(all.begin(), all.end());
        const std::string& name = ctx.c.person(person).name;
        DiscrepancyFinding d;
        d.aspect = DiscrepancyAspect::People;
        d.person = person;
        Finding f = discrepancy(cl, std::move(d), all,
                                label(ctx, cl) + " disagree on who was there: " +
                                    join_names(named_by) + " name " + name + "; " + join_names(silent_by) + " do not.");
        // Only an account by someone who was there says who was there; a notification passed on
        // without a name shows the name was lost on the way, for information.
        f.concern = std::any_of(silent.begin(), silent.end(), [&](EntryIndex m) {
            const EntryType t = ctx.entry(m).type;
            return t != EntryType::Notification && t != EntryType::Referral;
        });
        if (!f.concern) f.message += " " + join_names(silent_by) + " recorded it as passed on to them, without the name.";
        out.push_back(std::move(f));
    }
}

void duplicates(const AnalysisContext& ctx, std::vector<Finding>& out) {
    // Entries are grouped by a hash of what makes them the same (agency, date, type, words), then
    // only the rare groups of two or more are compared in full, in the order the full keys give.
    using Key = std::tuple<std::uint32_t, std::string, std::string, std::string>;
    auto key_of = [&](EntryIndex i) {
        const Entry& e = ctx.entry(i);
        return Key{index_of(e.agency), format_date(e.date), std::string(e.type_text), normalise_word(e.summary)};
    };
    std::vector<std::pair<std::uint64_t, std::uint32_t>> hashes(ctx.size());
    std::string date;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const Entry& e = ctx.entry(static_cast<EntryIndex>(n));
        date.clear();
        append_date(date, e.date);
        std::uint64_t h = std::hash<std::string>{}(normalise_word(e.summary));
        h = h * 0x9e3779b97f4a7c15ull ^ std::hash<std::string_view>{}(date);
        h = h * 0x9e3779b97f4a7c15ull ^ std::hash<std::string_view>{}(e.type_text);
        h = h * 0x9e3779b97f4a7c15ull ^ index_of(e.agency);
        hashes[n] = {h, n};
    }
    std::sort(hashes.begin(), hashes.end());
    std::vector<std::pair<Key, EntryList>> groups;
    for (std::size_t k = 0; k < hashes.size();) {
        std::size_t end = k + 1;
        while (end < hashes.size() && hashes[end].first == hashes[k].first) ++end;
        if (end - k >= 2) {
            std::map<Key, EntryList> exact;  // equal hashes may still differ
            for (std::size_t m = k; m < end; ++m) {
                const auto i = static_cast<EntryIndex>(hashes[m].second);
                exact[key_of(i)].push_back(i);
            }
            for (auto& [key, list] : exact)
                if (list.size() >= 2) groups.emplace_back(key, std::move(list));
        }
        k = end;
    }
    std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, list] : groups) {
        Finding f;
        f.data = DuplicateEntryFinding{.agency = std::string(ctx.c.agency_name(ctx.entry(list.front()).agency)),
                                       .count = static_cast<std::int64_t>(list.size())};
        f.entries = list;
        f.from_day = f.to_day = ctx.day(list.front());
        f.message = std::string(ctx.c.agency_name(ctx.entry(list.front()).agency)) + " recorded the same entry " +
                    std::to_string(list.size()) + " times: " + ctx.describe(list.front()) + ". Every copy is kept.";
        out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) { return a.from_day < b.from_day; });
}

}  // namespace

std::vector<Finding> analyse_clusters(const Case& c, const std::vector<Cluster>& clusters, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    const Receipts receipts(c);
    std::vector<Finding> out;
    for (const Cluster& cl : clusters) {
        const EntryIndex event = event_of(ctx, cl);
        const std::vector<std::string> agencies = ctx.agency_names(cl.members);
        Finding f;
        f.data = CorroborationFinding{.cluster = cl.number,
                                      .date = DayValue{ctx.day(event)},
                                      .agencies = agencies,
                                      .confirmed = cl.confirmed,
                                      .score = cl.score};
        f.concern = false;
        f.entries = cl.members;
        f.from_day = ctx.day(cl.members.front());
        f.to_day = ctx.day(cl.members.back());
        f.message = "Incident " + std::to_string(cl.number) + ", " + ctx.describe(event) + ", is recorded by " +
                    detail::plural(static_cast<std::int64_t>(agencies.size()), "agency", "agencies") + " (" +
                    join_names(agencies) + ") in " + std::to_string(cl.members.size()) + " accounts" +
                    (cl.confirmed ? ", confirmed by the reviewer" : "") + ".";
        out.push_back(std::move(f));
        const std::size_t before = out.size();
        date_discrepancies(ctx, cl, ctx.day(event), event, out);
        const EntryList accounts_of_it = accounts(ctx, receipts, cl, event);
        seen_discrepancies(ctx, cl, ctx.day(event), accounts_of_it, out);
        people_discrepancies(ctx, cl, event, accounts_of_it, out);
        for (std::size_t k = before; k < out.size(); ++k) {
            if (out[k].from_day == 0) out[k].from_day = ctx.day(cl.members.front());
            if (out[k].to_day == 0) out[k].to_day = ctx.day(cl.members.back());
        }
    }
    std::vector<Finding> dups;
    duplicates(ctx, dups);
    out.insert(out.end(), dups.begin(), dups.end());
    return out;
}

}  // namespace sightline::engine
