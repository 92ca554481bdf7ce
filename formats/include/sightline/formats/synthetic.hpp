// Writing generated data (engine/generate.hpp) to disk: a realistic case folder with its planted
// truth, or a bulk corpus of agency spreadsheets for benchmarks.
#pragma once

#include <cstdint>
#include <string>

#include "sightline/engine/generate.hpp"

namespace sightline::formats {

// Writes a case folder: case.yaml, agencies/*.yaml (native chronologies) and agencies/*.csv (a
// spreadsheet export with UK dates, with a mapping beside it when there are several index
// children), truth.json (the planted findings) and README.md (the story). Creates dir.
void write_synthetic_case(const engine::SyntheticCase& s, const std::string& dir, std::uint64_t seed);

// {"sightline":1, "case", "seed", "findings": [...]}: the truth in the shape of check --format json.
void write_truth_json(const engine::SyntheticCase& s, std::uint64_t seed, std::string& out);

// What write_corpus wrote.
struct CorpusWritten {
    std::uint64_t bytes = 0;               // of the CSV files
    std::uint64_t rows = 0;                // data rows
};

// Writes a bulk corpus: dir/agencies/NNN-<agency>.csv (Ref, Date dd/mm/yyyy, Time, Type, Details,
// People involved, Child seen?, Practitioner, Informed) and dir/case.yaml listing them, on up to
// `threads` threads (the files are the same whatever the number). Creates dir. In the realistic
// shape (engine::CorpusShape) each file has the columns of its agency's corpus_layout, in record
// order, and NNN-<agency>.mapping.yaml beside it names its agency, kind and area and its columns
// (`  date: "Date of contact"`, one a line, as bench/*_merge scripts read them) and values; the
// manifest has no agencies: registry.
CorpusWritten write_corpus(const engine::CorpusOptions& options, const std::string& dir, unsigned threads);

}  // namespace sightline::formats
