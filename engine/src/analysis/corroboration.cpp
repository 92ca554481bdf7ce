// Corroboration clusters: scoring pairs of accounts, joining them, applying reviewer decisions.
//
// [SECTION] Words and dates in summaries
// [SECTION] Pair scores
// [SECTION] Clusters
#include "sightline/engine/corroboration.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "sightline/engine/merge.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

// [SECTION] Words and dates in summaries

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
// Words too common in any chronology to say two accounts are of the same thing.
bool stopword(std::string_view w) {
    static constexpr std::array<std::string_view, 40> k_words = {
        "the", "and", "with", "for", "was", "were", "has", "had", "not", "but", "from", "that", "this", "she", "her",
        "his", "him", "they", "them", "are", "re", "to", "of", "on", "in", "at", "by", "be", "is", "it", "as", "an",
        "no", "or", "who", "said", "says", "did", "been", "will"};
    return w.size() < 3 || std::find(k_words.begin(), k_words.end(), w) != k_words.end();
}

// Lowercase words of a summary, without stopwords, numbers, references or dates.
std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (!is_alnum(text[i])) {
            ++i;
            continue;
        }
        std::string w;
        bool digit = false;
        while (i < text.size() && (is_alnum(text[i]) || (text[i] == '/' && i + 1 < text.size() && is_alnum(text[i + 1])))) {
            digit = digit || (text[i] >= '0' && text[i] <= '9');
            w.push_back(ascii_lower(text[i]));
            ++i;
        }
        // Numbers and dates are compared as references and date mentions, not as words.
        if (!digit && !stopword(w)) out.push_back(std::move(w));
    }
    return out;
}

// A month's full name, its three-letter abbreviation, or "Sept"; 0 for any other word.
unsigned month_word(std::string_view w) {
    static constexpr std::array<std::string_view, 12> k_months = {"january", "february", "march",     "april",   "may",      "june",
                                                                   "july",    "august",   "september", "october", "november", "december"};
    std::string l;
    for (char c : w) l.push_back(ascii_lower(c));
    for (unsigned m = 0; m < 12; ++m)
        if (l == k_months[m] || (l.size() == 3 && k_months[m].substr(0, 3) == l)) return m + 1;
    return l == "sept" ? 9 : 0;
}

// The day of (day, month) in the year that puts it nearest to `near`; nullopt if it does not exist.
std::optional<std::int32_t> nearest(unsigned day, unsigned month, std::optional<std::int32_t> year, std::int32_t near) {
    const std::int32_t near_year = static_cast<std::int32_t>(std::stoi(format_day(near).substr(0, 4)));
    std::optional<std::int32_t> best;
    // A written year is taken as it is; otherwise the year that puts the day nearest.
    const std::vector<std::int32_t> years = year ? std::vector<std::int32_t>{*year} : std::vector<std::int32_t>{near_year - 1, near_year, near_year + 1};
    for (std::int32_t y : years) {
        const DateParseResult r = parse_date(std::to_string(y) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
                                             (day < 10 ? "0" : "") + std::to_string(day));
        if (!r.date) continue;
        const std::int32_t d = r.date->earliest_day();
        if (!best || std::abs(d - near) < std::abs(*best - near)) best = d;
    }
    return best;
}

// [SECTION] Pair scores

// Types that are things happening, which other agencies then record.
constexpr std::array<EntryType, 10> k_event_types = {
    EntryType::PoliceIncident, EntryType::Arrest, EntryType::Injury, EntryType::HospitalAttendance,
    EntryType::Admission, EntryType::MissingEpisode, EntryType::Death, EntryType::Birth, EntryType::Exclusion,
    EntryType::Move};

bool precise(const Entry& e, std::int32_t uncertain_days) {
    return e.date.earliest != k_unbounded_low && e.date.latest != k_unbounded_high &&
           e.date.latest_day() - e.date.earliest_day() < uncertain_days;
}

// Records that can be the receipt of information sent by another agency (a letter filed, a
// notification logged, a referral or strategy discussion that follows). Consultations, visits
// and appointments record the agency's own contact, not a receipt.
bool can_receive(EntryType t) {
    switch (t) {
        case EntryType::Notification:
        case EntryType::Letter:
        case EntryType::Referral:
        case EntryType::InformationRequest:
        case EntryType::CaseOpened:
        case EntryType::CaseTransfer:
        case EntryType::StrategyDiscussion:
        case EntryType::Assessment:
        case EntryType::Contact:
        case EntryType::PhoneCall:
        case EntryType::Meeting:
        case EntryType::Other:
        case EntryType::Free:
            return true;
        default:
            return false;
    }
}

}  // namespace

bool is_event_type(EntryType t) { return std::find(k_event_types.begin(), k_event_types.end(), t) != k_event_types.end(); }

