// Reading cases: every field of case-format §2-§3, and one test per diagnostic code with its exact text.
#include "sightline/formats/case_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "csv_tokenizer.hpp"

#include "sightline/engine/generate.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "sightline/formats/synthetic.hpp"
#include "support/printed.hpp"
#include "support/temp_dir.hpp"
#include "support/whole_case.hpp"

using namespace sightline;
using namespace sightline::engine;
using sightline::test::joined;
using sightline::test::printed;
using sightline::test::TempDir;
using sightline::test::whole_case;

namespace {

constexpr const char* k_manifest_head = R"(sightline: 1
case:
  title: "Child A"
  index_children: [child-a, child-b]
  scope: {from: 2014-04-01, to: 2015-11-21}
people:
  - {id: child-a, name: "Child A", aliases: ["Baby A"], sex: male, born: 2014-10}
  - {id: child-b, name: "Child B", sex: female, born: 2011-03-02}
  - {id: mother, name: Mother, aliases: [mum], sex: female, born: ~1994}
  - {id: z, name: "Z", aliases: ["Mr Z", "boyfriend"], sex: male}
)";

// A case whose manifest is the head plus extra text, with one agency file.
Case load(TempDir& dir, const std::string& manifest_tail, const std::string& agency_file = "") {
    std::string manifest = std::string(k_manifest_head) + manifest_tail;
    if (!agency_file.empty()) {
        dir.write("agencies/a.yaml", agency_file);
        manifest += "sources:\n  - agencies/a.yaml\n";
    }
    dir.write("case.yaml", manifest);
    return formats::load_case(dir.path());
}

std::string agency(const std::string& entries) {
    return "sightline: 1\nagency: \"Ealing Children's Social Care\"\nkind: childrens_social_care\narea: Ealing\nentries:\n" +
           entries;
}

TEST(CaseReader, ReadsEveryFieldOfTheFormat) {
    TempDir dir;
    Case c = load(dir, R"(relationships:
  - {kind: parent, parent: mother, child: child-a}
  - {kind: step_parent, parent: z, child: child-b}
  - {kind: partner, people: [mother, z], from: ~2015-04, to: 2015-10, ended: separated}
  - {kind: sibling, people: [child-a, child-b]}
residences:
  - {people: [mother, child-a], area: LBHF, address: "grandparents' house", from: 2014-10, to: 2015-01}
  - {people: [mother, child-a, z], area: Luton, from: 2015-10-12}
areas:
  - {name: "Hammersmith & Fulham", aliases: ["LBHF", "Hammersmith"]}
agencies:
  - {name: "Luton Children's Social Care", kind: childrens_social_care, area: Luton}
rules: {unseen_days: 14}
)",
                  agency(R"(  - date: 2015-07-10
    type: home_visit
    summary: "SW1 home visit; Mother and baby seen."
    subjects: [mother, Baby A, Mr Z]
    child_seen: {child-a: seen_alone, Child B: not_seen}
    views_sought: false
    modality: face_to_face
    practitioner: SW1
    to: ["Luton Children's Social Care"]
    area: Luton
    ref: "CSC-2231"
    seq: 1
    end: 2015-07-12
    tags: [domestic_abuse]
  - date: 2015-07-11 14:30
    type: supervision
    summary: Case discussed.
    child_seen: seen
)"));
    EXPECT_TRUE(c.diagnostics.empty()) << printed(c, dir).front();
    EXPECT_EQ(c.info.title, "Child A");
    ASSERT_EQ(c.info.index_children.size(), 2u);
    EXPECT_EQ(format_date(*c.info.scope_to), "2015-11-21");
    EXPECT_EQ(c.people.size(), 4u);
    EXPECT_EQ(format_date(*c.people[2].born), "~1994");
    ASSERT_EQ(c.relationships.size(), 4u);
    EXPECT_EQ(c.relationships[1].kind, RelationshipKind::StepParent);
    EXPECT_EQ(c.relationships[2].ended, PartnershipEnd::Separated);
    ASSERT_EQ(c.residences.size(), 2u);
    EXPECT_EQ(c.area_name(c.residences[0].area), "Hammersmith & Fulham");  // by alias
    EXPECT_EQ(c.rules.get(RuleId::UnseenDays), 14);

    ASSERT_EQ(c.chronology.entries.size(), 2u);
    const Chronology& ch = c.chronology;
    const Entry& e = ch.entries[0];
    EXPECT_EQ(e.summary, "SW1 home visit; Mother and baby seen.");
    EXPECT_EQ(e.type, EntryType::HomeVisit);
    EXPECT_EQ(c.agency_name(e.agency), "Ealing Children's Social Care");
    EXPECT_EQ(c.agency_kind(e.agency), AgencyKind::ChildrensSocialCare);
    EXPECT_EQ(c.area_name(e.area), "Luton");
    ASSERT_EQ(e.subjects.count, 3u);
    EXPECT_EQ(c.person(ch.subjects_of(e)[1].person).id, "child-a");
    EXPECT_EQ(c.person(ch.subjects_of(e)[2].person).id, "z");
    EXPECT_EQ(ch.seen(e, 0), ChildSeen::SeenAlone);
    EXPECT_EQ(ch.seen(e, 1), ChildSeen::NotSeen);
    EXPECT_EQ(e.views_sought, Tri::No);
    EXPECT_EQ(e.modality, Modality::FaceToFace);
    EXPECT_EQ(e.practitioner, "SW1");
    ASSERT_EQ(e.to.count, 1u);
    EXPECT_EQ(c.agency(ch.to_of(e)[0]).area, c.find_area("Luton"));
    EXPECT_EQ(e.ref, "CSC-2231");
    EXPECT_EQ(e.seq, 1);
    EXPECT_EQ(format_date(*ch.end_of(e)), "2015-07-12");
    EXPECT_TRUE(ch.has_tag(e, "domestic_abuse"));
    const Entry& f = ch.entries[1];
    EXPECT_EQ(f.type, EntryType::Free);
    EXPECT_EQ(f.type_text, "supervision");
    EXPECT_EQ(c.area_name(f.area), "Ealing");  // the file's area
    EXPECT_EQ(ch.seen(f, 0), ChildSeen::Seen);
    EXPECT_EQ(ch.seen(f, 1), ChildSeen::Seen);  // a scalar applies to every index child
    EXPECT_EQ(format_utc(f.date), "2015-07-11T13:30:00Z");
    EXPECT_EQ(c.sources[0].counts.rows_read, 2u);
    EXPECT_EQ(c.sources[0].counts.entries_made, 2u);
}

