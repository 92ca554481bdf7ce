// The sightline process dying while it writes (killed, out of room) never leaves half a file:
// the previous output stays as it was.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "sightline/formats/synthetic.hpp"
#include "support/temp_dir.hpp"

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Runs `sightline merge CASE --format csv -o OUT` in a child allowed to write at most `limit`
// bytes per file; with ignore_limit the write fails (EFBIG) instead of the process being killed
// (SIGXFSZ, which like SIGKILL gives it no chance to tidy up). Returns the wait status.
int merge_with_file_limit(const std::string& case_dir, const std::string& out, rlim_t limit, bool ignore_limit) {
    const pid_t pid = fork();
    if (pid == 0) {
        rlimit r{limit, limit};
        setrlimit(RLIMIT_FSIZE, &r);
        signal(SIGXFSZ, ignore_limit ? SIG_IGN : SIG_DFL);
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        execl(SIGHTLINE_BINARY, SIGHTLINE_BINARY, "merge", case_dir.c_str(), "--format", "csv", "-o", out.c_str(), "--quiet",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

class InterruptedWrite : public ::testing::Test {
protected:
    void SetUp() override {
        sightline::engine::CorpusOptions o;
        o.agencies = 5;
        o.rows = 4000;  // about 6 MB of output
        sightline::formats::write_corpus(o, m_dir.file("case"), 1);
        m_out = m_dir.write("out.csv", "the previous chronology\n");
    }
    std::size_t temp_files() const {
        std::size_t n = 0;
        for (const auto& f : std::filesystem::directory_iterator(m_dir.path()))
            if (f.path().filename().string().rfind("out.csv.tmp-", 0) == 0) ++n;
        return n;
    }
    sightline::test::TempDir m_dir;
    std::string m_out;
};

TEST_F(InterruptedWrite, KilledMidWriteLeavesThePreviousFile) {
    const int status = merge_with_file_limit(m_dir.file("case"), m_out, 1 << 20, false);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGXFSZ);
    EXPECT_EQ(read(m_out), "the previous chronology\n");
    EXPECT_EQ(temp_files(), 1u);  // the half-written temporary file it had no chance to remove
}

TEST_F(InterruptedWrite, AFailedWriteIsAnErrorAndLeavesThePreviousFile) {
    const int status = merge_with_file_limit(m_dir.file("case"), m_out, 1 << 20, true);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2);
    EXPECT_EQ(read(m_out), "the previous chronology\n");
    EXPECT_EQ(temp_files(), 0u);
}

TEST_F(InterruptedWrite, AFinishedWriteReplacesIt) {
    const int status = merge_with_file_limit(m_dir.file("case"), m_out, RLIM_INFINITY, false);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    EXPECT_EQ(read(m_out).rfind("Date,Agency,", 0), 0u);
    EXPECT_EQ(temp_files(), 0u);
}

}  // namespace
