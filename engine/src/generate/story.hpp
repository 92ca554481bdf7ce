// The generator's own record of a synthetic case: people, areas, agencies and every event it
// wrote, in its own terms (days, agency numbers, person numbers). The story builds it; the truth
// is computed from it; the case is made from it. Internal to sightline_engine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine::synth {

// A deterministic random stream (splitmix64): the same seed gives the same case on every machine.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next();
    // Uniform in [0, n).
    std::uint32_t below(std::uint32_t n) { return n == 0 ? 0 : static_cast<std::uint32_t>(next() % n); }
    // Uniform in [lo, hi] (inclusive).
    std::int32_t between(std::int32_t lo, std::int32_t hi) {
        return hi <= lo ? lo : lo + static_cast<std::int32_t>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    // True with probability p.
    bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }
    // An index drawn with the given weights.
    std::size_t weighted(std::initializer_list<double> weights);

private:
    std::uint64_t m_state;
};

struct Person {
    std::string id;
    std::string name;
    std::vector<std::string> aliases;
    Sex sex = Sex::Unknown;
    std::optional<std::int32_t> born;      // local day
    std::optional<std::int32_t> died;      // local day
    bool born_year_only = false;           // the manifest gives only the year (an adult's age)
};

struct Agency {
    std::string name;
    AgencyKind kind = AgencyKind::Other;
    int area = -1;                         // index into Story::areas; -1 for none
    std::string file;                      // "agencies/southvale-police.csv"
    bool csv = false;                      // exported as a spreadsheet (UK dates), else native YAML
    std::string ref_prefix;                // "CSC", "CAD"
    int next_ref = 1;
};

// One record an agency wrote.
struct Event {
    std::int32_t day = 0;                  // local day
    std::int32_t minute = -1;              // of the day, or -1 when no time was written
    int agency = 0;
    int area = -1;                         // the record's own area when it differs from its agency's
    EntryType type = EntryType::Contact;
    std::string summary;
    std::vector<int> subjects;             // people
    std::vector<int> to;                   // agencies informed
    std::vector<ChildSeen> seen;           // per index child; empty: not recorded
    std::string date_text;                 // a partial or uncertain date as written ("summer 2016"); empty: the day
    std::int32_t latest_day = 0;           // with date_text: the last day it can be
    std::string ref;
    std::string practitioner;
    std::vector<std::string> tags;
    Modality modality = Modality::Unspecified;
    int seq = 0;
    int position = 0;                      // order within its agency's file (set when the story is done)

    [[nodiscard]] bool precise() const { return date_text.empty() || latest_day - day < 7; }
};

struct Residence {
    std::vector<int> people;
    int area = 0;
    std::int32_t from = 0;
    std::optional<std::int32_t> to;
    std::string address;
};

// Planted incidents that several agencies recorded (event numbers), and what the story planted.
struct Story {
    std::vector<Person> people;
    std::vector<int> index_children;       // people
    std::vector<std::string> areas;
    std::vector<Agency> agencies;
    std::vector<Residence> residences;
    std::vector<Event> events;
    std::int32_t scope_from = 0;
    std::int32_t scope_to = 0;
    std::vector<std::vector<int>> incidents;  // events of one incident as several agencies recorded it
    std::vector<std::string> notes;           // what was planted, in words (the case's README)
    std::string title;
};

// Builds the story for a seed.
Story write_story(std::uint64_t seed);

// Gives each person a full name (first, middle for adults, surname: clearly fictional people)
// and rewrites the records to name them as agencies do (full name, first name, "Ms Surname", a
// known-as name, capitals, a child's initial), with a few sentences that use common-word names
// as words. Its own random stream from the seed: the story's days and findings stay the same.
void give_full_names(Story& s, std::uint64_t seed);

// What the analyses must find in the story, by the definitions in docs/analyses.md (default rules).
// entry_of maps each event to its entry in the merged chronology.
std::vector<Finding> derive_truth(const Story& s, const std::vector<EntryIndex>& entry_of, const Rules& rules);

}  // namespace sightline::engine::synth
