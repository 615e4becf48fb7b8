#!/usr/bin/env python3
"""Slow-body attack: N connections send a collector's POST whose body trickles in one byte a second, while the
dashboard is probed. Reports the probes' latencies and what the trickling connections were answered.

    python3 src/bench/slow-bodies.py http://127.0.0.1:8080 USER PASSWORD [connections=250] [seconds=40]
"""
import base64
import socket
import sys
import threading
import time
import urllib.parse

base, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
connections = int(sys.argv[4]) if len(sys.argv) > 4 else 250
seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 40
url = urllib.parse.urlparse(base)
host, port = url.hostname, url.port or 80
auth = base64.b64encode(f"{user}:{password}".encode()).decode()
answers = {}
lock = threading.Lock()
stop = time.monotonic() + seconds


def trickle():
    body = b'{"timestamp": "2026-01-01T00:00:00Z", "pad": "' + b"x" * 2000 + b'"}'
    head = (f"POST /api/v1/status/derecho HTTP/1.1\r\nHost: {host}\r\nAuthorization: Basic {auth}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    outcome = "held open until the end"
    try:
        s = socket.create_connection((host, port), timeout=5)
        s.sendall(head)
        s.settimeout(0.01)
        for byte in body:
            if time.monotonic() > stop:
                break
            try:
                s.sendall(bytes([byte]))
            except OSError:
                outcome = "closed by the server"
                break
            try:
                data = s.recv(200)
                if data:
                    outcome = data.split(b"\r\n")[0].decode(errors="replace")
                    break
                outcome = "closed by the server"
                break
            except socket.timeout:
                pass
            time.sleep(1)
        s.close()
    except OSError as e:
        outcome = "error: " + type(e).__name__
    with lock:
        answers[outcome] = answers.get(outcome, 0) + 1


def probe(path):
    start = time.monotonic()
    try:
        s = socket.create_connection((host, port), timeout=10)
        s.settimeout(10)
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        status = s.recv(100).split(b"\r\n")[0].decode()
        s.close()
        return status, (time.monotonic() - start) * 1000
    except OSError as e:
        return "error: " + type(e).__name__, (time.monotonic() - start) * 1000


threads = [threading.Thread(target=trickle, daemon=True) for _ in range(connections)]
for t in threads:
    t.start()
time.sleep(3)
probes = []
while time.monotonic() < stop - 1:
    probes.append(("/",) + probe("/"))
    probes.append(("/q/health/live",) + probe("/q/health/live"))
    time.sleep(1)
for t in threads:
    t.join(timeout=seconds + 10)
ok = [ms for _, status, ms in probes if " 200" in status]
slowest = sorted(((ms, path) for path, status, ms in probes if " 200" in status), reverse=True)[:3]
print(f"{connections} trickling connections for {seconds} s")
print(f"  their answers: {answers}")
print(f"  probes answered 200: {len(ok)} of {len(probes)}; "
      f"max {max(ok):.0f} ms, median {sorted(ok)[len(ok) // 2]:.0f} ms" if ok else "  no probe answered 200")
print("  slowest probes: " + ", ".join(f"{path} {ms:.0f} ms" for ms, path in slowest))
others = [(path, status) for path, status, _ in probes if " 200" not in status]
if others:
    print(f"  probes not answered 200: {others[:5]}")
