// The story of a synthetic case: a family drawn from the figures in the research digests, the
// areas it lives in, the agencies that knew it, and every record they wrote, with the situations
// the analyses look for planted on purpose (late and missed transfers, periods nobody saw the
// child, a partner known only to police, incidents recorded by several agencies, a notification
// sent to the area the family had left).
//
// [SECTION] Random numbers and names
// [SECTION] The family
// [SECTION] Areas, moves and agencies
// [SECTION] Records
// [SECTION] Social care episodes
// [SECTION] Transfers at moves
// [SECTION] Domestic abuse incidents
// [SECTION] The incident under review
// [SECTION] Periods nobody saw the child
// [SECTION] Keeping the child seen and the family in contact
// [SECTION] write_story
#include <algorithm>
#include <array>
#include <cassert>
#include <map>
#include <set>

#include "story.hpp"

namespace sightline::engine::synth {

// [SECTION] Random numbers and names

std::uint64_t Random::next() {
    m_state += 0x9e3779b97f4a7c15ull;
    std::uint64_t z = m_state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

std::size_t Random::weighted(std::initializer_list<double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = static_cast<double>(next() % 1000000) / 1000000.0 * total;
    std::size_t i = 0;
    for (double w : weights) {
        if (x < w) return i;
        x -= w;
        ++i;
    }
    return weights.size() - 1;
}

namespace {

constexpr std::array<const char*, 12> k_area_names = {"Harrowfield", "Eastmere",  "Lowbridge", "Kingsmoor",
                                                      "Ashby Vale",  "Northgate", "Redbrook",  "Westleigh",
                                                      "Oakhurst",    "Fenwick",   "Marlow Cross", "Castleton"};
constexpr std::array<const char*, 6> k_regions = {"Southvale", "Northmoor", "Westvale", "Eastshire", "Midland Vale",
                                                  "Coastal Counties"};
constexpr std::array<const char*, 12> k_surgeries = {
    "Kingsway Surgery", "Mere Lane Surgery", "Brookside Medical Practice", "Elm Tree Surgery",
    "Riverside Medical Centre", "Station Road Surgery", "Willows Health Centre", "Parkview Surgery",
    "Church Street Surgery", "Orchard Medical Centre", "Hillside Surgery", "Canal Side Medical Practice"};
constexpr std::array<const char*, 10> k_primaries = {
    "St Aldric's Primary", "Oakfield Primary", "Greenway Primary", "Holy Trinity Primary", "Meadowbank Primary",
    "Larkrise Primary", "Fairfield Primary", "Willow Bank Primary", "St Mary's Primary", "Brook Lane Primary"};
constexpr std::array<const char*, 12> k_girls = {"Skye", "Amelia", "Maisie", "Leah", "Poppy", "Kayla",
                                                 "Ruby", "Tia", "Freya", "Isla", "Demi", "Lacey"};
constexpr std::array<const char*, 12> k_boys = {"Riley", "Mason", "Kai", "Tyler", "Alfie", "Jayden",
                                                "Harvey", "Logan", "Ethan", "Reece", "Callum", "Finley"};
constexpr std::array<const char*, 10> k_women = {"Dana", "Kirsty", "Jade", "Stacey", "Gemma",
                                                 "Chantelle", "Leanne", "Natalie", "Shannon", "Kerry"};
constexpr std::array<const char*, 10> k_men = {"Craig", "Wayne", "Dean", "Jordan", "Ashley",
                                               "Darren", "Kyle", "Jamie", "Connor", "Shane"};
constexpr std::array<const char*, 8> k_partners = {"Lee", "Tony", "Gary", "Scott", "Ricky", "Nathan", "Marcus", "Vince"};
constexpr std::array<const char*, 6> k_grandmothers = {"Pat", "Sandra", "Linda", "Carol", "Julie", "Brenda"};
constexpr std::array<const char*, 8> k_initials = {"T", "R", "M", "B", "K", "H", "W", "J"};
constexpr std::array<const char*, 12> k_months = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

std::string lower_id(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    return out;
}

std::int32_t civil(std::int32_t y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

// "15/11/14" style pieces for police references.
std::string day_code(std::int32_t day) {
    const std::string iso = format_day(day);  // 2015-11-15
    const int month = std::stoi(iso.substr(5, 2));
    return iso.substr(8, 2) + k_months[static_cast<std::size_t>(month - 1)] + iso.substr(2, 2);
}

std::string uk_day(std::int32_t day) {
    const std::string iso = format_day(day);
    return iso.substr(8, 2) + "/" + iso.substr(5, 2);
}

// [SECTION] The family

// Thresholds the story keeps to (the default rules).
struct Limits {
    std::int32_t unseen = 28;              // days (unseen_days)
    std::int32_t unseen_infant = 21;       // days (unseen_days_infant)
};

// Social care's involvement at the time of the incident (SCRs 2017-19: 57% open, 19% closed, 23% never known).
enum class CareStatus : std::uint8_t { Open, Closed, Never };

// One spell of a children's social care team holding the case.
struct CareEpisode {
    int agency = -1;
    std::int32_t from = 0;
    std::int32_t to = 0;                   // its closure, or the end of scope when still open
    bool closes = false;                   // ends with a case_closed record
    int transfer = -1;                     // the old team's case_transfer event that handed it over
};

// A stretch in which nobody (or no social worker) saw a child: sightings on its ends, none inside.
struct Stretch {
    int child = 0;                         // position in index_children
    std::int32_t from = 0;
    std::int32_t to = 0;
    bool social_care_only = false;         // others saw the child; social care did not
};

class StoryWriter {
public:
    explicit StoryWriter(std::uint64_t seed) : m_rng(seed * 0x2545F4914F6CDD1Dull + 0x1234567ull) {}
    Story write();

private:
    // The family.
    void choose_children();
    void choose_adults();
    // Areas, moves and agencies.
    void choose_moves();
    void make_agencies();
    void make_residences();
    // Records.
    Event& add(int agency, std::int32_t day, EntryType type, std::string summary);
    void see(Event& e, ChildSeen how, int only_child = -1);
    std::string ref_for(int agency, std::string_view prefix = {});
    int stay_at(std::int32_t day) const;
    int area_at(std::int32_t day) const { return m_stay_area[static_cast<std::size_t>(stay_at(day))]; }
    std::int32_t age_days(int child, std::int32_t day) const;
    std::int32_t years(int child, std::int32_t day) const;
    std::int32_t threshold(int child, std::int32_t day) const;
    bool child_alive(int child, std::int32_t day) const;
    std::int32_t child_start(int child) const;
    std::int32_t child_end(int child) const;
    // Which local agency of a kind is in touch with the family on a day (-1 when none).
    int in_touch(AgencyKind kind, std::int32_t day) const;
    int any_gp(std::int32_t day) const;
    // Social care.
    void plan_social_care();
    int care_on(std::int32_t day) const;
    void write_social_care();
    // Transfers.
    void plan_transfers();
    // Incidents.
    void write_birth();
    void write_domestic_abuse();
    void screened(int csc, std::int32_t day);
    void write_partner();
    void write_incident();
    void write_background();
    // Unseen periods and filling.
    void plant_stretches();
    bool in_stretch(int child, std::int32_t day, bool social_care) const;
    void keep_children_seen();
    void keep_social_care_seeing();
    void keep_in_contact();
    void finish();

    Random m_rng;
    Limits m_limits;
    Story m_s;
    std::int32_t m_incident = 0;
    bool m_death = false;
    bool m_domestic_abuse = false;
    int m_mother = -1, m_father = -1, m_partner = -1, m_grandmother = -1;
    bool m_partner_hidden = false;          // known only to police and housing
    std::optional<std::int32_t> m_separation;
    std::optional<std::int32_t> m_partner_from;
    std::vector<std::int32_t> m_moves;      // days
    std::vector<int> m_stay_area;           // per stay
    std::string m_region;
    struct Local {
        int csc = -1, hv = -1, gp = -1, school = -1, housing = -1;
    };
    std::vector<Local> m_local;             // per area
    int m_police = -1, m_hospital = -1, m_maternity = -1, m_family = -1;
    // First day each local agency is in touch in its stay (planned transfers), by agency.
    std::map<int, std::int32_t> m_touch_from;
    CareStatus m_care = CareStatus::Never;
    std::vector<CareEpisode> m_episodes;
    std::vector<Stretch> m_stretches;
    std::set<std::pair<int, std::int32_t>> m_must_see;  // (child, day) with a sighting that must stay
};

void StoryWriter::choose_children() {
    m_incident = m_rng.between(civil(2015, 6, 1), civil(2023, 12, 31));
    // Ages of children in reviews (SCRs 2017-19, DfE 2022): under 1 37%, 1-5 19%, 6-10 9%,
    // 11-15 16%, 16-17 19%; of the under-ones (triennial review 2014-17) 51% were under 3 months,
    // 31% 3-5 months, 11% 6-8 months, 7% 9-12 months.
    std::int32_t age = 0;
    switch (m_rng.weighted({37, 19, 9, 16, 19})) {
        case 0: {
            static constexpr std::array<std::pair<int, int>, 4> k_months_band = {{{0, 2}, {3, 5}, {6, 8}, {9, 11}}};
            const auto [lo, hi] = k_months_band[m_rng.weighted({51, 31, 11, 7})];
            age = m_rng.between(std::max(20, lo * 30), hi * 30 + 29);
            break;
        }
        case 1: age = m_rng.between(365, 6 * 365 - 1); break;
        case 2: age = m_rng.between(6 * 365, 11 * 365 - 1); break;
        case 3: age = m_rng.between(11 * 365, 16 * 365 - 1); break;
        default: age = m_rng.between(16 * 365, 18 * 365 - 10); break;
    }
    std::vector<std::int32_t> born{m_incident - age};
    // A few reviews are about siblings (3 of 40 in the 2001-03 study): an older sibling.
    if (m_rng.chance(0.1)) born.push_back(born[0] - m_rng.between(500, 2500));
    std::set<std::string> used;
    for (std::size_t k = 0; k < born.size(); ++k) {
        Person p;
        p.sex = m_rng.chance(0.54) ? Sex::Male : Sex::Female;  // boys 54% (triennial review 2014-17)
        do {
            p.name = p.sex == Sex::Male ? k_boys[m_rng.below(k_boys.size())] : k_girls[m_rng.below(k_girls.size())];
        } while (!used.insert(p.name).second);
        p.id = "child-" + lower_id(p.name);
        p.born = born[k];
        if (born[k] > m_incident - 365) p.aliases.push_back("Baby " + p.name.substr(0, 1));
        m_s.index_children.push_back(static_cast<int>(m_s.people.size()));
        m_s.people.push_back(std::move(p));
    }
    // Death or serious harm (SCRs: deaths about 56-66% of reviews).
    m_death = m_rng.chance(0.6);
    if (m_death) m_s.people[0].died = m_incident;
    // The review looks back about two years, and to the pregnancy for a baby.
    const std::int32_t youngest_born = *m_s.people[0].born;
    m_s.scope_to = m_incident;
    m_s.scope_from = youngest_born > m_incident - 700 ? youngest_born - m_rng.between(150, 200)
                                                      : m_incident - m_rng.between(540, 900);
}

void StoryWriter::choose_adults() {
    const std::int32_t born = *m_s.people[0].born;
    auto add_person = [&](std::string id, std::string name, Sex sex, std::optional<std::int32_t> year_day) {
        Person p;
        p.id = std::move(id);
        p.name = std::move(name);
        p.sex = sex;
        if (year_day) {
            p.born = *year_day;
            p.born_year_only = true;
        }
        m_s.people.push_back(std::move(p));
        return static_cast<int>(m_s.people.size() - 1);
    };
    auto year_start = [](std::int32_t day) {
        const std::int32_t y = std::stoi(format_day(day).substr(0, 4));
        return civil(y, 1, 1);
    };
    // Mothers aged 18 to 38 at the youngest child's birth (born in the year given, as reviews write it).
    const std::int32_t mother_born = year_start(born - m_rng.between(19, 38) * 365);
    m_mother = add_person("mother", k_women[m_rng.below(k_women.size())], Sex::Female, mother_born);
    m_s.people[static_cast<std::size_t>(m_mother)].aliases = {"mum"};
    m_father = add_person("father", k_men[m_rng.below(k_men.size())], Sex::Male,
                          year_start(mother_born - m_rng.between(0, 8) * 365));
    m_s.people[static_cast<std::size_t>(m_father)].aliases = {"dad"};
    // Domestic abuse in over half of reviews (55% of SCRs 2017-19; 59% in 2014-17).
    m_domestic_abuse = m_rng.chance(0.57);
    // Parental separation in about half (48% 2017-19), often followed by a new partner.
    if (m_rng.chance(0.5)) m_separation = m_rng.between(m_s.scope_from + 30, m_incident - 200);
    const bool partner = m_separation ? m_rng.chance(m_domestic_abuse ? 0.8 : 0.5) : false;
    if (partner) {
        const std::string name = k_partners[m_rng.below(k_partners.size())];
        m_partner = add_person(lower_id(name), name, Sex::Male, std::nullopt);
        m_s.people[static_cast<std::size_t>(m_partner)].aliases = {name + " " + k_initials[m_rng.below(k_initials.size())]};
        m_partner_from = m_rng.between(*m_separation + 20, std::max(*m_separation + 21, m_incident - 120));
        // "Men are invisible": a new partner known to police or housing but to no one assessing the children.
        m_partner_hidden = m_rng.chance(0.6);
    }
    if (m_rng.chance(0.35)) {
        m_grandmother = add_person("grandmother", k_grandmothers[m_rng.below(k_grandmothers.size())], Sex::Female,
                                   year_start(mother_born - m_rng.between(18, 26) * 365));
        m_s.people[static_cast<std::size_t>(m_grandmother)].aliases = {"MGM", "nan"};
    }
}

// [SECTION] Areas, moves and agencies

void StoryWriter::choose_moves() {
    // No figure for moves in the digests (transient lifestyles in 31% of neglect cases); moves
    // are what the transfer analysis is for, so most cases here have one.
    const std::size_t wanted = m_rng.weighted({40, 35, 18, 7});
    std::int32_t earliest = m_s.scope_from + 100;
    for (int c : m_s.index_children)
        earliest = std::max(earliest, *m_s.people[static_cast<std::size_t>(c)].born + 130);
    const std::int32_t latest = m_incident - 60;
    for (int attempt = 0; attempt < 200 && m_moves.size() < wanted; ++attempt) {
        if (latest - earliest < 30) break;
        const std::int32_t day = m_rng.between(earliest, latest);
        const bool apart = std::all_of(m_moves.begin(), m_moves.end(), [&](std::int32_t m) { return std::abs(m - day) >= 130; });
        if (apart && (!m_separation || std::abs(*m_separation - day) >= 15)) m_moves.push_back(day);
    }
    std::sort(m_moves.begin(), m_moves.end());
    std::vector<int> pool(k_area_names.size());
    for (std::size_t i = 0; i < pool.size(); ++i) pool[i] = static_cast<int>(i);
    for (std::size_t i = pool.size() - 1; i > 0; --i) std::swap(pool[i], pool[m_rng.below(static_cast<std::uint32_t>(i + 1))]);
    for (std::size_t k = 0; k <= m_moves.size(); ++k) {
        m_s.areas.emplace_back(k_area_names[static_cast<std::size_t>(pool[k])]);
        m_stay_area.push_back(static_cast<int>(k));
    }
    m_region = k_regions[m_rng.below(k_regions.size())];
}

void StoryWriter::make_agencies() {
    auto add_agency = [&](std::string name, AgencyKind kind, int area, std::string prefix, bool csv = false) {
        Agency a;
        a.file = "agencies/" + lower_id(name) + (csv ? ".csv" : ".yaml");
        a.name = std::move(name);
        a.kind = kind;
        a.area = area;
        a.csv = csv;
        a.ref_prefix = std::move(prefix);
        m_s.agencies.push_back(std::move(a));
        return static_cast<int>(m_s.agencies.size() - 1);
    };
    bool under_five = false, school_age = false;
    for (int c : m_s.index_children)
        for (std::int32_t d : {m_s.scope_from, m_incident}) {
            const std::int32_t y = years(c, d);
            under_five = under_five || (y < 5);
            school_age = school_age || (y >= 5 && y <= 16);
        }
    std::vector<int> surgeries(k_surgeries.size()), primaries(k_primaries.size());
    for (std::size_t i = 0; i < surgeries.size(); ++i) surgeries[i] = static_cast<int>(i);
    for (std::size_t i = 0; i < primaries.size(); ++i) primaries[i] = static_cast<int>(i);
    for (std::size_t i = surgeries.size() - 1; i > 0; --i) std::swap(surgeries[i], surgeries[m_rng.below(static_cast<std::uint32_t>(i + 1))]);
    for (std::size_t i = primaries.size() - 1; i > 0; --i) std::swap(primaries[i], primaries[m_rng.below(static_cast<std::uint32_t>(i + 1))]);
    bool secondary = false;
    for (int c : m_s.index_children) secondary = secondary || years(c, m_incident) >= 11;
    m_police = add_agency(m_region + " Police", AgencyKind::Police, 0, "CAD", true);
    m_hospital = add_agency(m_s.areas[0] + " General Hospital", AgencyKind::Hospital, 0, "ED");
    for (int c : m_s.index_children)
        if (*m_s.people[static_cast<std::size_t>(c)].born > m_s.scope_from && m_maternity < 0)
            m_maternity = add_agency(m_s.areas[0] + " Maternity", AgencyKind::Midwifery, 0, "MAT");
    for (std::size_t a = 0; a < m_s.areas.size(); ++a) {
        Local l;
        const int area = static_cast<int>(a);
        l.csc = add_agency(m_s.areas[a] + " Children's Social Care", AgencyKind::ChildrensSocialCare, area, "CSC");
        if (under_five) l.hv = add_agency(m_s.areas[a] + " Health Visiting", AgencyKind::HealthVisiting, area, "HV");
        l.gp = add_agency(k_surgeries[static_cast<std::size_t>(surgeries[a])], AgencyKind::Gp, area, "GP");
        if (school_age)
            l.school = add_agency(secondary ? m_s.areas[a] + " Academy" : std::string(k_primaries[static_cast<std::size_t>(primaries[a])]),
                                  AgencyKind::School, area, "SCH");
        l.housing = add_agency(m_s.areas[a] + " Housing", AgencyKind::Housing, area, "HSG");
        m_local.push_back(l);
    }
    if (m_grandmother >= 0)
        m_family = add_agency("Maternal grandmother (" + m_s.people[static_cast<std::size_t>(m_grandmother)].name + ")",
                              AgencyKind::Family, 0, "FAM");
    // The first stay's services know the family from the start of scope.
    for (int a : {m_local[0].hv, m_local[0].gp, m_local[0].school, m_local[0].housing})
        if (a >= 0) m_touch_from[a] = m_s.scope_from;
}

void StoryWriter::make_residences() {
    std::vector<int> family{m_mother};
    for (int c : m_s.index_children) family.push_back(c);
    std::vector<std::int32_t> starts{m_s.scope_from - m_rng.between(200, 800)};
    for (std::int32_t m : m_moves) starts.push_back(m);
    static constexpr std::array<const char*, 6> k_addresses = {"Cannon Street flat", "Weir Road flat", "hostel room",
                                                               "Mill Lane house", "Ashdown Court flat", "Tower View flat"};
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const std::optional<std::int32_t> end = k + 1 < starts.size() ? std::optional<std::int32_t>(starts[k + 1]) : std::nullopt;
        const std::string address = k_addresses[(k + m_rng.below(3)) % k_addresses.size()];
        // The father lives with the family until they separate; the partner never joins the tenancy.
        if (m_separation && *m_separation > starts[k] && (!end || *m_separation < *end)) {
            std::vector<int> with = family;
            with.push_back(m_father);
            m_s.residences.push_back({with, m_stay_area[k], starts[k], *m_separation, address});
            m_s.residences.push_back({family, m_stay_area[k], *m_separation, end, address});
        } else {
            std::vector<int> people = family;
            if (!m_separation || *m_separation > starts[k]) people.push_back(m_father);
            m_s.residences.push_back({people, m_stay_area[k], starts[k], end, address});
        }
    }
}

// [SECTION] Records

Event& StoryWriter::add(int agency, std::int32_t day, EntryType type, std::string summary) {
    Event e;
    e.day = day;
    e.agency = agency;
    e.type = type;
    e.summary = std::move(summary);
    e.ref = ref_for(agency);
    e.modality = Modality::FaceToFace;
    m_s.events.push_back(std::move(e));
    return m_s.events.back();
}

std::string StoryWriter::ref_for(int agency, std::string_view prefix) {
    Agency& a = m_s.agencies[static_cast<std::size_t>(agency)];
    const int n = a.next_ref++;
    return std::string(prefix.empty() ? std::string_view(a.ref_prefix) : prefix) + "-" + std::to_string(1000 + n);
}

void StoryWriter::see(Event& e, ChildSeen how, int only_child) {
    if (e.seen.size() != m_s.index_children.size()) e.seen.assign(m_s.index_children.size(), ChildSeen::NotRecorded);
    for (std::size_t k = 0; k < e.seen.size(); ++k) {
        if (only_child >= 0 && static_cast<int>(k) != only_child) continue;
        if (!child_alive(static_cast<int>(k), e.day)) continue;
        e.seen[k] = how;
    }
    for (std::size_t k = 0; k < e.seen.size(); ++k)
        if ((only_child < 0 || static_cast<int>(k) == only_child) && child_alive(static_cast<int>(k), e.day) &&
            std::find(e.subjects.begin(), e.subjects.end(), m_s.index_children[k]) == e.subjects.end())
            e.subjects.push_back(m_s.index_children[k]);
}

int StoryWriter::stay_at(std::int32_t day) const {
    int k = 0;
    for (std::int32_t m : m_moves)
        if (day >= m) ++k;
    return k;
}

std::int32_t StoryWriter::age_days(int child, std::int32_t day) const {
    return day - *m_s.people[static_cast<std::size_t>(m_s.index_children[static_cast<std::size_t>(child)])].born;
}

std::int32_t StoryWriter::years(int child, std::int32_t day) const {
    const int p = child < static_cast<int>(m_s.index_children.size()) ? m_s.index_children[static_cast<std::size_t>(child)] : child;
    return age_in_years(*m_s.people[static_cast<std::size_t>(p)].born, day);
}

std::int32_t StoryWriter::threshold(int child, std::int32_t day) const {
    return age_days(child, day) >= 0 && years(child, day) < 1 ? m_limits.unseen_infant : m_limits.unseen;
}

bool StoryWriter::child_alive(int child, std::int32_t day) const {
    const Person& p = m_s.people[static_cast<std::size_t>(m_s.index_children[static_cast<std::size_t>(child)])];
    return day >= *p.born && (!p.died || day <= *p.died);
}

std::int32_t StoryWriter::child_start(int child) const {
    return std::max(m_s.scope_from, *m_s.people[static_cast<std::size_t>(m_s.index_children[static_cast<std::size_t>(child)])].born);
}

std::int32_t StoryWriter::child_end(int child) const {
    const Person& p = m_s.people[static_cast<std::size_t>(m_s.index_children[static_cast<std::size_t>(child)])];
    return p.died ? std::min(m_s.scope_to, *p.died) : m_s.scope_to;
}

int StoryWriter::in_touch(AgencyKind kind, std::int32_t day) const {
    const int area = area_at(day);
    const Local& l = m_local[static_cast<std::size_t>(area)];
    int agency = -1;
    switch (kind) {
        case AgencyKind::HealthVisiting: agency = l.hv; break;
        case AgencyKind::Gp: agency = l.gp; break;
        case AgencyKind::School: agency = l.school; break;
        case AgencyKind::Housing: agency = l.housing; break;
        default: return -1;
    }
    if (agency < 0) return -1;
    const auto it = m_touch_from.find(agency);
    return it != m_touch_from.end() && day >= it->second ? agency : -1;
}

// The family's GP on a day: the local one once registered, else the last one they were with.
int StoryWriter::any_gp(std::int32_t day) const {
    for (int stay = stay_at(day); stay >= 0; --stay) {
        const int gp = m_local[static_cast<std::size_t>(m_stay_area[static_cast<std::size_t>(stay)])].gp;
        const auto it = m_touch_from.find(gp);
        if (it != m_touch_from.end() && it->second <= day) return gp;
    }
    return m_local[0].gp;
}

// [SECTION] Social care episodes

void StoryWriter::plan_social_care() {
    m_care = static_cast<CareStatus>(m_rng.weighted({57, 19, 23}));
    if (m_care == CareStatus::Never) return;
    std::int32_t from = 0, to = m_incident;
    if (m_care == CareStatus::Open) {
        from = std::max(m_s.scope_from + 25, m_incident - m_rng.between(60, 420));
    } else {
        const std::int32_t last_open = m_incident - 150;
        if (last_open - (m_s.scope_from + 25) < 60) {
            m_care = CareStatus::Never;
            return;
        }
        from = m_rng.between(m_s.scope_from + 25, last_open - 60);
        to = std::min(last_open, from + m_rng.between(60, 240));
    }
    // Around a move the case passes to the new area's social care (the old one keeps it until the
    // new one takes it on), or is closed on the move.
    const int first_area = area_at(from);
    m_episodes.push_back({m_local[static_cast<std::size_t>(first_area)].csc, from, to, m_care == CareStatus::Closed});
}

int StoryWriter::care_on(std::int32_t day) const {
    for (const CareEpisode& ep : m_episodes)
        if (day >= ep.from && day <= ep.to) return ep.agency;
    return -1;
}

void StoryWriter::write_social_care() {
    const Person& mother = m_s.people[static_cast<std::size_t>(m_mother)];
    for (const CareEpisode& ep : m_episodes) {
        const std::string handed = ep.transfer >= 0 ? m_s.events[static_cast<std::size_t>(ep.transfer)].ref : std::string();
        Event& opened = add(ep.agency, ep.from, EntryType::CaseOpened,
                            handed.empty() ? "Case opened for a child and family assessment following concerns about the care of the children."
                                           : "Case transferred in (" + handed + ") and allocated for a transfer-in assessment.");
        opened.subjects = {m_mother};
        opened.practitioner = "TM1";
        if (ep.transfer >= 0) m_s.incidents.push_back({ep.transfer, static_cast<int>(m_s.events.size() - 1)});
        const std::int32_t assess = std::min(ep.to, ep.from + m_rng.between(5, 20));
        Event& a = add(ep.agency, assess, EntryType::Assessment,
                       "Child and family assessment: " + mother.name + " spoke about money, housing and her own low mood.");
        a.subjects = {m_mother};
        if (!m_separation || *m_separation > assess) a.subjects.push_back(m_father);
        if (m_partner >= 0 && !m_partner_hidden && m_partner_from && *m_partner_from <= assess) a.subjects.push_back(m_partner);
        a.practitioner = "SW1";
        if (ep.to - ep.from > 60) {
            Event& cg = add(ep.agency, ep.from + m_rng.between(30, std::min(55, ep.to - ep.from - 1)), EntryType::CoreGroup,
                            "Core group meeting; plan reviewed with " + mother.name + " and the professionals involved.");
            cg.subjects = {m_mother};
            cg.practitioner = "SW1";
        }
        if (ep.closes) {
            Event& closed = add(ep.agency, ep.to, EntryType::CaseClosed,
                                "Case closed: the plan was completed and " + mother.name + " engaged with universal services.");
            closed.subjects = {m_mother};
            closed.practitioner = "TM1";
        }
    }
}

// [SECTION] Transfers at moves

void StoryWriter::plan_transfers() {
    for (std::size_t k = 0; k < m_moves.size(); ++k) {
        const std::int32_t move = m_moves[k];
        const std::int32_t limit = k + 1 < m_moves.size() ? m_moves[k + 1] - 1 : m_s.scope_to;
        const Local& from = m_local[static_cast<std::size_t>(m_stay_area[k])];
        const Local& to = m_local[static_cast<std::size_t>(m_stay_area[k + 1])];
        const std::string& old_area = m_s.areas[static_cast<std::size_t>(m_stay_area[k])];
        const std::string& new_area = m_s.areas[static_cast<std::size_t>(m_stay_area[k + 1])];
        bool under_five = false, school_age = false;
        for (std::size_t c = 0; c < m_s.index_children.size(); ++c) {
            under_five = under_five || years(static_cast<int>(c), move) < 5;
            school_age = school_age || (years(static_cast<int>(c), move) >= 5 && years(static_cast<int>(c), move) <= 16);
        }
        // When each expected kind first hears in the new area: ok, late or never (an assumption:
        // about half on time; the reviews describe late and missed transfers as common).
        auto plan = [&](std::int32_t on_time, bool working_days) -> std::optional<std::int32_t> {
            const std::size_t status = m_rng.weighted({50, 30, 20});
            std::int32_t calendar_limit = on_time;
            if (working_days) {
                calendar_limit = 0;
                while (working_days_between(move, move + calendar_limit + 1) <= on_time) ++calendar_limit;
            }
            if (status == 0 || move + calendar_limit + 1 > limit) {
                if (status == 2) return std::nullopt;
                return move + m_rng.between(1, std::min(calendar_limit, limit - move));
            }
            if (status == 1) return move + m_rng.between(calendar_limit + 1, std::min(calendar_limit + 70, limit - move));
            return std::nullopt;
        };
        // GP: registration in the new area, GP2GP records requested.
        if (const auto day = plan(28, false)) {
            m_touch_from[to.gp] = *day;
            Event& e = add(to.gp, *day, EntryType::Registration,
                           "New patient registration for the family; records requested from " +
                               m_s.agencies[static_cast<std::size_t>(from.gp)].name + ".");
            e.subjects = {m_mother};
            for (int c : m_s.index_children) e.subjects.push_back(c);
            m_s.notes.push_back("Move to " + new_area + " on " + format_day(move) + ": GP registration after " +
                                std::to_string(*day - move) + " days.");
        } else {
            m_s.notes.push_back("Move to " + new_area + " on " + format_day(move) + ": never registered with a GP there.");
        }
        // Health visiting for a child under 5: a transfer from the old area, or the new one finding the family.
        if (under_five && from.hv >= 0) {
            if (const auto day = plan(14, false)) {
                std::int32_t own = *day;
                if (m_rng.chance(0.5)) {
                    Event& t = add(from.hv, *day, EntryType::CaseTransfer,
                                   "Health visiting records transferred to " + new_area + " following the family's move.");
                    t.to = {to.hv};
                    t.subjects = {m_mother};
                    const std::string ref = t.ref;
                    const int sent = static_cast<int>(m_s.events.size() - 1);
                    own = std::min(limit, *day + m_rng.between(2, 12));
                    Event& in = add(to.hv, own, EntryType::HomeVisit,
                                    "Transfer-in visit after records were received from " + old_area + " (" + ref + ").");
                    in.subjects = {m_mother};
                    for (std::size_t c = 0; c < m_s.index_children.size(); ++c)
                        if (years(static_cast<int>(c), own) < 5) see(in, ChildSeen::Seen, static_cast<int>(c));
                    if (own - *day <= 7) m_s.incidents.push_back({sent, static_cast<int>(m_s.events.size() - 1)});
                }
                m_touch_from[to.hv] = own;
                m_s.notes.push_back("Health visiting in " + new_area + " first knew of the family " +
                                    std::to_string(*day - move) + " days after the move.");
            } else {
                m_s.notes.push_back("Health visiting in " + new_area + " never heard of the family (missed transfer).");
            }
        }
        // School for a child of 5 to 16: admission in the new area.
        if (school_age && to.school >= 0) {
            if (const auto day = plan(28, false)) {
                m_touch_from[to.school] = *day;
                Event& e = add(to.school, *day, EntryType::Registration, "Admitted to the school after the family's move from " + old_area + ".");
                e.subjects = {m_mother};
                for (std::size_t c = 0; c < m_s.index_children.size(); ++c)
                    if (years(static_cast<int>(c), *day) >= 5 && years(static_cast<int>(c), *day) <= 16) {
                        see(e, ChildSeen::Seen, static_cast<int>(c));
                    }
                m_s.notes.push_back("School admission in " + new_area + " after " + std::to_string(*day - move) + " days.");
            } else {
                m_s.notes.push_back("No school in " + new_area + " admitted the children (missed transfer).");
            }
        }
        m_touch_from[to.housing] = move;
        // Social care open at the move: transfer sent, closed on the move, or no handover.
        for (std::size_t e = 0; e < m_episodes.size(); ++e) {
            CareEpisode& ep = m_episodes[e];
            if (ep.agency != from.csc || ep.from >= move || ep.to < move) continue;
            const std::optional<std::int32_t> day = plan(15, true);
            const std::size_t old_side = m_rng.weighted({50, 25, 25});
            const std::int32_t old_to = ep.to;
            if (old_side == 0 && day) {
                // The old team sends the case; it stays responsible until the new team takes it on.
                ep.to = std::min(limit, *day + m_rng.between(5, 20));
                ep.closes = true;
                Event& t = add(ep.agency, *day, EntryType::CaseTransfer,
                               "Case transferred to " + new_area + " Children's Social Care following the family's move.");
                t.to = {to.csc};
                t.subjects = {m_mother};
                t.practitioner = "TM1";
                const int sent = static_cast<int>(m_s.events.size() - 1);
                const std::int32_t own = std::min(limit, *day + m_rng.between(2, 7));
                if (own <= old_to) m_episodes.push_back({to.csc, own, old_to, old_to < m_incident, sent});
            } else if (old_side == 1 || !day) {
                // Closed because the family moved: no handover.
                ep.to = std::min(limit, move + m_rng.between(2, 15));
                ep.closes = true;
                if (day && *day <= old_to) m_episodes.push_back({to.csc, *day, old_to, old_to < m_incident});
            } else {
                // Kept open without telling anyone, until the new area finds the family.
                ep.to = std::min(limit, *day + m_rng.between(5, 25));
                ep.closes = true;
                if (*day <= old_to) m_episodes.push_back({to.csc, *day, old_to, old_to < m_incident});
            }
            m_s.notes.push_back("Social care in " + new_area + (day ? " took the case on " + std::to_string(*day - move) + " days after the move"
                                                                     : " never heard of the family") + ".");
            break;
        }
    }
}

// [SECTION] Domestic abuse incidents

void StoryWriter::write_birth() {
    for (std::size_t k = 0; k < m_s.index_children.size(); ++k) {
        const Person& child = m_s.people[static_cast<std::size_t>(m_s.index_children[k])];
        if (*child.born <= m_s.scope_from || m_maternity < 0) continue;
        const Person& mother = m_s.people[static_cast<std::size_t>(m_mother)];
        for (std::int32_t d = m_s.scope_from + m_rng.between(3, 20); d < *child.born - 7; d += m_rng.between(18, 33)) {
            const bool missed = m_rng.chance(0.15);
            Event& e = add(m_maternity, d, missed ? EntryType::MissedAppointment : EntryType::Antenatal,
                           missed ? "Did not attend antenatal appointment; letter sent." : "Antenatal appointment, " + mother.name + " attended.");
            e.subjects = {m_mother};
            if (!missed && d < m_s.scope_from + 60 && (!m_separation || *m_separation > d)) e.subjects.push_back(m_father);
        }
        Event& birth = add(m_maternity, *child.born, EntryType::Birth, child.name + " born at term; mother and baby well.");
        birth.subjects = {m_mother};
        see(birth, ChildSeen::Seen, static_cast<int>(k));
        m_must_see.insert({static_cast<int>(k), *child.born});
        for (std::int32_t d : {*child.born + 1, *child.born + m_rng.between(4, 7)}) {
            Event& v = add(m_maternity, d, EntryType::HomeVisit, "Postnatal visit; baby feeding well, weight checked.");
            v.subjects = {m_mother};
            see(v, ChildSeen::Seen, static_cast<int>(k));
        }
        const std::int32_t discharge = *child.born + m_rng.between(10, 14);
        Event& handover = add(m_maternity, discharge, EntryType::Discharge, "Discharged from midwifery care to health visiting.");
        handover.subjects = {m_mother};
        const int hv = m_local[static_cast<std::size_t>(area_at(discharge))].hv;
        if (hv >= 0) handover.to = {hv};
        see(handover, ChildSeen::Seen, static_cast<int>(k));
        const std::string ref = handover.ref;
        const int sent = static_cast<int>(m_s.events.size() - 1);
        if (hv >= 0) {
            // The health visitor's new birth visit, on the handover.
            Event& visit = add(hv, discharge + m_rng.between(0, 3), EntryType::HomeVisit,
                               "New birth visit following the midwifery discharge (" + ref + "); " + child.name +
                                   " seen, feeding and sleep discussed.");
            visit.subjects = {m_mother};
            see(visit, ChildSeen::Seen, static_cast<int>(k));
            m_s.incidents.push_back({sent, static_cast<int>(m_s.events.size() - 1)});
        }
    }
}

void StoryWriter::write_domestic_abuse() {
    if (!m_domestic_abuse) return;
    const int incidents = static_cast<int>(1 + m_rng.weighted({40, 30, 20, 10}));
    std::vector<std::int32_t> days;
    for (int attempt = 0; attempt < 100 && static_cast<int>(days.size()) < incidents; ++attempt) {
        const std::int32_t d = m_rng.between(m_s.scope_from + 20, m_incident - 25);
        const bool apart = std::all_of(days.begin(), days.end(), [&](std::int32_t x) { return std::abs(x - d) > 25; });
        const bool clear_of_moves = std::all_of(m_moves.begin(), m_moves.end(), [&](std::int32_t m) { return std::abs(m - d) > 16; });
        if (apart && clear_of_moves) days.push_back(d);
    }
    std::sort(days.begin(), days.end());
    const Person& mother = m_s.people[static_cast<std::size_t>(m_mother)];
    for (std::int32_t day : days) {
        const bool partner = m_partner >= 0 && m_partner_from && day >= *m_partner_from;
        const int perpetrator = partner ? m_partner : m_father;
        if (!partner && m_separation && day > *m_separation + 60) continue;  // he has moved on
        const Person& him = m_s.people[static_cast<std::size_t>(perpetrator)];
        const int area = area_at(day);
        const std::string him_as_police_write = partner ? him.aliases.front() : him.name;
        Event& incident = add(m_police, day, EntryType::PoliceIncident, "");
        incident.minute = m_rng.between(19 * 60, 23 * 60 + 50);
        incident.area = area;
        incident.ref = "CAD " + std::to_string(1000 + m_rng.below(9000)) + "/" + day_code(day);
        incident.tags = {"domestic_abuse"};
        incident.subjects = {m_mother, perpetrator};
        incident.practitioner = "PC" + std::to_string(1 + m_rng.below(9));
        const bool seen = m_rng.chance(0.6);
        incident.summary = "Domestic incident at the home address: " + mother.name + " assaulted by " + him_as_police_write +
                           " in the kitchen; " + (seen ? "children seen by officers, safe and well." : "children not seen, said to be asleep.");
        see(incident, seen ? ChildSeen::Seen : ChildSeen::NotSeen);
        const std::string cad = incident.ref;
        const int incident_event = static_cast<int>(m_s.events.size() - 1);
        if (m_care == CareStatus::Never && care_on(day) < 0 && m_rng.chance(0.5)) continue;  // never passed on
        // The notification: to social care where the family lives, or (planted) to the area it left.
        const int csc_here = m_local[static_cast<std::size_t>(area)].csc;
        const int stay = stay_at(day);
        const bool misroute = stay > 0 && m_rng.chance(0.5);
        const std::int32_t sent = day + m_rng.between(1, 3);
        Event& note = add(m_police, sent, EntryType::Notification, "");
        note.area = area;
        note.ref = "CCN " + format_day(sent).substr(2, 2) + "/" + std::to_string(1000 + m_rng.below(9000));
        note.subjects = {m_mother, perpetrator};
        note.modality = Modality::Electronic;
        note.practitioner = "DS1";
        const std::string ccn = note.ref;
        if (misroute) {
            const int old_csc = m_local[static_cast<std::size_t>(m_stay_area[static_cast<std::size_t>(stay - 1)])].csc;
            note.to = {old_csc};
            note.summary = "Child concern notification for domestic incident " + cad + " sent to " +
                           m_s.agencies[static_cast<std::size_t>(old_csc)].name + ".";
            m_s.notes.push_back("The notification of the " + format_day(day) + " incident went to " +
                                m_s.agencies[static_cast<std::size_t>(old_csc)].name + ", in the area the family had left.");
            if (!m_rng.chance(0.7)) continue;
            const std::int32_t again = sent + m_rng.between(4, 30);
            Event& resend = add(m_police, again, EntryType::Notification,
                                "Child concern notification " + ccn + " re-sent to the right area: " +
                                    m_s.agencies[static_cast<std::size_t>(csc_here)].name + ".");
            resend.area = area;
            resend.ref = ccn + "A";
            resend.to = {csc_here};
            resend.subjects = {m_mother};
            resend.modality = Modality::Electronic;
            Event& got = add(csc_here, again, EntryType::Notification,
                             "Police notification " + resend.ref + " received about domestic incident " + cad + "; for screening.");
            got.subjects = {m_mother};
            got.practitioner = "DT1";
            screened(csc_here, again);
            continue;
        }
        note.to = {csc_here};
        note.summary = "Child concern notification for domestic incident " + cad + " sent to " +
                       m_s.agencies[static_cast<std::size_t>(csc_here)].name + ".";
        // Social care records it, quoting the police references, without naming a hidden partner.
        Event& got = add(csc_here, sent + m_rng.between(0, 1), EntryType::Notification,
                         "Police notification " + ccn + " received: domestic incident " + cad + " on " + uk_day(day) +
                             " involving " + mother.name + " and " + (partner && m_partner_hidden ? std::string("her partner") : him.name) +
                             ". Screened by the duty team.");
        got.subjects = {m_mother};
        if (!(partner && m_partner_hidden)) got.subjects.push_back(perpetrator);
        got.practitioner = "DT1";
        got.modality = Modality::Electronic;
        m_s.incidents.push_back({incident_event, static_cast<int>(m_s.events.size() - 2), static_cast<int>(m_s.events.size() - 1)});
        screened(csc_here, got.day);
        m_s.notes.push_back("Domestic incident on " + format_day(day) + " (" + cad + "), recorded by police and social care.");
    }
}

void StoryWriter::write_partner() {
    // A partner appears in housing records (and police ones, if violent); hidden, he is in no others.
    if (m_partner >= 0 && m_partner_from) {
        const std::int32_t d = std::min(m_incident - 10, *m_partner_from + m_rng.between(10, 60));
        const int housing = m_local[static_cast<std::size_t>(area_at(d))].housing;
        Event& h = add(housing, d, EntryType::Housing,
                       "Joint tenancy enquiry by " + m_s.people[static_cast<std::size_t>(m_mother)].name + " and " + m_s.people[static_cast<std::size_t>(m_partner)].name + ".");
        h.subjects = {m_mother, m_partner};
        h.modality = Modality::Phone;
        if (m_partner_hidden)
            m_s.notes.push_back(m_s.people[static_cast<std::size_t>(m_partner)].name +
                                ", the mother's partner, is known to police and housing only.");
    }
}

// A notification screened while social care does not hold the case ends in no further action,
// which closes it (the next record is a new involvement).
void StoryWriter::screened(int csc, std::int32_t day) {
    if (care_on(day) == csc) return;
    Event& e = add(csc, day, EntryType::CaseClosed, "Screened by the duty team: no further action.");
    e.subjects = {m_mother};
    e.practitioner = "DT1";
    e.seq = 9;
}

// [SECTION] The incident under review

void StoryWriter::write_incident() {
    const int area = area_at(m_incident);
    const Person& child = m_s.people[static_cast<std::size_t>(m_s.index_children[0])];
    const bool baby = years(0, m_incident) < 1;
    const std::int32_t arrived = m_rng.between(8 * 60, 17 * 60);  // minute of the day
    Event& ed = add(m_hospital, m_incident, EntryType::HospitalAttendance,
                    child.name + " brought to the emergency department by ambulance: " +
                        (baby ? "unresponsive, bruising to the face and chest." : "serious injuries, account inconsistent."));
    ed.minute = arrived;
    ed.subjects = {m_mother};
    ed.seq = 1;
    see(ed, ChildSeen::Seen, 0);
    const int attendance = static_cast<int>(m_s.events.size() - 1);
    m_must_see.insert({0, m_incident});
    Event& injury = add(m_hospital, m_incident, EntryType::Injury, "Skeletal survey and body map completed; injuries recorded.");
    injury.minute = arrived + 45;
    injury.tags = {"injury"};
    injury.seq = 2;
    see(injury, ChildSeen::Seen, 0);
    if (m_death) {
        Event& death = add(m_hospital, m_incident, EntryType::Death, child.name + " died despite resuscitation.");
        death.minute = arrived + 105;
        death.seq = 3;
        death.subjects = {m_s.index_children[0]};
    }
    const std::string ed_ref = m_s.events[static_cast<std::size_t>(attendance)].ref;
    Event& police = add(m_police, m_incident, EntryType::PoliceIncident,
                        "Attended the hospital following a call from the emergency department (" + ed_ref + ") about " +
                            child.name + "'s injuries.");
    police.area = area;
    police.minute = arrived + 90;
    police.tags = {"injury"};
    police.ref = "CAD " + std::to_string(1000 + m_rng.below(9000)) + "/" + day_code(m_incident);
    police.subjects = {m_mother};
    police.seq = 4;
    const std::string cad = police.ref;
    const int attended = static_cast<int>(m_s.events.size() - 1);
    Event& strategy = add(m_local[static_cast<std::size_t>(area)].csc, m_incident, EntryType::StrategyDiscussion,
                          "Strategy discussion with police (" + cad + ") and the hospital (" + ed_ref + ") after " +
                              child.name + " was brought to hospital with injuries.");
    strategy.subjects = {m_mother};
    strategy.to = {m_police, m_hospital};
    strategy.modality = Modality::Phone;
    strategy.minute = arrived + 150;
    strategy.seq = 5;
    m_s.incidents.push_back({attendance, attended, static_cast<int>(m_s.events.size() - 1)});
}

void StoryWriter::write_background() {
    const Person& mother = m_s.people[static_cast<std::size_t>(m_mother)];
    // Housing: applications and repairs, now and then.
    for (std::int32_t d = m_s.scope_from + m_rng.between(10, 80); d < m_incident - 5; d += m_rng.between(70, 160)) {
        const int housing = in_touch(AgencyKind::Housing, d);
        if (housing < 0) continue;
        static constexpr std::array<const char*, 4> k_what = {"Repairs reported: damp in the bedroom.",
                                                              "Rent arrears letter sent.", "Housing register review.",
                                                              "Tenancy visit; property in poor condition."};
        Event& h = add(housing, d, EntryType::Housing, k_what[m_rng.below(4)]);
        h.subjects = {m_mother};
        h.modality = Modality::Letter;
    }
    // The GP sees the mother about her own health; the father is known to the surgery too.
    for (std::int32_t d = m_s.scope_from + m_rng.between(5, 40); d < m_incident - 5; d += m_rng.between(40, 110)) {
        Event& g = add(any_gp(d), d, EntryType::GpConsultation, mother.name + " seen about low mood and poor sleep; reviewed medication.");
        g.subjects = {m_mother};
    }
    Event& dad = add(m_local[0].gp, m_s.scope_from + m_rng.between(2, 30), EntryType::GpConsultation,
                     m_s.people[static_cast<std::size_t>(m_father)].name + " seen for a back injury at work; fit note issued.");
    dad.subjects = {m_father};
    // A visible partner is named by social care or health visiting at least once.
    if (m_partner >= 0 && !m_partner_hidden && m_partner_from) {
        const std::int32_t d = std::min(m_incident - 3, *m_partner_from + m_rng.between(5, 40));
        const int agency = any_gp(d);
        Event& p = add(agency, d, EntryType::GpConsultation,
                       m_s.people[static_cast<std::size_t>(m_partner)].name + " registered as a patient; lives with " + mother.name + ".");
        p.subjects = {m_partner};
    }
    // What a relative said: partial dates, kept apart from professional sightings.
    if (m_family >= 0) {
        const std::int32_t d = m_rng.between(m_s.scope_from + 30, m_incident - 30);
        const std::string iso = format_day(d);
        Event& f = add(m_family, civil(std::stoi(iso.substr(0, 4)), static_cast<unsigned>(std::stoi(iso.substr(5, 2))), 1),
                       EntryType::Contact, "I had the children most weekends that month; they seemed hungry.");
        f.date_text = iso.substr(0, 7);
        f.latest_day = f.day + 27;
        f.subjects = {m_mother};
        for (std::size_t c = 0; c < m_s.index_children.size(); ++c)
            if (child_alive(static_cast<int>(c), f.day)) see(f, ChildSeen::Seen, static_cast<int>(c));
    }
}

// [SECTION] Periods nobody saw the child

void StoryWriter::plant_stretches() {
    // Periods nobody saw a child, planted: the family not answering the door, appointments missed,
    // the child "at nan's" (reviews: children unseen and unheard).
    for (std::size_t c = 0; c < m_s.index_children.size(); ++c) {
        const int child = static_cast<int>(c);
        const int count = static_cast<int>(m_rng.weighted({35, 45, 20}));
        for (int n = 0, attempt = 0; n < count && attempt < 60; ++attempt) {
            const std::int32_t start = m_rng.between(child_start(child) + 15, child_end(child) - 40);
            const std::int32_t length = threshold(child, start) + m_rng.between(1, 75);
            const std::int32_t end = start + length;
            if (end >= child_end(child) - 5 || start <= child_start(child)) continue;
            // Births and the incident are sightings the story cannot remove; stretches stay apart.
            bool clash = false;
            for (const auto& [who, day] : m_must_see) clash = clash || (who == child && day >= start - 3 && day <= end + 3);
            for (std::int32_t m : m_moves) clash = clash || (m >= start - 10 && m <= end + 10);
            for (const Stretch& s : m_stretches) clash = clash || (s.child == child && start <= s.to + 30 && end >= s.from - 30);
            if (clash) continue;
            m_stretches.push_back({child, start, end, false});
            ++n;
        }
        // Social care holding the case but not seeing the child, while others did.
        for (const CareEpisode& ep : m_episodes) {
            if (ep.to - ep.from < 100 || !m_rng.chance(0.3)) continue;
            const std::int32_t start = m_rng.between(ep.from + 20, ep.to - 60);
            const std::int32_t end = start + threshold(child, start) + m_rng.between(1, 30);
            // Only while the child is alive and in the story (a baby born later cannot go unseen).
            if (end >= ep.to - 10 || start <= child_start(child) || end >= child_end(child) - 5) continue;
            bool clash = false;
            for (const Stretch& s : m_stretches) clash = clash || (s.child == child && start <= s.to + 30 && end >= s.from - 30);
            for (std::int32_t m : m_moves) clash = clash || (m >= start - 10 && m <= end + 10);
            if (!clash) m_stretches.push_back({child, start, end, true});
        }
    }
    // Inside a stretch the records say the child was not seen.
    for (Event& e : m_s.events) {
        const AgencyKind kind = m_s.agencies[static_cast<std::size_t>(e.agency)].kind;
        for (std::size_t c = 0; c < e.seen.size(); ++c) {
            if (!is_sighting(e.seen[c]) || !in_stretch(static_cast<int>(c), e.day, kind == AgencyKind::ChildrensSocialCare)) continue;
            e.seen[c] = ChildSeen::NotSeen;
            e.summary += " Child not seen.";
        }
    }
    for (const Stretch& s : m_stretches) {
        const Person& child = m_s.people[static_cast<std::size_t>(m_s.index_children[static_cast<std::size_t>(s.child)])];
        m_s.notes.push_back(std::string(s.social_care_only ? "No social worker" : "Nobody") + " saw " + child.name + " from " +
                            format_day(s.from) + " to " + format_day(s.to) + " (" + std::to_string(s.to - s.from) + " days).");
    }
}

bool StoryWriter::in_stretch(int child, std::int32_t day, bool social_care) const {
    for (const Stretch& s : m_stretches)
        if (s.child == child && day > s.from && day < s.to && (!s.social_care_only || social_care)) return true;
    return false;
}

// [SECTION] Keeping the child seen and the family in contact

void StoryWriter::keep_children_seen() {
    for (std::size_t c = 0; c < m_s.index_children.size(); ++c) {
        const int child = static_cast<int>(c);
        const Person& p = m_s.people[static_cast<std::size_t>(m_s.index_children[c])];
        auto sighting_days = [&] {
            std::set<std::int32_t> days;
            for (const Event& e : m_s.events)
                if (m_s.agencies[static_cast<std::size_t>(e.agency)].kind != AgencyKind::Family && e.precise() &&
                    e.seen.size() > c && is_sighting(e.seen[c]))
                    days.insert(e.day);
            return days;
        };
        // Someone who would see the child that day: social care when it holds the case, else the
        // health visitor (under 5), the school (5 to 16) or the GP.
        auto sight = [&](std::int32_t day, bool at_edge) {
            int agency = -1;
            EntryType type = EntryType::HomeVisit;
            std::string text;
            const std::int32_t y = years(child, day);
            const int csc = care_on(day);
            if (csc >= 0 && !in_stretch(child, day, true) && m_rng.chance(0.5)) {
                agency = csc;
                text = "Home visit; " + p.name + " seen" + (y >= 3 ? " and spoken to about home." : ", well presented.");
            } else if (y < 5 && in_touch(AgencyKind::HealthVisiting, day) >= 0) {
                agency = in_touch(AgencyKind::HealthVisiting, day);
                text = "Health visitor home visit; " + p.name + " seen, weight and development checked.";
            } else if (y >= 5 && y <= 16 && in_touch(AgencyKind::School, day) >= 0) {
                agency = in_touch(AgencyKind::School, day);
                type = EntryType::Contact;
                text = p.name + " seen in school by the safeguarding lead; attendance and welfare reviewed.";
            } else {
                agency = any_gp(day);
                type = EntryType::GpConsultation;
                text = p.name + " seen at the surgery with a cough; examined, no concerns.";
            }
            Event& e = add(agency, day, type, text);
            e.subjects = {m_mother};
            see(e, (y >= 3 && m_rng.chance(0.2)) ? ChildSeen::SeenAlone : ChildSeen::Seen, child);
            if (m_s.agencies[static_cast<std::size_t>(agency)].kind == AgencyKind::ChildrensSocialCare) e.practitioner = "SW2";
            (void)at_edge;
        };
        // The ends of each planted stretch are sightings.
        for (const Stretch& s : m_stretches)
            if (s.child == child && !s.social_care_only) {
                std::set<std::int32_t> days = sighting_days();
                if (!days.count(s.from)) sight(s.from, true);
                if (!days.count(s.to)) sight(s.to, true);
            }
        // Walk the child's period: no other interval longer than the threshold.
        std::set<std::int32_t> days = sighting_days();
        std::int32_t t = child_start(child);
        const std::int32_t end = child_end(child);
        days.insert(end);
        for (std::int32_t next : days) {
            if (next <= t || next > end) continue;
            while (next - t > threshold(child, t) - 2) {
                bool planted = false;
                for (const Stretch& s : m_stretches) planted = planted || (s.child == child && !s.social_care_only && s.from == t && s.to == next);
                if (planted) break;
                const std::int32_t limit = threshold(child, t) - 3;
                std::int32_t at = t + m_rng.between(std::max(3, limit / 2), limit);
                if (at >= next) at = next - 1;
                if (at <= t) break;
                sight(at, false);
                t = at;
            }
            t = next;
        }
    }
}

void StoryWriter::keep_social_care_seeing() {
    for (const CareEpisode& ep : m_episodes) {
        for (std::size_t c = 0; c < m_s.index_children.size(); ++c) {
            const int child = static_cast<int>(c);
            const Person& p = m_s.people[static_cast<std::size_t>(m_s.index_children[c])];
            const std::int32_t from = std::max(ep.from, child_start(child));
            const std::int32_t to = std::min(ep.to, child_end(child));
            if (from >= to) continue;
            std::set<std::int32_t> seen, records;
            for (const Event& e : m_s.events) {
                if (m_s.agencies[static_cast<std::size_t>(e.agency)].kind != AgencyKind::ChildrensSocialCare) continue;
                if (e.day < from || e.day > to) continue;
                if (e.agency == ep.agency) records.insert(e.day);
                if (e.seen.size() > c && is_sighting(e.seen[c])) seen.insert(e.day);
            }
            seen.insert(to);
            records.insert(to);
            std::int32_t t = from;
            for (std::int32_t next : seen) {
                if (next <= t) continue;
                while (next - t > threshold(child, t) - 2) {
                    const std::int32_t limit = threshold(child, t) - 3;
                    std::int32_t at = t + m_rng.between(std::max(3, limit / 2), limit);
                    if (at >= next) at = next - 1;
                    if (at <= t) break;
                    if (in_stretch(child, at, true)) {
                        // Inside a stretch the social worker keeps trying: no answer at the door.
                        Event& e = add(ep.agency, at, EntryType::NoAccessVisit, "Unannounced visit; no answer at the door. Card left.");
                        e.subjects = {m_mother};
                        see(e, ChildSeen::NotSeen, child);
                        e.practitioner = "SW2";
                    } else {
                        Event& e = add(ep.agency, at, EntryType::HomeVisit,
                                       "Statutory visit; " + p.name + " seen" + (years(child, at) >= 3 ? " alone in the bedroom." : " with mother."));
                        e.subjects = {m_mother};
                        see(e, years(child, at) >= 3 ? ChildSeen::SeenAlone : ChildSeen::Seen, child);
                        e.practitioner = "SW2";
                    }
                    t = at;
                }
                t = next;
            }
        }
    }
}

void StoryWriter::keep_in_contact() {
    // Contacts at least every four weeks across the scope (no gap of six weeks), from whoever is in touch.
    auto contact_days = [&] {
        std::set<std::int32_t> days;
        for (const Event& e : m_s.events) {
            const AgencyKind k = m_s.agencies[static_cast<std::size_t>(e.agency)].kind;
            if (k == AgencyKind::Family || !e.precise()) continue;
            if (e.type == EntryType::Birth || e.type == EntryType::Death || e.type == EntryType::Injury || e.type == EntryType::Move) continue;
            days.insert(e.day);
        }
        return days;
    };
    std::set<std::int32_t> days = contact_days();
    days.insert(m_s.scope_to);
    std::int32_t t = m_s.scope_from;
    for (std::int32_t next : days) {
        if (next <= t) continue;
        while (next - t > 30) {
            const std::int32_t at = t + m_rng.between(12, 28);
            if (at >= next) break;
            Event& e = add(any_gp(at), at, EntryType::Letter, "Letter to " + m_s.people[static_cast<std::size_t>(m_mother)].name + " about a review appointment.");
            e.subjects = {m_mother};
            e.modality = Modality::Letter;
            t = at;
        }
        t = next;
    }
    // Social care records at least every four weeks while it holds the case (no agency gap).
    for (const CareEpisode& ep : m_episodes) {
        std::set<std::int32_t> rec;
        for (const Event& e : m_s.events)
            if (e.agency == ep.agency && e.day >= ep.from && e.day <= ep.to) rec.insert(e.day);
        rec.insert(ep.to);
        std::int32_t u = ep.from;
        for (std::int32_t next : rec) {
            if (next <= u) continue;
            while (next - u > 30) {
                const std::int32_t at = u + m_rng.between(10, 25);
                if (at >= next) break;
                Event& e = add(ep.agency, at, EntryType::PhoneCall, "Telephone call with " + m_s.people[static_cast<std::size_t>(m_mother)].name + " to review the plan.");
                e.subjects = {m_mother};
                e.modality = Modality::Phone;
                u = at;
            }
            u = next;
        }
    }
}

void StoryWriter::finish() {
    // Each agency's file lists its records in date order.
    std::vector<int> order(m_s.events.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Event& x = m_s.events[static_cast<std::size_t>(a)];
        const Event& y = m_s.events[static_cast<std::size_t>(b)];
        return std::tie(x.day, x.minute, x.seq) < std::tie(y.day, y.minute, y.seq);
    });
    std::vector<Event> sorted;
    std::vector<int> moved(m_s.events.size());
    sorted.reserve(m_s.events.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        moved[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
        sorted.push_back(std::move(m_s.events[static_cast<std::size_t>(order[k])]));
    }
    m_s.events = std::move(sorted);
    for (auto& incident : m_s.incidents)
        for (int& e : incident) e = moved[static_cast<std::size_t>(e)];
    std::map<int, int> next_position;
    for (Event& e : m_s.events) e.position = next_position[e.agency]++;
    const Person& child = m_s.people[static_cast<std::size_t>(m_s.index_children[0])];
    m_s.title = "Child " + child.name.substr(0, 1) + " (synthetic)";
}

Story StoryWriter::write() {
    choose_children();
    choose_adults();
    choose_moves();
    make_agencies();
    make_residences();
    plan_social_care();
    plan_transfers();
    write_social_care();
    write_birth();
    write_domestic_abuse();
    write_partner();
    write_incident();
    write_background();
    plant_stretches();
    keep_children_seen();
    keep_social_care_seeing();
    keep_in_contact();
    finish();
    return std::move(m_s);
}

}  // namespace

// [SECTION] write_story

Story write_story(std::uint64_t seed) { return StoryWriter(seed).write(); }

}  // namespace sightline::engine::synth
