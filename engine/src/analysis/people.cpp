// People nobody assessed: subjects who are nobody in the case, adults known to police, housing or
// probation but never to health or social care, and new household members no check names.
#include <algorithm>
#include <map>
#include <cctype>
#include <set>

#include "context.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::engine {

namespace {

using detail::AnalysisContext;

// Does text name the person: their name or an alias of 3 letters or more, as a whole word?
bool text_names(std::string_view text, const Person& p) {
    std::vector<std::string> names{p.name};
    names.insert(names.end(), p.aliases.begin(), p.aliases.end());
    return names_in_text(text, names);
}

// Someone who is not a child at the day: unknown age counts as adult unless they are an index child.
bool adult_at(const AnalysisContext& ctx, PersonId p, std::int32_t day) {
    if (ctx.c.index_child_position(p) >= 0) return false;
    const Person& person = ctx.c.person(p);
    return !person.born || age_in_years(person.born->earliest_day(), day) >= 18;
}

void unknown_people(const AnalysisContext& ctx, std::vector<Finding>& out) {
    std::map<std::string, std::pair<std::string, EntryList>> names;  // key -> (as first written, entries)
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        for (const SubjectRef& s : ctx.c.chronology.subjects_of(ctx.entry(i))) {
            if (!is_none(s.person)) continue;
            auto& slot = names[fold_name(s.text)];
            if (slot.first.empty()) slot.first = std::string(s.text);
            if (slot.second.empty() || slot.second.back() != i) slot.second.push_back(i);
        }
    }
    for (const auto& [key, named] : names) {
        const auto& [written, entries] = named;
        Finding f;
        const auto agencies = ctx.agency_names(entries);
        f.data = UnknownPersonFinding{.name = written, .count = static_cast<std::int64_t>(entries.size()), .agencies = agencies};
        f.entries = entries;
        f.from_day = ctx.day(entries.front());
        f.to_day = ctx.day(entries.back());
        f.message = "'" + written + "' is named in " + detail::plural(static_cast<std::int64_t>(entries.size()), "entry", "entries") +
                    " (" + join_names(agencies) + ") but is not in the case's people, so the genogram and the other analyses do "
                    "not know who this is.";
        out.push_back(std::move(f));
    }
}

// Is a person in the child's life as the case records it: related to anyone (a parent, a partner, a
// grandparent), or living with an index child at some time?
bool in_the_childs_life(const AnalysisContext& ctx, const Person& p) {
    const auto id = static_cast<PersonId>(&p - ctx.c.people.data());
    for (const Relationship& r : ctx.c.relationships)
        if (r.first == id || r.second == id) return true;
    for (const Residence& r : ctx.c.residences) {
        if (std::find(r.people.begin(), r.people.end(), id) == r.people.end()) continue;
        for (const detail::ChildInfo& ch : ctx.children)
            if (std::find(r.people.begin(), r.people.end(), ch.id) != r.people.end()) return true;
    }
    return false;
}

// Health and social care records: where an adult in the child's life should be known.
void invisible_adults(const AnalysisContext& ctx, std::vector<Finding>& out) {
    const Chronology& chron = ctx.c.chronology;
    struct Trace {
        std::string name;
        const Person* person = nullptr;    // nullptr for a name that is nobody in the case
        std::optional<PersonId> id;        // the person's, when one
        EntryList elsewhere;                // police, probation, housing, ... records naming them
        bool known_to_care = false;         // named by a health or social care record, as subject or in its words
    };
    std::map<std::string, Trace> traces;    // person id, or "?" + written name for unknown people
    for (std::uint32_t n = 0; n < ctx.size(); ++n) {
        const auto i = static_cast<EntryIndex>(n);
        if (!ctx.professional(i)) continue;
        const Entry& e = ctx.entry(i);
        const bool care = is_health_or_social_care(ctx.kind(i));
        for (const SubjectRef& s : chron.subjects_of(e)) {
            if (!is_none(s.person) && !adult_at(ctx, s.person, ctx.day(i))) continue;
            Trace& t = traces[is_none(s.person) ? "?" + fold_name(s.text) : ctx.c.person(s.person).id];
            if (t.name.empty()) {
                t.name = is_none(s.person) ? std::string(s.text) : ctx.c.person(s.person).name;
                t.person = is_none(s.person) ? nullptr : &ctx.c.person(s.person);
                if (!is_none(s.person)) t.id = s.person;
            }
            if (care) t.known_to_care = true;
            else if (t.elsewhere.empty() || t.elsewhere.back() != i) t.elsewhere.push_back(i);
        }
    }
    // A care record that names someone in its words knows of them too.
    for (auto& [id, t] : traces) {
        if (t.known_to_care || !t.person) continue;
        for (std::uint32_t n = 0; n < ctx.size() && !t.known_to_care; ++n) {
            const auto i = static_cast<EntryIndex>(n);
            if (is_health_or_social_care(ctx.kind(i)) && text_names(ctx.entry(i).summary, *t.person)) t.known_to_care = true;
        }
    }
    for (const auto& [id, t] : traces) {
        if (t.known_to_care || t.elsewhere.empty()) continue;
        const auto agencies = ctx.agency_names(t.elsewhere);
        Finding f;
        f.data = InvisibleAdultFinding{
            .person = t.id, .name = t.name, .count = static_cast<std::int64_t>(t.elsewhere.size()), .agencies = agencies};
        f.entries = t.elsewhere;
        f.from_day = ctx.day(t.elsewhere.front());
        f.to_day = ctx.day(t.elsewhere.back());
        const std::string them = t.person && t.person->sex != Sex::Unknown ? std::string(detail::object_pronoun(*t.person))
                                                                          : std::string("this adult");
        f.message = t.name + " appears in " + detail::plural(static_cast<std::int64_t>(t.elsewhere.size()), "record", "records") +
                    " of " + join_names(agencies) + " but in no health or social care record: no one assessing the children's "
                    "safety knew of " + them + ".";
        // Someone the case places outside the family and the children's homes (a victim, a
        // neighbour) is no adult in the child's life that care should have known (principle 1).
        if (t.person && !in_the_childs_life(ctx, *t.person)) {
            f.concern = false;
            f.message += " Case.yaml records " + them + " neither as family nor as living with the children, so this is "
                         "for information.";
        }
        out.push_back(std::move(f));
    }
}

