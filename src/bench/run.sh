#!/usr/bin/env bash
# Dashboard and ingest benchmark (issue: pages must cost the same with a day or a year of history).
# For H2 and for MariaDB: loads 1 day, then 1 year, of 5-minute history for the three seed systems (each snapshot
# with 8 login nodes, 5 queues, 2 filesystems) straight into the database, and measures with wrk (8 connections):
# requests/s and p50/p99 of /, /status/derecho and a static asset (the ceiling); then ingest of a full Derecho
# snapshot with an already-verified credential, next to the same POST as a dry run (no database) and a plain JDBC
# batch insert of the same rows; the service's CPU time per stored post; start-to-ready time and resident memory
# after start and at the end. The service runs with the benchmark settings of src/bench/lib.sh (post limit lifted,
# the container's heap); any non-2xx answer fails the run.
#   bash src/bench/run.sh            (needs wrk and a running MariaDB; prints a table, saved in target/bench)
# Environment: BENCH_SECONDS (10), BENCH_WARMUP (20: seconds of unmeasured ingest first, for the JIT), BENCH_DBS ("h2 mariadb"), BENCH_MARIADB_USER (root), BENCH_MARIADB_PASSWORD ("").
set -euo pipefail
cd "$(dirname "$0")/../.."
here=src/bench
. "$here/lib.sh"
out=target/bench
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-20}
dbs=${BENCH_DBS:-h2 mariadb}
port=8089
my_user=${BENCH_MARIADB_USER:-root}
my_password=${BENCH_MARIADB_PASSWORD:-}
year=${BENCH_YEAR:-105120}  # 5-minute snapshots in a year
day=288
admin=bench-admin
admin_password=bench-admin-password
auth=$(printf '%s:%s' "$admin" "$admin_password" | base64 -w0)

command -v wrk >/dev/null || { echo "bench: installing wrk"; apt-get install -y -q wrk >/dev/null; }
rm -rf "$out" && mkdir -p "$out"
results="$out/results.md"

build() { # $1: profile name, $2: target folder
  echo "bench: building the $1 application"
  ./mvnw -B -q package -DskipTests ${3:-} >/dev/null
  rm -rf "$2" && cp -r target/quarkus-app "$2"
}
build h2 "$out/h2-app"
build mariadb "$out/mariadb-app" -Dquarkus.profile=mariadb
h2_jar=$(ls "$out"/h2-app/lib/main/com.h2database.h2-*.jar)
mariadb_jar=$(ls "$out"/mariadb-app/lib/main/org.mariadb.jdbc.mariadb-java-client-*.jar)
h2_url="jdbc:h2:file:$PWD/$out/h2db/hpcstatus;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
my_url="jdbc:mariadb://127.0.0.1:3306/hpcstatus_bench"
mysql_cmd=(mysql --protocol=tcp -h 127.0.0.1 -u "$my_user" ${my_password:+-p"$my_password"})

app_pid=""
start_app() { # $1: db; sets ready_ms and rss_mb
  local app url user password
  if [ "$1" = h2 ]; then app="$out/h2-app"; url="$h2_url"; user=sa; password=""
  else app="$out/mariadb-app"; url="$my_url"; user="$my_user"; password="$my_password"; fi
  local t0; t0=$(date +%s%N)
  env "${BENCH_SERVICE_ENV[@]}" QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="$url" \
    QUARKUS_DATASOURCE_USERNAME="$user" QUARKUS_DATASOURCE_PASSWORD="$password" \
    HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=$admin HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=$admin_password \
    java $BENCH_JAVA_OPTS -jar "$app/quarkus-run.jar" > "$out/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 600); do
    if curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; then
      ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      rss_mb=$(bench_rss_mb $app_pid)
      return 0
    fi
    kill -0 $app_pid 2>/dev/null || { tail -20 "$out/app-$1.log"; exit 1; }
    sleep 0.1
  done
  echo "bench: the service did not become ready"; exit 1
}
stop_app() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; }

