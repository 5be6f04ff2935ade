#!/usr/bin/env python3
"""Small closed-loop load on POST /api/v1/did/generate (no database work, so the rate limiter is most of the
difference between two runs): N keep-alive clients for S seconds, one API key; prints requests/second, latency
percentiles and status counts. Used for the measurements in docs/deploy.md.

usage: limiter-load.py BASE_URL API_KEY [SECONDS=15] [CLIENTS=8]
"""
import http.client
import sys
import threading
import time
import urllib.parse

base, key = sys.argv[1], sys.argv[2]
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 15.0
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 8
url = urllib.parse.urlparse(base)
body = ('{"commitment":"' + "ab" * 32 + '","network":"testnet"}').encode()
headers = {"Content-Type": "application/json", "X-API-Key": key}
lock = threading.Lock()
latencies, statuses = [], {}


def client(end):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    mine, codes = [], {}
    while time.monotonic() < end:
        t = time.perf_counter()
        try:
            conn.request("POST", "/api/v1/did/generate", body, headers)
            r = conn.getresponse()
            r.read()
            code = r.status
        except OSError:
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            code = -1
        mine.append(time.perf_counter() - t)
        codes[code] = codes.get(code, 0) + 1
    with lock:
        latencies.extend(mine)
        for c, n in codes.items():
            statuses[c] = statuses.get(c, 0) + n


start = time.monotonic()
threads = [threading.Thread(target=client, args=(start + seconds,)) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.monotonic() - start
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000


print("%d clients, %.0f s: %.0f req/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, statuses %s"
      % (clients, elapsed, len(latencies) / elapsed, pct(50), pct(90), pct(99), statuses))
