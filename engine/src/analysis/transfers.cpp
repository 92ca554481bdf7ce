// Transfers: moves between areas, whether each agency kind that should follow the child did
// (and how fast), what the old area did, and notifications routed to an area the child had left.
//
// [SECTION] Moves
// [SECTION] Indexes
// [SECTION] Who should follow
// [SECTION] Transfers
// [SECTION] Misrouted notifications
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "context.hpp"
#include "sightline/engine/knowledge.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;
using detail::ChildInfo;

// [SECTION] Moves

struct Move {
    std::int32_t day = 0;
    AreaId from = k_none<AreaId>;
    AreaId to = k_none<AreaId>;
    std::vector<PersonId> children;        // index children who moved
    bool inferred = false;                 // from entry areas, not residences
    std::optional<EntryIndex> evidence;    // for an inferred move: the first record in the new area
};

// Moves of every index child from residences, merged when children move together.
std::vector<Move> moves_from_residences(const AnalysisContext& ctx) {
    std::vector<Move> moves;
    for (const ChildInfo& ch : ctx.children) {
        std::vector<const Residence*> rs;
        for (const Residence& r : ctx.c.residences)
            if (std::find(r.people.begin(), r.people.end(), ch.id) != r.people.end()) rs.push_back(&r);
        std::stable_sort(rs.begin(), rs.end(), [&](const Residence* a, const Residence* b) {
            const std::int32_t fa = a->from ? a->from->earliest_day() : ctx.period_start;
            const std::int32_t fb = b->from ? b->from->earliest_day() : ctx.period_start;
            return fa < fb;
        });
        for (std::size_t k = 1; k < rs.size(); ++k) {
            if (rs[k]->area == rs[k - 1]->area) continue;
            const std::int32_t day = rs[k]->from ? rs[k]->from->earliest_day() : ctx.period_start;
            auto same = std::find_if(moves.begin(), moves.end(), [&](const Move& m) {
                return m.day == day && m.from == rs[k - 1]->area && m.to == rs[k]->area;
            });
            if (same != moves.end()) same->children.push_back(ch.id);
            else moves.push_back({day, rs[k - 1]->area, rs[k]->area, {ch.id}, false, std::nullopt});
        }
    }
    std::sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.day < b.day; });
    return moves;
}


// With no residences: a move wherever local services' records change area and the new area
// holds for the next few records (a stray record elsewhere is not a move).
constexpr std::size_t k_inference_run = 2;     // records in the new area, in a row, to call it a move
constexpr std::size_t k_inference_limit = 24;  // more changes than this are noise, not moves

struct Inferred {
    std::vector<Move> moves;
    std::size_t changes = 0;                    // area changes seen, accepted or not
    bool noisy = false;                         // too many to be a family's moves
};

Inferred moves_from_entries(const AnalysisContext& ctx) {
    std::vector<EntryIndex> local;
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (ctx.contact(i) && ctx.precise(i) && is_local_service(ctx.kind(i)) && !is_none(ctx.entry(i).area)) local.push_back(i);
    }
    Inferred out;
    if (local.empty()) return out;
    AreaId current = ctx.entry(local.front()).area;
    for (std::size_t k = 1; k < local.size(); ++k) {
        const AreaId a = ctx.entry(local[k]).area;
        if (a == current) continue;
        ++out.changes;
        if (k + k_inference_run > local.size()) continue;  // too near the end to tell
        bool holds = true;
        for (std::size_t j = k; j < k + k_inference_run && holds; ++j) holds = ctx.entry(local[j]).area == a;
        if (!holds) continue;
        Move m;
        m.day = ctx.day(local[k]);
        m.from = current;
        m.to = a;
        m.inferred = true;
        m.evidence = local[k];
        for (const ChildInfo& ch : ctx.children) m.children.push_back(ch.id);
        out.moves.push_back(m);
        current = a;
    }
    if (out.moves.size() > k_inference_limit) {
        out.noisy = true;
        out.moves.clear();
    }
    return out;
}

