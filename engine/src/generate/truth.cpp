// The truth of a synthetic case: what the analyses must find, computed from the story's own
// record of what it wrote by the definitions in docs/analyses.md. It shares no code with the
// analyses (only the calendar and the vocabulary), so a mistake in either shows as a difference.
//
// [SECTION] The story as the analyses see it
// [SECTION] Unseen periods
// [SECTION] Gaps
// [SECTION] Moves and transfers
// [SECTION] Misrouted notifications
// [SECTION] Adults known only to police or housing
// [SECTION] Incidents recorded by several agencies
// [SECTION] derive_truth
// [SECTION] What the truth states
#include <algorithm>
#include <map>
#include <set>

#include "sightline/engine/text.hpp"
#include "story.hpp"

namespace sightline::engine::synth {

namespace {

// [SECTION] The story as the analyses see it

class View {
public:
    View(const Story& story, const std::vector<EntryIndex>& entries_of_events, const Rules& case_rules)
        : s(story), entry_of(entries_of_events), rules(case_rules) {
        // Chronology order: earliest instant, seq, source (files ranked by path), place in the file.
        order.resize(s.events.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::vector<std::string> files;
        for (const Event& e : s.events) files.push_back(s.agencies[static_cast<std::size_t>(e.agency)].file);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const Event& x = s.events[static_cast<std::size_t>(a)];
            const Event& y = s.events[static_cast<std::size_t>(b)];
            const std::int64_t ix = std::int64_t{x.day} * 86400 + (x.minute >= 0 ? x.minute * 60 : 0);
            const std::int64_t iy = std::int64_t{y.day} * 86400 + (y.minute >= 0 ? y.minute * 60 : 0);
            return std::tie(ix, x.seq, files[static_cast<std::size_t>(a)], x.position) <
                   std::tie(iy, y.seq, files[static_cast<std::size_t>(b)], y.position);
        });
        period_start = s.scope_from;
        period_end = s.scope_to;
    }

    const Story& s;
    const std::vector<EntryIndex>& entry_of;
    const Rules& rules;
    std::vector<int> order;                // events in chronology order
    std::int32_t period_start = 0;
    std::int32_t period_end = 0;

    [[nodiscard]] const Event& ev(int i) const { return s.events[static_cast<std::size_t>(i)]; }
    [[nodiscard]] const Agency& agency(int a) const { return s.agencies[static_cast<std::size_t>(a)]; }
    [[nodiscard]] AgencyKind kind(int i) const { return agency(ev(i).agency).kind; }
    [[nodiscard]] int area(int i) const { return ev(i).area >= 0 ? ev(i).area : agency(ev(i).agency).area; }
    [[nodiscard]] bool professional(int i) const { return kind(i) != AgencyKind::Family; }
    [[nodiscard]] bool contact(int i) const {
        const EntryType t = ev(i).type;
        return professional(i) && t != EntryType::Injury && t != EntryType::Birth && t != EntryType::Death && t != EntryType::Move;
    }
    [[nodiscard]] ChildSeen seen(int i, std::size_t child) const {
        return child < ev(i).seen.size() ? ev(i).seen[child] : ChildSeen::NotRecorded;
    }
    [[nodiscard]] bool names(int i, int person) const {
        return std::find(ev(i).subjects.begin(), ev(i).subjects.end(), person) != ev(i).subjects.end();
    }
    [[nodiscard]] const Person& person(int p) const { return s.people[static_cast<std::size_t>(p)]; }
    [[nodiscard]] EntryList entries(std::initializer_list<int> events) const {
        EntryList out;
        for (int e : events)
            if (e >= 0) out.push_back(entry_of[static_cast<std::size_t>(e)]);
        return out;
    }
    [[nodiscard]] std::int32_t child_start(std::size_t c) const {
        return std::max(period_start, *person(s.index_children[c]).born);
    }
    [[nodiscard]] std::int32_t child_end(std::size_t c) const {
        const Person& p = person(s.index_children[c]);
        return p.died ? std::min(period_end, *p.died) : period_end;
    }
    [[nodiscard]] std::int32_t days(RuleId id) const { return rules.days(id); }

