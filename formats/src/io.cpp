// Bytes on disk: whole-file reads and atomic writes.
#include "sightline/formats/io.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/mman.h>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

#include "sightline/engine/diagnostic.hpp"
#include "pages.hpp"
#include "sightline/engine/phases.hpp"

namespace sightline::formats {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& code, const std::string& what) {
    engine::Diagnostic d;
    d.severity = engine::Severity::Error;
    d.file = path;
    d.code = code;
    d.message = what;
    throw engine::Error(std::move(d));
}

// Removes the temporary files a writer of `path` left when it was killed before it could tidy
// up (path.tmp-PID, whose process is gone): cleaned on the next write of the same file.
void remove_stale_temporaries(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
    const std::string prefix = (slash == std::string::npos ? path : path.substr(slash + 1)) + ".tmp-";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string digits = name.substr(prefix.size());
        if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) continue;
        const auto pid = static_cast<pid_t>(std::stol(digits));
        if (pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH)) {
            std::error_code ignored;
            std::filesystem::remove(it->path(), ignored);
        }
    }
}

}  // namespace

void fail_unwritable(const std::string& path, const std::string& what) {
    fail(path, "file-unwritable", "cannot write '" + path + "': " + what);
}

FileBuffer read_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(path, "file-unreadable", "cannot open '" + path + "': " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        const int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
        ::close(fd);
        fail(path, "file-unreadable", "cannot read '" + path + "': " + std::strerror(err));
    }
    FileBuffer buf;
    const auto size = static_cast<std::size_t>(st.st_size);
    buf.data = std::make_unique_for_overwrite<char[]>(size + 1);
    // A large file's pages at once: cheaper than one fault at a time while the kernel copies it in.
    if (size >= (std::size_t{1} << 20)) detail::populate_pages(buf.data.get(), size);
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::read(fd, buf.data.get() + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            fail(path, "file-unreadable", "cannot read '" + path + "': " + std::strerror(err));
        }
        if (n == 0) break;  // the file shrank while we read it
        done += static_cast<std::size_t>(n);
    }
    ::close(fd);
    buf.data[done] = '\0';
    buf.size = done;
    return buf;
}

void detail::populate_pages(void* first, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(first) + page - 1) / page * page;
    const auto end = (reinterpret_cast<std::uintptr_t>(first) + bytes) / page * page;
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
#else
    (void)first;
    (void)bytes;
#endif
}

std::string unreadable_reason(const engine::Error& e) {
    const std::string& why = e.diagnostic().message;
    const std::size_t at = why.rfind(": ");
    return at == std::string::npos ? why : why.substr(at + 2);
}

namespace {

// A device, a pipe or a socket that already exists (-o /dev/null, -o /dev/stdout, a FIFO): written
// to as it is, never replaced by a renamed file.
bool is_special_file(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

}  // namespace

// [SECTION] AtomicFile

// The file being written and its chunks. Bytes gather in a chunk; a full chunk goes to the disk,
// synchronously for a device or a pipe, else on the writer thread, which the first full chunk
// starts: it writes the full chunks in turn while the caller fills the next (a few are kept, so
// that the disk never waits for an uneven caller). Chunks are aligned to a page and a whole
// number of pages long, so that a regular file can be written straight from them (O_DIRECT),
// without a copy in the page cache, where the file system allows it; where it does not, the file
// is written as any other, and the disk asked to start on each chunk at once. The last, partial
// chunk is written by commit(), through the page cache.
struct AtomicFile::Disk {
    static constexpr std::size_t k_chunk = std::size_t{2} << 20;  // bytes
    static constexpr std::size_t k_chunks = 8;                     // in the ring
    static constexpr std::size_t k_align = 4096;                   // bytes: a page, and a multiple of any block size

    struct Free {
        void operator()(char* p) const { std::free(p); }
    };
    using Chunk = std::unique_ptr<char, Free>;

    int fd = -1;
    bool on_thread = true;                 // full chunks go to a writer thread: not for a device or a
                                           // pipe (nor where no thread can be had), written here instead
    bool direct = false;                   // O_DIRECT is on: chunks go straight to the disk
    std::array<Chunk, k_chunks> chunks;    // a ring, each made when first needed
    std::size_t size = 0;                  // bytes in the chunk being filled, chunks[handed % k_chunks]
    // The writer thread, once started, and what it shares with the caller.
    std::thread thread;
    std::mutex m;
    std::condition_variable changed;
    std::size_t handed = 0;                // full chunks handed to the writer thread
    std::size_t done = 0;                  // and written by it
    bool stop = false;                     // no more chunks will come
    bool abandoned = false;                // the file is given up: chunks not yet written never will be
    int error = 0;                         // errno of the first write that failed

    ~Disk() {
        if (thread.joinable()) {
            {
                std::lock_guard lock(m);
                stop = abandoned = true;
            }
            changed.notify_all();
            thread.join();
        }
        if (fd >= 0) ::close(fd);
    }

    // The chunk being filled (made if need be).
    char* filling() {
        Chunk& chunk = chunks[handed % k_chunks];
        if (!chunk) {
            chunk.reset(static_cast<char*>(std::aligned_alloc(k_align, k_chunk)));
            if (!chunk) throw std::bad_alloc();
        }
        return chunk.get();
    }