// When records change area too often to be moves, say so rather than invent dozens of them.
Finding noisy_areas_finding(const AnalysisContext& ctx, std::size_t changes) {
    Finding f;
    f.concern = false;
    f.from_day = ctx.period_start;
    f.to_day = ctx.period_end;
    MoveFinding& d = f.data.emplace<MoveFinding>();
    d.inferred = true;
    d.area_changes = static_cast<std::int64_t>(changes);
    f.message = "No residences are recorded, and the areas of agency records change " + std::to_string(changes) +
                " times: too often to be moves of the family, so no moves are inferred and no transfers checked. "
                "Record the family's residences in case.yaml to check transfers.";
    return f;
}

Finding move_finding(const AnalysisContext& ctx, const Move& m) {
    Finding f;
    f.concern = false;
    f.from_day = m.day;
    f.to_day = m.day;
    if (m.evidence) f.entries.push_back(*m.evidence);
    std::vector<std::string> names;
    for (PersonId p : m.children) names.push_back(ctx.c.person(p).name);
    MoveFinding& d = f.data.emplace<MoveFinding>();
    d.date = DayValue{m.day};
    d.from_area = std::string(ctx.c.area_name(m.from));
    d.to_area = std::string(ctx.c.area_name(m.to));
    d.inferred = m.inferred;
    d.children = m.children;
    f.message = join_names(names) + " moved from " + std::string(ctx.c.area_name(m.from)) + " to " +
                std::string(ctx.c.area_name(m.to)) + " on " + format_day(m.day) + ".";
    if (m.inferred)
        f.message += " No residences are recorded: this move is inferred from the areas of agency records (the first " +
                     std::string(ctx.c.area_name(m.to)) + " record is " + ctx.describe(*m.evidence) + ").";
    return f;
}

// [SECTION] Indexes

// Lists of entries (in chronology order, so in day order) by area and agency kind, built once so
// that each move's questions are binary searches rather than passes over the whole chronology.
class TransferIndex {
public:
    explicit TransferIndex(const AnalysisContext& ctx) : m_ctx(ctx) {
        const Case& c = ctx.c;
        for (std::uint32_t n = 0; n < ctx.size(); ++n) {
            const auto i = static_cast<EntryIndex>(n);
            const Entry& e = ctx.entry(i);
            const bool professional = ctx.professional(i);
            if (professional && !is_none(e.area)) {
                m_records[key(e.area, ctx.kind(i))].push_back(n);
                if (e.type == EntryType::CaseClosed) m_closures[key(e.area, ctx.kind(i))].push_back(n);
            }
            if (professional && is_none(e.area)) m_unplaced[key(k_none<AreaId>, ctx.kind(i))].push_back(n);
            if (!is_none(e.area) && (e.type == EntryType::Notification || e.type == EntryType::Referral))
                m_notices[key(e.area, c.agency_kind(e.agency))].push_back(n);
            for (AgencyId to : c.chronology.to_of(e)) {
                const Agency& a = c.agency(to);
                if (is_none(a.area)) continue;
                add_once(m_informing[key(a.area, a.kind)], n);
                if (professional && !is_none(e.area)) add_once(m_sending[key(e.area, ctx.kind(i), a.area)], n);
            }
        }
    }