    // One agency's spells of involvement: first record (or first after a closure) to its
    // case_closed or its last record, with the records in between.
    struct Spell {
        int agency = 0;
        std::int32_t from = 0;
        std::int32_t to = 0;
        std::vector<int> events;
    };
    [[nodiscard]] std::vector<Spell> spells() const {
        std::map<int, std::vector<int>> by_agency;
        for (int i : order) by_agency[ev(i).agency].push_back(i);
        std::vector<Spell> out;
        for (const auto& [a, list] : by_agency) {
            Spell sp;
            bool open = false;
            for (int i : list) {
                if (!open) {
                    sp = Spell{a, ev(i).day, ev(i).day, {}};
                    open = true;
                }
                sp.events.push_back(i);
                sp.to = std::max(sp.to, ev(i).day);
                if (ev(i).type == EntryType::CaseClosed) {
                    out.push_back(sp);
                    open = false;
                }
            }
            if (open) out.push_back(sp);
        }
        return out;
    }
};

Finding finding(FindingData data, std::string message) {
    Finding f;
    f.data = std::move(data);
    f.message = std::move(message);
    return f;
}

// [SECTION] Unseen periods

struct Bound {
    std::int32_t day;
    int event;                             // -1 for the window's ends
};

void unseen(const View& v, std::size_t child, std::optional<AgencyKind> kind, std::int32_t from, std::int32_t to,
            std::vector<Finding>& out) {
    const int person = v.s.index_children[child];
    const std::int32_t start = v.child_start(child), end = v.child_end(child);
    std::vector<Bound> bounds{{from, -1}};
    for (int i : v.order) {
        const Event& e = v.ev(i);
        if (!v.professional(i) || !e.precise() || !is_sighting(v.seen(i, child))) continue;
        if (kind && v.kind(i) != *kind) continue;
        if (e.day < start || e.day > end || e.day < from || e.day > to) continue;
        if (bounds.back().day == e.day && bounds.back().event >= 0) continue;
        if (bounds.size() > 1 && bounds.back().day == e.day) continue;
        bounds.push_back({e.day, i});
    }
    if (bounds.back().day < to || bounds.size() == 1) bounds.push_back({to, -1});
    const Person& p = v.person(person);
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
        const Bound& a = bounds[k];
        const Bound& b = bounds[k + 1];
        const bool infant = age_in_years(*p.born, a.day) < 1;
        const std::int32_t threshold = v.days(infant ? RuleId::UnseenDaysInfant : RuleId::UnseenDays);
        if (b.day - a.day <= threshold) continue;
        UnseenPeriodFinding d;
        d.child = static_cast<PersonId>(person);
        d.from = DayValue{a.day};
        d.to = DayValue{b.day};
        d.days = b.day - a.day;
        d.agency_kind = kind;
        d.threshold_days = threshold;
        Finding f = finding(std::move(d),
                            std::string(kind ? "no " + std::string(to_string(*kind)) + " professional" : "no professional") +
                                " saw " + p.name + " from " + format_day(a.day) + " to " + format_day(b.day));
        f.child = static_cast<PersonId>(person);
        f.from_day = a.day;
        f.to_day = b.day;
        f.entries = v.entries({a.event, b.event});
        out.push_back(std::move(f));
    }
}

void unseen_periods(const View& v, std::vector<Finding>& out) {
    static constexpr std::array<AgencyKind, 5> k_child_facing = {
        AgencyKind::ChildrensSocialCare, AgencyKind::EarlyHelp, AgencyKind::FamilyNursePartnership, AgencyKind::Camhs,
        AgencyKind::YouthJustice};
    const auto spells = v.spells();
    for (std::size_t c = 0; c < v.s.index_children.size(); ++c) {
        const std::int32_t start = v.child_start(c), end = v.child_end(c);
        if (start > end) continue;
        unseen(v, c, std::nullopt, start, end, out);
        for (AgencyKind k : k_child_facing) {
            std::vector<std::pair<std::int32_t, std::int32_t>> windows;
            for (const auto& sp : spells) {
                if (v.agency(sp.agency).kind != k) continue;
                const bool worked = std::any_of(sp.events.begin(), sp.events.end(), [&](int i) {
                    return v.names(i, v.s.index_children[c]) || v.seen(i, c) != ChildSeen::NotRecorded;
                });
                const std::int32_t from = std::max(sp.from, start), to = std::min(sp.to, end);
                if (worked && from < to) windows.emplace_back(from, to);
            }
            std::sort(windows.begin(), windows.end());
            std::vector<std::pair<std::int32_t, std::int32_t>> merged;
            for (const auto& w : windows) {
                if (!merged.empty() && w.first <= merged.back().second) merged.back().second = std::max(merged.back().second, w.second);
                else merged.push_back(w);
            }
            for (const auto& [from, to] : merged) unseen(v, c, k, from, to, out);
        }
    }
}