TEST(CaseReader, OneFileCaseWithInlineEntries) {
    TempDir dir;
    dir.write("single.yaml", std::string(k_manifest_head) + R"(entries:
  - {date: 2015-06, agency: Southvale Police, type: police_incident, summary: "DA incident", subjects: [mum]}
  - {date: 2015-05-02, agency: Southvale Police, type: notification, summary: "MERLIN to CSC"}
)");
    Case c = formats::load_case(dir.file("single.yaml"));
    EXPECT_TRUE(c.diagnostics.empty());
    ASSERT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(format_date(c.chronology.entries[0].date), "2015-05-02");
    EXPECT_EQ(format_date(c.chronology.entries[1].date), "2015-06");
    EXPECT_EQ(c.agency_kind(c.chronology.entries[0].agency), AgencyKind::Police);
    EXPECT_EQ(c.sources[0].path, "single.yaml");
}

TEST(CaseReader, FolderAndManifestPathsAreTheSame) {
    TempDir dir;
    load(dir, "", agency("  - {date: 2015-06-01, type: contact, summary: x}\n"));
    const Case a = formats::load_case(dir.path());
    const Case b = formats::load_case(dir.file("case.yaml"));
    ASSERT_EQ(a.chronology.entries.size(), 1u);
    EXPECT_EQ(entry_id(a.chronology.entries[0]), entry_id(b.chronology.entries[0]));
}

