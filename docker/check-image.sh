#!/usr/bin/env bash
# Builds the service's image and runs it as a site would, without a container registry: the base image is made with
# mmdebstrap (Debian bookworm, openjdk-17-jre-headless, from this machine's own apt sources) and imported into
# podman once; the image is built on it from target/mariadb-app (./mvnw package first). Then it runs, with host
# networking against the MariaDB server at 127.0.0.1:3306 and a read-only root filesystem, and is checked: ready,
# the overview answers, a collector's post is stored and shown, the process is not root, nothing was written
# outside /tmp, and SIGTERM stops it cleanly. Any failure stops the script with a non-zero exit.
#   bash docker/check-image.sh        (needs podman, runc and mmdebstrap: apt-get install podman runc mmdebstrap)
# Environment: CHECK_DB_USER (root), CHECK_DB_PASSWORD (""), CHECK_PORT (18090), BASE_IMAGE (to skip mmdebstrap).
# This VM's podman needs --runtime runc (crun fails on its hybrid cgroups) and explicit ulimits (rootful podman
# cannot raise RLIMIT_NOFILE past its own).
set -euo pipefail
cd "$(dirname "$0")/.."
db_user=${CHECK_DB_USER:-root}
db_password=${CHECK_DB_PASSWORD:-}
port=${CHECK_PORT:-18090}
base=${BASE_IMAGE:-localhost/hpcstatus-jre:17}
image=localhost/hpc-status:check
name=hpc-status-check
podman=(podman --runtime runc)
t0=$(date +%s)
say() { echo "check-image: $*"; }
fail() { say "FAILED: $*"; "${podman[@]}" logs "$name" 2>&1 | tail -30 || true; exit 1; }

[ -f target/mariadb-app/quarkus-run.jar ] || fail "no target/mariadb-app: run ./mvnw -B package -DskipTests first"
if ! "${podman[@]}" image exists "$base"; then
  say "making the base image $base with mmdebstrap (about a minute)"
  rootfs=$(mktemp -d)
  mmdebstrap --quiet --variant=minbase --include=openjdk-17-jre-headless bookworm "$rootfs/rootfs.tar"
  "${podman[@]}" import --quiet "$rootfs/rootfs.tar" "$base" >/dev/null
  rm -rf "$rootfs"
fi
say "building $image on $base"
"${podman[@]}" build --quiet --pull=never --build-arg BASE_IMAGE="$base" -f docker/Dockerfile.jvm -t "$image" . >/dev/null
say "image: $("${podman[@]}" image inspect "$image" --format '{{.Size}}' | awk '{printf "%.0f MB", $1 / 1e6}')"

mysql --protocol=tcp -h 127.0.0.1 -u "$db_user" ${db_password:+-p"$db_password"} \
  -e "DROP DATABASE IF EXISTS hpcstatus_image; CREATE DATABASE hpcstatus_image"
"${podman[@]}" rm -f "$name" >/dev/null 2>&1 || true
trap '"${podman[@]}" rm -f "$name" >/dev/null 2>&1 || true' EXIT
"${podman[@]}" run -d --name "$name" --network host --read-only \
  --ulimit nofile=20000:20000 --ulimit nproc=16384:16384 \
  -e QUARKUS_HTTP_PORT="$port" \
  -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:mariadb://127.0.0.1:3306/hpcstatus_image \
  -e QUARKUS_DATASOURCE_USERNAME="$db_user" -e QUARKUS_DATASOURCE_PASSWORD="$db_password" \
  -e HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=admin -e HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=image-check-password \
  "$image" >/dev/null
url=http://127.0.0.1:$port
for i in $(seq 1 120); do curl -fs -o /dev/null "$url/q/health/ready" && break; sleep 0.5; done
curl -fs -o /dev/null "$url/q/health/ready" || fail "not ready after 60 s"
say "ready after $(( $(date +%s) - t0 )) s from the start of the check"
page() { curl -fs "$url$1" || true; }   # read whole: grep -q ending the pipe early would fail it under pipefail
page / | grep -c "Derecho" >/dev/null || fail "the overview does not name Derecho"
answer=$(curl -fs -u admin:image-check-password -H 'Content-Type: application/json' \
  -d '{"cpu_nodes_total": 2488, "cpu_nodes_available": 1850, "gpu_nodes_total": 82, "gpu_nodes_available": 45,
       "running_jobs": 1245, "pending_jobs": 328}' "$url/api/v1/status/derecho") || fail "a collector's post was refused"
say "post: $answer"
page /status/derecho | grep -c "1,245" >/dev/null || fail "the dashboard does not show the post's 1,245 running jobs"
uid=$("${podman[@]}" exec "$name" id -u)
[ "$uid" = 10001 ] || fail "the process runs as uid $uid, not 10001"
say "runs as uid $uid, root filesystem read-only: $("${podman[@]}" inspect "$name" --format '{{.HostConfig.ReadonlyRootfs}}')"
changed=$("${podman[@]}" diff "$name" | grep -v -E '^[ACD] /(tmp|run|dev|proc|sys|etc/(hosts|hostname|resolv.conf))|^C /etc$' || true)
[ -z "$changed" ] || fail "wrote outside /tmp: $changed"
"${podman[@]}" stop -t 20 "$name" >/dev/null
status=$("${podman[@]}" inspect "$name" --format '{{.State.ExitCode}}')
"${podman[@]}" logs "$name" 2>&1 | grep -q "stopped in" || fail "no clean shutdown in the log (exit $status)"
[ "$status" = 0 ] || [ "$status" = 143 ] || fail "exit status $status after SIGTERM"
say "SIGTERM: stopped cleanly (exit $status); the whole check took $(( $(date +%s) - t0 )) s"
