#!/usr/bin/env bash
# The collector's run time and memory on a large cluster's output: 2,500 nodes and 10,000 jobs (NODES, JOBS), as
# Slurm and as PBS print them (src/bench/collector-outputs.py), fed through stand-in commands that print those files,
# so that what is measured is the collector (start, parse, build the payload), not a scheduler. Runs the jar
# ROUNDS times per scheduler with --print and reports the median and slowest wall time and the largest resident
# memory (GNU time's %M). Any run that does not exit 0 fails the benchmark.
#   bash src/bench/collector-bench.sh [ROUNDS (10)]      (builds the jar first unless target/hpc-status-collector.jar exists)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-10}
nodes=${NODES:-2500}
jobs=${JOBS:-10000}
out=target/bench-collector
jar=target/hpc-status-collector.jar
# As the shipped systemd unit and crontab run it: a small heap, the quick JIT tier only, the serial collector.
java_opts=${COLLECTOR_JAVA_OPTS:--Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests >/dev/null
rm -rf "$out" && mkdir -p "$out/bin"
python3 src/bench/collector-outputs.py "$out" "$nodes" "$jobs"
fake() { printf '#!/bin/sh\n%s\n' "$2" > "$out/bin/$1"; chmod +x "$out/bin/$1"; }
fake sinfo "cat '$out/sinfo.txt'"
fake squeue "cat '$out/squeue.txt'"
fake scontrol "case \"\$2\" in partition) cat '$out/partitions.txt' ;; *) cat '$out/reservations.txt' ;; esac"
fake sacct "cat '$out/sacct.txt'"
fake pbsnodes "cat '$out/pbsnodes.json'"
fake qstat "case \" \$* \" in *' -Q '*) cat '$out/qstat-queues.json' ;; *) cat '$out/qstat-jobs.json' ;; esac"
fake pbs_rstat "cat '$out/pbs_rstat.txt'"
for scheduler in slurm pbs; do
  cat > "$out/$scheduler.yaml" <<YAML
service: {url: "http://127.0.0.1:9", credentials_file: none}
system: {name: bench, kind: cluster}
scheduler: $scheduler
cpu_partitions: [main, develop, cpu, cpudev]
gpu_partitions: [gpu]
commands: {path: [$(pwd)/$out/bin]}
YAML
  times=()
  max_rss=0
  for _ in $(seq 1 "$rounds"); do
    /usr/bin/time -f '%e %M' -o "$out/time" java $java_opts -jar "$jar" --config "$out/$scheduler.yaml" --print \
      > "$out/payload-$scheduler.json" 2> "$out/log-$scheduler.txt" || { cat "$out/log-$scheduler.txt"; exit 1; }
    read -r seconds rss_kb < <(tail -1 "$out/time")
    times+=("$seconds")
    [ "$rss_kb" -gt "$max_rss" ] && max_rss=$rss_kb
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk -v n="${#times[@]}" 'NR == int((n + 1) / 2)')
  slowest=$(echo "$sorted" | tail -1)
  echo "| $scheduler, $nodes nodes, $jobs jobs | $median s | $slowest s | $((max_rss / 1024)) MiB | $(wc -c < "$out/payload-$scheduler.json") bytes |"
  echo "  $(tail -1 "$out/log-$scheduler.txt")"
done
