#!/usr/bin/env bash
# Ingest A/B: the same full-Derecho POST load (wrk -t2 -c8, src/bench/ingest.lua) against two revisions of the
# service, alternating A, B, A, B, ... on a fresh MariaDB database each time, so that this noisy machine's drift
# falls on both sides alike. Prints one line per run and the median of each side.
#   bash src/bench/ingest-ab.sh [BASE_REV (HEAD~1)] [ROUNDS (3)]     (needs wrk and the MariaDB server)
# Environment: BENCH_SECONDS (15), BENCH_MARIADB_USER (root), BENCH_MARIADB_PASSWORD ("").
set -euo pipefail
cd "$(dirname "$0")/../.."
base_rev=${1:-HEAD~1}
rounds=${2:-3}
seconds=${BENCH_SECONDS:-15}
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

run() { # $1: app folder; prints "requests/s p50 p99"
  "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS hpcstatus_bench; CREATE DATABASE hpcstatus_bench"
  QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/hpcstatus_bench \
    QUARKUS_DATASOURCE_USERNAME="$my_user" QUARKUS_DATASOURCE_PASSWORD="$my_password" \
    QUARKUS_LOG_CATEGORY__ORG_HPCSTATUS__LEVEL=WARN HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=bench-admin \
    HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=bench-admin-password java -jar "$1/quarkus-run.jar" > "$out/app.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done
  export BENCH_PAYLOAD=src/bench/payload-derecho.json BENCH_PATH=/api/v1/status/derecho
  BENCH_AUTH=$(printf 'bench-admin:bench-admin-password' | base64 -w0); export BENCH_AUTH
  curl -fs -o /dev/null -u bench-admin:bench-admin-password -H 'Content-Type: application/json' \
    --data-binary @src/bench/payload-derecho.json "http://127.0.0.1:$port/api/v1/status/derecho?dry_run=true"
  BENCH_BASE_EPOCH=$(( $(date +%s) - 4 * 86400 )) wrk -t2 -c8 -d8s -s src/bench/ingest.lua "http://127.0.0.1:$port" >/dev/null 2>&1
  BENCH_BASE_EPOCH=$(( $(date +%s) - 3 * 86400 )) wrk -t2 -c8 -d"${seconds}s" --latency -s src/bench/ingest.lua \
    "http://127.0.0.1:$port" 2>&1 | awk '/Requests\/sec/ {r = $2} $1 == "50%" {p50 = $2} $1 == "99%" {p99 = $2}
      END {print r, p50, p99}'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
for i in $(seq 1 "$rounds"); do
  echo "A ($base_rev) $(run "$out/A")" | tee -a "$out/runs"
  echo "B (working tree) $(run "$out/B")" | tee -a "$out/runs"
done
for side in A B; do
  grep "^$side " "$out/runs" | awk '{print $(NF-2)}' | sort -n | awk -v s="$side" '{v[NR] = $1}
    END {print "median requests/s " s ": " v[int((NR + 1) / 2)]}'
done
