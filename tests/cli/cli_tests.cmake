# The CLI as a person runs it: exit codes, outputs, help. Run by CTest with
# -DSIGHTLINE=<binary> -DSAMPLES=<samples dir> -DDATA=<test data> -DWORK=<scratch dir>.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failures 0)

function(expect_run name expected_exit)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc STREQUAL "${expected_exit}")
    message(SEND_ERROR "${name}: exit ${rc}, expected ${expected_exit}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
  set(last_err "${err}" PARENT_SCOPE)
endfunction()

function(expect_contains name haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "${name}: output lacks '${needle}'\n--- output:\n${haystack}")
  endif()
endfunction()

# Help for every command.
expect_run(help 0 ${SIGHTLINE} --help)
expect_contains(help "${last_out}" "merge CASE")
expect_contains(help "${last_out}" "genogram CASE")
foreach(cmd merge check rules knew import template genogram)
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
expect_contains(sample-json-summary "${last_err}" "rows read 134 = entries 134 + rejected 0")
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
expect_contains(knew "${last_out}" "known from 2015-11-24 through Southvale Police, Notification of 2015-11-24")
expect_contains(knew "${last_out}" "Not received by then (6 risk events recorded elsewhere):")
expect_contains(knew "${last_out}" "2015-08-09 14:20  Eastmere General Hospital, Hospital attendance")
expect_run(knew-json 0 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Lowbridge Children's Social Care" --at 2015-11-30 --format json)
expect_contains(knew-json "${last_out}" "{\"event\":\"d247fdb2f438\",\"date\":\"2015-08-09 14:20\",\"agency\":\"Eastmere General Hospital\"}")
expect_run(knew-unknown-agency 2 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Nobody" --at 2015-11-30)
expect_contains(knew-unknown-agency "${last_err}" "no agency 'Nobody' in the case")

# Spreadsheets in: import the sample's police.csv (its mapping is found beside it) to YAML; the
# sample with that YAML in place of police.yaml merges to the same entries.
expect_run(import-police 0 ${SIGHTLINE} import ${SAMPLES}/child-r/agencies/police.csv --case ${SAMPLES}/child-r
           -o ${WORK}/police-imported.yaml)
expect_contains(import-police "${last_err}" "rows read 14 = entries 14 + rejected 0")
file(READ ${WORK}/police-imported.yaml imported)
expect_contains(import-police "${imported}" "date: 2014-11-15 22:10  # as written: 15/11/2014 22:10")
file(COPY ${SAMPLES}/child-r DESTINATION ${WORK})
file(COPY_FILE ${WORK}/police-imported.yaml ${WORK}/child-r/agencies/police.yaml)
expect_run(imported-merge 0 ${SIGHTLINE} merge ${WORK}/child-r --format json -o ${WORK}/imported.json)
expect_run(original-merge 0 ${SIGHTLINE} merge ${SAMPLES}/child-r --format json -o ${WORK}/original.json)
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
file(READ ${SAMPLES}/child-r/case.yaml manifest)
string(REPLACE "  - agencies/police.yaml" "  - {file: agencies/police.csv, mapping: agencies/police.mapping.yaml}" manifest "${manifest}")
file(WRITE ${WORK}/child-r/case.yaml "${manifest}")
expect_run(csv-source 0 ${SIGHTLINE} merge ${WORK}/child-r --format json -o ${WORK}/csv.json)
expect_contains(csv-source "${last_err}" "rows read 134 = entries 134 + rejected 0")

# Templates: XLSX and CSV; a filled CSV template passes check without a mapping.
expect_run(template-xlsx 0 ${SIGHTLINE} template --agency "Southvale Police" --kind police -o ${WORK}/template.xlsx)
file(MAKE_DIRECTORY ${WORK}/tpl/agencies)
expect_run(template-csv 0 ${SIGHTLINE} template --agency "Southvale Police" --kind police -o ${WORK}/tpl/agencies/police.csv)
expect_run(template-no-agency 64 ${SIGHTLINE} template --kind police -o ${WORK}/t.xlsx)
expect_run(template-bad-kind 64 ${SIGHTLINE} template --agency X --kind wizard -o ${WORK}/t.xlsx)
file(APPEND ${WORK}/tpl/agencies/police.csv "24/06/2015,14:30,Home visit,\"Visit, all well\",Mum,Seen,Yes,Face to face,PC1,,R1,\r\n")
file(WRITE ${WORK}/tpl/case.yaml "sightline: 1\ncase: {title: T}\npeople: [{id: mum, name: Mum}]\nsources: [agencies/police.csv]\n")
# A filled template passes check: no input problems (exit 1 only for findings: Mum is known to police alone).
expect_run(template-filled 1 ${SIGHTLINE} check ${WORK}/tpl)
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