TEST(CaseReader, EveryRowIsAnEntryOrARejection) {
    TempDir dir;
    Case c = load(dir, "", agency(R"(  - {date: 2015-06-01, type: contact, summary: ok}
  - {date: 2015-02-30, type: contact, summary: bad date}
  - {type: contact, summary: no date}
  - {date: 2015-06-03, summary: no type}
  - {date: 2015-06-04, type: contact}
  - just text
  - {date: 2015-06-05, type: contact, summary: bad seen, child_seen: maybe}
  - {date: 2015-06-06, type: contact, summary: ok again}
)"));
    const SourceCounts& n = c.sources[0].counts;
    EXPECT_EQ(n.rows_read, 8u);
    EXPECT_EQ(n.entries_made, 2u);
    EXPECT_EQ(n.rows_rejected, 6u);
    EXPECT_EQ(n.rows_read, n.entries_made + n.rows_rejected);
    EXPECT_EQ(c.chronology.entries.size(), 2u);
    EXPECT_EQ(c.diagnostics.error_count(), 6u);
}

struct DiagnosticCase {
    const char* name;
    const char* manifest_tail;
    const char* entries;  // agency file entries, or "" for none
    const char* expected; // one printed diagnostic, exactly
};

void PrintTo(const DiagnosticCase& d, std::ostream* os) {
    *os << d.name;
    if (*d.manifest_tail) *os << ", case.yaml ending " << ::testing::PrintToString(std::string(d.manifest_tail));
    if (*d.entries) *os << ", entries " << ::testing::PrintToString(std::string(d.entries));
}

class Diagnostics : public ::testing::TestWithParam<DiagnosticCase> {};

TEST_P(Diagnostics, HasExactText) {
    const DiagnosticCase& d = GetParam();
    TempDir dir;
    Case c = load(dir, d.manifest_tail, *d.entries ? agency(d.entries) : "");
    const std::vector<std::string> got = printed(c, dir);
    EXPECT_NE(std::find(got.begin(), got.end(), d.expected), got.end())
        << d.name << "\nexpected: " << d.expected << "\ngot:\n"
        << [&] {
               std::string all;
               for (const auto& s : got) all += "  " + s + "\n";
               return all;
           }();
}

INSTANTIATE_TEST_SUITE_P(
    EveryCode, Diagnostics,
    ::testing::Values(
        DiagnosticCase{"date_invalid", "", "  - {date: 2015-02-30, type: contact, summary: x}\n",
                       "agencies/a.yaml:6:12: error: date '2015-02-30' does not exist [date-invalid]"},
        DiagnosticCase{"date_syntax", "", "  - {date: soon, type: contact, summary: x}\n",
                       "agencies/a.yaml:6:12: error: cannot read date 'soon'; expected a form such as 2015-06-24, "
                       "2015-06, ~2015, spring 2015, 2015-06-24/2015-06-30 or before 2015-07 [date-syntax]"},
        DiagnosticCase{"time_nonexistent", "", "  - {date: 2015-03-29 01:30, type: contact, summary: x}\n",
                       "agencies/a.yaml:6:12: error: local time '2015-03-29 01:30' does not exist in Europe/London "
                       "(the clocks went forward) [time-nonexistent]"},
        DiagnosticCase{"time_ambiguous", "", "  - {date: 2015-10-25 01:30, type: contact, summary: x}\n",
                       "agencies/a.yaml:6:12: warning: local time '2015-10-25 01:30' happens twice in Europe/London "
                       "(the clocks went back); the first is used [time-ambiguous]"},
        DiagnosticCase{"field_missing_date", "", "  - {type: contact, summary: x}\n",
                       "agencies/a.yaml:6:5: error: entry has no 'date' [field-missing]"},
        DiagnosticCase{"field_missing_type", "", "  - {date: 2015-06-01, summary: x}\n",
                       "agencies/a.yaml:6:5: error: entry has no 'type' [field-missing]"},
        DiagnosticCase{"field_missing_summary", "", "  - {date: 2015-06-01, type: contact}\n",
                       "agencies/a.yaml:6:5: error: entry has no 'summary' [field-missing]"},
        DiagnosticCase{"field_type", "", "  - {date: [2015], type: contact, summary: x}\n",
                       "agencies/a.yaml:6:12: error: 'date' must be a single value [field-type]"},
        DiagnosticCase{"entry_not_map", "", "  - hello\n",
                       "agencies/a.yaml:6:5: error: entry must be a map of fields (date, type, summary, ...) [field-type]"},
        DiagnosticCase{"child_seen_value", "", "  - {date: 2015-06-01, type: contact, summary: x, child_seen: maybe}\n",
                       "agencies/a.yaml:6:63: error: unknown child_seen 'maybe'; expected one of not_recorded, "
                       "not_seen, seen, seen_alone [value-invalid]"},
        DiagnosticCase{"modality_value", "", "  - {date: 2015-06-01, type: contact, summary: x, modality: pigeon}\n",
                       "agencies/a.yaml:6:61: error: unknown modality 'pigeon'; expected one of face_to_face, phone, "
                       "video, letter, electronic, other [value-invalid]"},
        DiagnosticCase{"seq_value", "", "  - {date: 2015-06-01, type: contact, summary: x, seq: first}\n",
                       "agencies/a.yaml:6:56: error: seq must be a whole number from 0, not 'first' [value-invalid]"},
        DiagnosticCase{"views_value", "", "  - {date: 2015-06-01, type: contact, summary: x, views_sought: often}\n",
                       "agencies/a.yaml:6:65: error: views_sought must be true or false, not 'often' [value-invalid]"},
        DiagnosticCase{"child_unknown", "", "  - {date: 2015-06-01, type: contact, summary: x, child_seen: {mother: seen}}\n",
                       "agencies/a.yaml:6:64: error: child_seen names 'mother', who is not one of the case's "
                       "index_children [child-unknown]"},
        DiagnosticCase{"subject_unknown", "",
                       "  - {date: 2015-06-01, type: contact, summary: x, subjects: [Uncle Mick]}\n"
                       "  - {date: 2015-06-02, type: contact, summary: y, subjects: [uncle mick]}\n"
                       "  - {date: 2015-06-03, type: contact, summary: z, subjects: [Uncle Mick]}\n",
                       "agencies/a.yaml:6:62: warning: subject 'Uncle Mick' is not a person in the case; kept as "
                       "written (2 times in this file) [subject-unknown]"},
        DiagnosticCase{"key_unknown", "", "  - {date: 2015-06-01, type: contact, summary: x, colour: red}\n",
                       "agencies/a.yaml:6:51: warning: unknown field 'colour' is not part of the format; kept as "
                       "written [key-unknown]"},
        DiagnosticCase{"sex_value", "  - {id: dad, sex: mal}\n", "",
                       "case.yaml:11:20: error: unknown sex 'mal'; expected one of unknown, male, female [value-invalid]"},
        DiagnosticCase{"person_duplicate", "  - {id: x}\n  - {id: x}\n", "",
                       "case.yaml:12:10: error: person id 'x' is already used at line 11 [person-duplicate]"},
        DiagnosticCase{"person_id_invalid", "  - {id: Child C}\n", "",
                       "case.yaml:11:10: error: person id 'Child C' must use only a-z, 0-9, _ and - [person-id-invalid]"},
        DiagnosticCase{"relationship_person_unknown",
                       "relationships:\n  - {kind: parent, parent: fathr, child: child-a}\n", "",
                       "case.yaml:12:28: error: parent 'fathr' is not in people [person-unknown]"},
        DiagnosticCase{"residence_person_unknown", "residences:\n  - {people: [mother, lodger], area: Ealing}\n", "",
                       "case.yaml:12:23: error: resident 'lodger' is not in people [person-unknown]"},
        DiagnosticCase{"relationship_kind", "relationships:\n  - {kind: cousin, people: [mother, z]}\n", "",
                       "case.yaml:12:12: error: unknown relationship kind 'cousin'; expected one of parent, "
                       "step_parent, foster_parent, adoptive_parent, partner, sibling [value-invalid]"},
        DiagnosticCase{"relationship_ended", "relationships:\n  - {kind: partner, people: [mother, z], ended: paused}\n", "",
                       "case.yaml:12:49: error: unknown 'ended' value 'paused'; expected one of separated, divorced, "
                       "died [value-invalid]"},
        DiagnosticCase{"relationship_self", "relationships:\n  - {kind: partner, people: [mother, mother]}\n", "",
                       "case.yaml:12:5: error: a relationship must name two different people [relationship-self]"},
        DiagnosticCase{"agency_kind", "agencies:\n  - {name: X, kind: wizards}\n", "",
                       "case.yaml:12:21: error: unknown agency kind 'wizards'; expected one of childrens_social_care, "
                       "early_help, police, health_visiting, family_nurse_partnership, midwifery, gp, hospital, "
                       "ambulance, school, early_years, school_nursing, camhs, adult_mental_health, substance_misuse, "
                       "housing, probation, youth_justice, domestic_abuse_service, voluntary, family, other "
                       "[value-invalid]"},
        DiagnosticCase{"rule_unknown", "rules: {unseen: 3}\n", "",
                       "case.yaml:11:9: warning: unknown rule 'unseen' ignored; known rules: unseen_days, "
                       "unseen_days_infant, gap_days, agency_gap_days, involvement_lookback_days, "
                       "transfer_health_visiting_days, transfer_gp_days, transfer_school_days, "
                       "transfer_social_care_working_days, transfer_other_days, misrouted_lookahead_days, transfer_notice_days, "
                       "corroboration_window_days, corroboration_min_score, missed_appointments_count, "
                       "missed_appointments_days, domestic_abuse_count, domestic_abuse_days, rereferral_days, "
                       "infant_injury_days, practitioner_changes, practitioner_change_days, new_adult_check_days, "
                       "not_shared_days, uncertain_date_days, not_recorded_percent [rule-unknown]"},
        DiagnosticCase{"rule_value", "rules: {unseen_days: lots}\n", "",
                       "case.yaml:11:22: error: rule 'unseen_days' must be a whole number from 0 [value-invalid]"},
        DiagnosticCase{"manifest_key_unknown", "colour: red\n", "",
                       "case.yaml:11:1: warning: unknown key 'colour' in the manifest; ignored [key-unknown]"},
        DiagnosticCase{"source_missing", "sources:\n  - agencies/nowhere.yaml\n", "",
                       "case.yaml:12:5: error: cannot read source 'agencies/nowhere.yaml': No such file or directory "
                       "[source-missing]"},
        DiagnosticCase{"source_format", "sources:\n  - agencies/notes.txt\n", "",
                       "case.yaml:12:5: error: source 'agencies/notes.txt' is not a format sightline reads (.yaml, "
                       ".yml, .csv, .tsv, .xlsx, .docx) [source-format]"},
        DiagnosticCase{"source_format_doc", "sources:\n  - agencies/police.doc\n", "",
                       "case.yaml:12:5: error: source 'agencies/police.doc' is a Word 97-2003 document, which sightline "
                       "does not read; convert it to .docx (libreoffice --headless --convert-to docx "
                       "agencies/police.doc) and list the .docx file [source-format]"},
        DiagnosticCase{"source_format_odt", "sources:\n  - agencies/school.odt\n", "",
                       "case.yaml:12:5: error: source 'agencies/school.odt' is an OpenDocument text, which sightline "
                       "does not read; convert it to .docx (libreoffice --headless --convert-to docx "
                       "agencies/school.odt) and list the .docx file [source-format]"},
        DiagnosticCase{"residence_reversed", "residences:\n  - {people: [mother], area: X, from: 2015-06, to: 2015-01}\n", "",
                       "case.yaml:12:5: error: residence ends before it starts [residence-reversed]"},
        DiagnosticCase{"residence_area", "residences:\n  - {people: [mother]}\n", "",
                       "case.yaml:12:5: error: residence has no 'area' [field-missing]"}),
    [](const ::testing::TestParamInfo<DiagnosticCase>& p) { return std::string(p.param.name); });

TEST(CaseReader, ManifestLevelDiagnostics) {
    TempDir dir;
    dir.write("case.yaml", "case: {title: x, timezone: Mars/Olympus}\n");
    Case c = formats::load_case(dir.path());
    const auto got = printed(c, dir);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], "case.yaml:1:1: error: missing 'sightline: 1' (the format version) [version-missing]");
    EXPECT_EQ(got[1], "case.yaml:1:28: error: unknown timezone 'Mars/Olympus'; use an IANA name such as "
                      "Europe/London [timezone-unknown]");

    dir.write("case.yaml", "sightline: 2\n");
    EXPECT_EQ(printed(formats::load_case(dir.path()), dir)[0],
              "case.yaml:1:12: error: format version '2' is not supported; this sightline reads version 1 "
              "[version-unsupported]");

    dir.write("case.yaml", "sightline: 1\npeople: [\n");
    const auto broken = printed(formats::load_case(dir.path()), dir);
    ASSERT_EQ(broken.size(), 1u);
    EXPECT_EQ(broken[0].substr(0, 40), "case.yaml:3:1: error: malformed yaml: en");
    EXPECT_NE(broken[0].find("[yaml-syntax]"), std::string::npos);

    dir.write("case.yaml", "sightline: 1\ncase: {index_children: [nobody]}\n");
    EXPECT_EQ(printed(formats::load_case(dir.path()), dir)[0],
              "case.yaml:2:25: error: index child 'nobody' is not in people [person-unknown]");

    dir.write("case.yaml", "sightline: 1\ncase: {scope: {from: 2016, to: 2015}}\n");
    EXPECT_EQ(printed(formats::load_case(dir.path()), dir)[0],
              "case.yaml:2:15: error: scope ends before it starts [scope-reversed]");
}