std::vector<std::int32_t> dates_mentioned(std::string_view text, std::int32_t near_day) {
    std::vector<std::int32_t> out;
    auto number_at = [&](std::size_t& i, std::size_t max_digits, std::size_t& digits) {
        unsigned v = 0;
        digits = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < max_digits + 1) {
            v = v * 10 + static_cast<unsigned>(text[i] - '0');
            ++i;
            ++digits;
        }
        return v;
    };
    for (std::size_t i = 0; i < text.size();) {
        const bool starts = (text[i] >= '0' && text[i] <= '9') && (i == 0 || !is_alnum(text[i - 1])) &&
                            (i == 0 || text[i - 1] != '/');
        if (!starts) {
            ++i;
            continue;
        }
        std::size_t j = i, digits = 0;
        const unsigned day = number_at(j, 2, digits);
        if (digits > 2 || day == 0 || day > 31) {
            while (j < text.size() && is_alnum(text[j])) ++j;
            i = j;
            continue;
        }
        std::optional<std::int32_t> found;
        if (j < text.size() && (text[j] == '/' || text[j] == '.')) {
            const char sep = text[j];
            std::size_t k = j + 1, mdigits = 0;
            const unsigned month = number_at(k, 2, mdigits);
            if (mdigits >= 1 && mdigits <= 2 && month >= 1 && month <= 12 && !(k < text.size() && is_alnum(text[k]))) {
                std::optional<std::int32_t> year;
                std::size_t end = k;
                if (k < text.size() && text[k] == sep) {
                    std::size_t y = k + 1, ydigits = 0;
                    const unsigned yv = number_at(y, 4, ydigits);
                    if ((ydigits == 2 || ydigits == 4) && !(y < text.size() && is_alnum(text[y]))) {
                        // Two-digit years as dates are read everywhere: 00-49 is 2000-2049, 50-99 1950-1999.
                        year = static_cast<std::int32_t>(ydigits == 2 ? (yv < 50 ? 2000 + yv : 1900 + yv) : yv);
                        end = y;
                    }
                }
                if (!(end < text.size() && text[end] == '/')) found = nearest(day, month, year, near_day);
                j = end;
            }
        } else {
            // "20 June", "20th June"
            std::size_t k = j;
            for (std::string_view suffix : {"st", "nd", "rd", "th"})  // "3rd June"
                if (text.substr(k, 2) == suffix) k += 2;
            while (k < text.size() && text[k] == ' ') ++k;
            std::size_t w = k;
            while (w < text.size() && is_alnum(text[w])) ++w;
            if (const unsigned month = month_word(text.substr(k, w - k)); month != 0 && w - k >= 3) {
                found = nearest(day, month, std::nullopt, near_day);
                j = w;
            }
        }
        if (found) out.push_back(*found);
        i = std::max(j, i + 1);
    }
    return out;
}

ClusterScorer::ClusterScorer(const Case& c) : m_case(c) {
    const auto& entries = c.chronology.entries;
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::uint32_t> df;
    m_tokens.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        std::set<std::uint32_t> unique;
        for (std::string& w : tokenize(entries[i].summary)) {
            const auto [it, inserted] = ids.emplace(std::move(w), static_cast<std::uint32_t>(df.size()));
            if (inserted) df.push_back(0);
            unique.insert(it->second);
        }
        for (std::uint32_t t : unique) ++df[t];
        m_tokens[i].assign(unique.begin(), unique.end());
    }
    // Receipts: for each record with to:, the first later non-routine record of each recipient.
    m_received.resize(entries.size());
    const std::int32_t window = c.rules.days(RuleId::CorroborationWindowDays);
    std::vector<std::int32_t> day_of(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) day_of[i] = entries[i].date.earliest_day();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].to.count == 0) continue;
        const std::int32_t day = day_of[i];
        const auto first = static_cast<std::size_t>(std::lower_bound(day_of.begin(), day_of.end(), day) - day_of.begin());
        for (AgencyId to : c.chronology.to_of(entries[i])) {
            if (to == entries[i].agency) continue;
            for (std::size_t j = first; j < entries.size() && day_of[j] <= day + window; ++j) {
                if (j == i || entries[j].agency != to || !can_receive(entries[j].type)) continue;
                m_received[j].push_back(static_cast<std::uint32_t>(i));
                break;
            }
        }
    }
    // The days each summary names, found once (the scan is the costly part of a pair's score).
    m_mentions.resize(entries.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].summary.find_first_of("0123456789") == std::string_view::npos) continue;
        m_mentions[i] = dates_mentioned(entries[i].summary, entries[i].date.earliest_day());
    }
    m_idf.resize(df.size());
    const double n = static_cast<double>(std::max<std::size_t>(entries.size(), 1));
    for (std::size_t t = 0; t < df.size(); ++t) m_idf[t] = std::log(1.0 + n / static_cast<double>(df[t]));
}

