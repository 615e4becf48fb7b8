#!/usr/bin/env bash
# Runs docker/kubernetes/hpc-status.yaml with podman kube play, as a single-node Kubernetes would, and checks it:
# both replicas become ready on one MariaDB, a post through one is read through the other, and one replica restarted
# (SIGTERM, then started again) while a collector posts every second loses no accepted post.
#   bash docker/kubernetes/check-kube-play.sh      (after docker/check-image.sh, which builds localhost/hpc-status:check)
# Environment: KUBE_CHECK_SECONDS (40), how long the collector posts during the restart.
#
# What podman 4.3 (Debian bookworm) cannot play, and how this script stands in for it:
# - kind Secret: podman reads secretKeyRef/secretRef from a podman secret holding a JSON map of base64 values; this
#   script makes that secret from the manifest's Secret, with the test database's address and passwords.
# - kind Service and PodDisruptionBudget: not played; the posting loop sends each post to a replica that answers
#   /q/health/ready, round robin, and retries on the other one, as a Service's ready endpoints and a collector would.
# - ports: podman publishes a containerPort on the host (Kubernetes never does), so two replicas would collide on
#   :8080; the played copy leaves the container's ports out. readinessProbe and startupProbe are not run by podman,
#   nor is livenessProbe without systemd: this script waits for /q/health/ready itself.
# - The database: a private mariadbd on port 13307 (every address, a random password, a fresh data directory)
#   that the pods reach through their network's gateway, 10.90.0.1.
# This VM's podman needs the runc runtime and explicit ulimits: a containers.conf of this script's own says so.
set -euo pipefail
cd "$(dirname "$0")/../.."
manifest=docker/kubernetes/hpc-status.yaml
seconds=${KUBE_CHECK_SECONDS:-40}
work=$(mktemp -d)
db_port=13307
network=hpcstatus-kube
gateway=10.90.0.1
image=localhost/hpc-status:latest
t0=$(date +%s)
say() { echo "check-kube: $*"; }
fail() {
  say "FAILED: $*"
  for pod in 0 1; do podman logs "hpc-status-pod-$pod-hpc-status" 2>&1 | tail -15 | sed "s/^/  pod-$pod: /" || true; done
  exit 1
}

cat > "$work/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=16384:16384"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$work/containers.conf

db_pid=
loop=
cleanup() {
  set +e
  [ -n "$loop" ] && kill "$loop" 2>/dev/null
  podman kube down "$work/played.yaml" >/dev/null 2>&1
  podman secret rm hpc-status >/dev/null 2>&1
  if [ -n "$db_pid" ]; then
    kill "$db_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

podman image exists localhost/hpc-status:check || fail "no image localhost/hpc-status:check: run docker/check-image.sh first"
podman tag localhost/hpc-status:check "$image"
podman network exists "$network" || podman network create --subnet 10.90.0.0/24 --gateway "$gateway" "$network" >/dev/null

say "starting a private MariaDB on port $db_port"
db_password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
mariadb-install-db --no-defaults --datadir="$work/db" --user="$(id -un)" --auth-root-authentication-method=socket \
  >"$work/db-install.log" 2>&1 || fail "mariadb-install-db: $(tail -3 "$work/db-install.log")"
/usr/sbin/mariadbd --no-defaults --datadir="$work/db" --user="$(id -un)" --port=$db_port --bind-address=0.0.0.0 \
  --socket="$work/db.sock" --pid-file="$work/db.pid" --log-error="$work/db.log" 2>>"$work/db.log" &
db_pid=$!
sql() { mysql --socket="$work/db.sock" -u root -N -e "$1"; }
for _ in $(seq 1 60); do sql "SELECT 1" >/dev/null 2>&1 && break; sleep 0.5; done
sql "CREATE DATABASE hpcstatus; CREATE USER 'hpcstatus'@'%' IDENTIFIED BY '$db_password';
     GRANT ALL ON hpcstatus.* TO 'hpcstatus'@'%'" || fail "the private MariaDB did not start"

# The Secret's stringData, with the test database and passwords, as the JSON map podman reads.
admin_password=kube-check-admin-password
{
  echo "{"
  awk '/^kind: Secret/ {s = 1} s && /^---/ {s = 0} s && d && /^  [A-Z_]+:/ {print} s && /^stringData:/ {d = 1}' "$manifest" |
    while IFS=': ' read -r key value; do
      case $key in
        QUARKUS_DATASOURCE_JDBC_URL) value=jdbc:mariadb://$gateway:$db_port/hpcstatus ;;
        QUARKUS_DATASOURCE_PASSWORD) value=$db_password ;;
        HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD) value=$admin_password ;;
      esac
      printf '"%s": "%s",\n' "$key" "$(printf %s "$value" | base64 -w0)"
    done
  echo '"_": ""}'
} > "$work/secret.json"
grep -q QUARKUS_DATASOURCE_USERNAME "$work/secret.json" || fail "no Secret with stringData in $manifest"
podman secret rm hpc-status >/dev/null 2>&1 || true
podman secret create hpc-status "$work/secret.json" >/dev/null

