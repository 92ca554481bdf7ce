// notes.yaml: read, checked against the case, written back without losing anything.
#include "sightline/formats/notes_file.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "support/temp_dir.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::TempDir;

namespace {

const char* k_case = R"(sightline: 1
case: {title: T}
entries:
  - {date: 2015-06-21, agency: Police, type: police_incident, summary: "DA", ref: CAD 1}
  - {date: 2015-06-23, agency: CSC, type: notification, summary: "Notification"}
)";

TEST(NotesFile, NotesShowInTheChronologyAndOrphansAreReportedNotDropped) {
    TempDir dir;
    dir.write("case.yaml", k_case);
    const Case first = formats::load_case(dir.path());
    const std::string police = entry_id(first.chronology.entries[0]);
    dir.write("notes.yaml", "sightline: 1\nnotes:\n  - {entry: " + police + ", text: \"Check this\"}\n  - {entry: 0123456789ab, text: \"Gone\"}\n");
    const Case c = formats::load_case(dir.path());
    ASSERT_EQ(c.notes.notes.size(), 2u);
    EXPECT_EQ(c.notes.note_for(police)->text, "Check this");
    ASSERT_EQ(c.diagnostics.size(), 1u);
    std::string printed = formats::format_diagnostic(c.diagnostics.items()[0]);
    printed.erase(0, dir.path().size() + 1);
    EXPECT_EQ(printed, "notes.yaml:4: warning: note on entry '0123456789ab', which is no longer in the case; the note is kept "
                       "[note-orphaned]");

    // Saving one note keeps every other note, the orphan included, and reads back the same.
    formats::save_entry_note(dir.file("notes.yaml"), police, "Checked: \"police\" account: fine");
    const Case again = formats::load_case(dir.path());
    ASSERT_EQ(again.notes.notes.size(), 2u);
    EXPECT_EQ(again.notes.note_for(police)->text, "Checked: \"police\" account: fine");
    EXPECT_EQ(again.notes.note_for("0123456789ab")->text, "Gone");
}

TEST(NotesFile, BadDecisionsAreLocatedErrors) {
    TempDir dir;
    dir.write("case.yaml", k_case);
    dir.write("notes.yaml", "sightline: 1\nclusters:\n  - {decision: merge, entries: [a, b]}\n  - {decision: split, entries: [a]}\n");
    const Case c = formats::load_case(dir.path());
    ASSERT_EQ(c.diagnostics.size(), 2u);
    EXPECT_EQ(c.diagnostics.items()[0].message, "unknown cluster decision 'merge'; expected one of confirm, split");
    EXPECT_EQ(c.diagnostics.items()[0].line, 3u);
    EXPECT_EQ(c.diagnostics.items()[1].message, "a cluster decision needs 'entries' naming at least two entry ids");
}

TEST(NotesFile, EpisodesWithDatesThatCannotBePlacedAreLocatedErrors) {
    TempDir dir;
    dir.write("case.yaml", k_case);
    dir.write("notes.yaml",
              "sightline: 1\nepisodes:\n"
              "  - {title: Good, from: 2015-06, to: autumn 2015}\n"
              "  - {title: Typo, from: 2015-13-01, to: 2015-12-01}\n"
              "  - {title: Reversed, from: 2015-10-01, to: 2015-06-01}\n"
              "  - {title: Open, from: 2015-06-01}\n");
    const Case c = formats::load_case(dir.path());
    ASSERT_EQ(c.notes.episodes.size(), 1u);
    EXPECT_EQ(c.notes.episodes[0].title, "Good");
    ASSERT_EQ(c.diagnostics.size(), 3u);
    EXPECT_EQ(c.diagnostics.items()[0].line, 4u);
    EXPECT_EQ(c.diagnostics.items()[0].column, 25u);  // at the date itself
    EXPECT_EQ(c.diagnostics.items()[1].code, "date-range-reversed");
    EXPECT_EQ(c.diagnostics.items()[1].message, "episode 'Reversed' ends (2015-06-01) before it starts (2015-10-01)");
    EXPECT_EQ(c.diagnostics.items()[2].message, "episode has no 'to' date");
}

