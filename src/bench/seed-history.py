#!/usr/bin/env python3
"""Posts DAYS of 5-minute snapshots for a Derecho-shaped system through the ingest API, ending now, with a daily
rhythm in the figures and an hour of silence (a gap) a day. For looking at charts on a service started by hand:

    python3 src/bench/seed-history.py http://localhost:8080 derecho admin change-me-please 2
"""
import base64, json, math, sys, threading, urllib.request
from datetime import datetime, timedelta, timezone

base, system, user, password, days = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
steps = int(days * 288)
times = [now - timedelta(minutes=5 * i) for i in range(steps, 0, -1)]

def payload(t):
    phase = math.sin((t.hour + t.minute / 60) / 24 * 2 * math.pi)
    busy = int(2000 + 400 * phase)
    return {"timestamp": t.isoformat().replace("+00:00", "Z"),
            "cpu_nodes_total": 2488, "cpu_nodes_available": 2488 - busy - 15, "cpu_nodes_down": 15, "cpu_nodes_reserved": 0,
            "gpu_nodes_total": 82, "gpu_nodes_available": 20 + int(10 * phase), "gpu_nodes_down": 2,
            "cpu_utilization_percent": round(80 + 15 * phase, 1), "gpu_utilization_percent": round(60 + 30 * phase, 1),
            "memory_utilization_percent": round(55 + 10 * phase, 1),
            "running_jobs": 1200 + int(200 * phase), "pending_jobs": 300 + int(250 * phase), "held_jobs": 40,
            "queues": [{"queue_name": "main", "running_jobs": 900, "pending_jobs": 200 + int(200 * phase)}]}

todo = [t for t in times if t.hour != 3]  # a silent hour a day
lock = threading.Lock()
codes = {}

def worker():
    while True:
        with lock:
            if not todo:
                return
            t = todo.pop()
        request = urllib.request.Request(f"{base}/api/v1/status/{system}", data=json.dumps(payload(t)).encode(),
                                         headers={"Content-Type": "application/json", "Authorization": auth})
        try:
            code = urllib.request.urlopen(request, timeout=30).status
        except urllib.error.HTTPError as e:
            code = e.code
        with lock:
            codes[code] = codes.get(code, 0) + 1

threads = [threading.Thread(target=worker) for _ in range(8)]
[t.start() for t in threads]
[t.join() for t in threads]
print("posted", codes)