bool ClusterScorer::receives(EntryIndex a, EntryIndex b) const {
    const auto& list = m_received[index_of(b)];
    return std::find(list.begin(), list.end(), index_of(a)) != list.end();
}

PairScore ClusterScorer::score(EntryIndex ia, EntryIndex ib) const {
    const Chronology& ch = m_case.chronology;
    const Entry& a = ch.entries[index_of(ia)];
    const Entry& b = ch.entries[index_of(ib)];
    PairScore s;
    const std::int32_t window = m_case.rules.days(RuleId::CorroborationWindowDays);
    const std::int32_t apart = std::abs(b.date.earliest_day() - a.date.earliest_day());
    if (apart > window) return s;

    if (receives(ia, ib) || receives(ib, ia)) s.link = 35;
    if ((a.ref.size() >= 3 && contains_ci(b.summary, a.ref)) || (b.ref.size() >= 3 && contains_ci(a.summary, b.ref))) s.reference = 50;
    const auto mentions = [&](EntryIndex text, const Entry& text_entry, const Entry& other) {
        const auto& days = m_mentions[index_of(text)];
        return std::find(days.begin(), days.end(), other.date.earliest_day()) != days.end() &&
               other.date.earliest_day() != text_entry.date.earliest_day();
    };
    const bool mentioned = mentions(ia, a, b) || mentions(ib, b, a);
    s.candidate = is_event_type(a.type) || is_event_type(b.type) || s.link > 0 || s.reference > 0;
    if (!s.candidate) return s;

    // Words in common, each weighted by how rare it is in this chronology: half the share of all
    // words (Jaccard), half the share of the shorter account's words (a terse notification of a
    // long incident log still matches it).
    const auto& ta = m_tokens[index_of(ia)];
    const auto& tb = m_tokens[index_of(ib)];
    double shared = 0, only_a = 0, only_b = 0;
    std::size_t x = 0, y = 0;
    while (x < ta.size() || y < tb.size()) {
        if (y == tb.size() || (x < ta.size() && ta[x] < tb[y])) only_a += m_idf[ta[x++]];
        else if (x == ta.size() || tb[y] < ta[x]) only_b += m_idf[tb[y++]];
        else {
            shared += m_idf[ta[x]];
            ++x;
            ++y;
        }
    }
    const double all = shared + only_a + only_b;
    const double shorter = shared + std::min(only_a, only_b);
    s.text = all > 0 && shorter > 0 ? static_cast<std::int32_t>(std::lround(30.0 * shared / all + 30.0 * shared / shorter)) : 0;
    // Naming the other's exact date is strong evidence when the accounts also share words.
    if (mentioned) s.date_mention = s.text >= 5 ? 35 : 15;

    // People in common besides the index children (most records name them).
    for (const SubjectRef& p : ch.subjects_of(a)) {
        if (is_none(p.person) || m_case.index_child_position(p.person) >= 0) continue;
        if (ch.names_person(b, p.person)) {
            s.people = 10;
            break;
        }
    }
    s.nearness = static_cast<std::int32_t>(std::lround(15.0 * (1.0 - static_cast<double>(apart) / (window + 1))));
    s.total = s.text + s.link + s.reference + s.date_mention + s.people + s.nearness;
    return s;
}

// [SECTION] Clusters