TEST(CaseReader, AgencyFileDiagnostics) {
    TempDir dir;
    Case c = load(dir, "agencies:\n  - {name: \"Ealing Children's Social Care\", kind: police}\n",
                  "sightline: 1\nagency: \"Ealing Children's Social Care\"\nkind: childrens_social_care\n");
    const auto got = printed(c, dir);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], "agencies/a.yaml:1:1: warning: agency chronology has no entries [entries-missing]");
    EXPECT_EQ(got[1], "agencies/a.yaml:3:7: warning: kind 'childrens_social_care' differs from the registry's "
                      "'police' for 'Ealing Children's Social Care'; the registry's is used [kind-conflict]");

    Case d = load(dir, "", "sightline: 1\nentries:\n  - {date: 2015-06-01, type: contact, summary: x}\n");
    const auto got_d = printed(d, dir);
    EXPECT_EQ(got_d[0], "agencies/a.yaml:1:1: error: agency chronology has no 'agency' (the agency's name) [field-missing]");
    EXPECT_EQ(got_d[1], "agencies/a.yaml:3:5: error: entry has no agency [field-missing]");
    EXPECT_EQ(d.sources[0].counts.rows_rejected, 1u);
}

TEST(CaseReader, RefusesHostileNesting) {
    TempDir dir;
    dir.write("case.yaml", "sightline: 1\npeople: " + std::string(10000, '[') + "\n");
    const auto got = printed(formats::load_case(dir.path()), dir);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0], "case.yaml: error: malformed yaml: nested more than 64 levels deep [yaml-syntax]");
}

