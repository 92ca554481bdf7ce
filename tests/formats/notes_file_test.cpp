// notes.yaml: read, checked against the case, written back without losing anything.
#include "sightline/formats/notes_file.hpp"

#include <gtest/gtest.h>

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

    // Writing back keeps every note, the orphan included, and reads back the same.
    ReviewNotes notes = c.notes;
    notes.set_note(police, "Checked: \"police\" account: fine");
    formats::write_notes(notes, dir.file("notes.yaml"));
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

}  // namespace
