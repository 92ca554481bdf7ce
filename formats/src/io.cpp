// Bytes on disk: whole-file reads and atomic writes.
#include "sightline/formats/io.hpp"

#include <cerrno>
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

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
    if (is_special_file(m_path)) {
        m_direct = true;
        m_file = std::fopen(m_path.c_str(), "wb");
        if (!m_file) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
        return;
    }
    remove_stale_temporaries(m_path);
    m_temp = m_path + ".tmp-" + std::to_string(::getpid());
    m_file = std::fopen(m_temp.c_str(), "wb");
    if (!m_file) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    static constexpr std::size_t k_buffer = 1u << 20;  // bytes
    std::setvbuf(m_file, nullptr, _IOFBF, k_buffer);
}

AtomicFile::~AtomicFile() {
    if (m_file) std::fclose(m_file);
    if (!m_committed && !m_direct) std::remove(m_temp.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (bytes.empty()) return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    m_written += bytes.size();
    static constexpr std::uint64_t k_writeback = 8u << 20;  // bytes
    if (!m_direct && m_written - m_handed >= k_writeback) {
        // Start writing what we have while the rest is made (asynchronous; errors show at commit).
        if (std::fflush(m_file) != 0)
            fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
        ::sync_file_range(::fileno(m_file), static_cast<off_t>(m_handed), static_cast<off_t>(m_written - m_handed),
                          SYNC_FILE_RANGE_WRITE);
        m_handed = m_written;
    }
}

void AtomicFile::commit() {
    engine::mark_phase("written");
    if (m_direct) {
        const bool flushed = std::fflush(m_file) == 0;
        std::fclose(m_file);
        m_file = nullptr;
        if (!flushed) fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
        m_committed = true;
        return;
    }
    if (std::fflush(m_file) != 0 || ::fsync(::fileno(m_file)) != 0)
        fail(m_path, "file-unwritable", "cannot write '" + m_path + "': " + std::strerror(errno));
    std::fclose(m_file);
    m_file = nullptr;
    if (std::rename(m_temp.c_str(), m_path.c_str()) != 0)
        fail(m_path, "file-unwritable", "cannot replace '" + m_path + "': " + std::strerror(errno));
    m_committed = true;
    engine::mark_phase("synced and renamed");
}

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