// [SECTION] Gaps

void gaps(const View& v, std::vector<Finding>& out) {
    auto report = [&](const std::vector<Bound>& bounds, std::int32_t threshold, int agency) {
        for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
            const std::int32_t d = bounds[k + 1].day - bounds[k].day;
            if (d <= threshold) continue;
            GapFinding g;
            g.from = DayValue{bounds[k].day};
            g.to = DayValue{bounds[k + 1].day};
            g.days = d;
            if (agency >= 0) g.agency = v.agency(agency).name;
            Finding f = finding(std::move(g), "no contact from " + format_day(bounds[k].day) + " to " + format_day(bounds[k + 1].day));
            f.from_day = bounds[k].day;
            f.to_day = bounds[k + 1].day;
            f.entries = v.entries({bounds[k].event, bounds[k + 1].event});
            out.push_back(std::move(f));
        }
    };
    std::vector<Bound> bounds{{v.period_start, -1}};
    for (int i : v.order) {
        const Event& e = v.ev(i);
        if (!v.contact(i) || !e.precise() || e.day < v.period_start || e.day > v.period_end) continue;
        if (bounds.back().day == e.day && bounds.back().event >= 0) continue;
        if (bounds.back().day == e.day) bounds.back().event = i;
        else bounds.push_back({e.day, i});
    }
    if (bounds.back().day < v.period_end) bounds.push_back({v.period_end, -1});
    report(bounds, v.days(RuleId::GapDays), -1);
    for (const auto& sp : v.spells()) {
        if (!is_case_holding(v.agency(sp.agency).kind)) continue;
        std::vector<Bound> b;
        for (int i : sp.events) {
            const Event& e = v.ev(i);
            if (!e.precise() || e.day < v.period_start || e.day > v.period_end || (!b.empty() && b.back().day == e.day)) continue;
            b.push_back({e.day, i});
        }
        report(b, v.days(RuleId::AgencyGapDays), sp.agency);
    }
}

// [SECTION] Moves and transfers

struct Move {
    std::int32_t day;
    int from;
    int to;
    std::vector<int> children;             // people
};

std::vector<Move> moves(const View& v) {
    std::vector<Move> out;
    for (int child : v.s.index_children) {
        std::vector<const Residence*> rs;
        for (const Residence& r : v.s.residences)
            if (std::find(r.people.begin(), r.people.end(), child) != r.people.end()) rs.push_back(&r);
        std::stable_sort(rs.begin(), rs.end(), [](const Residence* a, const Residence* b) { return a->from < b->from; });
        for (std::size_t k = 1; k < rs.size(); ++k) {
            if (rs[k]->area == rs[k - 1]->area) continue;
            auto same = std::find_if(out.begin(), out.end(), [&](const Move& m) {
                return m.day == rs[k]->from && m.from == rs[k - 1]->area && m.to == rs[k]->area;
            });
            if (same != out.end()) same->children.push_back(child);
            else out.push_back({rs[k]->from, rs[k - 1]->area, rs[k]->area, {child}});
        }
    }
    std::sort(out.begin(), out.end(), [](const Move& a, const Move& b) { return a.day < b.day; });
    return out;
}

bool follows(AgencyKind k) {
    switch (k) {
        case AgencyKind::Police:
        case AgencyKind::Hospital:
        case AgencyKind::Ambulance:
        case AgencyKind::Housing:
        case AgencyKind::Family:
        case AgencyKind::Other:
        case AgencyKind::Unknown:
            return false;
        default:
            return true;
    }
}

bool counterpart(AgencyKind expected, AgencyKind actual) {
    if (expected == AgencyKind::HealthVisiting)
        return actual == AgencyKind::HealthVisiting || actual == AgencyKind::FamilyNursePartnership;
    return actual == expected;
}

