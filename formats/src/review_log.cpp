// The review log beside notes.yaml: records chained by SHA-256, written atomically.
#include "sightline/formats/review_log.hpp"

#include <openssl/evp.h>
#include <pwd.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_hash_member = ",\"hash\":\"";
const std::string k_no_record(64, '0');  // the "hash" before the first record

std::string now_utc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    std::array<char, 32> buf{};
    std::strftime(buf.data(), buf.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf.data();
}

// The record's line without its hash member: what the hash is of.
std::string unhashed_line(const ReviewRecord& r) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.field("seq", r.seq);
    w.field("when", r.when);
    w.field("who", r.change.who);
    w.field("what", r.change.what);
    w.field("entry", r.change.entry);
    w.field("before", r.change.before);
    w.field("after", r.change.after);
    w.field("notes", r.notes);
    w.field("prev", r.prev);
    w.end_object();
    return out;
}

std::string file_hash(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return sha256_hex("");
    return sha256_hex(read_file(path).view());
}

// One line of the log read back; false (with why) when it is not a record.
bool parse_record(std::string_view line, ReviewRecord& r, std::string& why) {
    const std::size_t at = line.rfind(k_hash_member);
    if (at == std::string_view::npos || line.size() != at + k_hash_member.size() + 64 + 2 || line.substr(line.size() - 2) != "\"}") {
        why = "not a record of the log (no hash at its end)";
        return false;
    }
    r.hash = std::string(line.substr(at + k_hash_member.size(), 64));
    const std::string unhashed = std::string(line.substr(0, at)) + "}";
    try {
        const YAML::Node n = YAML::Load(unhashed);
        r.seq = n["seq"].as<std::uint64_t>();
        r.when = n["when"].as<std::string>();
        r.change.who = n["who"].as<std::string>();
        r.change.what = n["what"].as<std::string>();
        r.change.entry = n["entry"].as<std::string>();
        r.change.before = n["before"].as<std::string>();
        r.change.after = n["after"].as<std::string>();
        r.notes = n["notes"].as<std::string>();
        r.prev = n["prev"].as<std::string>();
    } catch (const YAML::Exception&) {
        why = "record cannot be read";
        return false;
    }
    if (sha256_hex(unhashed) != r.hash) {
        why = "record does not match its hash: it was changed after it was written";
        return false;
    }
    return true;
}

[[noreturn]] void unwritable(const std::string& path, const std::string& what) {
    throw engine::Error({engine::Severity::Error, path, 0, 0, "file-unwritable", what});
}

}  // namespace

std::string review_log_path(const std::string& notes_path) {
    return (fs::path(notes_path).parent_path() / "notes.log.jsonl").generic_string();
}

std::string os_user() {
    if (const char* user = std::getenv("USER"); user && *user) return user;
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name) return pw->pw_name;
    return "unknown";
}

std::string sha256_hex(std::string_view bytes) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw engine::Error({engine::Severity::Error, "", 0, 0, "hash-failed", "sha-256 could not be computed"});
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out.push_back(k_hex[digest[i] >> 4]);
        out.push_back(k_hex[digest[i] & 15]);
    }
    return out;
}

void append_review_log(const std::string& notes_path, const ReviewChange& change) {
    const std::string path = review_log_path(notes_path);
    std::string bytes;
    std::error_code ec;
    if (fs::exists(path, ec)) bytes = std::string(read_file(path).view());
    if (!bytes.empty() && bytes.back() != '\n') bytes.push_back('\n');  // a line ended by hand
    ReviewRecord r;
    r.seq = 1;
    r.prev = k_no_record;
    // The record before: the last line's hash, whether or not the chain before it holds (the
    // break stays for `sightline log` to report).
    const std::size_t last_start = bytes.empty() ? std::string::npos : bytes.rfind('\n', bytes.size() - 2);
    if (!bytes.empty()) {
        const std::string_view last = std::string_view(bytes).substr(last_start == std::string::npos ? 0 : last_start + 1);
        const std::string_view line = last.substr(0, last.size() - 1);
        const std::size_t at = line.rfind(k_hash_member);
        if (at != std::string_view::npos && line.size() >= at + k_hash_member.size() + 64)
            r.prev = std::string(line.substr(at + k_hash_member.size(), 64));
        r.seq = static_cast<std::uint64_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1;
    }
    r.when = now_utc();
    r.change = change;
    if (r.change.who.empty()) r.change.who = os_user();
    r.notes = file_hash(notes_path);
    std::string line = unhashed_line(r);
    const std::string hash = sha256_hex(line);
    line.pop_back();  // the closing brace, after the hash member
    bytes += line + std::string(k_hash_member) + hash + "\"}\n";
    try {
        write_file_atomic(path, bytes);
    } catch (const engine::Error& e) {
        unwritable(path, "the review log could not be written: " + e.diagnostic().message);
    }
}

ReviewLog read_review_log(const std::string& notes_path) {
    ReviewLog log;
    log.path = review_log_path(notes_path);
    std::error_code ec;
    if (!fs::exists(log.path, ec)) {
        log.notes_match = true;
        return log;
    }
    const FileBuffer buf = read_file(log.path);
    const std::string_view all = buf.view();
    std::string prev = k_no_record;
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < all.size();) {
        std::size_t end = all.find('\n', at);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view line = all.substr(at, end - at);
        at = end + 1;
        ++line_no;
        ReviewRecord r;
        std::string why;
        if (!parse_record(line, r, why)) {
            // reported below; a record whose fields read is still listed
        } else if (r.prev != prev) {
            why = "record does not follow the one before it (a record was removed, inserted or reordered)";
        } else if (r.seq != log.records.size() + 1) {
            why = "record is numbered " + std::to_string(r.seq) + ", not " + std::to_string(log.records.size() + 1);
        }
        if (!why.empty()) {
            if (log.intact) {
                log.intact = false;
                log.broken_line = line_no;
                log.problem = why;
            }
            if (r.hash.empty()) continue;
        }
        prev = r.hash;
        log.records.push_back(std::move(r));
    }
    log.notes_match = log.records.empty() || log.records.back().notes == file_hash(notes_path);
    return log;
}

}  // namespace sightline::formats