TEST(CaseReader, MissingCaseThrowsALocatedError) {
    TempDir dir;
    try {
        formats::load_case(dir.path());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.diagnostic().code, "case-missing");
        EXPECT_EQ(e.diagnostic().message, "no case.yaml in '" + dir.path() + "'");
    }
}

}  // namespace

namespace {

// Issue acceptance: a realistic 90-entry case from 19 agencies with partial, approximate and
// ranged dates merges with no error, every entry in order, precision kept.
TEST(CaseReader, NinetyEntriesFromNineteenAgencies) {
    const Case c = formats::load_case(std::string(SIGHTLINE_TEST_DATA) + "/cases/nineteen-agencies");
    EXPECT_EQ(c.diagnostics.size(), 0u);
    ASSERT_EQ(c.chronology.entries.size(), 90u);
    std::set<std::string> agencies, precisions;
    for (std::size_t i = 0; i < c.chronology.entries.size(); ++i) {
        const Entry& e = c.chronology.entries[i];
        agencies.emplace(c.agency_name(e.agency));
        if (i > 0) {
            EXPECT_LE(c.chronology.entries[i - 1].date.sort_key(), e.date.sort_key()) << i;
        }
        const std::string written = format_date(e.date);
        if (written.size() == 7) precisions.insert("month");
        if (written[0] == '~') precisions.insert("approximate");
        if (written.find('/') != std::string::npos) precisions.insert("range");
        if (written.rfind("before", 0) == 0) precisions.insert("before");
        if (written.find(' ') != std::string::npos && written.find(':') != std::string::npos) precisions.insert("time");
    }
    EXPECT_EQ(agencies.size(), 19u);
    EXPECT_EQ(precisions, (std::set<std::string>{"month", "approximate", "range", "before", "time"}));
    EXPECT_EQ(format_date(c.chronology.entries.front().date), "2014-01");  // a month stays a month
}

}  // namespace