    // Writes n bytes at p, all of them; 0, or the errno of the failure.
    int write_all(const char* p, std::size_t n) {
        while (n > 0) {
            const ssize_t k = ::write(fd, p, n);
            if (k < 0 && errno == EINTR) continue;
            if (k < 0 && errno == EINVAL && direct) {
                set_direct(false);  // the file system has other rules for direct writes: not direct, then
                continue;
            }
            if (k < 0) return errno;
            p += k;
            n -= static_cast<std::size_t>(k);
        }
        return 0;
    }

    // Turns O_DIRECT on or off; `direct` says which it is once asked (off where it is refused).
    void set_direct(bool on) {
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags >= 0 && ::fcntl(fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) == 0) direct = on;
        else if (!on) direct = false;  // (a failure to turn it off shows at the next write, as EINVAL)
    }

    // The writer thread: writes each full chunk in turn.
    void writer() {
        std::unique_lock lock(m);
        for (;;) {
            changed.wait(lock, [&] { return done < handed || stop; });
            if (done == handed || abandoned) return;
            const char* chunk = chunks[done % k_chunks].get();
            const bool failed_before = error != 0;
            lock.unlock();
            const int failed = failed_before ? 0 : write_all(chunk, k_chunk);
            if (!failed && !direct)  // through the page cache: have the disk start on it now
                ::sync_file_range(fd, static_cast<off_t>(done * k_chunk), static_cast<off_t>(k_chunk), SYNC_FILE_RANGE_WRITE);
            lock.lock();
            if (failed && !error) error = failed;
            ++done;
            changed.notify_all();
        }
    }

    // Hands the full chunk to the disk; 0, or the errno of a failure met so far.
    int hand_on() {
        if (!thread.joinable() && on_thread) {
            set_direct(true);  // where the file system refuses, nothing changes
            try {
                thread = std::thread([this] { writer(); });
            } catch (const std::system_error&) {
                set_direct(false);
                on_thread = false;
            }
        }
        if (!thread.joinable()) {
            const int failed = write_all(filling(), size);
            size = 0;
            return failed;
        }
        std::unique_lock lock(m);
        ++handed;
        size = 0;
        changed.notify_all();
        changed.wait(lock, [&] { return handed - done < k_chunks; });  // the next chunk is free
        return error;
    }

    // Waits for the writer thread and writes the last chunk through the page cache; 0, or errno.
    int finish() {
        if (thread.joinable()) {
            {
                std::unique_lock lock(m);
                changed.wait(lock, [&] { return done == handed; });
                stop = true;
            }
            changed.notify_all();
            thread.join();
            if (error) return error;
        }
        if (direct) set_direct(false);  // the last chunk is not a whole number of blocks
        const int failed = size ? write_all(filling(), size) : 0;
        size = 0;
        return failed;
    }
};

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)), m_disk(std::make_unique<Disk>()) {
    m_special = is_special_file(m_path);
    m_disk->on_thread = !m_special;
    if (!m_special) {
        remove_stale_temporaries(m_path);
        m_temp = m_path + ".tmp-" + std::to_string(::getpid());
    }
    const std::string& opened = m_special ? m_path : m_temp;
    m_disk->fd = ::open(opened.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (m_disk->fd < 0) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
}

AtomicFile::~AtomicFile() {
    m_disk.reset();  // stops the writer thread and closes the file
    if (!m_committed && !m_special) std::remove(m_temp.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    Disk& d = *m_disk;
    while (!bytes.empty()) {
        const std::size_t n = std::min(bytes.size(), Disk::k_chunk - d.size);
        std::memcpy(d.filling() + d.size, bytes.data(), n);
        d.size += n;
        bytes.remove_prefix(n);
        if (d.size == Disk::k_chunk)
            if (const int failed = d.hand_on())
                fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(failed));
    }
}

void AtomicFile::commit() {
    engine::mark_phase("written");
    Disk& d = *m_disk;
    if (const int failed = d.finish())
        fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(failed));
    if (!m_special && ::fsync(d.fd) != 0)
        fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    const int fd = std::exchange(d.fd, -1);
    if (::close(fd) != 0)
        fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    if (!m_special && std::rename(m_temp.c_str(), m_path.c_str()) != 0)
        fail(m_path, "file-unwritable", "cannot replace '" + m_path + "': " + std::strerror(errno));
    m_committed = true;
    if (!m_special) engine::mark_phase("synced and renamed");
}

// [SECTION] AtomicPath

AtomicPath::AtomicPath(std::string path) : m_path(std::move(path)) {
    remove_stale_temporaries(m_path);
    m_temp = m_path + ".tmp-" + std::to_string(::getpid());
}

AtomicPath::~AtomicPath() {
    if (!m_committed) std::remove(m_temp.c_str());
}

void AtomicPath::commit() {
    if (is_special_file(m_path)) {
        // A device or a pipe: what was written goes to it, and the temporary file goes.
        const FileBuffer made = read_file(m_temp);
        AtomicFile out(m_path);
        out.write(made.view());
        out.commit();
        std::remove(m_temp.c_str());
        m_committed = true;
        return;
    }
    const int fd = ::open(m_temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    const int synced = ::fsync(fd);
    ::close(fd);
    if (synced != 0) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    if (std::rename(m_temp.c_str(), m_path.c_str()) != 0)
        fail(m_path, "file-unwritable", "cannot replace '" + m_path + "': " + std::strerror(errno));
    m_committed = true;
}

void write_file_atomic(const std::string& path, std::string_view bytes) {
    AtomicFile f(path);
    f.write(bytes);
    f.commit();
}

}  // namespace sightline::formats
