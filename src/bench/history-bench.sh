#!/usr/bin/env bash
# History benchmark (issue 10), on MariaDB: a year of 5-minute snapshots for the three seed systems (each with 8 login
# nodes, 5 queues, 2 filesystems) and 90 days of per-user spans for Derecho at today's volume, loaded straight into
# the database; then measures
#   - the roll-up of the whole year (every hour marked, as ingest marks them) by the service's own job;
#   - retention: the first run (eleven months of raw rows to delete) and a steady one;
#   - p50/p99 (wrk, 8 connections) of the history API for 24 h, 30 d and 1 y, and of a system page with its charts
#     for each range;
#   - the database's size, per system-year.
# Ingest's cost of the roll-up mark is measured by src/bench/ingest-ab.sh against a revision without it.
#   bash src/bench/history-bench.sh     (needs wrk and the MariaDB server; results in target/bench-history)
# Environment: BENCH_SECONDS (10), BENCH_MARIADB_USER (root), BENCH_MARIADB_PASSWORD (""), BENCH_APP (an
# application folder to use instead of building one), BENCH_MEASURE_ONLY=1 (keep the database a previous run left,
# and only measure the reads).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=src/bench
. "$here/lib.sh"
out=target/bench-history
seconds=${BENCH_SECONDS:-10}
port=8088
my_user=${BENCH_MARIADB_USER:-root}
my_password=${BENCH_MARIADB_PASSWORD:-}
db=hpcstatus_hist
year=105120
spans=$(( 90 * 288 * 60 ))
admin=bench-admin
admin_password=bench-admin-password
mysql_cmd=(mysql --protocol=tcp -h 127.0.0.1 -u "$my_user" ${my_password:+-p"$my_password"})
command -v wrk >/dev/null || { echo "history-bench: installing wrk"; apt-get install -y -q wrk >/dev/null; }
if [ -n "${BENCH_MEASURE_ONLY:-}" ]; then mkdir -p "$out"; else rm -rf "$out" && mkdir -p "$out"; fi
results="$out/results.md"

if [ -z "${BENCH_APP:-}" ]; then
  echo "history-bench: building the MariaDB application"
  ./mvnw -B -q package -DskipTests -Dquarkus.profile=mariadb >/dev/null
  cp -r target/quarkus-app "$out/app"
  BENCH_APP="$out/app"
fi

app_pid=""
start_app() { # extra environment as arguments (NAME=value ...)
  env "${BENCH_SERVICE_ENV[@]}" QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:3306/$db" \
    QUARKUS_DATASOURCE_USERNAME="$my_user" QUARKUS_DATASOURCE_PASSWORD="$my_password" \
    HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=$admin HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=$admin_password \
    QUARKUS_LOG_CATEGORY__ORG_HPCSTATUS__LEVEL=INFO "$@" java $BENCH_JAVA_OPTS -jar "$BENCH_APP/quarkus-run.jar" \
    >> "$out/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && return 0
    kill -0 $app_pid 2>/dev/null || { tail -20 "$out/app.log"; exit 1; }
    sleep 0.1
  done
  echo "history-bench: the service did not become ready"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }
base=$(date -u -d '-10 minutes' '+%Y-%m-%d %H:%M:%S')
run_sql() { # $1: file, $2: from, $3: to
  local range="(SELECT CAST(seq AS SIGNED) AS n FROM seq_${2}_to_${3})" range8="(SELECT CAST(seq AS SIGNED) AS n FROM seq_1_to_8)"
  sed -e "s/@RANGE@/$range/g" -e "s/@RANGE8@/$range8/g" -e "s/@FROM@/$2/g" -e "s/@TO@/$3/g" -e "s/@BASE@/$base/g" \
    "$here/$1" | { printf 'SET unique_checks=0; SET foreign_key_checks=0;\n'; cat; } | "${mysql_cmd[@]}" "$db"
}
q() { "${mysql_cmd[@]}" -N -e "$1" "$db"; }
measure() { # $1: label, $2: path; any non-2xx answer fails the run
  local url="http://127.0.0.1:$port$2" figures
  wrk_checked -t2 -c8 -d2s "$url" >/dev/null
  figures=$(wrk_checked -t2 -c8 -d"${seconds}s" "$url" | bench_figures)
  set -- "$1" $figures
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" | tee -a "$results"
}

