// Bytes on disk: whole-file reads and atomic writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "sightline/engine/diagnostic.hpp"

namespace sightline::formats {

// A file's bytes, with a NUL after the last one (so parsers may read one past the end).
struct FileBuffer {
    std::unique_ptr<char[]> data;
    std::size_t size = 0;
    [[nodiscard]] std::string_view view() const { return {data.get(), size}; }
};

// Reads a whole file; throws engine::Error (code "file-unreadable") naming the file and the reason.
FileBuffer read_file(const std::string& path);

// The reason a file could not be read, from read_file's error ("No such file or directory").
std::string unreadable_reason(const engine::Error& e);

// Writes to a temporary file beside the target and renames it into place on commit(), so a
// reader (or a crash) never sees a half-written file. Without commit() the target is untouched.
// A temporary file left by a writer that was killed (its process gone) is removed by the next
// writer of the same target. A target that is a device or a pipe (-o /dev/null, a FIFO) is
// written to directly, never replaced.
//
// A large file (more than one chunk of a few megabytes) is handed to the disk a chunk at a time
// on a thread of its own, straight from the chunk where the file system allows it (O_DIRECT),
// while the caller goes on making the next: the disk, not the caller, sets the pace, and the
// bytes take no room in the page cache. A small file is written on commit().
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    ~AtomicFile();

    // Writes bytes (an error met on the way may show here or at commit()).
    void write(std::string_view bytes);
    // Writes what is left, syncs and renames over the target; throws engine::Error on failure.
    void commit();
    [[nodiscard]] const std::string& temp_path() const { return m_temp; }

private:
    struct Disk;                           // the file, its chunks and the thread writing them (io.cpp)
    std::string m_path;
    std::string m_temp;
    std::unique_ptr<Disk> m_disk;
    bool m_committed = false;
    bool m_special = false;                // the target is a device or a pipe: written to, not replaced
};

// A temporary path beside a target, for libraries that write files themselves (libxlsxwriter):
// commit() renames it into place; without commit() the temporary file is removed.
class AtomicPath {
public:
    explicit AtomicPath(std::string path);
    AtomicPath(const AtomicPath&) = delete;
    AtomicPath& operator=(const AtomicPath&) = delete;
    ~AtomicPath();

    [[nodiscard]] const std::string& temp_path() const { return m_temp; }
    // Syncs the finished temporary file and renames it over the target; throws engine::Error.
    void commit();

private:
    std::string m_path;
    std::string m_temp;
    bool m_committed = false;
};

// Writes bytes to path atomically.
void write_file_atomic(const std::string& path, std::string_view bytes);

// Throws engine::Error `file-unwritable`: "cannot write 'PATH': WHAT" (for writers whose library
// reports the failure, such as libxlsxwriter).
[[noreturn]] void fail_unwritable(const std::string& path, const std::string& what);

}  // namespace sightline::formats