# Every document podman plays (ConfigMap, Deployment), the container's ports left out.
awk 'BEGIN {RS = "\n---\n"; ORS = "\n---\n"} /\nkind: (ConfigMap|Deployment)\n/' "$manifest" |
  awk '/^ *ports:$/ {skip = 1; next} skip && /^ *- \{name: http, containerPort/ {next} {skip = 0; print}' > "$work/played.yaml"
say "playing the ConfigMap and the Deployment ($(awk '/replicas:/ {print $2}' "$work/played.yaml") replicas)"
podman kube play --replace --network "$network" "$work/played.yaml" >"$work/play.log" 2>&1 ||
  fail "podman kube play: $(grep -v 'systemd\|syslog' "$work/play.log" | tail -5)"

# A replica's address, as a Service's endpoints know it: a restarted pod may come back at another one.
address() { podman inspect "$(podman pod inspect "hpc-status-pod-$1" --format '{{.InfraContainerID}}' 2>/dev/null)" \
  --format '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' 2>/dev/null || true; }
ready() { local at; at=$(address "$1"); [ -n "$at" ] && curl -fs -m 2 -o /dev/null "http://$at:8080/q/health/ready"; }
wait_ready() {
  for _ in $(seq 1 240); do ready "$1" && return 0; sleep 0.5; done
  fail "replica $1 not ready after 120 s"
}
wait_ready 0
wait_ready 1
a0=$(address 0); a1=$(address 1)
say "both replicas ready after $(( $(date +%s) - t0 )) s: pod-0 at $a0, pod-1 at $a1"

for pod in 0 1; do
  ctr=hpc-status-pod-$pod-hpc-status
  uid=$(podman exec "$ctr" id -u)
  [ "$uid" = 10001 ] || fail "pod-$pod runs as uid $uid"
  [ "$(podman inspect "$ctr" --format '{{.HostConfig.ReadonlyRootfs}}')" = true ] || fail "pod-$pod: root filesystem writable"
done
memory=$(podman inspect hpc-status-pod-0-hpc-status --format '{{.HostConfig.Memory}}')
heap=$(podman exec hpc-status-pod-0-hpc-status sh -c 'java $JAVA_OPTS -XX:+PrintFlagsFinal -version' 2>/dev/null |
  awk '$2 == "MaxHeapSize" {printf "%d", $4 / 1048576}')
say "each replica: uid 10001, read-only root, memory limit $(( memory / 1048576 )) MiB, JVM heap limit $heap MiB"

post() { # post REPLICA_ADDRESS RUNNING_JOBS -> HTTP status (000: no answer)
  curl -s -m 10 -o /dev/null -w '%{http_code}' -u "admin:$admin_password" -H 'Content-Type: application/json' \
    -d "{\"timestamp\": \"$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)\", \"cpu_nodes_total\": 2488, \"cpu_nodes_available\": 1850,
         \"gpu_nodes_total\": 82, \"gpu_nodes_available\": 45, \"running_jobs\": $2, \"pending_jobs\": 328}" \
    "http://$1:8080/api/v1/status/derecho" || true
}
[ "$(post "$a0" 1001)" = 201 ] || fail "a post through pod-0 was refused"
latest=$(curl -fs "http://$a1:8080/api/v1/status/derecho/latest") || fail "pod-1 does not answer the read API"
echo "$latest" | grep -q '"running_jobs":1001' || fail "pod-1 does not read pod-0's post: $latest"
curl -fs "http://$a1:8080/status/derecho" | grep -c "1,001" >/dev/null || fail "pod-1's dashboard does not show the post"
say "posted through pod-0 (running_jobs 1001), read through pod-1: API and dashboard show it"