if [ -z "${BENCH_MEASURE_ONLY:-}" ]; then
"${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db"
start_app && stop_app   # the schema, the systems, the admin
echo "history-bench: loading a year of snapshots and 90 days of user spans"
t0=$(date +%s)
run_sql lookups.sql 1 8
run_sql history.sql 1 $year
run_sql user-spans.sql 1 $spans
q "INSERT INTO rollup_mark (system_id, hour_start) SELECT system_id,
   TIMESTAMP(DATE_FORMAT(observed_at, '%Y-%m-%d %H:00:00')) FROM status_snapshot GROUP BY 1, 2"
echo "history-bench: loaded in $(( $(date +%s) - t0 )) s: $(q 'SELECT COUNT(*) FROM status_snapshot') snapshots, $(q 'SELECT COUNT(*) FROM rollup_mark') hours marked"
{
  echo "History benchmark of $(git rev-parse --short HEAD) on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'), MariaDB"
  echo
} | tee "$results"

# Roll-up of the whole year: raw data kept for the year meanwhile, so that every hour can be computed.
hours=$(q 'SELECT COUNT(*) FROM rollup_mark')
t0=$(date +%s%N)
start_app HPCSTATUS_HISTORY_RAW_RETENTION=400D HPCSTATUS_HISTORY_ROLLUP_EVERY=5S HPCSTATUS_HISTORY_RETENTION_EVERY=24H
while [ "$(q 'SELECT COUNT(*) FROM rollup_mark')" -gt 0 ]; do sleep 2; done
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
stop_app
echo "- roll-up of $hours system-hours (a year of 3 systems, each hour: the system, 8 login nodes, 5 queues, 2 filesystems): $ms ms, $(( ms * 1000 / hours )) µs an hour; $(q 'SELECT COUNT(*) FROM rollup') summary rows" | tee -a "$results"

# Retention with the default windows: the first run deletes eleven months of raw rows; the next is a steady one.
before=$(grep -c 'Retention deleted' "$out/app.log" || true)
start_app HPCSTATUS_HISTORY_RETENTION_EVERY=1M
for _ in $(seq 1 900); do [ "$(grep -c 'Retention deleted' "$out/app.log")" -ge $((before + 2)) ] && break; sleep 2; done
grep 'Retention deleted' "$out/app.log" | tail -n +$((before + 1)) | head -2 | sed 's/.*Retention deleted/- retention run: deleted/' | tee -a "$results"
stop_app
fi
start_app
echo "- reads measured with $(git rev-parse --short HEAD)$(git diff --quiet || echo "+changes")" | tee -a "$results"

{
  echo
  echo "| what (a year of history, defaults) | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
} | tee -a "$results"
for range in 24h 30d 1y; do
  case $range in 24h) from=$(date -u -d '-24 hours' +%Y-%m-%dT%H:%M:%SZ);; 30d) from=$(date -u -d '-30 days' +%Y-%m-%dT%H:%M:%SZ);;
    1y) from=$(date -u -d '-365 days' +%Y-%m-%dT%H:%M:%SZ);; esac
  measure "history API, cpu_utilization_percent, $range" "/api/v1/status/derecho/history?metric=cpu_utilization_percent&from=$from"
  measure "history API, a queue's pending_jobs, $range" "/api/v1/status/derecho/history?metric=pending_jobs&queue=queue1&from=$from"
done
measure "GET / (overview)" "/"
measure "GET /css/dashboard.css (static file: the ceiling)" "/css/dashboard.css"
for range in 24h 7d 30d 1y; do
  measure "GET /status/derecho?range=$range (4 charts, 11 series)" "/status/derecho?range=$range"
done
stop_app

echo | tee -a "$results"
q "SELECT table_name, ROUND((data_length + index_length) / 1048576, 1), table_rows FROM information_schema.tables
   WHERE table_schema = '$db' ORDER BY data_length + index_length DESC LIMIT 8" | awk '{printf "- %s: %s MB (~%s rows)\n", $1, $2, $3}' | tee -a "$results"
total=$(q "SELECT ROUND(SUM(data_length + index_length) / 1048576) FROM information_schema.tables WHERE table_schema = '$db'")
echo "- database after a year and retention, 3 systems: $total MB, about $(( total / 3 )) MB per system-year (user spans: Derecho only)" | tee -a "$results"