// Sources read on several threads give exactly what reading them one by one gives: a generated
// corpus, with a YAML source between the CSVs, one that names agencies nobody registered (whose
// registrations the sources after it then depend on), rejected rows, Windows-1252 text, a mapping
// that cannot be read, and a file that is missing.
TEST(CaseReader, ReadingOnSeveralThreadsGivesWhatReadingOneByOneGives) {
    TempDir dir;
    CorpusOptions o;
    o.agencies = 6;
    o.rows = 1500;
    formats::write_corpus(o, dir.path(), 2);
    std::string manifest;
    {
        std::ifstream in(dir.file("case.yaml"));
        manifest.assign(std::istreambuf_iterator<char>(in), {});
    }
    dir.write("agencies/zz-yaml.yaml", "sightline: 1\nagency: Westvale Youth Service\nkind: youth_justice\nentries:\n"
                                       "  - {date: 2014-02-03, type: meeting, summary: x, subjects: [Mum]}\n");
    dir.write("agencies/b-column.csv", "Date,Type,Summary,Agency,Informed\n03/02/2014,contact,a,Nowhere Outreach,Elsewhere Team\n"
                                       "04/02/2014,contact,b,,\n31/02/2014,contact,c,Nowhere Outreach,\n");
    dir.write("agencies/c-bad.csv", "Date,Time,Type,Summary\n03/02/2014,25:00,contact,a\n04/02/2014,09:00,contact\n"
                                    "05/02/2014,09:00,contact,\"caf\xe9, \"\"quoted\"\"\"\n06/02/2014,10:00,contact,d\n");
    dir.write("agencies/d-nomap.csv", "Date,Type,Summary\n03/02/2014,contact,a\n");
    // After the corpus: sources that do not change the agencies, then two that do (a YAML file of
    // an unregistered agency; a column of agencies), then the corpus files again.
    manifest += "  - {file: agencies/c-bad.csv, agency: Eastmere Police}\n"
                "  - {file: agencies/d-nomap.csv, agency: Eastmere Police, mapping: agencies/none.mapping.yaml}\n"
                "  - {file: agencies/missing.csv, agency: Eastmere Police}\n"
                "  - agencies/zz-yaml.yaml\n"
                "  - agencies/b-column.csv\n";
    for (const CorpusAgency& a : corpus_agencies(o)) {
        const std::string copy = "agencies/again-" + a.file.substr(9);
        std::ifstream in(dir.file(a.file), std::ios::binary);
        dir.write(copy, std::string(std::istreambuf_iterator<char>(in), {}));
        manifest += "  - {file: " + copy + ", agency: \"" + a.name + "\"}\n";
    }
    dir.write("case.yaml", manifest);

    formats::LoadOptions one, many;
    one.threads = 1;
    many.threads = 3;
    const Case serial = formats::load_case(dir.path(), one);
    const Case parallel = formats::load_case(dir.path(), many);
    EXPECT_GT(serial.chronology.entries.size(), 2 * 6 * 1500u);
    EXPECT_GT(serial.diagnostics.error_count(), 3u);
    EXPECT_EQ(whole_case(parallel), whole_case(serial));
    // Rows read = entries made + rows rejected, for every source.
    for (const Source& s : parallel.sources) EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;

    // Without the two that change the agencies: still the same.
    std::string plain = manifest;
    for (const std::string line : {"  - agencies/zz-yaml.yaml\n", "  - agencies/b-column.csv\n"})
        plain.erase(plain.find(line), line.size());
    dir.write("case.yaml", plain);
    EXPECT_EQ(whole_case(formats::load_case(dir.path(), many)), whole_case(formats::load_case(dir.path(), one)));
}

// On several threads a date column is decided by its first decisive date and read again when a
// later date contradicts it: the same entries and diagnostics as scanning every column first.
TEST(CaseReader, DateColumnsDecidedEarlyGiveWhatAWholeScanGives) {
    TempDir dir;
    // Without an End column (whose empty cells would keep the scan going to the end), but one.
    std::string mixed = "Date,Type,Summary\n", late_end = "Date,End,Type,Summary\n", consistent = mixed;
    for (int i = 0; i < 300; ++i) {
        const std::string day = std::to_string(1 + i % 12);  // could be either way
        mixed += (i == 3 ? "26" : day) + "/0" + std::to_string(1 + i % 9) + "/2015,contact,\"row \"\"" + std::to_string(i) + "\"\"\"\n";
        late_end += "2" + std::to_string(i % 8 + 1) + "/06/2015," + (i == 250 ? "06/27/2015" : i % 5 ? "" : i % 2 ? "01/07/2015" : "13/07/2015") +
                    ",contact,r" + std::to_string(i) + "\n";
        consistent += day + "/0" + std::to_string(1 + i % 9) + "/2015," + "contact,c\n";
    }
    mixed += "06/27/2015,contact,the other way\n01/02/2015,contact,after it\n";
    consistent += "26/06/2015,contact,decisive at the end\n";
    dir.write("agencies/mixed.csv", mixed);
    dir.write("agencies/late-end.csv", late_end);
    dir.write("agencies/consistent.csv", consistent);
    // The contradicting date in a row rejected for its shape, and in a cell with quotes.
    dir.write("agencies/ragged.csv", "Date,Type,Summary\n13/01/2015,visit,x\n05/06/2015,visit,y\n01/20/2015,visit\n");
    dir.write("agencies/quoted.csv", "Date,Type,Summary\n13/01/2015,visit,x\n05/06/2015,visit,y\n"
                                     "\"01/20/2015 \"\"am\"\"\",visit,z\n");
    dir.write("case.yaml", "sightline: 1\ncase: {title: T}\nagencies:\n  - {name: Eastmere Police, kind: police}\nsources:\n"
                           "  - {file: agencies/mixed.csv, agency: Eastmere Police}\n"
                           "  - {file: agencies/late-end.csv, agency: Eastmere Police}\n"
                           "  - {file: agencies/consistent.csv, agency: Eastmere Police}\n"
                           "  - {file: agencies/ragged.csv, agency: Eastmere Police}\n"
                           "  - {file: agencies/quoted.csv, agency: Eastmere Police}\n");
    formats::LoadOptions one, many;
    one.threads = 1;
    many.threads = 2;
    const Case serial = formats::load_case(dir.path(), one);
    const Case parallel = formats::load_case(dir.path(), many);
    EXPECT_EQ(whole_case(parallel), whole_case(serial));
    const auto got = printed(parallel, dir);
    EXPECT_EQ(std::count_if(got.begin(), got.end(), [](const std::string& d) { return d.find("[date-order-mixed]") != std::string::npos; }), 4)
        << sightline::test::joined(got);
    for (const Source& s : parallel.sources) EXPECT_EQ(s.counts.rows_read, s.counts.entries_made + s.counts.rows_rejected) << s.path;
    EXPECT_GT(parallel.sources[0].counts.rows_rejected, 200u);  // the dates that could be either way
    EXPECT_EQ(parallel.sources[2].counts.rows_rejected, 0u);
}