void transfers(const View& v, std::vector<Finding>& out) {
    const std::vector<Move> ms = moves(v);
    const std::int32_t lookback = v.days(RuleId::InvolvementLookbackDays);
    for (std::size_t k = 0; k < ms.size(); ++k) {
        const Move& m = ms[k];
        if (m.day > v.period_end) continue;
        MoveFinding md;
        md.date = DayValue{m.day};
        md.from_area = v.s.areas[static_cast<std::size_t>(m.from)];
        md.to_area = v.s.areas[static_cast<std::size_t>(m.to)];
        Finding mv = finding(std::move(md), "the family moved from " + v.s.areas[static_cast<std::size_t>(m.from)] + " to " +
                                                v.s.areas[static_cast<std::size_t>(m.to)] + " on " + format_day(m.day));
        mv.concern = false;
        mv.from_day = mv.to_day = m.day;
        out.push_back(std::move(mv));
        const std::int32_t limit = k + 1 < ms.size() ? std::min(ms[k + 1].day - 1, v.period_end) : v.period_end;
        // Who should follow: universal services by age, the GP, and every kind involved in the old area.
        std::vector<AgencyKind> expected;
        auto expect = [&](AgencyKind kind) {
            if (std::find(expected.begin(), expected.end(), kind) == expected.end()) expected.push_back(kind);
        };
        for (int child : m.children) {
            const std::int32_t age = age_in_years(*v.person(child).born, m.day);
            if (age < 5) expect(AgencyKind::HealthVisiting);
            if (age >= 5 && age <= 16) expect(AgencyKind::School);
        }
        expect(AgencyKind::Gp);
        std::set<AgencyKind> involved;
        for (int i : v.order)
            if (v.ev(i).day >= m.day - lookback && v.ev(i).day < m.day && v.professional(i) && v.area(i) == m.from)
                involved.insert(v.kind(i));
        for (AgencyKind kind : involved)
            if (follows(kind)) expect(kind == AgencyKind::FamilyNursePartnership ? AgencyKind::HealthVisiting : kind);

        for (AgencyKind kind : expected) {
            int own = -1, informed = -1, sent = -1, closed = -1, old_agency = -1;
            for (int i : v.order) {
                const Event& e = v.ev(i);
                if (!v.professional(i)) continue;
                const bool in_window = e.day >= m.day && e.day <= limit;
                if (in_window && own < 0 && counterpart(kind, v.kind(i)) && v.area(i) == m.to) own = i;
                const bool informs = std::any_of(e.to.begin(), e.to.end(), [&](int a) {
                    return counterpart(kind, v.agency(a).kind) && v.agency(a).area == m.to;
                });
                if (in_window && informed < 0 && informs) informed = i;
                if (counterpart(kind, v.kind(i)) && v.area(i) == m.from && e.day >= m.day - lookback && e.day <= limit) {
                    old_agency = e.agency;
                    const bool to_new = std::any_of(e.to.begin(), e.to.end(), [&](int a) { return v.agency(a).area == m.to; });
                    if (to_new && sent < 0) sent = i;
                    if (e.type == EntryType::CaseClosed && closed < 0) closed = i;
                }
            }
            int first = own >= 0 ? own : informed;
            if (own >= 0 && informed >= 0) {
                const auto rank = [&](int i) { return std::find(v.order.begin(), v.order.end(), i) - v.order.begin(); };
                first = rank(informed) < rank(own) ? informed : own;
            }
            std::int32_t threshold = v.days(RuleId::TransferOtherDays);
            bool working = false;
            if (kind == AgencyKind::HealthVisiting) threshold = v.days(RuleId::TransferHealthVisitingDays);
            if (kind == AgencyKind::Gp) threshold = v.days(RuleId::TransferGpDays);
            if (kind == AgencyKind::School) threshold = v.days(RuleId::TransferSchoolDays);
            if (kind == AgencyKind::ChildrensSocialCare) {
                threshold = v.days(RuleId::TransferSocialCareDays);
                working = true;
            }
            TransferStatus status = TransferStatus::Missed;
            std::optional<std::int64_t> days;
            if (first >= 0) {
                days = v.ev(first).day - m.day;
                const std::int32_t measured = working ? working_days_between(m.day, v.ev(first).day) : static_cast<std::int32_t>(*days);
                status = measured > threshold ? TransferStatus::Late : TransferStatus::Ok;
            }
            const OldSide old_side = sent >= 0 ? OldSide::TransferSent : closed >= 0 ? OldSide::ClosedWithoutHandover
                                                                     : old_agency >= 0 ? OldSide::NoHandoverRecorded : OldSide::NotInvolved;
            TransferFinding t;
            t.date = DayValue{m.day};
            t.from_area = v.s.areas[static_cast<std::size_t>(m.from)];
            t.to_area = v.s.areas[static_cast<std::size_t>(m.to)];
            t.agency_kind = kind;
            t.status = status;
            t.first_contact_days = days;
            t.old_side = old_side;
            Finding f = finding(std::move(t), std::string(to_string(kind)) + " after the move to " +
                                                  v.s.areas[static_cast<std::size_t>(m.to)] + " on " + format_day(m.day) + ": " +
                                                  std::string(to_string(status)) + (days ? " (" + std::to_string(*days) + " days)" : ""));
            f.concern = status != TransferStatus::Ok;
            f.from_day = m.day;
            f.to_day = first >= 0 ? v.ev(first).day : limit;
            f.entries = v.entries({first});
            out.push_back(std::move(f));
        }
    }
}

