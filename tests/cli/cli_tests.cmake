# The CLI as a person runs it: exit codes, outputs, help. Run by CTest with
# -DSIGHTLINE=<binary> -DSAMPLES=<samples dir> -DDATA=<test data> -DWORK=<scratch dir>.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failures 0)

include(${CMAKE_CURRENT_LIST_DIR}/cli_support.cmake)

# Help for every command.
expect_run(help 0 ${SIGHTLINE} --help)
expect_contains(help "${last_out}" "merge CASE")
expect_contains(help "${last_out}" "genogram CASE")
foreach(cmd merge check rules knew episodes import template genogram themes)
  expect_run(${cmd}-help 0 ${SIGHTLINE} ${cmd} --help)
  expect_contains(${cmd}-help "${last_out}" "usage: sightline ${cmd}")
endforeach()
expect_run(unknown-command 64 ${SIGHTLINE} frobnicate)
expect_run(unknown-option 64 ${SIGHTLINE} merge ${SAMPLES}/child-r --colour)
expect_run(bad-format 64 ${SIGHTLINE} merge ${SAMPLES}/child-r --format pdf)

# The sample merges cleanly, in every format, atomically to a file.
expect_run(sample-json 0 ${SIGHTLINE} merge ${SAMPLES}/child-r --format json -o ${WORK}/sample.json)
file(READ ${WORK}/sample.json json)
expect_contains(sample-json "${json}" "\"sightline\":1,\"case\":\"Child R\"")
expect_contains(sample-json-summary "${last_err}" "rows read 137 = entries 137 + rejected 0")
expect_contains(sample-json-summary "${last_err}" "0 errors, 1 warnings")
expect_run(sample-md 0 ${SIGHTLINE} merge ${SAMPLES}/child-r -o ${WORK}/sample.md)
file(READ ${WORK}/sample.md md)
expect_contains(sample-md "${md}" "| Review notes |")
expect_run(sample-csv 0 ${SIGHTLINE} merge ${SAMPLES}/child-r -o ${WORK}/sample.csv)
file(READ ${WORK}/sample.csv csv)
expect_contains(sample-csv "${csv}" "Date,Agency,Agency kind,Area,Type,Summary")
expect_run(sample-check 1 ${SIGHTLINE} check ${SAMPLES}/child-r --format json)
expect_contains(sample-check "${last_out}" "\"kind\":\"unseen_period\",\"child\":\"child-r\",\"from\":\"2015-07-13\",\"to\":\"2015-10-02\",\"days\":81")
expect_run(sample-check-text 1 ${SIGHTLINE} check ${SAMPLES}/child-r)
expect_contains(sample-check-text "${last_out}" "Summary")

# An impossible date: a located error and exit 2.
file(WRITE ${WORK}/bad/case.yaml "sightline: 1\ncase: {title: Bad}\nentries:\n  - {date: 2015-02-30, agency: X, type: contact, summary: x}\n")
expect_run(bad-date 2 ${SIGHTLINE} merge ${WORK}/bad --format json)
expect_contains(bad-date "${last_err}" "bad/case.yaml:4:12: error: date '2015-02-30' does not exist [date-invalid]")
expect_run(bad-date-check 2 ${SIGHTLINE} check ${WORK}/bad)
expect_run(missing-case 2 ${SIGHTLINE} merge ${WORK}/nowhere)
expect_contains(missing-case "${last_err}" "error: cannot open '${WORK}/nowhere': No such file or directory [case-missing]")

