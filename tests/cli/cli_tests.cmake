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
foreach(cmd merge check rules knew)
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

# What one agency could have known.
expect_run(knew 0 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Lowbridge Children's Social Care" --at 2015-11-30)
expect_contains(knew "${last_out}" "2015-11-08 21:15  Southvale Police, Police incident")
expect_contains(knew "${last_out}" "known from 2015-11-24 through Southvale Police, Notification of 2015-11-24")
expect_run(knew-unknown-agency 2 ${SIGHTLINE} knew ${SAMPLES}/child-r --agency "Nobody" --at 2015-11-30)
expect_contains(knew-unknown-agency "${last_err}" "no agency 'Nobody' in the case")