    // The first of an area's professional records by a kind, on days from..to (k_no_index if none).
    [[nodiscard]] std::uint32_t first_record(AreaId area, AgencyKind kind, std::int32_t from, std::int32_t to) const {
        return first_in(m_records, key(area, kind), from, to, false);
    }
    // The last of them (k_no_index if none).
    [[nodiscard]] std::uint32_t last_record(AreaId area, AgencyKind kind, std::int32_t from, std::int32_t to) const {
        const auto it = m_records.find(key(area, kind));
        if (it == m_records.end()) return k_no_index;
        const auto& list = it->second;
        const auto end = std::upper_bound(list.begin(), list.end(), to, [&](std::int32_t d, std::uint32_t n) { return d < day(n); });
        if (end == list.begin() || day(*(end - 1)) < from) return k_no_index;
        return *(end - 1);
    }
    // The first professional record, on days from..to, whose to: names an agency of a kind in an area.
    [[nodiscard]] std::uint32_t first_informing(AreaId area, AgencyKind kind, std::int32_t from, std::int32_t to) const {
        return first_in(m_informing, key(area, kind), from, to, true);
    }
    // The first record after entry `after` (professional or not) whose to: names an agency of a kind in an area.
    [[nodiscard]] std::uint32_t first_informing_after(AreaId area, AgencyKind kind, std::uint32_t after) const {
        return first_after_entry(m_informing, key(area, kind), after);
    }
    // The first notification or referral after entry `after` recorded by an agency of a kind with the area.
    [[nodiscard]] std::uint32_t first_notice_after(AreaId area, AgencyKind kind, std::uint32_t after) const {
        return first_after_entry(m_notices, key(area, kind), after);
    }
    // The first professional record on days from..to by a kind in an area whose to: names an agency in another area.
    [[nodiscard]] std::uint32_t first_sending(AreaId area, AgencyKind kind, AreaId to_area, std::int32_t from,
                                              std::int32_t to) const {
        return first_in(m_sending, key(area, kind, to_area), from, to, false);
    }
    // The first professional record on days from..to by a kind whose area nobody gave (its agency's
    // area unknown): such a record may be the one that followed, and the records cannot say.
    [[nodiscard]] std::uint32_t first_unplaced(AgencyKind kind, std::int32_t from, std::int32_t to) const {
        return first_in(m_unplaced, key(k_none<AreaId>, kind), from, to, false);
    }
    // The first case_closed on days from..to by a kind in an area.
    [[nodiscard]] std::uint32_t first_closure(AreaId area, AgencyKind kind, std::int32_t from, std::int32_t to) const {
        return first_in(m_closures, key(area, kind), from, to, false);
    }

private:
    using Lists = std::unordered_map<std::uint64_t, std::vector<std::uint32_t>>;

    static std::uint64_t key(AreaId area, AgencyKind kind, AreaId other = k_none<AreaId>) {
        return (std::uint64_t{index_of(area)} << 40) ^ (std::uint64_t{static_cast<std::uint8_t>(kind)} << 32) ^ index_of(other);
    }
    static void add_once(std::vector<std::uint32_t>& list, std::uint32_t n) {
        if (list.empty() || list.back() != n) list.push_back(n);
    }
    [[nodiscard]] std::int32_t day(std::uint32_t n) const { return m_ctx.day(static_cast<EntryIndex>(n)); }

    std::uint32_t first_in(const Lists& lists, std::uint64_t k, std::int32_t from, std::int32_t to, bool professional) const {
        const auto it = lists.find(k);
        if (it == lists.end()) return k_no_index;
        const auto& list = it->second;
        for (auto at = std::lower_bound(list.begin(), list.end(), from, [&](std::uint32_t n, std::int32_t d) { return day(n) < d; });
             at != list.end() && day(*at) <= to; ++at)
            if (!professional || m_ctx.professional(static_cast<EntryIndex>(*at))) return *at;
        return k_no_index;
    }
    static std::uint32_t first_after_entry(const Lists& lists, std::uint64_t k, std::uint32_t after) {
        const auto it = lists.find(k);
        if (it == lists.end()) return k_no_index;
        const auto at = std::upper_bound(it->second.begin(), it->second.end(), after);
        return at == it->second.end() ? k_no_index : *at;
    }

    const AnalysisContext& m_ctx;
    Lists m_records;                       // professional records by (area, kind)
    Lists m_closures;                      // their case_closed records
    Lists m_unplaced;                      // professional records with no area, by kind
    Lists m_informing;                     // records whose to: names an agency of (area, kind)
    Lists m_notices;                       // notifications and referrals by (area, kind of the recording agency)
    Lists m_sending;                       // professional records by (area, kind) whose to: names an agency in another area
};

// The kinds that stand for an expected kind (health visiting: health visiting or FNP).
std::vector<AgencyKind> counterparts(AgencyKind expected) {
    if (expected == AgencyKind::HealthVisiting) return {AgencyKind::HealthVisiting, AgencyKind::FamilyNursePartnership};
    return {expected};
}

// [SECTION] Who should follow