# A collector posts every second, each post to a ready replica in turn and, refused, to the other; meanwhile pod-1
# is stopped with SIGTERM and started again. Which replicas are ready is looked at every 5 s, as the readinessProbe
# does (periodSeconds 5), so that posts still reach a replica that has just stopped, as they would through a Service
# whose endpoints lag.
log=$work/posts.log
: > "$log"
(
  for i in $(seq 1 "$seconds"); do
    started=$(date +%s%N)
    if [ $(( i % 5 )) = 1 ]; then
      up0=0; up1=0
      ready 0 && up0=1
      ready 1 && up1=1
    fi
    target=$(( i % 2 )); passed=
    if [ "$target" = 1 ] && [ "$up1" = 0 ] || [ "$target" = 0 ] && [ "$up0" = 0 ]; then
      target=$(( 1 - target )); passed=passed-over
    fi
    code=$(post "$(address "$target")" $(( 2000 + i )))
    echo "$i pod-$target $code $passed" >> "$log"
    if [ "$code" != 201 ]; then
      target=$(( 1 - target ))
      code=$(post "$(address "$target")" $(( 2000 + i )))
      echo "$i pod-$target $code retry" >> "$log"
    fi
    left=$(( 1000 - ($(date +%s%N) - started) / 1000000 ))
    [ "$left" -gt 0 ] && sleep "$(printf '0.%03d' "$left")"
  done
) &
loop=$!
sleep 7
restart_at=$(date +%s%N)
podman stop --time 30 hpc-status-pod-1-hpc-status >/dev/null
stopped=$(( ($(date +%s%N) - restart_at) / 1000000 ))
podman logs hpc-status-pod-1-hpc-status 2>&1 | grep -q "stopped in" || fail "pod-1 did not stop cleanly on SIGTERM"
podman start hpc-status-pod-1-hpc-status >/dev/null
wait_ready 1
back=$(( ($(date +%s%N) - restart_at) / 1000000 ))
wait "$loop"

accepted=$(awk '$3 == 201' "$log" | wc -l)
answered_by_1=$(awk '$3 == 201 && $2 == "pod-1"' "$log" | wc -l)
refused=$(awk '$3 != 201' "$log" | wc -l)
passed_over=$(grep -c passed-over "$log" || true)
refusals=$(awk '$3 != 201 {print ($3 == "000" ? "no answer" : $3)}' "$log" | sort | uniq -c | sed 's/^ *//' | paste -sd, -)
unanswered=$(awk '$3 != 201 && $4 != "retry" {print $1}' "$log" | while read -r i; do
  grep -q "^$i .* 201 retry$" "$log" || echo "$i"; done | wc -l)
stored=$(sql "SELECT COUNT(*) FROM hpcstatus.status_snapshot s JOIN hpcstatus.hpc_system h ON h.system_id = s.system_id
             WHERE h.name = 'derecho' AND s.running_jobs > 2000")
say "pod-1: stopped $stopped ms after SIGTERM, ready again $back ms after it, at $(address 1)"
say "collector: $seconds posts, $accepted accepted ($answered_by_1 by pod-1); $passed_over sent to pod-0 instead of a" \
  "pod-1 not ready; $refused attempts refused or unanswered (${refusals:-none}) and retried on the other replica; $unanswered posts lost" \
  "to the client; stored: $stored"
[ "$unanswered" = 0 ] || fail "$unanswered posts were refused by both replicas"
[ "$stored" = "$accepted" ] || fail "$accepted posts accepted but $stored stored"
[ "$accepted" = "$seconds" ] || fail "$accepted of $seconds posts accepted"
say "no accepted post lost; the whole check took $(( $(date +%s) - t0 )) s"
