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
#include <mutex>
#include <numeric>
#include <set>
#include <unordered_map>

#include "sightline/engine/merge.hpp"
#include "sightline/engine/parallel.hpp"
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

namespace {

// Lists per entry stored end to end: start[i]..start[i + 1] are entry i's items.
template <class T>
void to_lists(std::vector<std::pair<std::uint32_t, T>>& pairs, std::size_t n, std::vector<std::uint32_t>& start,
              std::vector<T>& items) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    start.assign(n + 1, 0);
    for (const auto& p : pairs) ++start[p.first + 1];
    for (std::size_t i = 0; i < n; ++i) start[i + 1] += start[i];
    items.resize(pairs.size());
    for (std::size_t k = 0; k < pairs.size(); ++k) items[k] = pairs[k].second;
}

constexpr std::uint64_t k_hash_base = 1099511628211ull;

// A hash of text lowercased (ASCII), as references are compared.
std::uint64_t ci_hash(std::string_view s) {
    std::uint64_t h = 0;
    for (char ch : s) h = h * k_hash_base + static_cast<unsigned char>(ascii_lower(ch));
    return h;
}

}  // namespace

Receipts::Receipts(const Case& c) {
    const auto& entries = c.chronology.entries;
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::int32_t window = c.rules.days(RuleId::CorroborationWindowDays);
    std::vector<std::int32_t> days(n);
    for (std::uint32_t i = 0; i < n; ++i) days[i] = entries[i].date.earliest_day();
    // For each record with to:, the first record of each recipient that can be a receipt, from its
    // day on (earlier records of the same day included), within the window.
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_agency;  // records that can be receipts
    for (std::uint32_t j = 0; j < n; ++j)
        if (can_receive(entries[j].type)) by_agency[index_of(entries[j].agency)].push_back(j);
    for (std::uint32_t i = 0; i < n; ++i) {
        if (entries[i].to.count == 0) continue;
        const auto first = static_cast<std::uint32_t>(std::lower_bound(days.begin(), days.end(), days[i]) - days.begin());
        for (AgencyId to : c.chronology.to_of(entries[i])) {
            if (to == entries[i].agency) continue;
            const auto it = by_agency.find(index_of(to));
            if (it == by_agency.end()) continue;
            const auto at = std::lower_bound(it->second.begin(), it->second.end(), first);
            if (at != it->second.end() && days[*at] <= days[i] + window) m_pairs.emplace_back(*at, i);
        }
    }
    std::sort(m_pairs.begin(), m_pairs.end());
    m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
}

bool Receipts::receives(EntryIndex a, EntryIndex b) const {
    return std::binary_search(m_pairs.begin(), m_pairs.end(), std::pair(index_of(b), index_of(a)));
}