// Kinds of record that amount to a check on an adult in the household.
bool is_check(EntryType t) {
    switch (t) {
        case EntryType::Assessment:
        case EntryType::InformationRequest:
        case EntryType::StrategyDiscussion:
        case EntryType::Conference:
        case EntryType::HomeVisit:
        case EntryType::Meeting:
            return true;
        default:
            return false;
    }
}

void unchecked_adults(const AnalysisContext& ctx, std::vector<Finding>& out) {
    if (ctx.children.empty()) return;
    const PersonId child = ctx.children.front().id;
    const std::int32_t window = ctx.rule(RuleId::NewAdultCheckDays);
    std::vector<const Residence*> homes;
    for (const Residence& r : ctx.c.residences)
        if (std::find(r.people.begin(), r.people.end(), child) != r.people.end()) homes.push_back(&r);
    std::stable_sort(homes.begin(), homes.end(), [&](const Residence* a, const Residence* b) {
        return (a->from ? a->from->earliest_day() : ctx.period_start) < (b->from ? b->from->earliest_day() : ctx.period_start);
    });
    for (std::size_t k = 1; k < homes.size(); ++k) {
        const std::int32_t joined = homes[k]->from ? homes[k]->from->earliest_day() : ctx.period_start;
        for (PersonId p : homes[k]->people) {
            if (std::find(homes[k - 1]->people.begin(), homes[k - 1]->people.end(), p) != homes[k - 1]->people.end()) continue;
            if (!adult_at(ctx, p, joined)) continue;
            // A check naming them, from a little before they joined to the window after.
            std::optional<EntryIndex> check;
            for (std::uint32_t n = ctx.first_on_or_after(joined - window), last = ctx.first_after(joined + window);
                 n < last && !check; ++n) {
                const auto i = static_cast<EntryIndex>(n);
                if (!ctx.professional(i) || !is_check(ctx.entry(i).type)) continue;
                if (ctx.c.chronology.names_person(ctx.entry(i), p) || text_names(ctx.entry(i).summary, ctx.c.person(p))) check = i;
            }
            if (check) continue;
            const Person& person = ctx.c.person(p);
            Finding f;
            f.data = UncheckedAdultFinding{.person = p,
                                           .joined = DayValue{joined},
                                           .area = std::string(ctx.c.area_name(homes[k]->area)),
                                           .check_days = window};
            f.from_day = joined;
            f.to_day = joined + window;
            f.message = person.name + " joined " + ctx.c.person(child).name + "'s household in " +
                        std::string(ctx.c.area_name(homes[k]->area)) + " on " + format_day(joined) +
                        ", and no assessment, check or visit naming " + std::string(detail::object_pronoun(person)) +
                        " is recorded within " + detail::plural(window, "day", "days") + " of it.";
            out.push_back(std::move(f));
        }
    }
}

}  // namespace

std::vector<Finding> analyse_people(const Case& c, const AnalysisOptions& options) {
    const AnalysisContext ctx(c, options);
    std::vector<Finding> out;
    unknown_people(ctx, out);
    invisible_adults(ctx, out);
    unchecked_adults(ctx, out);
    return out;
}

}  // namespace sightline::engine