// [SECTION] Hostile inputs: each gives a clear error in bounded time and memory.

TEST(CaseReader, HostileTruncatedYaml) {
    TempDir dir;
    // A manifest cut off inside a flow map, and an agency file cut off inside a quoted summary.
    dir.write("case.yaml", "sightline: 1\ncase: {title: T, index_children: [child-a\n");
    EXPECT_EQ(printed(formats::load_case(dir.path()), dir).at(0).rfind("case.yaml:3:1: error: malformed yaml: ", 0), 0u);
    dir.write("case.yaml", "sightline: 1\ncase: {title: T}\nsources: [agencies/a.yaml]\n");
    dir.write("agencies/a.yaml", "sightline: 1\nagency: Police\nentries:\n  - {date: 2015-06-24, type: contact, summary: \"cut");
    const Case c = formats::load_case(dir.path());
    const auto got = printed(c, dir);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_NE(got[0].find("agencies/a.yaml:"), std::string::npos);
    EXPECT_NE(got[0].find("error: malformed yaml: "), std::string::npos);
    EXPECT_NE(got[0].find("[yaml-syntax]"), std::string::npos);
    EXPECT_EQ(c.chronology.entries.size(), 0u);
}

TEST(CaseReader, HostileBinaryJunkAsManifestAndAgencyFile) {
    TempDir dir;
    std::string junk;
    std::uint32_t x = 99;
    for (int i = 0; i < 100000; ++i) {
        x = x * 1103515245u + 12345u;
        junk.push_back(static_cast<char>(x >> 24));
    }
    dir.write("case.yaml", junk);
    Case c = formats::load_case(dir.path());
    ASSERT_TRUE(c.diagnostics.has_errors());
    EXPECT_EQ(c.diagnostics.items().front().code, "yaml-syntax");
    dir.write("case.yaml", "sightline: 1\ncase: {title: T}\nsources: [agencies/a.yaml]\n");
    dir.write("agencies/a.yaml", junk);
    c = formats::load_case(dir.path());
    ASSERT_TRUE(c.diagnostics.has_errors());
    EXPECT_EQ(c.diagnostics.items().front().code, "yaml-syntax");
    EXPECT_EQ(c.sources[0].counts.rows_read, 0u);
}

TEST(CaseReader, HostileDeepNestingEvenAfterAStrayQuote) {
    TempDir dir;
    // A quote inside a plain scalar does not open a string; the nesting after it is still refused.
    dir.write("case.yaml", "sightline: 1\nnote: it \"was\nextra: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
    const auto got = printed(formats::load_case(dir.path()), dir);
    ASSERT_EQ(got.size(), 1u);
    EXPECT_NE(got[0].find("error: malformed yaml: "), std::string::npos);
    EXPECT_NE(got[0].find("[yaml-syntax]"), std::string::npos);
}

TEST(CaseReader, HostileYearNinetyNineThousand) {
    TempDir dir;
    dir.write("case.yaml", "sightline: 1\ncase: {title: T}\nentries:\n  - {date: 99999-06-01, agency: X, type: contact, summary: x}\n");
    EXPECT_EQ(printed(formats::load_case(dir.path()), dir),
              (std::vector<std::string>{"case.yaml:4:12: error: date '99999-06-01' is outside the years 1000 to 9999 "
                                        "[date-out-of-range]"}));
}

// [SECTION] Nothing lost

// Every row of a large generated corpus (with rows spoiled on purpose) reaches the merged CSV or
// the errors naming its line, never both and never neither.
TEST(CaseReader, EveryRowOfALargeCorpusReachesTheOutputOrTheRejects) {
    TempDir dir;
    CorpusOptions o;
    o.agencies = 20;
    o.rows = 5000;
    formats::write_corpus(o, dir.path(), 2);
    // Spoil every 997th row of every file in one of four ways; remember the refs of all rows.
    std::map<std::pair<std::string, std::uint32_t>, std::string> ref_at;  // (file, line) -> ref
    std::size_t spoiled = 0;
    for (const CorpusAgency& a : corpus_agencies(o)) {
        std::ifstream in(dir.file(a.file), std::ios::binary);
        std::string text(std::istreambuf_iterator<char>(in), {}), out;
        std::uint32_t line = 0;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t end = text.find("\r\n", at);
            std::string row = text.substr(at, end - at);
            at = end + 2;
            if (++line == 1) {
                out += row + "\r\n";
                continue;
            }
            ref_at[{a.file, line}] = row.substr(0, row.find(','));
            if (line % 997 == 0) {
                ++spoiled;
                switch (line / 997 % 4) {
                    case 0: row.replace(row.find(',') + 1, 2, "31"), row.replace(row.find(',') + 4, 2, "02"); break;  // 31/02
                    case 1: row = row.substr(0, row.find(',', row.find(',') + 1)); break;                         // ragged
                    case 2: row.replace(row.find(',') + 12, 5, "25:70"); break;                                     // bad time
                    default: row.replace(row.find(',') + 1, 10, "soon"); break;                                   // unreadable date
                }
            }
            out += row + "\r\n";
        }
        dir.write(a.file, out);
    }
    const Case c = formats::load_case(dir.path());
    std::set<std::pair<std::string, std::uint32_t>> rejected;
    for (const Diagnostic& d : c.diagnostics.items())
        if (d.severity == Severity::Error) rejected.insert({d.file.substr(dir.path().size() + 1), d.line});
    std::string csv;
    formats::write_chronology_csv(c, csv);
    std::multiset<std::string> written;
    formats::detail::CsvTokenizer rows(csv.data(), csv.size(), ',');
    formats::detail::SheetRow row;
    rows.next(row, true);  // the header
    while (rows.next(row, true)) written.insert(std::string(row.cells.at(10).text));  // Ref
    EXPECT_EQ(written.size() + rejected.size(), ref_at.size());
    EXPECT_EQ(rejected.size(), spoiled);
    for (const auto& [where, ref] : ref_at) {
        const bool out = written.count(ref) == 1, refused = rejected.count(where) == 1;
        EXPECT_NE(out, refused) << where.first << ":" << where.second << " " << ref;
    }
}