ClusterScorer::ClusterScorer(const Case& c) : m_case(c), m_receipts(c) {
    const auto& entries = c.chronology.entries;
    const auto n = static_cast<std::uint32_t>(entries.size());
    const std::int32_t window = c.rules.days(RuleId::CorroborationWindowDays);
    m_days.resize(n);
    for (std::uint32_t i = 0; i < n; ++i) m_days[i] = entries[i].date.earliest_day();
    const std::vector<std::int32_t>& days = m_days;

    // Words: each entry's distinct tokens, and how many entries use each.
    std::unordered_map<std::string, std::uint32_t> ids;
    std::vector<std::uint32_t> df;
    m_token_start.assign(n + 1, 0);
    m_signature.reserve(n);
    std::vector<std::uint32_t> mine;
    for (std::uint32_t i = 0; i < n; ++i) {
        mine.clear();
        for (std::string& w : tokenize(entries[i].summary)) {
            const auto [it, inserted] = ids.emplace(std::move(w), static_cast<std::uint32_t>(df.size()));
            if (inserted) df.push_back(0);
            mine.push_back(it->second);
        }
        std::sort(mine.begin(), mine.end());
        mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
        for (std::uint32_t t : mine) ++df[t];
        m_tokens.insert(m_tokens.end(), mine.begin(), mine.end());
        m_token_start[i + 1] = static_cast<std::uint32_t>(m_tokens.size());
        std::uint64_t signature = 0;
        for (std::uint32_t t : mine) signature |= std::uint64_t{1} << (t & 63u);
        m_signature.push_back(signature);
    }
    m_idf.resize(df.size());
    const double count = static_cast<double>(std::max<std::uint32_t>(n, 1));
    for (std::size_t t = 0; t < df.size(); ++t) m_idf[t] = std::log(1.0 + count / static_cast<double>(df[t]));

    // Days each summary names.
    m_mention_start.assign(n + 1, 0);
    for (std::uint32_t i = 0; i < n; ++i) {
        for (std::int32_t d : dates_mentioned(entries[i].summary, days[i])) m_mentions.push_back(d);
        m_mention_start[i + 1] = static_cast<std::uint32_t>(m_mentions.size());
    }

    // Link partners: a receipt and what it received.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> partners;
    for (const auto& [receipt, sent] : m_receipts.pairs()) {
        partners.emplace_back(receipt, sent);
        partners.emplace_back(sent, receipt);
    }

    // References quoted in summaries: every summary is searched, with a rolling hash, for the
    // references (of three characters or more) of the records within the window of it.
    std::unordered_multimap<std::uint64_t, std::uint32_t> refs;  // hash of a lowercased ref (and its length) -> entries
    std::vector<bool> maybe(1u << 24, false);                    // a filter before the map: most text is no ref
    const auto slot = [](std::uint64_t h) { return static_cast<std::size_t>((h * 0x9e3779b97f4a7c15ull) >> 40); };
    for (std::uint32_t a = 0; a < n; ++a)
        if (entries[a].ref.size() >= 3) {
            const std::uint64_t h = ci_hash(entries[a].ref) ^ entries[a].ref.size();
            refs.emplace(h, a);
            maybe[slot(h)] = true;
        }
    std::vector<std::size_t> length_count;  // references of each length within the window of b
    std::vector<std::uint64_t> powers{1};
    std::uint32_t lo = 0, hi = 0;           // entries within the window of b: [lo, hi)
    for (std::uint32_t b = 0; b < n; ++b) {
        for (; hi < n && days[hi] <= days[b] + window; ++hi) {
            const std::size_t len = entries[hi].ref.size();
            if (len < 3) continue;
            if (length_count.size() <= len) length_count.resize(len + 1, 0);
            ++length_count[len];
        }
        for (; days[lo] < days[b] - window; ++lo)
            if (entries[lo].ref.size() >= 3) --length_count[entries[lo].ref.size()];
        const std::string_view text = entries[b].summary;
        for (std::size_t len = 3; len < length_count.size() && len <= text.size(); ++len) {
            if (length_count[len] == 0) continue;
            while (powers.size() <= len) powers.push_back(powers.back() * k_hash_base);
            std::uint64_t h = ci_hash(text.substr(0, len));
            for (std::size_t at = 0;; ++at) {
                const auto [first, last] = maybe[slot(h ^ len)] ? refs.equal_range(h ^ len) : std::pair(refs.end(), refs.end());
                for (auto it = first; it != last; ++it) {
                    const std::uint32_t a = it->second;
                    if (a == b || std::abs(days[a] - days[b]) > window || !iequals(text.substr(at, len), entries[a].ref)) continue;
                    m_quotes.emplace_back(a, b);
                    partners.emplace_back(a, b);
                    partners.emplace_back(b, a);
                }
                if (at + len >= text.size()) break;
                h = (h - static_cast<unsigned char>(ascii_lower(text[at])) * powers[len - 1]) * k_hash_base +
                    static_cast<unsigned char>(ascii_lower(text[at + len]));
            }
        }
    }
    std::sort(m_quotes.begin(), m_quotes.end());
    m_quotes.erase(std::unique(m_quotes.begin(), m_quotes.end()), m_quotes.end());
    to_lists(partners, n, m_partner_start, m_partners);
}

bool ClusterScorer::quotes(EntryIndex a, EntryIndex b) const {
    return std::binary_search(m_quotes.begin(), m_quotes.end(), std::pair(index_of(a), index_of(b))) ||
           std::binary_search(m_quotes.begin(), m_quotes.end(), std::pair(index_of(b), index_of(a)));
}

