#!/usr/bin/env bash
# Checks the Grafana dashboard against a real Prometheus: starts the service (H2, in a scratch folder), posts the
# deployed collectors' payloads (Derecho, Casper, JupyterHub) and an outage, lets Prometheus scrape /q/metrics, then
# runs every query of hpc-status-dashboard.json (with $system set to a system the panel is about) through
# Prometheus' HTTP API. Fails when a query is refused or a panel shows no series; prints what each returned, the
# exposition lint (promtool check metrics) and the scrape's series for Derecho.
#   bash docker/grafana/check-queries.sh     (needs prometheus and promtool: apt-get install prometheus)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v prometheus >/dev/null || { echo "check: prometheus is not installed (apt-get install prometheus)"; exit 1; }
work=target/grafana-check
rm -rf "$work" && mkdir -p "$work"
port=8093
prom_port=9093
admin=check-admin
password=check-admin-password

# target/quarkus-app may hold the MariaDB build (after run.sh or -Dquarkus.profile=mariadb): the H2 one is needed.
ls target/quarkus-app/lib/main/com.h2database.h2-*.jar >/dev/null 2>&1 || ./mvnw -B -q package -DskipTests
QUARKUS_HTTP_PORT=$port QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$PWD/$work/db;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME=$admin HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD=$password \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/app.log" 2>&1 &
app=$!
prom=""
trap 'kill $app ${prom:-} 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 0.2; done

post() { # $1: system, $2: payload file; the collector's timestamp becomes now
  python3 -c 'import json, sys, datetime
d = json.load(open(sys.argv[1])); d["timestamp"] = datetime.datetime.now(datetime.timezone.utc).isoformat()
print(json.dumps(d))' "$2" | curl -fsS -o /dev/null -w "check: POST $1 -> %{http_code}\n" -u "$admin:$password" \
    -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$port/api/v1/status/$1"
}
post derecho src/test/resources/payloads/deployed/derecho-busy-day.json
post casper src/test/resources/payloads/deployed/casper.json
post jupyterhub src/test/resources/payloads/deployed/jupyterhub.json
curl -fsS -o /dev/null -w "check: POST outage -> %{http_code}\n" -u "$admin:$password" -H 'Content-Type: application/json' \
  -d '{"system_name": "casper", "title": "GPU nodes draining", "severity": "minor", "status": "investigating"}' \
  "http://127.0.0.1:$port/api/v1/status/outage"
sleep 3 # the board watch publishes the gauges within its poll period (2 s)

cat > "$work/prometheus.yml" <<EOF
global: {scrape_interval: 2s}
scrape_configs:
  - job_name: hpc-status
    metrics_path: /q/metrics
    static_configs: [{targets: ["127.0.0.1:$port"]}]
EOF
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
  --web.listen-address="127.0.0.1:$prom_port" > "$work/prometheus.log" 2>&1 &
prom=$!
sleep 12 # several scrapes, so that rate() over them has two points

curl -fsS "http://127.0.0.1:$port/q/metrics" > "$work/scrape.txt"
# promtool 2.42 expects a counter's family to be named with _total, as newer formats do, and notes the JVM and
# HTTP meters Micrometer describes without help: the lines about this service's own (hpcstatus_) meters are shown.
promtool check metrics < "$work/scrape.txt" > "$work/lint.txt" 2>&1 || true
grep -q '^error' "$work/lint.txt" && { cat "$work/lint.txt"; exit 1; }
echo "check: promtool check metrics: the scrape parses; $(wc -l < "$work/lint.txt") lint notes, on hpcstatus_ meters:"
grep '^hpcstatus_' "$work/lint.txt" | sed 's/^/  /' || echo "  none"
echo "check: Prometheus targets: $(curl -fsS "http://127.0.0.1:$prom_port/api/v1/targets" | python3 -c 'import json, sys
print([t["health"] for t in json.load(sys.stdin)["data"]["activeTargets"]])')"

python3 - "$prom_port" <<'EOF'
import json, sys, urllib.parse, urllib.request
port = sys.argv[1]
dashboard = json.load(open("docker/grafana/hpc-status-dashboard.json"))
# The system each panel is about: the hub panel shows JupyterHub, the others a cluster.
def system_for(title):
    return "jupyterhub" if "JupyterHub" in title else "derecho"
failed = 0
for panel in dashboard["panels"]:
    found = 0
    for target in panel.get("targets", []):
        expr = target["expr"].replace("$system", system_for(panel["title"]))
        url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
        answer = json.load(urllib.request.urlopen(url))
        series = answer["data"]["result"] if answer["status"] == "success" else []
        failed += answer["status"] != "success"
        found += len(series)
        print(f"  {answer['status']:7s} {len(series):3d} series  {expr}")
    failed += not found
    print(f"{'ok  ' if found else 'FAIL'} {panel['title']}")
variable = dashboard["templating"]["list"][0]["query"]["query"]
values = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/label/system/values"))["data"]
print(f"  variable {variable}: {values}")
sys.exit(1 if failed else 0)
EOF
echo "check: the scrape's series for derecho:"
grep -E '^hpcstatus_[a-z_]+\{[^}]*system="derecho"' "$work/scrape.txt" | sort
