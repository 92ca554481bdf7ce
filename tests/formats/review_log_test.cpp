// The review log: every saved change to notes.yaml recorded, chained by SHA-256, and any record
// changed, removed, inserted or reordered afterwards found.
#include "sightline/formats/review_log.hpp"

#include <gtest/gtest.h>

#include "sightline/formats/notes_file.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using sightline::test::TempDir;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t end = text.find('\n', at);
        out.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::string joined(const std::vector<std::string>& ls) {
    std::string out;
    for (const std::string& l : ls) out += l + "\n";
    return out;
}

// A notes file with three changes to one entry and one to another, by two reviewers.
class ReviewLogTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_notes = m_dir.file("notes.yaml");
        formats::save_entry_note(m_notes, "aaaa00000001-1", "First thought", "Reviewer One");
        formats::save_entry_note(m_notes, "aaaa00000001-1", "Second \"thought\"\nover two lines", "Reviewer Two");
        formats::save_entry_note(m_notes, "bbbb00000002-1", "Another entry", "");
        formats::save_entry_note(m_notes, "aaaa00000001-1", "", "Reviewer One");
        formats::save_entry_note(m_notes, "bbbb00000002-1", "Another entry", "Reviewer One");  // no change: no record
    }
    void rewrite(const std::vector<std::string>& ls) { m_dir.write("notes.log.jsonl", joined(ls)); }
    TempDir m_dir;
    std::string m_notes;
};

TEST(Sha256, KnownAnswers) {
    EXPECT_EQ(formats::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(formats::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(ReviewLogTest, EveryChangeIsRecordedWithWhoWhatBeforeAndAfter) {
    const formats::ReviewLog log = formats::read_review_log(m_notes);
    EXPECT_TRUE(log.intact) << log.problem;
    EXPECT_TRUE(log.notes_match);
    ASSERT_EQ(log.records.size(), 4u);
    const auto& r = log.records;
    EXPECT_EQ(r[0].change.what, "note added");
    EXPECT_EQ(r[0].change.who, "Reviewer One");
    EXPECT_EQ(r[0].change.entry, "aaaa00000001-1");
    EXPECT_EQ(r[0].change.before, "");
    EXPECT_EQ(r[0].change.after, "First thought");
    EXPECT_EQ(r[1].change.what, "note edited");
    EXPECT_EQ(r[1].change.before, "First thought");
    EXPECT_EQ(r[1].change.after, "Second \"thought\"\nover two lines");
    EXPECT_EQ(r[2].change.who, formats::os_user());
    EXPECT_EQ(r[3].change.what, "note removed");
    EXPECT_EQ(r[3].change.before, "Second \"thought\"\nover two lines");
    EXPECT_EQ(r[3].change.after, "");
    for (std::size_t i = 0; i < r.size(); ++i) {
        EXPECT_EQ(r[i].seq, i + 1);
        EXPECT_EQ(r[i].prev, i == 0 ? std::string(64, '0') : r[i - 1].hash);
        EXPECT_EQ(r[i].when.size(), 20u) << r[i].when;  // 2024-05-01T10:00:00Z
    }
    EXPECT_EQ(log.path, m_dir.file("notes.log.jsonl"));
}

TEST_F(ReviewLogTest, AChangedRecordBreaksTheChain) {
    std::vector<std::string> ls = lines(m_dir.read("notes.log.jsonl"));
    const std::size_t at = ls[1].find("Reviewer Two");
    ls[1].replace(at, 12, "Reviewer Six");
    rewrite(ls);
    const formats::ReviewLog log = formats::read_review_log(m_notes);
    EXPECT_FALSE(log.intact);
    EXPECT_EQ(log.broken_line, 2u);
    EXPECT_EQ(log.problem, "record does not match its hash: it was changed after it was written");
}

TEST_F(ReviewLogTest, ARemovedOrReorderedRecordBreaksTheChain) {
    std::vector<std::string> ls = lines(m_dir.read("notes.log.jsonl"));
    std::swap(ls[1], ls[2]);
    rewrite(ls);
    formats::ReviewLog log = formats::read_review_log(m_notes);
    EXPECT_FALSE(log.intact);
    EXPECT_EQ(log.broken_line, 2u);
    EXPECT_EQ(log.problem, "record does not follow the one before it (a record was removed, inserted or reordered)");
    ls = lines(m_dir.read("notes.log.jsonl"));
    std::swap(ls[1], ls[2]);
    ls.erase(ls.begin());
    rewrite(ls);
    log = formats::read_review_log(m_notes);
    EXPECT_FALSE(log.intact);
    EXPECT_EQ(log.broken_line, 1u);
}

TEST_F(ReviewLogTest, NotesChangedOutsideSightlineAreNoticed) {
    m_dir.write("notes.yaml", "sightline: 1\nnotes:\n  - {entry: bbbb00000002-1, text: \"Edited by hand\"}\n");
    const formats::ReviewLog log = formats::read_review_log(m_notes);
    EXPECT_TRUE(log.intact);
    EXPECT_FALSE(log.notes_match);
}

TEST_F(ReviewLogTest, RecordsAreAppendedAfterAHandEditedLog) {
    // Lines already there stay byte for byte; the new record follows the last one.
    const std::string before = m_dir.read("notes.log.jsonl");
    formats::save_entry_note(m_notes, "cccc00000003-1", "Later", "Reviewer One");
    const std::string after = m_dir.read("notes.log.jsonl");
    EXPECT_EQ(after.substr(0, before.size()), before);
    const formats::ReviewLog log = formats::read_review_log(m_notes);
    EXPECT_TRUE(log.intact) << log.problem;
    EXPECT_EQ(log.records.size(), 5u);
}

TEST(ReviewLog, NoLogIsAnIntactEmptyLog) {
    TempDir dir;
    const formats::ReviewLog log = formats::read_review_log(dir.file("notes.yaml"));
    EXPECT_TRUE(log.intact);
    EXPECT_TRUE(log.records.empty());
}

}  // namespace
