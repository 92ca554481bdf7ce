// Crash safety, proved: the sightline process killed (SIGKILL at random moments, and SIGXFSZ at
// random byte offsets, which kill it mid-write) while it writes each output format and the
// review notes. The previous file is always intact or wholly replaced, never half written; a
// killed writer's temporary file is removed by the next run.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/review_log.hpp"
#include "sightline/formats/synthetic.hpp"
#include "support/temp_dir.hpp"
#include "support/zip_builder.hpp"

namespace fs = std::filesystem;
using sightline::test::TempDir;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

// Starts `sightline args...` with its output thrown away, each file it writes limited to
// `limit` bytes (past it the kernel kills it with SIGXFSZ).
pid_t start(const std::vector<std::string>& args, rlim_t limit = RLIM_INFINITY) {
    const pid_t pid = fork();
    if (pid == 0) {
        rlimit r{limit, limit};
        setrlimit(RLIMIT_FSIZE, &r);
        signal(SIGXFSZ, SIG_DFL);
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        dup2(devnull, 2);
        std::vector<char*> argv{const_cast<char*>(SIGHTLINE_BINARY)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(SIGHTLINE_BINARY, argv.data());
        _exit(127);
    }
    return pid;
}

int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

// Temporary files beside path (path.tmp-PID).
std::size_t temporaries(const std::string& path) {
    std::size_t n = 0;
    const std::string prefix = fs::path(path).filename().string() + ".tmp-";
    for (const auto& f : fs::directory_iterator(fs::path(path).parent_path()))
        if (f.path().filename().string().rfind(prefix, 0) == 0) ++n;
    return n;
}

// One thing sightline writes, and how to tell a whole one.
struct Output {
    std::string name;
    std::vector<std::string> args;
    std::string path;
    std::function<bool(const std::string&)> whole;  // the bytes are a complete output
};

struct Tally {
    std::size_t kills = 0, mid_write = 0, previous = 0, replaced = 0;
};

// Kills the writer of `o` at random moments and at random byte offsets; after each kill the
// file is the previous one or a whole new one; then a run to the end leaves no temporary file.
void kill_while_writing(const Output& o, std::mt19937& rng, Tally& tally) {
    const std::string previous = "the previous " + o.name + "\n";
    write(o.path, previous);
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(WIFEXITED(wait_for(start(o.args)))) << o.name;
    const auto took = std::chrono::steady_clock::now() - t0;
    const std::string complete = read(o.path);
    ASSERT_TRUE(o.whole(complete)) << o.name << " is not whole after a run to the end";
    for (int round = 0; round < 12; ++round) {
        write(o.path, previous);
        int status = 0;
        if (round % 2 == 0) {
            // SIGKILL at a random moment of a run (and a little past its usual end).
            const auto at = std::chrono::duration_cast<std::chrono::microseconds>(took) *
                            std::uniform_real_distribution<double>(0.0, 1.2)(rng);
            const pid_t pid = start(o.args);
            std::this_thread::sleep_for(at);
            kill(pid, SIGKILL);
            status = wait_for(pid);
        } else {
            // Killed by the kernel once the file reaches a random size below the whole one's.
            const auto limit = std::uniform_int_distribution<std::size_t>(1, std::max<std::size_t>(1, complete.size() - 1))(rng);
            status = wait_for(start(o.args, static_cast<rlim_t>(limit)));
        }
        const std::string now = read(o.path);
        const std::size_t left = temporaries(o.path);
        if (WIFSIGNALED(status)) ++tally.kills;
        if (left > 0) ++tally.mid_write;
        if (now == previous) ++tally.previous;
        else ++tally.replaced;
        EXPECT_TRUE(now == previous || o.whole(now)) << o.name << ": half written after a kill (" << now.size() << " bytes)";
        EXPECT_LE(left, 1u) << o.name;
    }
    // The next run cleans up what the killed ones left.
    ASSERT_TRUE(WIFEXITED(wait_for(start(o.args)))) << o.name;
    EXPECT_TRUE(o.whole(read(o.path))) << o.name;
    EXPECT_EQ(temporaries(o.path), 0u) << o.name << ": a killed writer's temporary file was left";
}

class CrashSafety : public ::testing::Test {
protected:
    void SetUp() override {
        sightline::engine::CorpusOptions o;
        o.agencies = 3;
        o.rows = 3000;
        sightline::formats::write_corpus(o, m_dir.file("corpus"), 1);
        fs::copy(SIGHTLINE_SAMPLES "/child-r", m_dir.file("sample"), fs::copy_options::recursive);
    }
    std::string out(const std::string& name) const { return m_dir.file("out/" + name); }
    TempDir m_dir;
};

TEST_F(CrashSafety, EveryOutputFormatIsThePreviousFileOrAWholeNewOne) {
    fs::create_directories(m_dir.file("out"));
    const std::string corpus = m_dir.file("corpus"), sample = m_dir.file("sample");
    // Deterministic outputs are whole when they equal a run to the end; a workbook (which holds
    // the time it was made) when it opens and has its sheet.
    std::map<std::string, std::string> reference;
    auto same_as_first = [&reference](const std::string& name) {
        return [&reference, name](const std::string& bytes) {
            auto [it, fresh] = reference.emplace(name, bytes);
            return fresh || it->second == bytes;
        };
    };
    auto workbook = [this](const std::string& path) {
        return [path, this](const std::string& bytes) {
            const std::string copy = m_dir.file("copy.xlsx");
            write(copy, bytes);
            return !sightline::test::read_zip_part(copy, "xl/worksheets/sheet1.xml").empty();
        };
    };
    std::vector<Output> outputs;
    for (const char* format : {"csv", "md", "json"})
        outputs.push_back({std::string("merge ") + format, {"merge", corpus, "--format", format, "-o", out(std::string("merge.") + format), "--quiet"},
                           out(std::string("merge.") + format), same_as_first(std::string("merge ") + format)});
    outputs.push_back({"merge xlsx", {"merge", corpus, "-o", out("merge.xlsx"), "--quiet"}, out("merge.xlsx"), workbook(out("merge.xlsx"))});
    for (const char* format : {"text", "json"})
        outputs.push_back({std::string("check ") + format, {"check", sample, "--format", format, "-o", out(std::string("check.") + format)},
                           out(std::string("check.") + format), same_as_first(std::string("check ") + format)});
    for (const char* format : {"svg", "json"})
        outputs.push_back({std::string("genogram ") + format,
                           {"genogram", sample, "--at", "2015-11-01", "--format", format, "-o", out(std::string("genogram.") + format)},
                           out(std::string("genogram.") + format), same_as_first(std::string("genogram ") + format)});
    for (const char* format : {"md", "json"})
        outputs.push_back({std::string("episodes ") + format, {"episodes", sample, "--format", format, "-o", out(std::string("episodes.") + format)},
                           out(std::string("episodes.") + format), same_as_first(std::string("episodes ") + format)});
    std::mt19937 rng(20240517);
    Tally tally;
    for (const Output& o : outputs) kill_while_writing(o, rng, tally);
    EXPECT_GT(tally.kills, outputs.size() * 6);  // every byte-limited run at least
    EXPECT_GT(tally.mid_write, outputs.size() * 3);
    std::cout << "[ crash    ] " << outputs.size() << " formats, " << tally.kills << " writers killed, " << tally.mid_write
              << " mid-write; " << tally.previous << " left the previous file, " << tally.replaced << " a whole new one\n";
}

TEST_F(CrashSafety, NotesAndTheirLogAreThePreviousOnesOrWholeNewOnes) {
    const std::string sample = m_dir.file("sample");
    const sightline::engine::Case c = sightline::formats::load_case(sample);
    const std::string entry = sightline::engine::entry_id(c.chronology.entries.at(5));
    const std::string notes = sample + "/notes.yaml", log = sample + "/notes.log.jsonl";
    // A log with a record already, so that a half-added record would show.
    ASSERT_TRUE(WIFEXITED(wait_for(start({"note", sample, entry, "A first note", "--by", "Reviewer"}))));
    const std::string old_notes = read(notes), old_log = read(log);
    const std::vector<std::string> args{"note", sample, entry, "A note edited while the writer was killed", "--by", "Reviewer"};
    ASSERT_TRUE(WIFEXITED(wait_for(start(args))));
    const std::string new_notes = read(notes);
    ASSERT_NE(new_notes, old_notes);
    const auto t0 = std::chrono::steady_clock::now();
    write(notes, old_notes);
    write(log, old_log);
    ASSERT_TRUE(WIFEXITED(wait_for(start(args))));
    const auto took = std::chrono::steady_clock::now() - t0;
    std::mt19937 rng(7);
    Tally tally;
    for (int round = 0; round < 24; ++round) {
        write(notes, old_notes);
        write(log, old_log);
        int status = 0;
        if (round % 2 == 0) {
            const pid_t pid = start(args);
            std::this_thread::sleep_for(std::chrono::duration_cast<std::chrono::microseconds>(took) *
                                        std::uniform_real_distribution<double>(0.5, 1.2)(rng));
            kill(pid, SIGKILL);
            status = wait_for(pid);
        } else {
            const std::size_t biggest = std::max(new_notes.size(), old_log.size() + 600);
            status = wait_for(start(args, static_cast<rlim_t>(std::uniform_int_distribution<std::size_t>(1, biggest)(rng))));
        }
        if (WIFSIGNALED(status)) ++tally.kills;
        if (temporaries(notes) + temporaries(log) > 0) ++tally.mid_write;
        const std::string n = read(notes), l = read(log);
        EXPECT_TRUE(n == old_notes || n == new_notes) << "notes.yaml half written";
        EXPECT_EQ(l.substr(0, old_log.size()), old_log) << "the log's earlier records changed";
        EXPECT_LE(std::count(l.begin() + static_cast<std::ptrdiff_t>(old_log.size()), l.end(), '\n'), 1);
        EXPECT_FALSE(n == old_notes && l != old_log) << "a change recorded that was not made";
        const sightline::formats::ReviewLog r = sightline::formats::read_review_log(notes);
        EXPECT_TRUE(r.intact) << r.problem;
        if (n == new_notes && l != old_log) {
            EXPECT_TRUE(r.notes_match);
        }
    }
    ASSERT_TRUE(WIFEXITED(wait_for(start(args))));
    EXPECT_EQ(temporaries(notes) + temporaries(log), 0u);
    EXPECT_GT(tally.kills, 12u);
    std::cout << "[ crash    ] notes: " << tally.kills << " writers killed, " << tally.mid_write << " mid-write\n";
}

}  // namespace
