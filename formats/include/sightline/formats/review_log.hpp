// The review log: every change Sightline makes to notes.yaml, appended to notes.log.jsonl beside
// it, one JSON record a line. Each record carries the SHA-256 of the record before it and its own,
// so a record changed, removed or inserted afterwards breaks the chain (docs/security.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::formats {

// One change to notes.yaml, as the viewer or the command line makes it.
struct ReviewChange {
    std::string who;                       // the reviewer: a name set in the viewer, or the OS user
    std::string what;                      // "note added", "note edited", "note removed", ...
    std::string entry;                     // the entry (or cluster, or episode) it is about
    std::string before;                    // the text before ("" when added)
    std::string after;                     // the text after ("" when removed)
};

// A record of the log as written.
struct ReviewRecord {
    std::uint64_t seq = 0;                 // 1, 2, ...
    std::string when;                      // UTC, "2024-05-01T10:00:00Z"
    ReviewChange change;
    std::string notes;                     // SHA-256 of notes.yaml once changed (hex)
    std::string prev;                      // the record before's hash (64 zeros for the first)
    std::string hash;                      // SHA-256 of this record's line without its hash member
};

// What reading the log found.
struct ReviewLog {
    std::string path;
    std::vector<ReviewRecord> records;     // those readable, in order
    bool intact = true;                    // every record reads, matches its hash and follows the one before
    std::size_t broken_line = 0;           // the first line that does not (1-based), when broken
    std::string problem;                   // why, when broken
    bool notes_match = true;               // notes.yaml is as the last record left it
};

// The log kept beside a notes file: notes.log.jsonl in the same folder.
std::string review_log_path(const std::string& notes_path);

// The OS user running Sightline ($USER, else the account's name, else "unknown").
std::string os_user();

// SHA-256 of bytes, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// Appends a record of the change to the log beside notes_path, after notes.yaml was written:
// the log is written again with the record at its end, atomically, so that a crash leaves it
// whole, as it was or with the record. Throws engine::Error when it cannot.
void append_review_log(const std::string& notes_path, const ReviewChange& change);

// Reads the log beside notes_path (an empty log when there is none) and checks its chain, and
// notes.yaml against the last record. Throws engine::Error when it cannot be read.
ReviewLog read_review_log(const std::string& notes_path);

}  // namespace sightline::formats
