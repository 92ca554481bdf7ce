// Key practice episodes, one at a time (see episodes.hpp).
#include "sightline/engine/episodes.hpp"

#include <algorithm>

namespace sightline::engine {

std::optional<std::pair<std::int32_t, std::int32_t>> episode_days(const KeyEpisode& e) {
    const DateParseResult from = parse_date(e.from);
    const DateParseResult to = parse_date(e.to);
    if (!from.date || !to.date) return std::nullopt;
    const std::int32_t a = from.date->earliest_day();
    const std::int32_t b = to.date->latest_day();
    if (b < a) return std::nullopt;
    return std::make_pair(a, b);
}

std::vector<EpisodeView> episode_views(const Case& c, const std::vector<Finding>& findings,
                                       const std::vector<RiskKnowledge>& knowledge) {
    std::vector<EpisodeView> out;
    const auto& entries = c.chronology.entries;
    const std::size_t children = c.info.index_children.size();
    for (std::size_t n = 0; n < c.notes.episodes.size(); ++n) {
        const auto days = episode_days(c.notes.episodes[n]);
        if (!days) continue;
        EpisodeView v;
        v.episode = n;
        v.from_day = days->first;
        v.to_day = days->second;
        for (std::size_t k = 0; k < children; ++k)
            if (c.born_by(c.info.index_children[k], v.to_day)) {
                EpisodeChild ch;
                ch.child = c.info.index_children[k];
                v.children.push_back(ch);
            }

        // Entries: those whose possible days meet the episode. The chronology is in date order,
        // so the scan stops at the first entry that starts after it.
        for (std::uint32_t i = 0; i < entries.size(); ++i) {
            const Entry& e = entries[i];
            const bool professional = c.agency(e.agency).kind != AgencyKind::Family && !e.retrospective;
            // Sightings up to the end count towards "last seen" (exact days only).
            if (professional && e.date.is_exact_day() && e.date.earliest_day() <= v.to_day)
                for (EpisodeChild& ch : v.children) {
                    const std::size_t k = static_cast<std::size_t>(
                        std::find(c.info.index_children.begin(), c.info.index_children.end(), ch.child) - c.info.index_children.begin());
                    if (is_sighting(c.chronology.seen(e, k))) ch.last_seen = e.date.earliest_day();
                }
            if (e.date.sort_day() > v.to_day && e.date.earliest_day() > v.to_day) break;
            if (e.date.latest_day() < v.from_day || e.date.earliest_day() > v.to_day) continue;
            v.entries.push_back(static_cast<EntryIndex>(i));
            auto a = std::find_if(v.agencies.begin(), v.agencies.end(), [&](const EpisodeAgency& x) { return x.agency == e.agency; });
            if (a == v.agencies.end()) {
                EpisodeAgency added;
                added.agency = e.agency;
                a = v.agencies.insert(v.agencies.end(), added);
            }
            ++a->contacts;
            bool saw = false;
            for (std::size_t k = 0, at = 0; k < children; ++k) {
                if (at >= v.children.size() || v.children[at].child != c.info.index_children[k]) continue;
                EpisodeChild& ch = v.children[at++];
                const ChildSeen s = c.chronology.seen(e, k);
                if (professional && is_sighting(s)) {
                    ++ch.sightings;
                    saw = true;
                }
                if (s == ChildSeen::NotSeen) ++ch.not_seen;
            }
            if (saw) ++a->saw_a_child;
        }

        // Findings of concern about this period: those on any of its days, except that a period
        // without a sighting or contact must span at least a day of it (one that ends with the
        // sighting on its first day is about the time before). Figures about a whole case (how
        // often an agency recorded child seen) are left out: they do not describe the episode.
        // In date order.
        for (std::uint32_t f = 0; f < findings.size(); ++f) {
            const Finding& x = findings[f];
            if (!x.concern || x.kind() == FindingKind::SeenRecording) continue;
            const std::int32_t overlap = std::min(x.to_day, v.to_day) - std::max(x.from_day, v.from_day);
            const bool period = x.kind() == FindingKind::UnseenPeriod || x.kind() == FindingKind::Gap;
            if (period ? overlap > 0 : overlap >= 0) v.findings.push_back(f);
        }
        std::stable_sort(v.findings.begin(), v.findings.end(), [&](std::uint32_t a, std::uint32_t b) {
            return std::pair(findings[a].from_day, findings[a].to_day) < std::pair(findings[b].from_day, findings[b].to_day);
        });

        // Who knew what by the end, for the agencies in contact during the episode.
        for (const RiskKnowledge& rk : knowledge) {
            const std::uint32_t i = index_of(rk.event);
            if (i >= entries.size()) continue;
            const std::int32_t day = entries[i].date.earliest_day();
            if (day > v.to_day || day < v.from_day - k_episode_risk_lookback_days) continue;
            EpisodeRisk r{rk.event, std::vector<std::optional<std::int32_t>>(v.agencies.size())};
            for (std::size_t a = 0; a < v.agencies.size(); ++a)
                for (const Knowing& k : rk.knew)
                    if (k.agency == v.agencies[a].agency && k.day <= v.to_day) r.known_from[a] = k.day;
            v.risks.push_back(std::move(r));
        }
        std::sort(v.risks.begin(), v.risks.end(),
                  [](const EpisodeRisk& a, const EpisodeRisk& b) { return index_of(a.event) < index_of(b.event); });
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace sightline::engine