namespace {

// A case in dir/case whose sources, mapping and notes point at files in dir/elsewhere.
class OutsideTheFolder : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir.write("elsewhere/secret.csv", "Date,Type,Summary\n2014-02-03,contact,read from outside\n");
        m_dir.write("elsewhere/secret.mapping.yaml", "agency: Eastmere Police\n");
        m_dir.write("elsewhere/notes.yaml", "sightline: 1\nnotes: []\n");
        m_dir.write("case/agencies/inside.csv", "Date,Type,Summary\n2014-02-04,contact,read from inside\n");
        m_dir.write("case/agencies/linked.csv", "");
        std::filesystem::remove(m_dir.file("case/agencies/linked.csv"));
        std::filesystem::create_symlink(m_dir.file("elsewhere/secret.csv"), m_dir.file("case/agencies/linked.csv"));
        std::filesystem::create_symlink(m_dir.file("elsewhere/notes.yaml"), m_dir.file("case/notes.yaml"));
    }
    Case load(const std::string& top) {
        m_dir.write("case/case.yaml", top + "sightline: 1\ncase: {title: T}\nsources:\n"
                                            "  - {file: agencies/inside.csv, agency: Eastmere Police}\n"
                                            "  - {file: ../elsewhere/secret.csv, agency: Eastmere Police}\n"
                                            "  - {file: " + m_dir.file("elsewhere/secret.csv") + ", agency: Eastmere Police}\n"
                                            "  - {file: agencies/linked.csv, agency: Eastmere Police}\n"
                                            "  - {file: agencies/inside.csv, mapping: ../elsewhere/secret.mapping.yaml}\n");
        return formats::load_case(m_dir.file("case"));
    }
    std::vector<std::string> outside(const Case& c) {
        std::vector<std::string> out;
        for (const std::string& line : printed(c, m_dir))
            if (line.find("[path-outside]") != std::string::npos) out.push_back(line);
        return out;
    }
    TempDir m_dir;
};

TEST_F(OutsideTheFolder, SourcesMappingsAndNotesOutsideAreRefusedWithALocatedError) {
    const Case c = load("");
    const std::string abs = "elsewhere/secret.csv";  // the absolute path, as printed() shortens it
    const std::string not_read = " is outside the case folder; not read (the manifest can allow it with allow_outside: true) [path-outside]";
    EXPECT_EQ(outside(c), (std::vector<std::string>{
                              "case/case.yaml:5:5: error: source '../elsewhere/secret.csv'" + not_read,
                              "case/case.yaml:6:5: error: source '" + abs + "'" + not_read,
                              "case/case.yaml:7:5: error: source 'agencies/linked.csv'" + not_read,
                              "case/case.yaml:8:5: error: mapping '../elsewhere/secret.mapping.yaml' of source 'agencies/inside.csv'" + not_read,
                              "case/notes.yaml: error: notes.yaml (a link to 'elsewhere/notes.yaml')" + not_read,
                          }))
        << joined(printed(c, m_dir));
    ASSERT_EQ(c.sources.size(), 1u);
    ASSERT_EQ(c.chronology.entries.size(), 1u);
    EXPECT_EQ(c.chronology.entries[0].summary, "read from inside");
    EXPECT_TRUE(c.notes.file.empty());
}

TEST_F(OutsideTheFolder, AllowOutsideReadsThemWithAWarningNamingEach) {
    const Case c = load("allow_outside: true\n");
    const std::vector<std::string> lines = outside(c);
    ASSERT_EQ(lines.size(), 5u) << joined(printed(c, m_dir));
    for (const std::string& line : lines) {
        EXPECT_NE(line.find(": warning: "), std::string::npos) << line;
        EXPECT_NE(line.find("; read because the manifest says allow_outside: true [path-outside]"), std::string::npos) << line;
    }
    EXPECT_EQ(c.sources.size(), 5u);
    EXPECT_EQ(c.chronology.entries.size(), 5u);
    EXPECT_FALSE(c.notes.file.empty());
}

TEST_F(OutsideTheFolder, AllowOutsideMustBeTrueOrFalse) {
    const Case c = load("allow_outside: sometimes\n");
    const std::vector<std::string> lines = printed(c, m_dir);
    EXPECT_NE(std::find(lines.begin(), lines.end(),
                        "case/case.yaml:1:16: error: allow_outside must be true or false, not 'sometimes' [value-invalid]"),
              lines.end())
        << joined(lines);
}

}  // namespace
