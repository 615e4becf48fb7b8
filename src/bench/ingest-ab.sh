#!/usr/bin/env bash
# Ingest A/B: the same full-Derecho POST load (wrk -t2 -c8, src/bench/ingest.lua) against two revisions of the
# service, alternating A, B, A, B, ... on a fresh MariaDB database each time, so that this noisy machine's drift
# falls on both sides alike. Prints one line per run and the medians of each side. Any non-2xx answer fails the run.
#   bash src/bench/ingest-ab.sh [BASE_REV (HEAD~1)] [ROUNDS (3)]     (needs wrk and the MariaDB server)
# Environment: BENCH_SECONDS (15), BENCH_WARMUP (20: seconds of the same load first, unmeasured, so that the JIT has
# compiled the ingest path; with a few seconds the compiler threads still take as much CPU as the posts),
# BENCH_MARIADB_USER (root), BENCH_MARIADB_PASSWORD (""), BENCH_JAVA_OPTS (the
# container's heap, src/bench/lib.sh), BENCH_EXTRA_JAVA_OPTS (e.g. a flight recording).
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
base_rev=${1:-HEAD~1}
rounds=${2:-3}
seconds=${BENCH_SECONDS:-15}
warmup=${BENCH_WARMUP:-20}
my_user=${BENCH_MARIADB_USER:-root}
my_password=${BENCH_MARIADB_PASSWORD:-}
out=target/bench-ab
port=8089
mysql_cmd=(mysql --protocol=tcp -h 127.0.0.1 -u "$my_user" ${my_password:+-p"$my_password"})
command -v wrk >/dev/null || { echo "ingest-ab: installing wrk"; apt-get install -y -q wrk >/dev/null; }
rm -rf "$out" && mkdir -p "$out"

build() { # $1: source folder, $2: target folder
  (cd "$1" && ./mvnw -B -q package -DskipTests -Dquarkus.profile=mariadb >/dev/null)
  cp -r "$1/target/quarkus-app" "$2"
}
git worktree add -q --detach "$out/base-src" "$base_rev"
trap 'git worktree remove --force "$out/base-src" 2>/dev/null || true' EXIT
echo "ingest-ab: building $base_rev and the working tree"
build "$out/base-src" "$out/A"
build . "$out/B"

run() { # $1: app folder; prints "requests/s p50 p99 CPU-seconds-per-1000-posts RSS-MiB-at-the-end"
  "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS hpcstatus_bench; CREATE DATABASE hpcstatus_bench"
  env "${BENCH_SERVICE_ENV[@]}" QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/hpcstatus_bench \
    QUARKUS_DATASOURCE_USERNAME="$my_user" QUARKUS_DATASOURCE_PASSWORD="$my_password" \
    HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=bench-admin HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=bench-admin-password \
    java $BENCH_JAVA_OPTS ${BENCH_EXTRA_JAVA_OPTS:-} -jar "$1/quarkus-run.jar" > "$out/app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done
  export BENCH_PAYLOAD=src/bench/payload-derecho.json BENCH_PATH=/api/v1/status/derecho
  BENCH_AUTH=$(printf 'bench-admin:bench-admin-password' | base64 -w0); export BENCH_AUTH
  curl -fs -o /dev/null -u bench-admin:bench-admin-password -H 'Content-Type: application/json' \
    --data-binary @src/bench/payload-derecho.json "http://127.0.0.1:$port/api/v1/status/derecho?dry_run=true"
  # A current snapshot first, as run.sh posts one: the back-fill posts then never move the latest pointer.
  sed "s/^{/{\"timestamp\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",/" src/bench/payload-derecho.json > "$out/current.json"
  curl -fs -o /dev/null -u bench-admin:bench-admin-password -H 'Content-Type: application/json' \
    --data-binary @"$out/current.json" "http://127.0.0.1:$port/api/v1/status/derecho"
  BENCH_BASE_EPOCH=$(( $(date +%s) - 20 * 86400 )) wrk_checked -t2 -c8 -d"${warmup}s" -s src/bench/ingest.lua \
    "http://127.0.0.1:$port" >/dev/null
  local cpu0 figures; cpu0=$(bench_cpu_seconds $pid)
  figures=$(BENCH_BASE_EPOCH=$(( $(date +%s) - 30 * 86400 )) wrk_checked -t2 -c8 -d"${seconds}s" \
    -s src/bench/ingest.lua "http://127.0.0.1:$port" | bench_figures)
  echo "$figures $(awk -v a="$cpu0" -v b="$(bench_cpu_seconds $pid)" -v r="${figures%% *}" -v s="$seconds" \
    'BEGIN { printf "%.2f", (b - a) * 1000 / (r * s) }') $(bench_rss_mb $pid)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for i in $(seq 1 "$rounds"); do
  echo "A ($base_rev) $(run "$out/A")" | tee -a "$out/runs"
  echo "B (working tree) $(run "$out/B")" | tee -a "$out/runs"
done
echo "(each run: requests/s, p50 ms, p99 ms, the service's CPU-seconds per 1,000 posts, its RSS MiB at the end)"
for side in A B; do
  for column in 1 2 3 4; do
    grep "^$side " "$out/runs" | awk -v c=$column '{print $(NF - 5 + c)}' | sort -g | awk -v s="$side" -v c=$column '
      {v[NR] = $1} END {split("requests/s,p50 ms,p99 ms,CPU-s per 1000 posts", n, ","); printf "median %s %s: %s\n", n[c], s, v[int((NR + 1) / 2)]}'
  done
done
