#!/usr/bin/env bash
# Fault script (issue: hard to break). Runs the MariaDB build of the service against a MariaDB server of its own
# (own data directory and port; the machine's shared server is not touched) under steady collector load
# (src/bench/fault-load.py: 4 posters, ~20 posts/s, and readers of latest, outages, summary and two pages), in turn:
#   1. kill -9 the database, keep it down for DB_DOWN_SECONDS (20), restart it;
#   2. kill -9 the service, restart it while the load goes on.
# Then reports the answers by status (201, 503, 500, ...), how long after the database (or the service) was back
# the first post was stored again, and whether every acknowledged post (201) is stored with all its rows and no
# stored snapshot is half-written.
#   bash src/bench/faults.sh         (needs /usr/sbin/mariadbd, mariadb-install-db and the mysql client)
# Environment: DB_DOWN_SECONDS (20), STEADY_SECONDS (10), FAULT_POSTERS (4), FAULT_INTERVAL (0.2 s between one
# poster's posts). Output: target/faults/report.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=src/bench
out=$PWD/target/faults
db_port=${FAULT_DB_PORT:-33071}
app_port=${FAULT_APP_PORT:-8093}
down=${DB_DOWN_SECONDS:-20}
steady=${STEADY_SECONDS:-10}
user=fault-admin
password=fault-admin-password
mysql_cmd=(mysql --protocol=tcp -h 127.0.0.1 -P "$db_port" -u root)

rm -rf "$out" && mkdir -p "$out"
echo "faults: building the MariaDB application"
./mvnw -B -q package -DskipTests -Dquarkus.profile=mariadb >/dev/null
cp -r target/quarkus-app "$out/app"

start_db() {
  /usr/sbin/mariadbd --no-defaults --datadir="$out/db" --user="$(id -un)" --port="$db_port" --bind-address=127.0.0.1 \
    --socket="$out/mysqld.sock" --pid-file="$out/mysqld.pid" --skip-log-bin --innodb-buffer-pool-size=128M \
    >>"$out/mariadb.log" 2>&1 &
  for _ in $(seq 1 600); do "${mysql_cmd[@]}" -e "SELECT 1" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "faults: mariadbd did not start; see $out/mariadb.log" >&2; exit 1
}
kill_db() { kill -9 "$(cat "$out/mysqld.pid")"; while "${mysql_cmd[@]}" -e "SELECT 1" >/dev/null 2>&1; do sleep 0.05; done; }
start_app() {
  (cd "$out" && QUARKUS_HTTP_PORT=$app_port \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:mariadb://127.0.0.1:$db_port/hpcstatus?createDatabaseIfNotExist=true" \
    QUARKUS_DATASOURCE_USERNAME=root QUARKUS_DATASOURCE_PASSWORD= HPCSTATUS_DATABASE_RETRY_INTERVAL=1S \
    HPCSTATUS_INGEST_POSTS_PER_MINUTE=100000 \
    HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=$user HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=$password \
    exec java -jar app/quarkus-run.jar >>"$out/service.log" 2>&1) &
  app_pid=$!
}
await_ready() { for _ in $(seq 1 1200); do curl -sf "localhost:$app_port/q/health/ready" >/dev/null && return; sleep 0.1; done
  echo "faults: service not ready; see $out/service.log" >&2; exit 1; }
now() { date +%s.%N; }
first_201_after() { # $1: unix time; prints seconds from it to the first stored post after it
  awk -v t="$1" '$2 == "post" && $3 == 201 && $1 >= t { printf "%.2f", $1 - t; exit }' "$out/load.log"
}
cleanup() { touch "$out/stop"; kill -9 "${app_pid:-0}" 2>/dev/null || true; kill -9 "$(cat "$out/mysqld.pid" 2>/dev/null || echo 0)" 2>/dev/null || true; }
trap cleanup EXIT

echo "faults: starting MariaDB on port $db_port and the service on port $app_port"
mariadb-install-db --no-defaults --datadir="$out/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$out/install.log" 2>&1
start_db
start_app
await_ready

python3 "$here/fault-load.py" "http://127.0.0.1:$app_port" "$user" "$password" "$here/payload-derecho.json" \
  "$out/load.log" "$out/stop" "${FAULT_POSTERS:-4}" "${FAULT_INTERVAL:-0.2}" &
load_pid=$!
sleep "$steady"

echo "faults: kill -9 MariaDB for $down s"
kill_db
db_killed=$(now)
sleep "$down"
start_db
db_back=$(now)
sleep "$steady"

echo "faults: kill -9 the service, restart it under load"
kill -9 "$app_pid"
app_killed=$(now)
start_app
await_ready
app_back=$(now)
sleep "$steady"
touch "$out/stop"
wait "$load_pid"

# What was acknowledged, and what is stored.
awk '$2 == "post" && $3 == 201 { print $4 }' "$out/load.log" | sort -u >"$out/acknowledged.txt"
acknowledged=$(wc -l <"$out/acknowledged.txt")
"${mysql_cmd[@]}" -N hpcstatus -e "SELECT snapshot_id FROM status_snapshot" | sort -u >"$out/stored.txt"
missing=$(comm -23 "$out/acknowledged.txt" "$out/stored.txt" | wc -l)
# The payload has 8 login nodes, 5 queues and 2 filesystems: a snapshot with other counts is half-written.
half=$("${mysql_cmd[@]}" -N hpcstatus -e "SELECT COUNT(*) FROM status_snapshot s WHERE
  (SELECT COUNT(*) FROM login_node_status c WHERE c.snapshot_id = s.snapshot_id) <> 8
  OR (SELECT COUNT(*) FROM queue_status c WHERE c.snapshot_id = s.snapshot_id) <> 5
  OR (SELECT COUNT(*) FROM filesystem_status c WHERE c.snapshot_id = s.snapshot_id) <> 2")
stored=$(wc -l <"$out/stored.txt")
db_recovery=$(first_201_after "$db_back")
app_recovery=$(first_201_after "$app_back")
app_restart=$(awk -v a="$app_killed" -v b="$app_back" 'BEGIN { printf "%.1f", b - a }')

{
  echo "# Fault script: $(date -u +%FT%TZ), database down ${down} s"
  echo
  echo "| answers | count |"
  echo "|---|---|"
  awk '{ n[$2 " " $3]++ } END { for (k in n) print "| " k " | " n[k] " |" }' "$out/load.log" | sort
  echo
  echo "- 500s: $(awk '$3 == 500' "$out/load.log" | wc -l); \`latest\` 404 (\"no data\") after the first stored post: $(awk '$2 == "post" && $3 == 201 { seen = 1 } seen && $2 == "latest" && $3 == 404' "$out/load.log" | wc -l)"
  echo "- refused: the service was not listening (killed, starting); reset: in flight when it was killed"
  echo "- first post stored ${db_recovery:-never} s after the database was back (it was down $(awk -v a="$db_killed" -v b="$db_back" 'BEGIN { printf "%.1f", b - a }') s)"
  echo "- service killed and restarted under load: ready after ${app_restart} s, first post stored ${app_recovery:-never} s after ready"
  echo "- acknowledged (201): $acknowledged; stored: $stored; acknowledged but not stored: $missing; half-written snapshots: $half"
} | tee "$out/report.md"
