# Steps of a test run, each in its own process group, sourced by scripts/test-all.sh (and by its
# test, scripts/test-all.test.ts). A step that runs out of time has its WHOLE process tree ended
# (vitest's workers, a PostgreSQL cluster, Chromium), so nothing of it can print after the summary.
#
#   results_dir=.tmp step_timeout=600
#   run_step NAME CMD...              run in the foreground (output shown as it comes)
#   start_step NAME CMD...            start in the background, output to $results_dir/log-NAME
#   finish_step NAME                  wait for a started step, then show its output
#
# Each writes $results_dir/exitcode-NAME (124 when the step ran out of time).

# The process group leader of each running step, by name.
declare -A step_pids=()
declare -A step_deadlines=()

_launch_step() {
  local name="$1" output="$2"
  shift 2
  # In a script (no job control) a background job is not a group leader, so setsid makes the
  # job itself the leader of a new session and group whose id is its pid.
  if [ -n "$output" ]; then
    setsid "$@" >"$output" 2>&1 </dev/null &
  else
    setsid "$@" </dev/null &
  fi
  step_pids[$name]=$!
  step_deadlines[$name]=$((SECONDS + step_timeout))
}

# Waits for the step to end or its time to run out; then ends whatever is left of its group.
_await_step() {
  local name="$1"
  local pid="${step_pids[$name]}" deadline="${step_deadlines[$name]}" timed_out=0 rc
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      timed_out=1
      kill -TERM -- "-$pid" 2>/dev/null
      # A few seconds to shut down cleanly (vitest stops its PostgreSQL cluster), then no more.
      local grace=$((SECONDS + ${GT_STEP_KILL_GRACE:-10}))
      while kill -0 -- "-$pid" 2>/dev/null && [ "$SECONDS" -lt "$grace" ]; do sleep 0.2; done
      break
    fi
    sleep 0.2
  done
  # Also ends anything the step left running in its group after the leader exited.
  kill -KILL -- "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  rc=$?
  if [ "$timed_out" -eq 1 ]; then
    rc=124
    printf '%s: timed out after %ss; its processes were ended\n' "$name" "$step_timeout"
  fi
  echo "$rc" >"$results_dir/exitcode-$name"
  unset "step_pids[$name]"
  return 0
}

run_step() {
  local name="$1"
  shift
  printf '\n===== %s =====\n' "$name"
  _launch_step "$name" "" "$@"
  _await_step "$name"
}

start_step() {
  local name="$1"
  shift
  _launch_step "$name" "$results_dir/log-$name" "$@"
}

finish_step() {
  local name="$1"
  _await_step "$name" >"$results_dir/status-$name"
  printf '\n===== %s =====\n' "$name"
  cat "$results_dir/log-$name" "$results_dir/status-$name"
  rm -f "$results_dir/status-$name"
}

# Ends every step still running (the run was interrupted): they are not in our process group, so
# Ctrl-C alone would not reach them.
end_all_steps() {
  local name
  for name in "${!step_pids[@]}"; do kill -KILL -- "-${step_pids[$name]}" 2>/dev/null; done
}