run_sql() { # $1: db, $2: file, $3: from, $4: to
  local range range8 sql
  if [ "$1" = h2 ]; then
    range="(SELECT \"X\" AS n FROM SYSTEM_RANGE($3, $4))"; range8="(SELECT \"X\" AS n FROM SYSTEM_RANGE(1, 8))"
  else
    range="(SELECT CAST(seq AS SIGNED) AS n FROM seq_${3}_to_${4})"; range8="(SELECT CAST(seq AS SIGNED) AS n FROM seq_1_to_8)"
  fi
  sql=$(sed -e "s/@RANGE@/$range/g" -e "s/@RANGE8@/$range8/g" -e "s/@FROM@/$3/g" -e "s/@TO@/$4/g" \
    -e "s/@BASE@/$base/g" "$here/$2")
  if [ "$1" = h2 ]; then
    printf '%s\n' "$sql" > "$out/load.sql"
    java -cp "$h2_jar" org.h2.tools.RunScript -url "$h2_url" -user sa -script "$out/load.sql"
  else
    printf 'SET unique_checks=0; SET foreign_key_checks=0;\n%s\n' "$sql" | "${mysql_cmd[@]}" hpcstatus_bench
  fi
}

post_current() { # the newest snapshot of each system, posted through the API so the latest pointers move
  local now; now=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ | cut -c1-26)Z
  sed "s/^{/{\"timestamp\":\"$now\",/" "$here/payload-derecho.json" > "$out/current-derecho.json"
  curl -fs -o /dev/null -u "$admin:$admin_password" -H 'Content-Type: application/json' \
    --data-binary @"$out/current-derecho.json" "http://127.0.0.1:$port/api/v1/status/derecho"
  curl -fs -o /dev/null -u "$admin:$admin_password" -H 'Content-Type: application/json' \
    -d "{\"timestamp\":\"$now\",\"compute_nodes_total\":260,\"compute_nodes_available\":185,\"running_jobs\":456,\"pending_jobs\":89}" \
    "http://127.0.0.1:$port/api/v1/status/casper"
  curl -fs -o /dev/null -u "$admin:$admin_password" -H 'Content-Type: application/json' \
    -d "{\"timestamp\":\"$now\",\"available\":true,\"active_users\":68,\"active_sessions\":72}" \
    "http://127.0.0.1:$port/api/v1/status/jupyterhub"
}

measure() { # $@: wrk arguments after the common ones; prints "rps p50 p99"; any non-2xx answer fails the run
  wrk_checked -t2 -c8 -d"${seconds}s" "$@" | bench_figures
}
row() { # $1: label, $2: "rps p50 p99"
  set -- "$1" $2
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" | tee -a "$results"
}
pages() { # $1: db, $2: history label
  local url="http://127.0.0.1:$port"
  wrk_checked -t2 -c8 -d3s "$url/" >/dev/null   # warm-up (JIT) of both pages
  wrk_checked -t2 -c8 -d3s "$url/status/derecho" >/dev/null
  row "$1, $2: GET /" "$(measure "$url/")"
  row "$1, $2: GET /status/derecho" "$(measure "$url/status/derecho")"
  row "$1, $2: GET /css/dashboard.css (static ceiling)" "$(measure "$url/css/dashboard.css")"
}

