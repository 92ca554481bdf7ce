# What the CLI test scripts share: running the binary and checking what it printed.
# Runs a command; a SEND_ERROR unless it exits with expected_exit. Leaves last_out and last_err.
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

function(expect_lacks name haystack needle)
  string(FIND "${haystack}" "${needle}" at)
  if(NOT at EQUAL -1)
    message(SEND_ERROR "${name}: output has '${needle}'\n--- output:\n${haystack}")
  endif()
endfunction()