// Kinds that should follow a family to a new area when they were involved at the move.
bool follows_family(AgencyKind k) {
    switch (k) {
        case AgencyKind::Police:        // forces are not organised by local authority
        case AgencyKind::Hospital:      // hospitals serve several areas
        case AgencyKind::Ambulance:
        case AgencyKind::Housing:       // housing moves with the tenancy, not the child
        case AgencyKind::DomesticAbuseService:  // a refuge or local service is left behind with the area
        case AgencyKind::Family:
        case AgencyKind::Other:
        case AgencyKind::Unknown:
            return false;
        default:
            return true;
    }
}

struct Expectation {
    AgencyKind kind;
    std::string reason;                    // "universal: Riley is under 5", "involved at the move"
};

std::vector<Expectation> expected_kinds(const AnalysisContext& ctx, const TransferIndex& index, const Move& m) {
    std::vector<Expectation> out;
    auto add = [&](AgencyKind k, std::string reason) {
        if (std::none_of(out.begin(), out.end(), [&](const Expectation& e) { return e.kind == k; })) out.push_back({k, std::move(reason)});
    };
    for (PersonId p : m.children) {
        const auto it = std::find_if(ctx.children.begin(), ctx.children.end(), [&](const ChildInfo& c) { return c.id == p; });
        if (it == ctx.children.end() || !it->born_day) continue;
        const std::int32_t age = ctx.age_at(*it, m.day);
        const std::string name = ctx.c.person(p).name;
        if (age < 5) add(AgencyKind::HealthVisiting, "universal: " + name + " was under 5");
        if (age >= 5 && age <= 16) add(AgencyKind::School, "universal: " + name + " was of school age");
    }
    add(AgencyKind::Gp, "universal: every child has a GP");
    // Every other kind with a record in the old area within the lookback before the move.
    const std::int32_t lookback = ctx.rule(RuleId::InvolvementLookbackDays);
    std::vector<AgencyKind> involved;  // in the vocabulary's order
    for (std::size_t k = 0; k < k_agency_kind_count; ++k)
        if (index.first_record(m.from, static_cast<AgencyKind>(k), m.day - lookback, m.day - 1) != k_no_index)
            involved.push_back(static_cast<AgencyKind>(k));
    for (AgencyKind k : involved) {
        if (!follows_family(k)) continue;
        if (k == AgencyKind::FamilyNursePartnership) k = AgencyKind::HealthVisiting;  // counterparts either way
        add(k, "involved at the move");
    }
    return out;
}

struct Threshold {
    std::int32_t value;
    bool working_days;
};

Threshold threshold_for(const AnalysisContext& ctx, AgencyKind k) {
    switch (k) {
        case AgencyKind::HealthVisiting: return {ctx.rule(RuleId::TransferHealthVisitingDays), false};
        case AgencyKind::Gp: return {ctx.rule(RuleId::TransferGpDays), false};
        case AgencyKind::School: return {ctx.rule(RuleId::TransferSchoolDays), false};
        case AgencyKind::ChildrensSocialCare: return {ctx.rule(RuleId::TransferSocialCareDays), true};
        default: return {ctx.rule(RuleId::TransferOtherDays), false};
    }
}

// [SECTION] Transfers