std::vector<Cluster> find_clusters(const Case& c) {
    const auto& entries = c.chronology.entries;
    const std::int32_t window = c.rules.days(RuleId::CorroborationWindowDays);
    const std::int32_t uncertain = c.rules.days(RuleId::UncertainDateDays);
    const auto min_score = static_cast<std::int32_t>(c.rules.get(RuleId::CorroborationMinScore));
    const ClusterScorer scorer(c);

    // Reviewer decisions, by entry index.
    std::set<std::pair<std::uint32_t, std::uint32_t>> forbidden;
    std::vector<std::vector<std::uint32_t>> confirmed;
    const std::optional<EntryIdIndex> index = c.notes.clusters.empty() ? std::nullopt : std::optional<EntryIdIndex>(c.chronology);
    for (const ClusterDecision& d : c.notes.clusters) {
        const EntryIdIndex& ids = *index;
        std::vector<std::uint32_t> members;
        for (const std::string& id : d.entry_ids)
            if (const auto i = ids.find(id)) members.push_back(index_of(*i));
        if (d.kind == ClusterDecisionKind::Split) {
            for (std::uint32_t x : members)
                for (std::uint32_t y : members)
                    if (x != y) forbidden.emplace(x, y);
        } else if (members.size() >= 2) {
            confirmed.push_back(members);
        }
    }

    struct Edge {
        std::int32_t score;
        std::uint32_t a, b;
    };
    std::vector<std::int32_t> days(entries.size());
    std::vector<bool> usable(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        days[i] = entries[i].date.earliest_day();
        usable[i] = precise(entries[i], uncertain);
    }
    // Candidate pairs only: an event and the other agencies' records around it, and every record
    // with the receipt of its to:. Routine records that merely fall near each other never pair,
    // so the work follows the number of events and links, not the square of the chronology.
    std::vector<Edge> edges;
    auto consider = [&](std::uint32_t i, std::uint32_t j) {
        if (i == j || !usable[i] || !usable[j] || entries[i].agency == entries[j].agency) return;
        if (std::abs(days[i] - days[j]) > window) return;
        const std::uint32_t a = std::min(i, j), b = std::max(i, j);
        const PairScore s = scorer.score(static_cast<EntryIndex>(a), static_cast<EntryIndex>(b));
        if (s.candidate && s.total >= min_score) edges.push_back({s.total, a, b});
    };
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        if (usable[i] && is_event_type(entries[i].type)) {
            const auto lo = static_cast<std::uint32_t>(std::lower_bound(days.begin(), days.end(), days[i] - window) - days.begin());
            for (std::uint32_t j = lo; j < entries.size() && days[j] <= days[i] + window; ++j)
                if (!(is_event_type(entries[j].type) && j < i)) consider(i, j);  // event pairs once
        }
        for (std::uint32_t from : scorer.received(static_cast<EntryIndex>(i)))
            if (!is_event_type(entries[i].type) && !is_event_type(entries[from].type)) consider(from, i);
    }
    // Strongest links first; ties in chronology order, so the result is deterministic.
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        return std::tie(y.score, x.a, x.b) < std::tie(x.score, y.a, y.b);
    });

    std::vector<std::uint32_t> parent(entries.size());
    std::iota(parent.begin(), parent.end(), 0u);
    std::vector<std::vector<std::uint32_t>> members(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i) members[i] = {i};
    std::vector<std::int32_t> weakest(entries.size(), std::numeric_limits<std::int32_t>::max());
    std::vector<bool> is_confirmed(entries.size(), false);
    std::vector<std::int32_t> lo_day(days), hi_day(days);  // per cluster root: its first and last day
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    auto join = [&](std::uint32_t x, std::uint32_t y, std::int32_t score, bool force) {
        x = find(x);
        y = find(y);
        if (x == y) return;
        if (!forbidden.empty())  // split decisions are few; only then are members compared pairwise
            for (std::uint32_t p : members[x])
                for (std::uint32_t q : members[y])
                    if (forbidden.count({p, q})) return;
        // Every member of a cluster lies within twice the window of every other (O(1) per join).
        if (!force && std::max(hi_day[x], hi_day[y]) - std::min(lo_day[x], lo_day[y]) > 2 * window) return;
        if (members[x].size() < members[y].size()) std::swap(x, y);
        parent[y] = x;
        members[x].insert(members[x].end(), members[y].begin(), members[y].end());
        members[y].clear();
        weakest[x] = std::min({weakest[x], weakest[y], score});
        lo_day[x] = std::min(lo_day[x], lo_day[y]);
        hi_day[x] = std::max(hi_day[x], hi_day[y]);
        is_confirmed[x] = is_confirmed[x] || is_confirmed[y] || force;
    };
    for (const auto& group : confirmed)
        for (std::size_t k = 1; k < group.size(); ++k) join(group[0], group[k], std::numeric_limits<std::int32_t>::max(), true);
    for (const Edge& e : edges) join(e.a, e.b, e.score, false);

    std::vector<Cluster> out;
    for (std::uint32_t i = 0; i < entries.size(); ++i) {
        if (find(i) != i || members[i].size() < 2) continue;
        std::set<std::uint32_t> agencies;
        for (std::uint32_t m : members[i]) agencies.insert(index_of(entries[m].agency));
        if (agencies.size() < 2 && !is_confirmed[i]) continue;
        Cluster cl;
        std::vector<std::uint32_t> sorted = members[i];
        std::sort(sorted.begin(), sorted.end());
        for (std::uint32_t m : sorted) cl.members.push_back(static_cast<EntryIndex>(m));
        cl.confirmed = is_confirmed[i];
        cl.score = weakest[i] == std::numeric_limits<std::int32_t>::max() ? 0 : weakest[i];
        out.push_back(std::move(cl));
    }
    std::sort(out.begin(), out.end(), [](const Cluster& a, const Cluster& b) { return a.members.front() < b.members.front(); });
    for (std::size_t k = 0; k < out.size(); ++k) out[k].number = static_cast<std::uint32_t>(k + 1);
    return out;
}

}  // namespace sightline::engine
