# The viewer as a person sees it: a real window under Xvfb, screenshots checked to be real pictures.
# Run by CTest with -DVIEWER=<binary> -DPNG_CHECK=<binary> -DSAMPLES=<dir> -DWORK=<dir>.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

function(run name expected_exit)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 300)
  if(NOT rc STREQUAL "${expected_exit}")
    message(SEND_ERROR "${name}: exit ${rc}, expected ${expected_exit}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(last_out "${out}" PARENT_SCOPE)
endfunction()

run(help 0 ${VIEWER} --help)
string(FIND "${last_out}" "--screenshot FILE" at)
if(at EQUAL -1)
  message(SEND_ERROR "help: no --screenshot in\n${last_out}")
endif()

set(xvfb xvfb-run -a -s "-screen 0 1600x1000x24")
# The sample at two dates: before and after the new partner moves in.
foreach(at 2015-06-01 2015-11-01)
  run(screenshot-${at} 0 ${xvfb} ${VIEWER} ${SAMPLES}/child-r --at ${at} --size 1600x1000 --screenshot ${WORK}/child-r-${at}.png)
  run(png-${at} 0 ${PNG_CHECK} ${WORK}/child-r-${at}.png --width 1600 --height 1000)
endforeach()

# --group kind at start-up regroups the lanes (the picture differs from the default grouping by area).
run(screenshot-kind 0 ${xvfb} ${VIEWER} ${SAMPLES}/child-r --at 2015-06-01 --group kind --size 1600x1000 --screenshot ${WORK}/child-r-kind.png)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/child-r-2015-06-01.png ${WORK}/child-r-kind.png RESULT_VARIABLE same)
if(same EQUAL 0)
  message(SEND_ERROR "screenshot-kind: --group kind drew the same picture as grouping by area")
endif()

# The findings tab, measured once and drawn in view only, is a real picture too.
run(screenshot-findings 0 ${xvfb} ${VIEWER} ${SAMPLES}/child-r --at 2015-11-01 --tab findings --size 1600x1000 --screenshot ${WORK}/child-r-findings.png)
run(png-findings 0 ${PNG_CHECK} ${WORK}/child-r-findings.png --width 1600 --height 1000)
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK}/child-r-2015-11-01.png ${WORK}/child-r-findings.png RESULT_VARIABLE same)
if(same EQUAL 0)
  message(SEND_ERROR "screenshot-findings: --tab findings drew the chronology tab")
endif()
# An entry the police could not date ("Not known"), selected by its id: the Entry panel shows it
# and the genogram rings its people, while the timeline (and its date cursor) stays exactly as
# without a selection, since the entry has no date. Panels of a 1600x1000 window: the genogram at
# 0,40 (528x576), the timeline at 528,40 (1072x576), the Entry panel at 0,616 (528x384).
run(screenshot-undated 0 ${xvfb} ${VIEWER} ${SAMPLES}/child-r --at 2015-11-01 --select 56fecbc5eddb --size 1600x1000 --screenshot ${WORK}/child-r-undated.png)
run(png-undated 0 ${PNG_CHECK} ${WORK}/child-r-undated.png --width 1600 --height 1000
    --same ${WORK}/child-r-2015-11-01.png 528,40,1072,576
    --changed ${WORK}/child-r-2015-11-01.png 0,40,528,576
    --changed ${WORK}/child-r-2015-11-01.png 0,616,528,384)
# A dated entry selected the same way does move the timeline (so the check above can fail).
run(screenshot-dated 0 ${xvfb} ${VIEWER} ${SAMPLES}/child-r --at 2015-11-01 --select 6235b2f616a4 --size 1600x1000 --screenshot ${WORK}/child-r-dated.png)
run(png-dated 0 ${PNG_CHECK} ${WORK}/child-r-dated.png --width 1600 --height 1000 --changed ${WORK}/child-r-2015-11-01.png 528,40,1072,576)
# An id the case does not have is refused once the case is read, not silently ignored.
execute_process(COMMAND ${xvfb} ${VIEWER} ${SAMPLES}/child-r --select 000000000000 --screenshot ${WORK}/no-such-entry.png
                RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 300)
if(NOT rc STREQUAL "2" OR NOT err MATCHES "error: --select: the case has no entry with id '000000000000'")
  message(SEND_ERROR "bad-select: exit ${rc}, stderr: ${err}")
endif()
run(bad-tab 64 ${VIEWER} ${SAMPLES}/child-r --tab nonsense)
run(bad-group 64 ${VIEWER} ${SAMPLES}/child-r --group agency)
# A date that cannot be read is refused before any window opens, as the command line refuses it.
execute_process(COMMAND ${VIEWER} ${SAMPLES}/child-r --at 31/02/2015 RESULT_VARIABLE rc ERROR_VARIABLE err TIMEOUT 60)
if(NOT rc STREQUAL "2" OR NOT err MATCHES "error: --at: cannot read date '31/02/2015'")
  message(SEND_ERROR "bad-at: exit ${rc}, stderr: ${err}")
endif()

# A case that cannot be read shows its error in the window (exit 2), not a crash.
file(WRITE ${WORK}/bad/case.yaml "sightline: 1\npeople: [\n")
run(screenshot-bad 2 ${xvfb} ${VIEWER} ${WORK}/bad --screenshot ${WORK}/bad.png)
if(NOT EXISTS ${WORK}/bad.png)
  message(SEND_ERROR "screenshot-bad: no picture of the error")
endif()
