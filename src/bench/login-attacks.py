#!/usr/bin/env python3
"""Login attacks against a running service (src/bench/login-attacks.sh starts one): prints, for each, the answers by
status, the service's CPU-seconds (from /proc/PID/stat) and wall time.

    python3 src/bench/login-attacks.py PORT PID USER PASSWORD PAYLOAD
USER/PASSWORD: a real credential (the bootstrap admin, bcrypt cost 12). Guesses come from 127.0.0.x source
addresses, a fresh one per attack, so that the attacks do not throttle each other.
"""
import base64
import datetime
import json
import os
import socket
import statistics
import sys
import threading
import time

port, pid, user, password, payload_file = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
payload = json.load(open(payload_file))
ticks = os.sysconf("SC_CLK_TCK")
stamp = [datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)]
stamp_lock = threading.Lock()


def cpu_seconds():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def body():
    with stamp_lock:
        stamp[0] -= datetime.timedelta(seconds=1)
        return json.dumps(dict(payload, timestamp=stamp[0].isoformat().replace("+00:00", "Z"))).encode()


def post(source, name, secret, data=b"{}", timeout=60):
    auth = base64.b64encode(f"{name}:{secret}".encode()).decode()
    head = (f"POST /api/v1/status/derecho HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {auth}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode()
    start = time.monotonic()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(source, 0))
        s.sendall(head + data)
        line = s.makefile("rb").readline().decode()
        s.close()
        return int(line.split()[1]), time.monotonic() - start
    except OSError:
        return "timeout", time.monotonic() - start


def run(title, jobs, concurrency):
    results, lock = [], threading.Lock()
    pending = list(jobs)

    def worker():
        while True:
            with lock:
                if not pending:
                    return
                job = pending.pop(0)
            outcome = job()
            with lock:
                results.append(outcome)

    cpu, wall = cpu_seconds(), time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu, wall = cpu_seconds() - cpu, time.monotonic() - wall
    codes = {}
    for code, _ in results:
        codes[code] = codes.get(code, 0) + 1
    times = sorted(t for _, t in results)
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{title}: {dict(sorted(codes.items(), key=str))}; {cpu:.1f} CPU-s in {wall:.1f} s;"
          f" p50 {statistics.median(times) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    return results


variants = [user, user.upper(), user.capitalize(), user + " ", " " + user]
run("300 guesses, one address, name in 5 case/space variants",
    [lambda i=i: post("127.0.0.21", variants[i % 5], f"guess-{i}") for i in range(300)], 1)
run("100 concurrent guesses, one address", [lambda i=i: post("127.0.0.22", user, f"c-{i}") for i in range(100)], 100)
unknown = run("10 unknown users (one at a time)", [lambda i=i: post(f"127.0.0.{30 + i}", f"nobody-{i}", "x")
                                                   for i in range(10)], 1)
wrong = run("10 wrong passwords (one at a time)", [lambda i=i: post(f"127.0.0.{40 + i}", user, f"w-{i}")
                                                   for i in range(10)], 1)
print(f"  unknown user median {statistics.median(t for _, t in unknown) * 1000:.0f} ms,"
      f" wrong password median {statistics.median(t for _, t in wrong) * 1000:.0f} ms")


def paced(i):
    # 50 posts/s: post i leaves at i/50 s after the start
    delay = start_at + i / 50 - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    return post(f"127.0.1.{1 + i % 200}", user, password, body(), timeout=30)


start_at = time.monotonic() + 0.5
run("correct password, 50 posts/s for 20 s (credential cache TTL as configured)", [lambda i=i: paced(i)
                                                                                    for i in range(1000)], 200)
