# Shared by the benchmark scripts (sourced, not run). A benchmark measures what it names: any answer that is not a
# 2xx, and any socket error, fails the run; a figure of refusals is not a figure.

# The settings every benchmarked service runs with: the per-credential post limit (60 a minute, a collector's
# safety net) lifted, since the benchmark posts as one credential hundreds of times a second; the service's own
# log at WARN (a line per post would be measured too); the JVM sized as the container runs it (docker/Dockerfile.jvm).
BENCH_SERVICE_ENV=(HPCSTATUS_INGEST_POSTS_PER_MINUTE=100000000 QUARKUS_LOG_CATEGORY__ORG_HPCSTATUS__LEVEL=WARN)
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:--Xms64m -Xmx256m}

bench_fail() {
  echo "bench: FAILED: $*" >&2
  exit 1
}

# wrk_checked ARGS...: runs wrk with --latency and ARGS and prints its output; fails the run on any non-2xx answer
# or socket error (wrk counts both, and a Lua script's non-2xx alike).
wrk_checked() {
  local o
  o=$(wrk --latency "$@" 2>&1) || bench_fail "wrk $*: $o"
  if echo "$o" | grep -q 'Non-2xx or 3xx responses'; then
    bench_fail "wrk $*: $(echo "$o" | grep 'Non-2xx') ($(echo "$o" | grep -m1 '^unexpected' || true))"
  fi
  if echo "$o" | grep -q 'Socket errors'; then
    bench_fail "wrk $*: $(echo "$o" | grep 'Socket errors')"
  fi
  echo "$o"
}

# wrk latency such as 635.91us, 4.04ms, 1.20s, in milliseconds
bench_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# bench_figures: reads wrk output on stdin, prints "requests/s p50_ms p99_ms"
bench_figures() {
  local o; o=$(cat)
  printf '%s %s %s\n' "$(echo "$o" | awk '/Requests\/sec/ {printf "%.0f", $2}')" \
    "$(bench_ms "$(echo "$o" | awk '$1 == "50%" {print $2}')")" "$(bench_ms "$(echo "$o" | awk '$1 == "99%" {print $2}')")"
}

# bench_rss_mb PID: the resident memory of a process, in MiB
bench_rss_mb() {
  echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 ))
}

# bench_cpu_seconds PID: the CPU time (user + system) a process has used, in seconds
bench_cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}