// [SECTION] Misrouted notifications


void misrouted(const View& v, std::vector<Finding>& out) {
    if (v.s.index_children.empty() || v.s.residences.empty()) return;
    const int child = v.s.index_children.front();
    auto home_on = [&](std::int32_t d) {
        int found = -1;
        std::int32_t best = 0;
        for (const Residence& r : v.s.residences) {
            if (std::find(r.people.begin(), r.people.end(), child) == r.people.end()) continue;
            const std::int32_t to = r.to ? *r.to : v.period_end + 1;
            if (d >= r.from && (d < to || (!r.to && d <= v.period_end)) && (found < 0 || r.from >= best)) {
                found = r.area;
                best = r.from;
            }
        }
        return found;
    };
    const std::int32_t lookahead = v.days(RuleId::MisroutedLookaheadDays);
    for (std::size_t n = 0; n < v.order.size(); ++n) {
        const int i = v.order[n];
        const Event& e = v.ev(i);
        if (!v.professional(i) || e.to.empty()) continue;
        const int home = home_on(e.day);
        if (home < 0) continue;
        for (int target : e.to) {
            const Agency& t = v.agency(target);
            if (t.area < 0 || t.area == home || !is_local_service(t.kind)) continue;
            int heard = -1;
            for (std::size_t k = n + 1; k < v.order.size() && heard < 0; ++k) {
                const int j = v.order[k];
                if (v.ev(j).day > e.day + lookahead) break;
                const bool resent = std::any_of(v.ev(j).to.begin(), v.ev(j).to.end(), [&](int a) {
                    return v.agency(a).kind == t.kind && v.agency(a).area == home;
                });
                const bool recorded = v.kind(j) == t.kind && v.area(j) == home &&
                                      (v.ev(j).type == EntryType::Notification || v.ev(j).type == EntryType::Referral);
                if (resent || recorded) heard = j;
            }
            MisroutedNotificationFinding m;
            m.date = DayValue{e.day};
            m.from_agency = v.agency(e.agency).name;
            m.to_agency = t.name;
            m.child_area = v.s.areas[static_cast<std::size_t>(home)];
            if (heard >= 0) m.days_until_right_area = v.ev(heard).day - e.day;
            Finding f = finding(std::move(m), "a notification of " + format_day(e.day) + " went to " + t.name +
                                                  " in the area the family had left");
            f.from_day = e.day;
            f.to_day = heard >= 0 ? v.ev(heard).day : e.day;
            f.entries = v.entries({i});
            out.push_back(std::move(f));
        }
    }
}

// [SECTION] Adults known only to police or housing