Finding transfer_finding(const AnalysisContext& ctx, const TransferIndex& index, const Move& m, std::int32_t limit,
                         const Expectation& x) {
    const Case& c = ctx.c;
    const std::int32_t lookback = ctx.rule(RuleId::InvolvementLookbackDays);
    // The new side: the kind's own first record in the new area, or the first record informing one
    // there. The old side: the kind's records in the old area around the move (the last one's
    // agency, the first that informed the new area, the first closure).
    std::uint32_t first_own = k_no_index, first_informed = k_no_index, first_sent = k_no_index, first_closed = k_no_index,
                  last_old = k_no_index, first_unplaced = k_no_index;
    // A handover sent ahead of the move counts (procedures ask for notice of a planned move).
    const std::int32_t notice = ctx.rule(RuleId::TransferNoticeDays);
    for (AgencyKind k : counterparts(x.kind)) {
        first_unplaced = std::min(first_unplaced, index.first_unplaced(k, m.day, limit));
        first_own = std::min(first_own, index.first_record(m.to, k, m.day, limit));
        first_informed = std::min(first_informed, index.first_informing(m.to, k, m.day - notice, limit));
        first_sent = std::min(first_sent, index.first_sending(m.from, k, m.to, m.day - lookback, limit));
        first_closed = std::min(first_closed, index.first_closure(m.from, k, m.day - lookback, limit));
        const std::uint32_t last = index.last_record(m.from, k, m.day - lookback, limit);
        if (last != k_no_index && (last_old == k_no_index || last > last_old)) last_old = last;
    }
    const auto entry_or_none = [](std::uint32_t n) {
        return n == k_no_index ? std::optional<EntryIndex>() : std::optional<EntryIndex>(static_cast<EntryIndex>(n));
    };
    const std::optional<EntryIndex> own = entry_or_none(first_own), informed = entry_or_none(first_informed),
                                    sent = entry_or_none(first_sent), closed = entry_or_none(first_closed),
                                    first = entry_or_none(std::min(first_own, first_informed));
    const AgencyId old_agency = last_old == k_no_index ? k_none<AgencyId> : ctx.entry(static_cast<EntryIndex>(last_old)).agency;

    const Threshold th = threshold_for(ctx, x.kind);
    Finding f;
    f.from_day = m.day;
    f.to_day = first ? ctx.day(*first) : limit;
    TransferStatus status = TransferStatus::Missed;
    std::optional<std::int32_t> days, working;
    if (first) {
        days = std::max(0, ctx.day(*first) - m.day);  // told before the move: at once
        working = working_days_between(m.day, std::max(m.day, ctx.day(*first)));
        status = (th.working_days ? *working : *days) > th.value ? TransferStatus::Late : TransferStatus::Ok;
        f.entries.push_back(*first);
    }
    // No record of the kind in the new area, but records of the kind whose area nobody gave: the
    // records cannot say whether it followed (docs/analyses.md, "Principles").
    const std::optional<EntryIndex> unplaced = first ? std::nullopt : entry_or_none(first_unplaced);
    if (unplaced) status = TransferStatus::Unknown;
    f.concern = status != TransferStatus::Ok && status != TransferStatus::Unknown;
    OldSide old_side = OldSide::NotInvolved;
    if (sent) old_side = OldSide::TransferSent;
    else if (closed) old_side = OldSide::ClosedWithoutHandover;
    else if (!is_none(old_agency)) old_side = OldSide::NoHandoverRecorded;

    TransferFinding& d = f.data.emplace<TransferFinding>();
    d.date = DayValue{m.day};
    d.from_area = std::string(c.area_name(m.from));
    d.to_area = std::string(c.area_name(m.to));
    d.agency_kind = x.kind;
    d.status = status;
    d.first_contact_days = days;
    d.first_contact_working_days = working;
    d.first_contact = first;
    if (informed) d.informed_days = std::max(0, ctx.day(*informed) - m.day);
    if (own) d.own_contact_days = ctx.day(*own) - m.day;
    d.threshold = th.value;
    d.threshold_unit = th.working_days ? ThresholdUnit::WorkingDays : ThresholdUnit::Days;
    d.expected_because = x.reason;
    d.old_side = old_side;
    if (!is_none(old_agency)) d.old_agency = std::string(c.agency_name(old_agency));
    d.old_side_entry = sent ? sent : closed;

    std::string kind = detail::kind_phrase(x.kind);
    kind[0] = static_cast<char>(kind[0] >= 'a' && kind[0] <= 'z' ? kind[0] - 'a' + 'A' : kind[0]);
    const std::string to_area(c.area_name(m.to));
    const std::string unit = th.working_days ? "working days" : "days";
    const std::string threshold_text = "threshold " + std::to_string(th.value) + " " + unit;
    std::string msg;
    if (unplaced) {
        msg = "Cannot tell whether " + detail::kind_phrase(x.kind) + " followed the move to " + to_area + " on " +
              format_day(m.day) + ": no " + detail::kind_phrase(x.kind) + " record says it is in " + to_area +
              ", and " + ctx.describe(*unplaced) + " (after the move) has no area. Give " +
              std::string(c.agency_name(ctx.entry(*unplaced).agency)) + " its area in case.yaml's agencies: to check.";
    } else if (!first) {
        msg = kind + " never followed the move to " + to_area + " on " + format_day(m.day) + ": no " +
              detail::kind_phrase(x.kind) + " record in " + to_area + ", and no record informing one, in the " +
              detail::plural(limit - m.day, "day", "days") + " to " + (limit == ctx.period_end ? (c.info.scope_to ? "the end of scope" : "the last record") : "the next move") + ".";
    } else {
        const std::string amount = th.working_days ? std::to_string(*days) + " days (" + std::to_string(*working) + " working days)"
                                                   : detail::plural(*days, "day", "days");
        msg = kind + (status == TransferStatus::Ok ? " followed the move to " : " was late to follow the move to ") + to_area + " on " +
              format_day(m.day) + ": first contact after " + amount + " (" + threshold_text + "), " + ctx.describe(*first) + ".";
        if (informed && own && *first == *informed && *informed != *own)
            msg += " Its own first record there came after " + detail::plural(ctx.day(*own) - m.day, "day", "days") + ".";
        if (ctx.day(*first) < m.day)
            msg += " The new area was told " + detail::plural(m.day - ctx.day(*first), "day", "days") + " before the move.";
    }
    if (old_side == OldSide::ClosedWithoutHandover)
        msg += " " + std::string(c.agency_name(old_agency)) + " closed its case on " + format_date(ctx.entry(*closed).date) +
               " without handing over to " + to_area + ".";
    else if (old_side == OldSide::NoHandoverRecorded && status != TransferStatus::Ok)
        msg += " " + std::string(c.agency_name(old_agency)) + " recorded no handover.";
    else if (old_side == OldSide::TransferSent && (!first || *sent != *first))
        msg += " " + std::string(c.agency_name(old_agency)) + " recorded a handover on " + format_date(ctx.entry(*sent).date) + ".";
    f.message = std::move(msg);
    return f;
}

