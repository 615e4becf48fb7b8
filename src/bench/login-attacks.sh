#!/usr/bin/env bash
# Login attacks (issue: hard to break): builds the service (this tree, or the commit given, in a scratch worktree),
# starts it on H2 with a bootstrap admin (bcrypt cost 12, as the guide's hashes), and runs src/bench/login-attacks.py:
# name variants, concurrent guesses, unknown user against wrong password, and 50 posts/s with the right password
# while the credential cache expires every CACHE_TTL (default 2S, so that each expiry is a stampede).
#   bash src/bench/login-attacks.sh [git-ref]       Output: target/login-attacks/report.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/target/login-attacks
port=${ATTACK_PORT:-8094}
rm -rf "$out" && mkdir -p "$out"
. src/bench/lib.sh  # the post limit lifted: what is attacked here is the login, not the post rate
src=$root
if [ -n "${1:-}" ]; then
  git worktree add -f --detach "$out/src" "$1" >/dev/null
  src=$out/src
  trap 'git -C "$root" worktree remove --force "$out/src"' EXIT
fi
echo "login-attacks: building ${1:-this tree}"
(cd "$src" && ./mvnw -B -q package -DskipTests >/dev/null && cp -r target/quarkus-app "$out/app")
(cd "$out" && exec env "${BENCH_SERVICE_ENV[@]}" HPCSTATUS_SECURITY_CREDENTIAL_CACHE_TTL=${CACHE_TTL:-2S} \
  QUARKUS_HTTP_PORT=$port HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=attack-admin \
  HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=attack-admin-password \
  java $BENCH_JAVA_OPTS -jar app/quarkus-run.jar >"$out/service.log" 2>&1) &
app=$!  # the subshell exec'd java: this is the service's own pid
trap 'kill $app 2>/dev/null || true; [ -n "${1:-}" ] && git -C "$root" worktree remove --force "$out/src" || true' EXIT
for _ in $(seq 1 600); do curl -sf "localhost:$port/q/health/ready" >/dev/null && break; sleep 0.1; done
python3 src/bench/login-attacks.py "$port" "$app" attack-admin attack-admin-password src/bench/payload-derecho.json \
  | tee "$out/report.txt"