// Does text name the person (name or an alias of three letters or more, as a whole word)?
bool names_in_words(std::string_view text, const Person& p) {
    std::vector<std::string> names{p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    return names_in_text(text, names);
}

void invisible_adults(const View& v, std::vector<Finding>& out) {
    struct Trace {
        std::vector<int> elsewhere;        // police, housing, ... records naming them
        bool known_to_care = false;
    };
    std::map<std::string, std::pair<int, Trace>> traces;  // by person id, as the analyses order them
    for (int i : v.order) {
        if (!v.professional(i)) continue;
        const bool care = is_health_or_social_care(v.kind(i));
        for (int p : v.ev(i).subjects) {
            const Person& person = v.person(p);
            const bool child = std::find(v.s.index_children.begin(), v.s.index_children.end(), p) != v.s.index_children.end();
            if (child || (person.born && age_in_years(*person.born, v.ev(i).day) < 18)) continue;
            auto& [who, t] = traces[person.id];
            who = p;
            if (care) t.known_to_care = true;
            else if (t.elsewhere.empty() || t.elsewhere.back() != i) t.elsewhere.push_back(i);
        }
    }
    for (auto& [id, entry] : traces) {
        auto& [p, t] = entry;
        if (t.known_to_care) continue;
        for (int i : v.order)
            if (is_health_or_social_care(v.kind(i)) && names_in_words(v.ev(i).summary, v.person(p))) t.known_to_care = true;
        if (t.known_to_care || t.elsewhere.empty()) continue;
        std::vector<std::string> agencies;
        for (int i : t.elsewhere) {
            const std::string& name = v.agency(v.ev(i).agency).name;
            if (std::find(agencies.begin(), agencies.end(), name) == agencies.end()) agencies.push_back(name);
        }
        InvisibleAdultFinding d{.person = static_cast<PersonId>(p),
                                .name = v.person(p).name,
                                .count = static_cast<std::int64_t>(t.elsewhere.size()),
                                .agencies = agencies};
        Finding f = finding(std::move(d), v.person(p).name + " is known to " + agencies.front() +
                                              " but to no health or social care record");
        f.from_day = v.ev(t.elsewhere.front()).day;
        f.to_day = v.ev(t.elsewhere.back()).day;
        for (int i : t.elsewhere) f.entries.push_back(v.entry_of[static_cast<std::size_t>(i)]);
        out.push_back(std::move(f));
    }
}

// [SECTION] Incidents recorded by several agencies

void incidents(const View& v, std::vector<Finding>& out) {
    for (const std::vector<int>& members : v.s.incidents) {
        std::vector<int> sorted = members;
        std::sort(sorted.begin(), sorted.end(), [&](int a, int b) {
            return std::find(v.order.begin(), v.order.end(), a) < std::find(v.order.begin(), v.order.end(), b);
        });
        std::vector<std::string> agencies;
        for (int i : sorted) {
            const std::string& name = v.agency(v.ev(i).agency).name;
            if (std::find(agencies.begin(), agencies.end(), name) == agencies.end()) agencies.push_back(name);
        }
        CorroborationFinding d{.date = DayValue{v.ev(members.front()).day}, .agencies = agencies};
        Finding f = finding(std::move(d), "the incident of " + format_day(v.ev(sorted.front()).day) + " recorded by " +
                                              std::to_string(agencies.size()) + " agencies");
        f.concern = false;
        f.from_day = v.ev(sorted.front()).day;
        f.to_day = v.ev(sorted.back()).day;
        for (int i : sorted) f.entries.push_back(v.entry_of[static_cast<std::size_t>(i)]);
        out.push_back(std::move(f));
    }
}

}  // namespace

// [SECTION] derive_truth

std::vector<Finding> derive_truth(const Story& s, const std::vector<EntryIndex>& entry_of, const Rules& rules) {
    const View v(s, entry_of, rules);
    std::vector<Finding> out;
    unseen_periods(v, out);
    gaps(v, out);
    transfers(v, out);
    misrouted(v, out);
    invisible_adults(v, out);
    incidents(v, out);
    return out;
}

}  // namespace sightline::engine::synth

// [SECTION] What the truth states

namespace sightline::engine {

namespace {

// Whether `field` is the address of one of the listed members of p.
template <class P, class... M>
bool is_one_of(const P& p, const void* field, M P::*... members) {
    return ((field == &(p.*members)) || ...);
}

}  // namespace

bool truth_states(const Finding& truth, const void* field) {
    if (const auto* p = truth.as<UnseenPeriodFinding>())
        return is_one_of(*p, field, &UnseenPeriodFinding::child, &UnseenPeriodFinding::from, &UnseenPeriodFinding::to,
                         &UnseenPeriodFinding::days, &UnseenPeriodFinding::agency_kind, &UnseenPeriodFinding::threshold_days);
    if (const auto* p = truth.as<GapFinding>())
        return is_one_of(*p, field, &GapFinding::from, &GapFinding::to, &GapFinding::days, &GapFinding::agency);
    if (const auto* p = truth.as<MoveFinding>())
        return is_one_of(*p, field, &MoveFinding::date, &MoveFinding::from_area, &MoveFinding::to_area);
    if (const auto* p = truth.as<TransferFinding>())
        return is_one_of(*p, field, &TransferFinding::date, &TransferFinding::from_area, &TransferFinding::to_area,
                         &TransferFinding::agency_kind, &TransferFinding::status, &TransferFinding::first_contact_days,
                         &TransferFinding::old_side);
    if (const auto* p = truth.as<MisroutedNotificationFinding>())
        return is_one_of(*p, field, &MisroutedNotificationFinding::date, &MisroutedNotificationFinding::from_agency,
                         &MisroutedNotificationFinding::to_agency, &MisroutedNotificationFinding::child_area,
                         &MisroutedNotificationFinding::days_until_right_area);
    if (const auto* p = truth.as<CorroborationFinding>())
        return is_one_of(*p, field, &CorroborationFinding::date, &CorroborationFinding::agencies);
    return true;  // invisible adults: every field
}

}  // namespace sightline::engine