PairScore ClusterScorer::score(EntryIndex ia, EntryIndex ib) const {
    const Chronology& ch = m_case.chronology;
    const Entry& a = ch.entries[index_of(ia)];
    const Entry& b = ch.entries[index_of(ib)];
    PairScore s;
    const std::int32_t window = m_case.rules.days(RuleId::CorroborationWindowDays);
    const std::int32_t day_a = m_days[index_of(ia)], day_b = m_days[index_of(ib)];
    const std::int32_t apart = std::abs(day_b - day_a);
    if (apart > window) return s;

    // Links and quoted references are rare: only a partner of ia can have either.
    const auto mine = partners(ia);
    if (std::find(mine.begin(), mine.end(), index_of(ib)) != mine.end()) {
        if (receives(ia, ib) || receives(ib, ia)) s.link = 35;
        if (quotes(ia, ib)) s.reference = 50;
    }
    // Does the summary of `text` (written on day `written`) name day `other`?
    const auto mentions = [&](EntryIndex text, std::int32_t written, std::int32_t other) {
        const std::int32_t* first = m_mentions.data() + m_mention_start[index_of(text)];
        const std::int32_t* last = m_mentions.data() + m_mention_start[index_of(text) + 1];
        return first != last && std::find(first, last, other) != last && other != written;
    };
    const bool mentioned = mentions(ia, day_a, day_b) || mentions(ib, day_b, day_a);
    s.candidate = is_event_type(a.type) || is_event_type(b.type) || s.link > 0 || s.reference > 0;
    if (!s.candidate) return s;

    // Words in common, each weighted by how rare it is in this chronology: half the share of all
    // words (Jaccard), half the share of the shorter account's words (a terse notification of a
    // long incident log still matches it).
    const std::uint32_t* ta = m_tokens.data() + m_token_start[index_of(ia)];
    const std::uint32_t* const ta_end = m_tokens.data() + m_token_start[index_of(ia) + 1];
    const std::uint32_t* tb = m_tokens.data() + m_token_start[index_of(ib)];
    const std::uint32_t* const tb_end = m_tokens.data() + m_token_start[index_of(ib) + 1];
    double shared = 0, only_a = 0, only_b = 0;
    // Accounts with no word in common score no words (the common case, skipped cheaply).
    if ((m_signature[index_of(ia)] & m_signature[index_of(ib)]) == 0) {
        ta = ta_end;
        tb = tb_end;
    }
    while (ta != ta_end || tb != tb_end) {
        if (tb == tb_end || (ta != ta_end && *ta < *tb)) only_a += m_idf[*ta++];
        else if (ta == ta_end || *tb < *ta) only_b += m_idf[*tb++];
        else {
            shared += m_idf[*ta];
            ++ta;
            ++tb;
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

std::vector<Cluster> find_clusters(const Case& c, unsigned threads) {
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
    // Only candidate pairs can join (one an event, or linked by to:, or quoting the other's
    // reference), so only they are scored: every pair with an event in it, and the link and
    // reference partners of the rest. Scored on every thread; the edges are then ordered, so the
    // result does not depend on how the work was shared.
    std::vector<std::uint32_t> events;  // precise event records, in order
    for (std::uint32_t i = 0; i < entries.size(); ++i)
        if (is_event_type(entries[i].type) && precise(entries[i], uncertain)) events.push_back(i);
    const auto day_of = [&](std::uint32_t i) { return entries[i].date.earliest_day(); };
    std::vector<Edge> edges;
    std::mutex edges_mutex;
    parallel_ranges(entries.size(), thread_count(threads), [&](std::size_t begin, std::size_t end) {
        std::vector<Edge> mine;
        auto consider = [&](std::uint32_t i, std::uint32_t j) {
            if (entries[j].agency == entries[i].agency || !precise(entries[j], uncertain)) return;
            const PairScore s = scorer.score(static_cast<EntryIndex>(i), static_cast<EntryIndex>(j));
            if (s.candidate && s.total >= min_score) mine.push_back({s.total, i, j});
        };
        for (auto i = static_cast<std::uint32_t>(begin); i < end; ++i) {
            if (!precise(entries[i], uncertain)) continue;
            const std::int32_t last = day_of(i) + window;
            if (is_event_type(entries[i].type)) {
                for (std::uint32_t j = i + 1; j < entries.size() && day_of(j) <= last; ++j) consider(i, j);
                continue;
            }
            for (auto at = std::upper_bound(events.begin(), events.end(), i); at != events.end() && day_of(*at) <= last; ++at)
                consider(i, *at);
            for (std::uint32_t j : scorer.partners(static_cast<EntryIndex>(i)))
                if (j > i && !is_event_type(entries[j].type) && day_of(j) <= last) consider(i, j);
        }
        const std::lock_guard lock(edges_mutex);
        edges.insert(edges.end(), mine.begin(), mine.end());
    });
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
    // Each cluster's first and last day, kept at its root.
    std::vector<std::int32_t> lo_day(entries.size()), hi_day(entries.size());
    for (std::uint32_t i = 0; i < entries.size(); ++i) lo_day[i] = hi_day[i] = entries[i].date.earliest_day();
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    auto join = [&](std::uint32_t x, std::uint32_t y, std::int32_t score, bool force) {
        x = find(x);
        y = find(y);
        if (x == y) return;
        if (!forbidden.empty())
            for (std::uint32_t p : members[x])
                for (std::uint32_t q : members[y])
                    if (forbidden.count({p, q})) return;
        // Every member of a cluster lies within twice the window of every other.
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
