// Gaps: periods with no agency contact at all, and per case-holding agency while involved.
#include <algorithm>

#include "context.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;


struct Bound {
    std::int32_t day;
    std::optional<EntryIndex> entry;
};

// Reports every interval between consecutive bounds longer than the threshold.
void gaps_between(const AnalysisContext& ctx, const std::vector<Bound>& bounds, std::int32_t threshold,
                  std::optional<AgencyId> agency, std::vector<Finding>& out) {
    for (std::size_t k = 0; k + 1 < bounds.size(); ++k) {
        const Bound& a = bounds[k];
        const Bound& b = bounds[k + 1];
        const std::int32_t days = b.day - a.day;
        if (days <= threshold) continue;
        EntryList family, uncertain;
        // The entries strictly between the bounds (days never decrease along the chronology).
        for (std::uint32_t n = ctx.first_after(a.day), last = ctx.first_on_or_after(b.day); n < last; ++n) {
            const auto i = static_cast<EntryIndex>(n);
            if (!ctx.professional(i)) family.push_back(i);
            else if (ctx.contact(i) && !ctx.precise(i) && (!agency || ctx.entry(i).agency == *agency)) uncertain.push_back(i);
        }
        Finding f;
        // Loosely dated contacts that could fill it: the records cannot show the gap.
        const bool cannot_tell = !uncertain.empty() && ctx.loose_dates_could_fill(a.day, b.day, threshold, uncertain);
        const bool no_case = !agency && ctx.case_open_days(a.day, b.day) <= threshold;
        f.concern = !cannot_tell && !no_case;
        f.from_day = a.day;
        f.to_day = b.day;
        if (a.entry) f.entries.push_back(*a.entry);
        if (b.entry) f.entries.push_back(*b.entry);
        GapFinding& d = f.data.emplace<GapFinding>();
        d.from = DayValue{a.day};
        d.to = DayValue{b.day};
        d.days = days;
        if (agency) {
            d.agency = std::string(ctx.c.agency_name(*agency));
            d.agency_kind = ctx.c.agency_kind(*agency);
        }
        d.threshold_days = threshold;
        d.family_entries = family;
        d.uncertain_contacts = uncertain;
        const std::string from = a.entry ? ctx.describe(*a.entry) : format_day(a.day) + ctx.period_start_label();
        const std::string to = b.entry ? ctx.describe(*b.entry) : format_day(b.day) + ctx.period_end_label();
        if (agency) {
            f.message = std::string(ctx.c.agency_name(*agency)) + " recorded nothing for " +
                        detail::plural(days, "day", "days") + " while involved, from " + from + " to " + to +
                        " (threshold " + detail::plural(threshold, "day", "days") + ").";
        } else {
            f.message = "No agency had contact with the family for " + detail::plural(days, "day", "days") + ", from " +
                        from + " to " + to + " (threshold " + detail::plural(threshold, "day", "days") + ").";
        }
        if (!family.empty())
            f.message += " Only family accounts fall inside it (" + std::to_string(family.size()) + ").";
        if (no_case)
            f.message += " No agency held a case for the family in that time (only universal services were involved), so "
                         "this is for information.";
        if (cannot_tell)
            f.message += " " + detail::plural(static_cast<std::int64_t>(uncertain.size()), "contact is", "contacts are") +
                         " dated only loosely and could fall so that no stretch is longer than the threshold: the "
                         "records cannot show a gap.";
        else if (!uncertain.empty())
            f.message += " " + detail::plural(static_cast<std::int64_t>(uncertain.size()), "contact is", "contacts are") +
                         " dated too loosely to place inside or outside it.";
        out.push_back(std::move(f));
    }
}

}  // namespace

std::vector<Finding> analyse_gaps(const Case& c, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    if (ctx.size() == 0) return out;

    // Overall: from scope start through every precise contact to scope end.
    std::vector<Bound> bounds{{ctx.period_start, std::nullopt}};
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (!ctx.contact(i) || !ctx.precise(i)) continue;
        const std::int32_t d = ctx.day(i);
        if (d < ctx.period_start || d > ctx.period_end) continue;
        if (bounds.back().day == d && bounds.back().entry) continue;
        if (bounds.back().day == d) bounds.back().entry = i;
        else bounds.push_back({d, i});
    }
    if (bounds.back().day < ctx.period_end) bounds.push_back({ctx.period_end, std::nullopt});
    gaps_between(ctx, bounds, ctx.rule(RuleId::GapDays), std::nullopt, out);

    // Per case-holding agency, within each spell of involvement.
    for (const detail::Episode& ep : ctx.episodes) {
        if (!is_case_holding(c.agency_kind(ep.agency))) continue;
        std::vector<Bound> b;
        for (EntryIndex i : ep.entries) {
            if (!ctx.precise(i)) continue;
            const std::int32_t d = ctx.day(i);
            if (d < ctx.period_start || d > ctx.period_end || (!b.empty() && b.back().day == d)) continue;
            b.push_back({d, i});
        }
        gaps_between(ctx, b, ctx.rule(RuleId::AgencyGapDays), ep.agency, out);
    }
    return out;
}

}  // namespace sightline::engine
