// Bulk corpora: many agencies' chronologies of many rows, for benchmarks and the large tests.
#include <algorithm>
#include <array>
#include <cstdio>

#include "sightline/engine/generate.hpp"

namespace sightline::engine {

namespace {

constexpr std::array<std::string_view, 8> k_areas = {"Eastmere", "Harrowfield", "Lowbridge", "Kingsmoor",
                                                     "Ashby Vale", "Northgate", "Redbrook", "Westleigh"};

struct KindInfo {
    AgencyKind kind;
    std::string_view suffix;               // the agency's name after its area
    std::array<std::string_view, 5> types; // as the agency writes them (synonyms included)
};

constexpr std::array<KindInfo, 10> k_kinds = {{
    {AgencyKind::Police, "Police", {"Police incident", "Arrest", "Notification", "Phone call", "Police incident"}},
    {AgencyKind::HealthVisiting, "Health Visiting", {"Home visit", "Phone call", "Developmental check", "DNA", "Letter"}},
    {AgencyKind::Gp, "Surgery", {"GP consultation", "DNA", "Immunisation", "Letter", "Phone call"}},
    {AgencyKind::ChildrensSocialCare, "Children's Social Care",
     {"Home visit", "Strategy meeting", "Referral", "Assessment", "No access visit"}},
    {AgencyKind::School, "Primary School", {"Meeting", "Phone call", "Contact", "Exclusion", "Meeting"}},
    {AgencyKind::Hospital, "General Hospital", {"A&E attendance", "Admission", "Discharge", "Letter", "A&E attendance"}},
    {AgencyKind::Housing, "Housing", {"Housing", "Letter", "Home visit", "Phone call", "Housing"}},
    {AgencyKind::Midwifery, "Maternity", {"Antenatal", "Home visit", "DNA", "Phone call", "Antenatal"}},
    {AgencyKind::EarlyHelp, "Early Help", {"Home visit", "Meeting", "Phone call", "Core group", "Home visit"}},
    {AgencyKind::Ambulance, "Ambulance Service", {"Contact", "Contact", "Phone call", "Contact", "Contact"}},
}};

constexpr std::array<std::string_view, 6> k_people = {"Mum", "Baby A", "Mum; Baby A", "Mr Z", "Mum; Mr Z; Baby A", ""};

constexpr std::array<std::string_view, 8> k_openers = {
    "Visit to the family home", "Telephone call with mother", "Mother attended with baby",
    "Report received from the out-of-hours team", "Seen at the clinic", "Letter sent to the family",
    "Discussion with the allocated worker", "Information shared by a neighbour"};
constexpr std::array<std::string_view, 8> k_middles = {
    ", mother spoke about \"the flat\" and money worries", ", baby seen in cot, cot bedding checked",
    ", home cold and cluttered, no food in the fridge", ", Mr Z present and answered for mother",
    ", mother tearful, said she is \"not coping\"", ", advice given on safe sleep and feeding",
    ", bruise to the forehead, mother said \"he fell\"", ", follow-up appointment booked"};
constexpr std::array<std::string_view, 6> k_endings = {
    ". Plan: review in two weeks.", ". No further action.", ". Referral to children's social care considered.",
    ". Discussed with the safeguarding lead.", ". Case notes updated.", ". Mother agreed to the plan."};

constexpr std::int32_t k_start_day = 15706;    // 2013-01-01

std::uint64_t mix(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::string slug(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
        else if (!out.empty() && out.back() != '-') out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

CorpusAgency agency_at(std::uint32_t i) {
    const KindInfo& k = k_kinds[i % k_kinds.size()];
    const std::size_t area_index = (i / k_kinds.size()) % k_areas.size();
    const std::uint32_t round = static_cast<std::uint32_t>(i / (k_kinds.size() * k_areas.size()));
    CorpusAgency a;
    a.kind = k.kind;
    a.area = std::string(k_areas[area_index]);
    a.name = a.area + " " + std::string(k.suffix);
    if (round > 0) a.name += " " + std::to_string(round + 1);
    char number[8];
    std::snprintf(number, sizeof number, "%03u", i + 1);
    a.file = "agencies/" + std::string(number) + "-" + slug(a.name) + ".csv";
    return a;
}

}  // namespace

std::vector<CorpusAgency> corpus_agencies(const CorpusOptions& options) {
    std::vector<CorpusAgency> out;
    out.reserve(options.agencies);
    for (std::uint32_t i = 0; i < options.agencies; ++i) out.push_back(agency_at(i));
    return out;
}

std::vector<std::pair<std::string_view, std::string_view>> corpus_people() {
    return {{"child-a", "Baby A"}, {"mother", "Mum"}, {"z", "Mr Z"}};
}

CorpusRows::CorpusRows(const CorpusOptions& options, std::uint32_t agency)
    : m_state(mix(options.seed * 0x100000001b3ull + agency)),
      m_extra(mix(mix(options.seed * 0x100000001b3ull + agency) ^ 0x7265616c69737469ull)),
      m_realistic(options.shape == CorpusShape::Realistic),
      m_rows(options.rows),
      m_kind(agency % k_kinds.size()),
      m_next_agency(options.agencies > 1 ? agency_at((agency + 1) % options.agencies).name : std::string()),
      m_span(static_cast<std::int32_t>(std::max(1u, std::min(options.years, 7000u)) * 36525 / 100)),
      m_day(0),
      m_step(options.rows ? static_cast<double>(m_span) / static_cast<double>(options.rows) : 1.0) {}

std::uint64_t CorpusRows::next_random() {
    m_state += 0x9e3779b97f4a7c15ull;
    return mix(m_state);
}

std::uint32_t CorpusRows::pick_extra(std::uint32_t n) {
    m_extra += 0x9e3779b97f4a7c15ull;
    return static_cast<std::uint32_t>(mix(m_extra) % n);
}

bool CorpusRows::next(CorpusRow& row) {
    if (m_done == m_rows) return false;
    ++m_done;
    // Dates advance by a random step averaging the span over the rows, so each agency's file is
    // in date order, as agencies' chronologies are.
    m_day += m_step * 2.0 * static_cast<double>(next_random() % 1000) / 1000.0;
    row.number = m_done;
    row.day = k_start_day + std::min(static_cast<std::int32_t>(m_day), m_span - 1);
    // No time in the hour from 01:00, which the clocks skip or repeat on two nights a year.
    std::int32_t minute = static_cast<std::int32_t>(pick(23 * 60));
    if (minute >= 60) minute += 60;
    row.minute = minute;
    const KindInfo& k = k_kinds[m_kind];
    row.type = k.types[pick(static_cast<std::uint32_t>(k.types.size()))];
    row.details.assign(k_openers[pick(k_openers.size())]);
    row.details.append(k_middles[pick(k_middles.size())]);
    if (pick(2)) row.details.append(k_middles[pick(k_middles.size())]);
    row.details.append(k_endings[pick(k_endings.size())]);
    row.people = k_people[pick(k_people.size())];
    const std::uint32_t seen = pick(10);
    row.child_seen = seen < 4 ? "Y" : seen < 7 ? "N" : "";
    row.informed = (!m_next_agency.empty() && pick(100) < 3) ? std::string_view(m_next_agency) : std::string_view{};
    row.worker = 1 + pick(40);
    if (m_realistic) {
        row.timed = pick_extra(10) < 4;
        row.alone = seen < 4 && pick_extra(4) == 0;
    }
    return true;
}

// [SECTION] The realistic shape

namespace {

// Four column layouts, as four case-management systems export them: the order of the columns and
// their headers (by CorpusColumn: ref, date, time, type, details, people, child seen, worker, informed).
struct LayoutInfo {
    std::array<CorpusColumn, k_corpus_columns> order;
    std::array<std::string_view, k_corpus_columns> headers;
    std::string_view ref_prefix;
};

using C = CorpusColumn;
constexpr std::array<LayoutInfo, 4> k_layouts = {{
    {{C::Ref, C::Date, C::Time, C::Type, C::Details, C::People, C::ChildSeen, C::Worker, C::Informed},
     {"Incident no", "Date of contact", "Time", "Contact type", "Details", "Persons present", "Child seen?", "Officer",
      "Information shared with"},
     "INC"},
    {{C::Date, C::Time, C::Type, C::Details, C::People, C::ChildSeen, C::Worker, C::Informed, C::Ref},
     {"Record ID", "Date", "Time of contact", "Type of contact", "Details of contact", "People present",
      "Was the child seen?", "Practitioner", "Shared with"},
     ""},
    {{C::Ref, C::Date, C::Type, C::Time, C::People, C::Details, C::Worker, C::ChildSeen, C::Informed},
     {"Ref No.", "Contact date", "Start time", "Event", "Narrative", "Persons involved", "Child Seen", "Worker",
      "Referred to"},
     "R"},
    {{C::Date, C::Ref, C::Time, C::Worker, C::Type, C::Details, C::ChildSeen, C::People, C::Informed},
     {"Entry ID", "Event date", "Time", "Category", "What happened", "Family members present", "Seen?", "Staff",
      "Notified"},
     "E-"},
}};

// Child seen as agencies write it: seen, seen alone, not seen, not recorded.
constexpr std::array<std::array<std::string_view, 4>, 3> k_seen_words = {{
    {"Yes", "Seen alone", "No", "N/A"},
    {"Seen", "Seen alone", "Not seen", ""},
    {"Yes", "Seen alone", "Not seen", "N/A"},
}};

// The index child, the mother and her partner, as agencies name them.
constexpr std::array<std::array<std::string_view, 3>, 3> k_people_words = {{
    {"Baby A", "Mum", "Mr Z"},
    {"Child", "Mother", "Mother's partner"},
    {"A", "Ms B", "Z"},
}};

constexpr std::array<std::string_view, 3> k_separators = {"; ", ", ", " | "};

// Practitioners' labels by kind (k_kinds' order).
constexpr std::array<std::string_view, 10> k_worker_prefixes = {"PC ", "HV", "Dr ", "SW", "Staff ", "Nurse ",
                                                                 "HO", "MW", "FSW", "Crew "};

}  // namespace

CorpusLayout corpus_layout(std::uint32_t agency) {
    const LayoutInfo& l = k_layouts[agency % k_layouts.size()];
    CorpusLayout out;
    out.order = l.order;
    out.headers = l.headers;
    out.ref_prefix = l.ref_prefix;
    out.worker_prefix = k_worker_prefixes[agency % k_kinds.size()];
    out.time_style = static_cast<CorpusTimeStyle>((agency + agency / 4) % 4);
    out.seen_words = k_seen_words[(agency + agency / 3) % k_seen_words.size()];
    out.people = k_people_words[(agency / 2) % k_people_words.size()];
    out.people_separator = k_separators[(agency + agency / 5) % k_separators.size()];
    return out;
}

std::vector<std::uint32_t> corpus_file_order(const CorpusOptions& options, std::uint32_t agency) {
    const std::size_t n = static_cast<std::size_t>(options.rows);
    std::vector<std::uint32_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
    if (n < 3) return order;
    std::uint64_t state = mix(options.seed * 0x100000001b3ull + agency) ^ 0x6f726465726564ull;
    const auto draw = [&](std::size_t bound) {
        state += 0x9e3779b97f4a7c15ull;
        return static_cast<std::size_t>(mix(state) % bound);
    };
    const auto at = [&](std::size_t i) { return order.begin() + static_cast<std::ptrdiff_t>(i); };
    // Two to five blocks of up to a fortieth of the rows each (a worker's notes typed up together,
    // after later records): each moved later in the file, by any distance.
    const std::size_t blocks = 2 + draw(4);
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t len = 1 + draw(std::max<std::size_t>(1, n / 40));
        if (len + 1 >= n) continue;
        const std::size_t start = draw(n - len);                      // start + len < n
        const std::size_t end = start + len + 1 + draw(n - start - len);  // in (start + len, n]
        std::rotate(at(start), at(start + len), at(end));
    }
    // One row in 50 entered late: moved later by up to 200 rows.
    for (std::size_t k = 0, singles = n / 50; k < singles; ++k) {
        const std::size_t from = draw(n - 1);
        const std::size_t to = std::min(n - 1, from + 1 + draw(200));
        std::rotate(at(from), at(from + 1), at(to + 1));
    }
    return order;
}

}  // namespace sightline::engine
