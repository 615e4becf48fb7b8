#!/usr/bin/env python3
"""Steady collector load for src/bench/faults.sh: THREADS posters, each posting the guide's Derecho example with a
timestamp of its own every INTERVAL seconds, and a reader of each of `latest`, `outages`, `summary`, the overview
page and Derecho's page, until the file STOP exists. Every answer is one line of LOG: unix time, what, HTTP status
(or refused / reset / timeout: no HTTP answer), status_id of a 201.

    python3 src/bench/fault-load.py BASE_URL USER PASSWORD PAYLOAD LOG STOP [threads=4] [interval=0.2]
"""
import base64
import datetime
import json
import sys
import threading
import time
import urllib.error
import urllib.request

base, user, password, payload_file, log_file, stop_file = sys.argv[1:7]
threads = int(sys.argv[7]) if len(sys.argv) > 7 else 4
interval = float(sys.argv[8]) if len(sys.argv) > 8 else 0.2
payload = json.load(open(payload_file))
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
lock = threading.Lock()
log = open(log_file, "w", buffering=1)
start = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
counter = [0]


def stopped():
    try:
        open(stop_file).close()
        return True
    except OSError:
        return False


def record(what, outcome, status_id=""):
    with lock:
        log.write(f"{time.time():.3f} {what} {outcome} {status_id}\n")


def next_timestamp():
    with lock:
        counter[0] += 1
        # distinct instants, one second apart, counting back from the start so none lies in the future
        return (start - datetime.timedelta(seconds=counter[0])).isoformat().replace("+00:00", "Z")


def request(req, what):
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            body = answer.read()
            status_id = json.loads(body).get("status_id", "") if what == "post" else ""
            record(what, answer.status, status_id)
    except urllib.error.HTTPError as e:
        record(what, e.code)
    except urllib.error.URLError as e:
        reason = e.reason
        record(what, "timeout" if isinstance(reason, TimeoutError) or "timed out" in str(reason)
               else "reset" if isinstance(reason, ConnectionResetError) else "refused")
    except TimeoutError:
        record(what, "timeout")
    except ConnectionError:
        # the service was killed with this request in flight
        record(what, "reset")


def poster():
    while not stopped():
        body = dict(payload, timestamp=next_timestamp())
        req = urllib.request.Request(base + "/api/v1/status/derecho", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": auth})
        request(req, "post")
        time.sleep(interval)


READS = {"latest": "/api/v1/status/derecho/latest", "outages": "/api/v1/status/outages",
         "summary": "/api/v1/status/summary", "overview": "/", "page": "/status/derecho"}


def reader(what):
    while not stopped():
        request(urllib.request.Request(base + READS[what]), what)
        time.sleep(interval)


workers = [threading.Thread(target=poster) for _ in range(threads)] + \
    [threading.Thread(target=reader, args=(what,)) for what in READS]
for w in workers:
    w.start()
for w in workers:
    w.join()
