#!/usr/bin/env bash
# What the per-user rows cost a collector's post, and what they cost the database. Posts ROUNDS newest snapshots
# of a full Derecho 5 minutes apart, sequentially as a collector does, on a fresh MariaDB database: once with the
# deployed collector's 600 user/project rows (a tenth of them changing between posts), once with the 5,000 rows of
# a busy day, once without any. Prints the median and slowest post time of each, and the rows stored.
#   bash src/bench/present-rows.sh [ROUNDS (30)]        (needs the MariaDB server, python3 and curl)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
rounds=${1:-30}
out=target/bench-present
port=8091
mysql_cmd=(mysql --protocol=tcp -h 127.0.0.1 -u "${BENCH_MARIADB_USER:-root}" ${BENCH_MARIADB_PASSWORD:+-p"$BENCH_MARIADB_PASSWORD"})
rm -rf "$out" && mkdir -p "$out"
./mvnw -B -q package -DskipTests -Dquarkus.profile=mariadb >/dev/null

# payload files: <variant>-<i>.json, each 5 minutes after the one before, the newest ending now
python3 - "$out" "$rounds" <<'PY'
import json, sys, random, datetime
out, rounds = sys.argv[1], int(sys.argv[2])
random.seed(1)
full = json.load(open('src/test/resources/payloads/deployed/derecho-full-machine.json'))
busy = json.load(open('src/test/resources/payloads/deployed/derecho-busy-day.json'))
start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5 * rounds)
for variant, base in (('users600', full), ('users5000', busy), ('nousers', dict(full, user_project_queues=[]))):
    rows = [dict(r) for r in base['user_project_queues']]
    for i in range(rounds):
        for r in random.sample(rows, len(rows) // 10):
            r['running_jobs'] = random.randint(0, 9)
        payload = dict(base, user_project_queues=rows, timestamp=(start + datetime.timedelta(minutes=5 * i)).isoformat())
        for res in payload.get('reservations', []):
            res['system_name'] = 'derecho'
        json.dump(payload, open('%s/%s-%d.json' % (out, variant, i), 'w'))
PY

for variant in users600 users5000 nousers; do
  "${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS hpcstatus_bench; CREATE DATABASE hpcstatus_bench"
  env "${BENCH_SERVICE_ENV[@]}" QUARKUS_HTTP_PORT=$port \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/hpcstatus_bench \
    QUARKUS_DATASOURCE_USERNAME="${BENCH_MARIADB_USER:-root}" QUARKUS_DATASOURCE_PASSWORD="${BENCH_MARIADB_PASSWORD:-}" \
    HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=bench-admin HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=bench-admin-password \
    java $BENCH_JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$out/app-$variant.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done
  for i in $(seq 0 $((rounds - 1))); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -u bench-admin:bench-admin-password \
      -H 'Content-Type: application/json' --data-binary @"$out/$variant-$i.json" \
      "http://127.0.0.1:$port/api/v1/status/derecho" >> "$out/times-$variant"
  done
  spans=$("${mysql_cmd[@]}" -N -e "SELECT COUNT(*) FROM hpcstatus_bench.user_load_span")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # the first post pays for the JIT warming up and for creating every lookup row: reported, not in the median
  awk -v v="$variant" -v n="$rounds" -v spans="$spans" '$1 != 201 {bad++} NR == 1 {first = $2}
    NR > 1 {t[NR - 1] = $2} END {m = asort(t); printf "%s: %d posts (%d not 201), first %.0f ms, then median %.0f ms,"\
      " slowest %.0f ms; user_load_span rows: %d\n", v, n, bad, first * 1000, t[int((m + 1) / 2)] * 1000, t[m] * 1000, spans}' \
    "$out/times-$variant"
  bad=$(awk '$1 != 201' "$out/times-$variant" | wc -l)
  [ "$bad" -eq 0 ] || bench_fail "$variant: $bad posts were not answered 201"
done