// [SECTION] Misrouted notifications

// Is there a unit of this kind in the area (an agency the case knows there, registered or named)?
bool area_has_unit(const Case& c, AreaId area, AgencyKind kind) {
    return std::any_of(c.agencies.begin(), c.agencies.end(), [&](const Agency& a) { return a.area == area && a.kind == kind; });
}

// Information about a risk to the child sent to a unit in an area where the child did not live at
// the time, when the child's own area had a unit of that kind to receive it (docs/analyses.md,
// "Principles": only what passes on a risk counts, and a unit's area is where it is, whatever its
// kind: a borough's police public protection desk is in that borough). With the delay until a
// unit of that kind in the child's area heard of it, or that none did.
void misrouted(const AnalysisContext& ctx, const TransferIndex& index, std::vector<Finding>& out) {
    const Case& c = ctx.c;
    const Chronology& chron = c.chronology;
    if (ctx.children.empty() || c.residences.empty()) return;
    const std::int32_t lookahead = ctx.rule(RuleId::MisroutedLookaheadDays);
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        const Entry& e = ctx.entry(i);
        if (!ctx.professional(i) || e.to.count == 0 || !passes_risk_information(c, e)) continue;
        const std::int32_t d = ctx.day(i);
        const AreaId home = ctx.child_area_at(ctx.children.front().id, d);
        if (is_none(home)) continue;
        // A date that could fall either side of a move (a record dated only to its month) cannot say
        // where the family lived when it was sent.
        if (ctx.child_area_at(ctx.children.front().id, e.date.latest_day()) != home) continue;
        const std::int32_t notice = ctx.rule(RuleId::TransferNoticeDays);
        const AreaId next_home = ctx.child_area_at(ctx.children.front().id, d + notice);
        const auto recipients = chron.to_of(e);
        for (AgencyId to : recipients) {
            const Agency& target = c.agency(to);
            // A unit whose area is unknown, or a kind with no place (family, other), cannot be wrong.
            // Told ahead of a move to its area: a handover, not a misrouting.
            if (target.area == next_home) continue;
            if (is_none(target.area) || target.area == home || target.kind == AgencyKind::Unknown ||
                target.kind == AgencyKind::Family || target.kind == AgencyKind::Other)
                continue;
            // Sent to the child's own area's unit as well: a copy to the old one is not misrouted.
            if (std::any_of(recipients.begin(), recipients.end(), [&](AgencyId r) {
                    return c.agency(r).area == home && c.agency(r).kind == target.kind;
                }))
                continue;
            // Without a unit of that kind in the child's area, the records cannot say where it should have gone.
            if (!area_has_unit(c, home, target.kind)) continue;
            // When did a unit of that kind in the child's area hear? A later record sending it there
            // (forwarded), or one of theirs recording a notification or referral, within the lookahead.
            const std::uint32_t next = std::min(index.first_informing_after(home, target.kind, n),
                                                index.first_notice_after(home, target.kind, n));
            std::optional<EntryIndex> heard;
            if (next != k_no_index && ctx.day(static_cast<EntryIndex>(next)) <= d + lookahead) heard = static_cast<EntryIndex>(next);
            Finding f;
            f.from_day = d;
            f.to_day = heard ? ctx.day(*heard) : d;
            f.entries.push_back(i);
            MisroutedNotificationFinding& m = f.data.emplace<MisroutedNotificationFinding>();
            m.date = DayValue{d};
            m.from_agency = std::string(c.agency_name(e.agency));
            m.to_agency = target.name;
            m.to_agency_area = std::string(c.area_name(target.area));
            m.child_area = std::string(c.area_name(home));
            if (heard) m.days_until_right_area = ctx.day(*heard) - d;
            m.right_area_entry = heard;
            f.message = ctx.describe(i) + " went to " + target.name + " in " + std::string(c.area_name(target.area)) +
                        ", but the family was living in " + std::string(c.area_name(home)) + ". ";
            if (heard)
                f.message += std::string(c.area_name(home)) + " heard " + detail::plural(ctx.day(*heard) - d, "day", "days") +
                             " later (" + ctx.describe(*heard) + ").";
            else
                f.message += "No " + detail::kind_phrase(target.kind) + " in " + std::string(c.area_name(home)) + " is recorded as hearing of it.";
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

std::int32_t working_days_between(std::int32_t from, std::int32_t to) {
    std::int32_t n = 0;
    for (std::int32_t d = from + 1; d <= to; ++d) {
        const std::int32_t weekday = ((d % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
        if (weekday != 0 && weekday != 6) ++n;
    }
    return n;
}

std::vector<Finding> analyse_transfers(const Case& c, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    if (ctx.children.empty()) return out;  // transfers are about index children following them
    const TransferIndex index(ctx);
    std::vector<Move> moves = moves_from_residences(ctx);
    if (moves.empty() && c.residences.empty()) {
        const Inferred inferred = moves_from_entries(ctx);
        if (inferred.noisy) out.push_back(noisy_areas_finding(ctx, inferred.changes));
        moves = inferred.moves;
    }
    for (std::size_t k = 0; k < moves.size(); ++k) {
        const Move& m = moves[k];
        // Only moves inside the analysed period are checked (a residence history may start long before).
        if (m.day > ctx.period_end || m.day < ctx.period_start) continue;
        out.push_back(move_finding(ctx, m));
        // The window ends at the next move of one of the same children (another child's move,
        // or a different family member's, does not cut it short).
        std::int32_t limit = ctx.period_end;
        for (std::size_t j = k + 1; j < moves.size(); ++j) {
            const bool shared = std::any_of(moves[j].children.begin(), moves[j].children.end(), [&](PersonId p) {
                return std::find(m.children.begin(), m.children.end(), p) != m.children.end();
            });
            if (shared && moves[j].day > m.day) {
                limit = std::min(limit, moves[j].day - 1);
                break;
            }
        }
        for (const Expectation& x : expected_kinds(ctx, index, m)) out.push_back(transfer_finding(ctx, index, m, limit, x));
    }
    misrouted(ctx, index, out);
    return out;
}

}  // namespace sightline::engine
