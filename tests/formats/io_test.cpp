// Files: whole reads, atomic writes that never leave half a file.
#include "sightline/formats/io.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iterator>
#include <string_view>
#include <thread>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sightline/engine/diagnostic.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using sightline::test::TempDir;

TEST(Io, ReadsWholeFilesWithATerminatingNul) {
    TempDir dir;
    const std::string path = dir.write("x.txt", "hello");
    const formats::FileBuffer b = formats::read_file(path);
    EXPECT_EQ(b.view(), "hello");
    EXPECT_EQ(b.data[5], '\0');
}

TEST(Io, UnreadableFileIsALocatedError) {
    TempDir dir;
    try {
        formats::read_file(dir.file("missing.txt"));
        FAIL();
    } catch (const engine::Error& e) {
        EXPECT_EQ(e.diagnostic().code, "file-unreadable");
        EXPECT_EQ(e.diagnostic().message, "cannot open '" + dir.file("missing.txt") + "': No such file or directory");
    }
}

TEST(Io, AtomicWriteReplacesOnlyOnCommit) {
    TempDir dir;
    const std::string path = dir.write("out.csv", "previous");
    {
        formats::AtomicFile f(path);
        f.write("half a fi");
        // destroyed without commit: as if the process failed mid-write
    }
    EXPECT_EQ(formats::read_file(path).view(), "previous");
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp-" + std::to_string(::getpid())));
    formats::write_file_atomic(path, "new contents");
    EXPECT_EQ(formats::read_file(path).view(), "new contents");
}

// A pipe or a device named as the output (-o /dev/null, a FIFO) is written to, never replaced by
// a renamed file (as root, a rename would have put a plain file where /dev/null was).
TEST(Io, AtomicWriteToAPipeWritesIntoItAndLeavesItAPipe) {
    test::TempDir dir;
    const std::string fifo = dir.file("out.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // so that opening it to write does not wait
    ASSERT_GE(reader, 0);
    formats::write_file_atomic(fifo, "hello");
    char got[16] = {};
    const ssize_t n = ::read(reader, got, sizeof got);
    ::close(reader);
    EXPECT_EQ(std::string(got, n > 0 ? static_cast<std::size_t>(n) : 0), "hello");
    struct stat st {};
    ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temporary left
}

namespace {

// Bytes no two stretches of which are alike, so that a chunk written twice, lost or out of
// place shows.
std::string numbered_bytes(std::size_t n) {
    std::string s(n, '\0');
    std::uint32_t x = 12345;
    for (char& c : s) {
        x = x * 1103515245u + 12345u;
        c = static_cast<char>(x >> 24);
    }
    return s;
}

// Writes bytes to f in pieces of awkward sizes: single bytes, around a block and a page, and
// more than a chunk at once.
void write_in_pieces(formats::AtomicFile& f, std::string_view bytes) {
    const std::size_t sizes[] = {1, 7, 511, 4095, 4096, 4097, 65536, 1 << 20, (9 << 20) + 3, 3};
    for (std::size_t at = 0, k = 0; at < bytes.size(); ++k) {
        const std::size_t n = std::min(sizes[k % std::size(sizes)], bytes.size() - at);
        f.write(bytes.substr(at, n));
        at += n;
    }
}

}  // namespace

// A file of several chunks goes to the disk on the writer thread (straight from the chunks where
// the file system allows it), and the last, partial chunk on commit: every byte in its place.
TEST(Io, ALargeWriteInPiecesOfEverySizeIsWrittenWhole) {
    TempDir dir;
    const std::string path = dir.write("big.csv", "previous");
    const std::string bytes = numbered_bytes((27 << 20) + 12345);
    {
        formats::AtomicFile f(path);
        write_in_pieces(f, bytes);
        EXPECT_EQ(formats::read_file(path).view(), "previous");  // nothing replaced before commit
        f.commit();
    }
    EXPECT_TRUE(formats::read_file(path).view() == bytes);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temporary left
    // Abandoned after the writer thread started: the temporary file goes, the target stays.
    {
        formats::AtomicFile f(path);
        write_in_pieces(f, std::string_view(bytes).substr(0, 20 << 20));
    }
    EXPECT_TRUE(formats::read_file(path).view() == bytes);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(Io, ALargeWriteToAPipeArrivesWhole) {
    TempDir dir;
    const std::string fifo = dir.file("out.fifo");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string bytes = numbered_bytes((19 << 20) + 77);
    std::string got;
    std::thread reader([&] {
        const int fd = ::open(fifo.c_str(), O_RDONLY);
        char buf[1 << 16];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) got.append(buf, static_cast<std::size_t>(n));
        ::close(fd);
    });
    {
        formats::AtomicFile f(fifo);
        write_in_pieces(f, bytes);
        f.commit();
    }
    reader.join();
    EXPECT_TRUE(got == bytes);
    EXPECT_EQ(got.size(), bytes.size());
}

// A write the disk refuses part-way (here: past the process's file size limit), met on the
// writer thread: an error at write() or commit(), and the previous file stays.
TEST(Io, ALargeWriteThatFailsIsAnErrorAndLeavesThePreviousFile) {
    TempDir dir;
    const std::string path = dir.write("big.csv", "previous");
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG
        const rlimit limit{20 << 20, 20 << 20};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            formats::AtomicFile f(path);
            write_in_pieces(f, numbered_bytes(40 << 20));
            f.commit();
        } catch (const engine::Error& e) {
            ::_exit(e.diagnostic().code == "file-unwritable" &&
                            e.diagnostic().message.find("File too large") != std::string::npos
                        ? 3
                        : 4);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(formats::read_file(path).view(), "previous");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);  // no temporary left
}

TEST(Io, KilledMidWriteLeavesThePreviousFileIntact) {
    TempDir dir;
    const std::string path = dir.write("out.csv", "previous");
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        formats::AtomicFile f(path);
        const std::string chunk(1 << 16, 'x');
        for (;;) f.write(chunk);  // never commits; killed below
    }
    // Wait until the child has started writing its temporary file, then kill it.
    const std::string temp = path + ".tmp-" + std::to_string(child);
    for (int i = 0; i < 500 && !std::filesystem::exists(temp); ++i) ::usleep(10000);
    ::usleep(50000);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(formats::read_file(path).view(), "previous");
}

TEST(Io, AtomicPathRenamesOnCommitAndCleansUpOtherwise) {
    TempDir dir;
    const std::string path = dir.write("book.xlsx", "previous");
    {
        formats::AtomicPath p(path);
        dir.write("book.xlsx.tmp-" + std::to_string(::getpid()), "half");
        EXPECT_EQ(p.temp_path(), path + ".tmp-" + std::to_string(::getpid()));
    }  // no commit: the temporary file goes, the target stays
    EXPECT_FALSE(std::filesystem::exists(path + ".tmp-" + std::to_string(::getpid())));
    EXPECT_EQ(formats::read_file(path).view(), "previous");
    formats::AtomicPath p(path);
    dir.write("book.xlsx.tmp-" + std::to_string(::getpid()), "new");
    p.commit();
    EXPECT_EQ(formats::read_file(path).view(), "new");
}
