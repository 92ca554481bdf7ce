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
    return true;
}

}  // namespace sightline::engine
