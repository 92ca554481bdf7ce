// Synthetic data: realistic fictional cases with their planted truth, and bulk corpora of agency
// chronologies for benchmarks. Deterministic from a seed. Values only: formats writes the files.
//
// [SECTION] Realistic cases
// [SECTION] Bulk corpora
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sightline/engine/findings.hpp"
#include "sightline/engine/model.hpp"

namespace sightline::engine {

// [SECTION] Realistic cases

// A generated case: what a reviewer would receive (the manifest's contents and each agency's
// chronology, merged as load_case gives them), and what the analyses must find in it.
//
// The story is drawn from the figures in the research digests (ages of children in reviews,
// domestic abuse in over half of cases, social care open, closed or never involved, partners
// known only to police, moves between areas). The truth is computed from the generator's own
// record of what it wrote, by the definitions in docs/analyses.md, independently of the analyses:
// every unseen period, gap, move, transfer (ok, late or missed, with its first contact), misrouted
// notification and adult known only to police or housing; and the incidents it recorded through
// several agencies (corroboration).
struct SyntheticCase {
    Case c;                                // sources carry their format ("yaml" or "csv"); entries merged
    std::vector<Finding> truth;            // in the shape `sightline check --format json` prints
    std::string story;                     // a few lines on the family, for the case's README
};

// How a realistic case names its people.
struct CaseOptions {
    // Full names ("Kirsty May Morley", "Riley Pearce"), written as agencies write them: the full
    // name, the first name, "Ms Morley", a known-as name, capitals, a child's initial; for
    // testing anonymisation. Off: one first name each, as the truth files were made with.
    bool full_names = false;
};

// Generates one realistic case. The same seed always gives the same case; with full names, the
// same story (days, agencies, findings) with its people's names written in full.
SyntheticCase generate_case(std::uint64_t seed, const CaseOptions& options = {});

// Whether the truth states a field of one of its findings, the field given by its address as
// for_each_field passes it: the truth computes what was found (days, status, who, where) and not
// what the analyses add to explain it (thresholds, supporting entries), and truth.json leaves
// those out.
bool truth_states(const Finding& truth, const void* field);

// [SECTION] Bulk corpora

// The two shapes a corpus comes in.
enum class CorpusShape : std::uint8_t {
    // One layout for every file (Ref, Date, Time, Type, Details, People involved, Child seen?,
    // Practitioner, Informed), every row timed, rows in date order, every agency in case.yaml's
    // registry: the corpus of the figures in BENCHMARKS.md.
    Standard,
    // As agencies' returns arrive: no registry in case.yaml; each file with its own headers, in its
    // own column order, and a mapping file that names its agency, kind and area and says what its
    // child-seen words and names of people mean; rows in record order, not date order; a time in
    // about 40% of rows, written in the agency's own style (14:30, 14.30, 1430hrs, 2.30pm).
    Realistic,
};

// N agencies of M rows each, as agencies export them (UK dates, a time column, quoted details).
struct CorpusOptions {
    std::uint32_t agencies = 50;
    std::uint64_t rows = 20000;            // per agency
    std::uint64_t seed = 1;
    std::uint32_t years = 4;               // the rows span this many years from 2013-01-01
    CorpusShape shape = CorpusShape::Standard;
};

// One agency of a corpus.
struct CorpusAgency {
    std::string name;
    AgencyKind kind = AgencyKind::Other;
    std::string area;
    std::string file;                      // "agencies/eastmere-police-01.csv"
};

// The agencies of a corpus, in file order.
std::vector<CorpusAgency> corpus_agencies(const CorpusOptions& options);

// The people every corpus row may name: (id, name) pairs; the first is the index child.
std::vector<std::pair<std::string_view, std::string_view>> corpus_people();

// One row's cells as written (dates dd/mm/yyyy, times hh:mm, never in the hour the clocks change).
struct CorpusRow {
    std::uint64_t number = 0;              // 1-based row of its agency
    std::int32_t day = 0;                  // local days since 1970-01-01
    std::int32_t minute = 0;               // of the day
    std::string_view type;                 // as an agency writes it ("Home visit", "DNA")
    std::string details;                   // a sentence with commas and quotes
    std::string_view people;               // "Mum; Baby A"
    std::string_view child_seen;           // "Y", "N" or ""
    std::string_view informed;             // another agency's name, or ""
    std::uint32_t worker = 0;              // practitioner number
    // Realistic shape only (always true and false in the standard one, whose rows all have times):
    bool timed = true;                     // the time is written (about 40% of rows)
    bool alone = false;                    // "Y" rows: the child was seen alone (about a quarter)
};

// Rows of one agency of a corpus, in date order. Each agency's rows depend only on the seed and
// the agency's number, so agencies can be generated on several threads.
class CorpusRows {
public:
    CorpusRows(const CorpusOptions& options, std::uint32_t agency);
    // Fills the next row; false after the last.
    bool next(CorpusRow& row);

private:
    std::uint64_t m_state;                 // splitmix64
    std::uint64_t m_extra;                 // splitmix64 for the realistic shape's draws, apart so that
                                           // the standard shape's rows stay as they were
    bool m_realistic;
    std::uint64_t m_rows;
    std::uint64_t m_done = 0;
    std::size_t m_kind;                    // index into the generator's table of kinds
    std::string m_next_agency;             // the agency rows inform now and then
    std::int32_t m_span;                   // days the rows span
    double m_day;                          // days since the corpus start, advancing
    double m_step;                         // mean days between rows
    std::uint64_t next_random();
    std::uint32_t pick(std::uint32_t n) { return static_cast<std::uint32_t>(next_random() % n); }
    std::uint32_t pick_extra(std::uint32_t n);
};

// How one agency of a realistic corpus writes its return; its mapping file says all of it.
enum class CorpusTimeStyle : std::uint8_t { Colon, Dot, Hours, Meridiem };  // 14:30, 14.30, 1430hrs, 2.30pm

// The fields of a corpus row, as a realistic layout orders its columns.
enum class CorpusColumn : std::uint8_t { Ref, Date, Time, Type, Details, People, ChildSeen, Worker, Informed };
inline constexpr std::size_t k_corpus_columns = 9;

struct CorpusLayout {
    std::array<CorpusColumn, k_corpus_columns> order;   // the file's columns, left to right
    std::array<std::string_view, k_corpus_columns> headers;  // by CorpusColumn, as the agency writes them
    std::string_view ref_prefix;                       // "INC", "HV-", ... before the record number
    std::string_view worker_prefix;                    // "PC ", "HV", ...
    CorpusTimeStyle time_style = CorpusTimeStyle::Colon;
    // Child seen, as the agency writes it: seen, seen alone, not seen, not recorded.
    std::array<std::string_view, 4> seen_words;
    // How it names the index child, the mother and her partner (corpus_people's order).
    std::array<std::string_view, 3> people;
    std::string_view people_separator;                 // "; ", ", " or " | "
};

// The layout of agency number `agency` (0-based) of a realistic corpus.
CorpusLayout corpus_layout(std::uint32_t agency);

// The rows of one agency of a realistic corpus in the order its file lists them, as indexes into
// the date-ordered rows CorpusRows gives: in record order, as exports sorted by record number are,
// so a few blocks of rows entered late sit after later ones and some single rows were entered
// days or weeks late. Deterministic from the seed and the agency.
std::vector<std::uint32_t> corpus_file_order(const CorpusOptions& options, std::uint32_t agency);

}  // namespace sightline::engine
