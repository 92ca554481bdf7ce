// Files: whole reads, atomic writes that never leave half a file.
#include "sightline/formats/io.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fcntl.h>
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