TEST(NotesFile, SavingANoteKeepsEverythingElseInTheFile) {
    TempDir dir;
    dir.write("case.yaml", k_case);
    const std::string before =
        "# Panel notes\n# for the review\n"
        "sightline: 1\n"
        "reviewer: Panel chair\n"
        "notes:\n"
        "  - {entry: aaaaaaaaaaaa, text: \"Old\", by: AB}\n"
        "  - {entry: bbbbbbbbbbbb, text: \"Other\"}\n"
        "clusters:\n"
        "  - {decision: merge, entries: [a, b]}\n"
        "  - {decision: confirm, entries: [c, d], note: same}\n"
        "episodes:\n"
        "  - {title: Move, from: 2015-06, to: 2015-10, note: n, owner: CD}\n";
    dir.write("notes.yaml", before);
    const Case first = formats::load_case(dir.path());
    // One unknown key warned; the bad decision is an error and not used.
    std::size_t unknown = 0;
    for (const Diagnostic& d : first.diagnostics.items()) unknown += d.code == "key-unknown";
    EXPECT_EQ(unknown, 1u);
    EXPECT_EQ(first.notes.clusters.size(), 1u);

    formats::save_entry_note(dir.file("notes.yaml"), "aaaaaaaaaaaa", "New");
    formats::save_entry_note(dir.file("notes.yaml"), "cccccccccccc", "Added");
    const YAML::Node after = YAML::LoadFile(dir.file("notes.yaml"));
    EXPECT_EQ(dir.read("notes.yaml").rfind("# Panel notes\n# for the review\nsightline: 1\n", 0), 0u);
    EXPECT_EQ(after["reviewer"].as<std::string>(), "Panel chair");
    ASSERT_EQ(after["notes"].size(), 3u);
    EXPECT_EQ(after["notes"][0]["text"].as<std::string>(), "New");
    EXPECT_EQ(after["notes"][0]["by"].as<std::string>(), "AB");
    EXPECT_EQ(after["notes"][1]["text"].as<std::string>(), "Other");
    EXPECT_EQ(after["notes"][2]["entry"].as<std::string>(), "cccccccccccc");
    ASSERT_EQ(after["clusters"].size(), 2u);
    EXPECT_EQ(after["clusters"][0]["decision"].as<std::string>(), "merge");
    EXPECT_EQ(after["episodes"][0]["owner"].as<std::string>(), "CD");

    // Empty text removes the note; removing the last note removes the list.
    formats::save_entry_note(dir.file("notes.yaml"), "aaaaaaaaaaaa", "");
    formats::save_entry_note(dir.file("notes.yaml"), "bbbbbbbbbbbb", "");
    formats::save_entry_note(dir.file("notes.yaml"), "cccccccccccc", "");
    const YAML::Node emptied = YAML::LoadFile(dir.file("notes.yaml"));
    EXPECT_FALSE(emptied["notes"]);
    EXPECT_EQ(emptied["clusters"].size(), 2u);
}

TEST(NotesFile, AnUnreadableNotesFileIsNeverOverwritten) {
    TempDir dir;
    const std::string broken = "sightline: 1\nnotes: [ {entry: a, text: \"unclosed\n";
    dir.write("notes.yaml", broken);
    try {
        formats::save_entry_note(dir.file("notes.yaml"), "aaaaaaaaaaaa", "x");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "yaml-syntax");
        EXPECT_NE(e.diagnostic().message.find("notes.yaml was not changed"), std::string::npos);
    }
    EXPECT_EQ(dir.read("notes.yaml"), broken);

    dir.write("notes.yaml", "sightline: 1\nnotes: {entry: a}\n");
    EXPECT_THROW(formats::save_entry_note(dir.file("notes.yaml"), "aaaaaaaaaaaa", "x"), Error);

    // A new file is created when there is none.
    TempDir fresh;
    formats::save_entry_note(fresh.file("notes.yaml"), "aaaaaaaaaaaa", "first");
    EXPECT_EQ(YAML::LoadFile(fresh.file("notes.yaml"))["notes"][0]["text"].as<std::string>(), "first");
}

TEST(NotesFile, ListsOfTheWrongShapeAndHostileNestingAreLocatedErrors) {
    TempDir dir;
    dir.write("case.yaml", k_case);
    dir.write("notes.yaml", "sightline: 1\nnotes: {entry: a}\n");
    const Case c = formats::load_case(dir.path());
    ASSERT_EQ(c.diagnostics.size(), 1u);
    EXPECT_EQ(c.diagnostics.items()[0].message, "'notes' must be a list");
    EXPECT_EQ(c.diagnostics.items()[0].line, 2u);

    dir.write("notes.yaml", std::string(200, '[') + std::string(200, ']') + "\n");
    const Case deep = formats::load_case(dir.path());
    ASSERT_EQ(deep.diagnostics.size(), 1u);
    EXPECT_EQ(deep.diagnostics.items()[0].code, "yaml-syntax");
}

}  // namespace