# docs/rules.md is the output of `sightline rules --format md` below its heading.
expect_run(rules-md 0 ${SIGHTLINE} rules --format md)
file(READ ${SOURCE_DIR}/docs/rules.md rules_doc)
expect_contains(rules-doc-current "${rules_doc}" "${last_out}")
expect_run(rules-case 0 ${SIGHTLINE} rules ${DATA}/cases/relaxed-rules)
expect_contains(rules-case "${last_out}" "unseen_days = 35 days  (set by the case; default 28)")
# A case that names a rule wrongly hears about it; an invalid value is an input error.
file(WRITE ${WORK}/bad-rules/case.yaml "sightline: 1\ncase: {title: T}\nrules: {unseen_dayz: 30, gap_days: -4}\nentries: []\n")
expect_run(rules-bad 2 ${SIGHTLINE} rules ${WORK}/bad-rules)
expect_contains(rules-bad "${last_err}" "case.yaml:3:9: warning: unknown rule 'unseen_dayz' ignored")
expect_contains(rules-bad "${last_err}" "rule 'gap_days' must be a whole number from 0 [value-invalid]")

# What one agency could have known.
expect_run(knew 0 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Lowbridge Children's Social Care" --at 2015-11-30)
expect_contains(knew "${last_out}" "2015-11-08 21:15  Southvale Police, Police incident")
expect_contains(knew "${last_out}" "known from 2015-11-24 through Southvale Police, Notification (inferred) of 2015-11-24")
expect_contains(knew "${last_out}" "Not received by then (5 risk events recorded elsewhere):")
expect_contains(knew "${last_out}" "2015-08-09 14:20  Eastmere General Hospital, Hospital attendance")
expect_run(knew-json 0 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Lowbridge Children's Social Care" --at 2015-11-30 --format json)
expect_contains(knew-json "${last_out}" "{\"event\":\"d247fdb2f438\",\"date\":\"2015-08-09 14:20\",\"agency\":\"Eastmere General Hospital\"}")
# Key practice episodes for a learning event, from the sample's notes.yaml.
expect_run(episodes 0 ${SIGHTLINE} episodes ${SAMPLES}/child-r)
expect_contains(episodes "${last_out}" "## 1. Eastmere: the CIN case and the summer unseen")
expect_contains(episodes "${last_out}" "2015-06-21 to 2015-10-12 (114 days). From the DA incident to the move to Lowbridge.")
expect_contains(episodes "${last_out}" "- Riley: seen by a professional 4 times in the episode; recorded as not seen at 8 contacts; last seen 2015-10-02")
expect_contains(episodes "${last_out}" "| Mere Lane Surgery | 5 | 1 |")
expect_contains(episodes "${last_out}" "Southvale Police: Police incident (inferred) (\"DA: call from neighbour at 23:40 reporting shouting and...\") | recorded | - | 2015-06-23 | 2015-06-25 | - | - | - |")
expect_run(episodes-json 0 ${SIGHTLINE} episodes ${SAMPLES}/child-r --format json --anonymise)
expect_contains(episodes-json "${last_out}" "\"title\":\"Eastmere: the CIN case and the summer unseen\"")
string(FIND "${last_out}" "Riley" named)
if(NOT named EQUAL -1)
  message(SEND_ERROR "episodes-json --anonymise: a name is left in\n${last_out}")
endif()
file(WRITE ${WORK}/no-episodes/case.yaml "sightline: 1\ncase: {title: T}\nentries: []\n")
expect_run(episodes-none 0 ${SIGHTLINE} episodes ${WORK}/no-episodes)
expect_contains(episodes-none "${last_out}" "No key practice episodes yet. Add them to notes.yaml")
expect_run(episodes 0 ${SIGHTLINE} episodes ${SAMPLES}/child-r)
# The period before the episode (unseen until its first day) and whole-case figures are left out;
# family accounts are counted apart and have no sightings.
expect_contains(episodes "${last_out}" "29 records by 7 agencies, and 4 family accounts.")
expect_contains(episodes "${last_out}" "| Maternal grandmother (Pat) (family account) | 4 | - |")
foreach(outside "for 62 days, from 2015-04-20 to 2015-06-21" "Southvale Police: 5 of 8 contacts")
  string(FIND "${last_out}" "${outside}" found)
  if(NOT found EQUAL -1)
    message(SEND_ERROR "episodes: a finding outside the episode is listed: ${outside}")
  endif()
endforeach()
# An episode whose dates cannot be read is named, never taken for "no episodes yet".
file(WRITE ${WORK}/bad-episode/case.yaml "sightline: 1\ncase: {title: T}\nentries: []\n")
file(WRITE ${WORK}/bad-episode/notes.yaml "sightline: 1\nepisodes:\n  - {title: Spring, from: 2015-06-01, to: 2015-05-01}\n")
expect_run(episodes-bad 2 ${SIGHTLINE} episodes ${WORK}/bad-episode -o ${WORK}/bad-episode/out.md)
expect_contains(episodes-bad "${last_err}" "episode 'Spring' ends (2015-05-01) before it starts (2015-06-01) [date-range-reversed]")
file(READ ${WORK}/bad-episode/out.md bad_out)
expect_contains(episodes-bad "${bad_out}" "1 episode in notes.yaml could not be read and is left out")
string(FIND "${bad_out}" "No key practice episodes yet" found)
if(NOT found EQUAL -1)
  message(SEND_ERROR "episodes-bad: an unreadable episode reads as no episodes")
endif()

expect_run(knew-unknown-agency 2 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Nobody" --at 2015-11-30)
expect_contains(knew-unknown-agency "${last_err}" "no agency 'Nobody' in the case")

# Spreadsheets in: import the sample's police-export.csv (its mapping is found beside it) to YAML;
# the sample with that YAML as its police source merges to the same entries as with police.yaml.
expect_run(import-police 0 ${SIGHTLINE} import ${SAMPLES}/child-r/agencies/police-export.csv --case ${SAMPLES}/child-r
           -o ${WORK}/police-imported.yaml)
expect_contains(import-police "${last_err}" "rows read 14 = entries 14 + rejected 0")
file(READ ${WORK}/police-imported.yaml imported)
expect_contains(import-police "${imported}" "date: 2014-11-15 22:10  # as written: 15/11/2014 22:10")
file(COPY ${SAMPLES}/child-r DESTINATION ${WORK})
file(READ ${SAMPLES}/child-r/case.yaml manifest)
string(REPLACE "  - agencies/police.docx" "  - agencies/police.yaml" native_manifest "${manifest}")
file(WRITE ${WORK}/child-r/case.yaml "${native_manifest}")
expect_run(original-merge 0 ${SIGHTLINE} merge ${WORK}/child-r --format json -o ${WORK}/original.json)
file(COPY_FILE ${WORK}/police-imported.yaml ${WORK}/child-r/agencies/police.yaml)
expect_run(imported-merge 0 ${SIGHTLINE} merge ${WORK}/child-r --format json -o ${WORK}/imported.json)
function(entries_of file out)
  file(READ ${file} json)
  string(FIND "${json}" "\"sources\":" at)
  string(SUBSTRING "${json}" 0 ${at} json)
  string(REGEX REPLACE "\"source\":\"agencies/police.yaml:[0-9]+\"" "" json "${json}")
  set(${out} "${json}" PARENT_SCOPE)
endfunction()
entries_of(${WORK}/imported.json imported_entries)
entries_of(${WORK}/original.json original_entries)
if(NOT imported_entries STREQUAL original_entries)
  message(SEND_ERROR "import-roundtrip: the imported police.yaml merges differently from the original")
endif()
expect_run(import-not-a-sheet 64 ${SIGHTLINE} import ${SAMPLES}/child-r/case.yaml)

# The same CSV as a source of the case, with its mapping named in the manifest.
string(REPLACE "  - agencies/police.docx" "  - {file: agencies/police-export.csv, mapping: agencies/police-export.mapping.yaml}"
       csv_manifest "${manifest}")
file(WRITE ${WORK}/child-r/case.yaml "${csv_manifest}")
expect_run(csv-source 0 ${SIGHTLINE} merge ${WORK}/child-r --format json -o ${WORK}/csv.json)
expect_contains(csv-source "${last_err}" "rows read 136 = entries 136 + rejected 0")

# Templates: XLSX and CSV; a filled CSV template passes check without a mapping.
expect_run(template-xlsx 0 ${SIGHTLINE} template --agency "Southvale Police" --kind police -o ${WORK}/template.xlsx)
file(MAKE_DIRECTORY ${WORK}/tpl/agencies)
expect_run(template-csv 0 ${SIGHTLINE} template --agency "Southvale Police" --kind police -o ${WORK}/tpl/agencies/police.csv)
expect_run(template-no-agency 64 ${SIGHTLINE} template --kind police -o ${WORK}/t.xlsx)
expect_run(template-bad-kind 64 ${SIGHTLINE} template --agency X --kind wizard -o ${WORK}/t.xlsx)
# The Word template: written, and checked before it is sent (empty, it says so; exit 1).
expect_run(template-docx 0 ${SIGHTLINE} template --agency "Southvale Police" --kind police -o ${WORK}/template.docx)
expect_run(template-docx-stdout 64 ${SIGHTLINE} template --agency X --kind police --format docx -o -)
expect_run(check-empty-return 1 ${SIGHTLINE} check ${WORK}/template.docx)
expect_contains(check-empty-return "${last_out}" "warning: the return has no entries yet: one row per contact or event, oldest first [return-empty]")
# One agency's return, checked on its own: each thing to put right at its row.
expect_run(check-return 1 ${SIGHTLINE} check ${SAMPLES}/child-r/agencies/police.docx --case ${SAMPLES}/child-r)
expect_contains(check-return "${last_out}" "police.docx:table 2:row 5: note: table 2, row 5 has no date ('Not known'); it will be kept as an undated entry")
expect_contains(check-return "${last_out}" "police.docx: 15 rows read: 14 dated, 1 undated, 0 rejected; 4 things to put right before it is sent")
expect_run(check-return-json 0 ${SIGHTLINE} check ${SAMPLES}/child-r/agencies/lowbridge-housing.docx --format json)
expect_contains(check-return-json "${last_out}" "\"rows_read\":7,\"entries_made\":7,\"rows_rejected\":0,\"undated\":1")
expect_run(check-return-case-only 64 ${SIGHTLINE} check ${SAMPLES}/child-r --agency X)
file(APPEND ${WORK}/tpl/agencies/police.csv "24/06/2015,14:30,Home visit,\"Visit, all well\",Mum,Seen,Yes,Face to face,PC1,,R1,\r\n")
file(WRITE ${WORK}/tpl/case.yaml "sightline: 1\ncase: {title: T}\npeople: [{id: mum, name: Mum}]\nsources: [agencies/police.csv]\n")
# A filled template passes check: no input problems and no finding of concern (Mum, known to police
# alone, is not recorded as family, so that finding is for information).
expect_run(template-filled 0 ${SIGHTLINE} check ${WORK}/tpl)
expect_contains(template-filled "${last_out}" "input: 0 errors, 0 warnings")
expect_contains(template-filled "${last_out}" "1 =     1 + 0")

# Spreadsheets out: XLSX to a file only.
expect_run(merge-xlsx 0 ${SIGHTLINE} merge ${SAMPLES}/child-r --format xlsx -o ${WORK}/chronology.xlsx)
expect_contains(merge-xlsx "${last_err}" "wrote ${WORK}/chronology.xlsx (xlsx)")
expect_run(merge-xlsx-stdout 64 ${SIGHTLINE} merge ${SAMPLES}/child-r --format xlsx)

# A day/month column that cannot be decided stops with exit 2; date_order: dmy settles it.
file(WRITE ${WORK}/dm/agencies/a.csv "Date,Type,Summary\n01/02/2015,contact,a\n03/04/2015,contact,b\n")
file(WRITE ${WORK}/dm/case.yaml "sightline: 1\ncase: {title: DM}\nsources:\n  - {file: agencies/a.csv, agency: Police}\n")
expect_run(undecidable 2 ${SIGHTLINE} merge ${WORK}/dm --format json)
expect_contains(undecidable "${last_err}" "agencies/a.csv:1:1: error: cannot decide day/month order of column 'Date' (e.g. '01/02/2015' at row 2, '03/04/2015' at row 3); add date_order: dmy or mdy to the mapping, to the source in case.yaml, or under case: [date-order-undecided]")
file(WRITE ${WORK}/dm/agencies/a.mapping.yaml "date_order: dmy\n")
expect_run(date-order-dmy 0 ${SIGHTLINE} merge ${WORK}/dm --format json)
expect_contains(date-order-dmy "${last_out}" "\"date\":\"2015-02-01\",\"date_as_written\":\"01/02/2015\"")

# The genogram: SVG by default or from the -o extension, JSON on request, at a date.
expect_run(genogram-svg 0 ${SIGHTLINE} genogram ${SAMPLES}/child-r --at 2015-11-01 -o ${WORK}/genogram.svg)
file(READ ${WORK}/genogram.svg svg)
expect_contains(genogram-svg "${svg}" "<title>Child R: genogram at 2015-11-01</title>")
expect_contains(genogram-svg "${svg}" "Lowbridge: Weir Road flat: Lee, Dana, Skye, Riley")
expect_run(genogram-json 0 ${SIGHTLINE} genogram ${SAMPLES}/child-r --at 2015-06-01 --format json)
expect_contains(genogram-json "${last_out}" "\"at\":\"2015-06-01\"")
expect_contains(genogram-json "${last_out}" "{\"area\":\"Eastmere\",\"address\":\"Cannon Street flat\",\"members\":[\"child-r\",\"child-s\",\"mother\"]")
expect_run(genogram-json-file 0 ${SIGHTLINE} genogram ${SAMPLES}/child-r --at=2015-06 -o ${WORK}/genogram.json)
file(READ ${WORK}/genogram.json json)
expect_contains(genogram-json-file "${json}" "\"at\":\"2015-06-01\"")
# Without --at: the end of the case's scope.
expect_run(genogram-default-date 0 ${SIGHTLINE} genogram ${SAMPLES}/child-r --format json)
expect_contains(genogram-default-date "${last_out}" "\"at\":\"2016-01-31\"")
expect_run(genogram-bad-date 2 ${SIGHTLINE} genogram ${SAMPLES}/child-r --at 2015-02-30)
expect_contains(genogram-bad-date "${last_err}" "sightline genogram: error: --at: date '2015-02-30' does not exist [date-invalid]")
expect_run(genogram-garbage-date 2 ${SIGHTLINE} genogram ${SAMPLES}/child-r --at soon)
expect_contains(genogram-garbage-date "${last_err}" "error: --at: cannot read date 'soon'")
expect_run(genogram-bad-format 64 ${SIGHTLINE} genogram ${SAMPLES}/child-r --format png)
expect_run(genogram-no-case 64 ${SIGHTLINE} genogram)
# Contradictory family data: warnings at the relationship's line, and a drawing all the same.
file(WRITE ${WORK}/cycle/case.yaml "sightline: 1\ncase: {title: Cycle}\npeople:\n  - {id: a, name: A}\n  - {id: b, name: B}\nrelationships:\n  - {kind: parent, parent: a, child: b}\n  - {kind: parent, parent: b, child: a}\n")
expect_run(genogram-cycle 0 ${SIGHTLINE} genogram ${WORK}/cycle --at 2015-01-01 -o ${WORK}/cycle.svg)
expect_contains(genogram-cycle "${last_err}" "cycle/case.yaml:8: warning: 'a' is in a cycle of parents (someone is their own ancestor); the genogram leaves out this parent link [genogram-cycle]")
expect_run(genogram-no-date 64 ${SIGHTLINE} genogram ${WORK}/cycle)
expect_contains(genogram-no-date "${last_err}" "the case has no scope end and no entries; give --at DATE")

# The viewer is started by `sightline view`.
expect_run(view-help 0 ${SIGHTLINE} view --help)
expect_contains(view-help "${last_out}" "usage: sightline view CASE")