base=$(date -u -d '-10 minutes' '+%Y-%m-%d %H:%M:%S')
{
  echo "Benchmark of $(git rev-parse --short HEAD) on $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'); wrk -t2 -c8 -d${seconds}s"
  echo
  echo "| what | requests/s | p50 ms | p99 ms |"
  echo "|---|---|---|---|"
} | tee "$results"
startup_rows=()
ingest_cpu_rows=()
end_rss_rows=()
for db in $dbs; do
  if [ "$db" = h2 ]; then rm -rf "$out/h2db"
  else "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS hpcstatus_bench; CREATE DATABASE hpcstatus_bench"; fi
  start_app "$db" && stop_app          # creates the schema, the systems and the admin credential
  echo "bench: $db: loading 1 day of history"
  run_sql "$db" lookups.sql 1 8
  run_sql "$db" history.sql 1 $day
  start_app "$db"; post_current
  pages "$db" "1 day"
  stop_app
  echo "bench: $db: loading the rest of a year of history"
  t0=$(date +%s)
  run_sql "$db" history.sql $((day + 1)) $year
  echo "bench: $db: loaded in $(( $(date +%s) - t0 )) s"
  start_app "$db"; post_current
  startup_rows+=("| $db with a year of history | $ready_ms | $rss_mb |")
  pages "$db" "1 year"
  # Ingest: one verified request first, so the credential is cached as for a steady collector.
  curl -fs -o /dev/null -u "$admin:$admin_password" -H 'Content-Type: application/json' \
    --data-binary @"$out/current-derecho.json" "http://127.0.0.1:$port/api/v1/status/derecho?dry_run=true"
  export BENCH_PAYLOAD="$here/payload-derecho.json" BENCH_AUTH="$auth"
  export BENCH_BASE_EPOCH=$(( $(date +%s) - 20 * 86400 ))   # warm-up: days apart from the measured run (at most 10 days at 1,500/s)
  BENCH_PATH=/api/v1/status/derecho wrk_checked -t2 -c8 -d"${warmup}s" -s "$here/ingest.lua" "http://127.0.0.1:$port" >/dev/null
  export BENCH_BASE_EPOCH=$(( $(date +%s) - 30 * 86400 ))
  cpu0=$(bench_cpu_seconds $app_pid)
  stored=$(BENCH_PATH=/api/v1/status/derecho measure -s "$here/ingest.lua" "http://127.0.0.1:$port")
  cpu1=$(bench_cpu_seconds $app_pid)
  row "$db: POST full Derecho snapshot (stored)" "$stored"
  ingest_cpu_rows+=("| $db | $(awk -v a="$cpu0" -v b="$cpu1" -v r="${stored%% *}" -v s="$seconds" 'BEGIN { printf "%.2f", (b - a) * 1000 / (r * s) }') |")
  row "$db: same POST, dry run (no database: ceiling)" \
    "$(BENCH_PATH='/api/v1/status/derecho?dry_run=true' BENCH_BASE_EPOCH=$(( $(date +%s) - 90 * 86400 )) \
      measure -s "$here/ingest.lua" "http://127.0.0.1:$port")"
  end_rss_rows+=("| $db | $rss_mb | $(bench_rss_mb $app_pid) |")
  stop_app
  if [ "$db" = h2 ]; then jdbc_url="$h2_url"; jdbc_cp="$h2_jar"; jdbc_user=sa; jdbc_password=""
  else jdbc_url="$my_url"; jdbc_cp="$mariadb_jar"; jdbc_user="$my_user"; jdbc_password="$my_password"; fi
  set -- $(java -cp "$jdbc_cp" "$here/JdbcBatchBaseline.java" "$jdbc_url" "$jdbc_user" "$jdbc_password" "$seconds")
  printf '| %s | %s | | %s |\n' "$db: plain JDBC batch insert of the same rows, 8 threads" "$1" "$2" | tee -a "$results"
done
{
  echo
  echo "| start-to-ready | ms | RSS after start, MB |"
  echo "|---|---|---|"
  printf '%s\n' "${startup_rows[@]}"
  echo
  echo "| stored posts: the service's CPU | CPU-seconds per 1,000 posts |"
  echo "|---|---|"
  printf '%s\n' "${ingest_cpu_rows[@]}"
  echo
  echo "| resident memory (JVM: $BENCH_JAVA_OPTS) | MiB after start | MiB after pages, ingest and dry run |"
  echo "|---|---|---|"
  printf '%s\n' "${end_rss_rows[@]}"
} | tee -a "$results"
