#!/usr/bin/env python3
"""The first requests of a freshly started service, one at a time, as a sequential client sees them.

Enrolls the README's example subject once, then sends 300 x (genuine verify + generate) over one keep-alive
connection and prints mean, median, P95 and max per route in milliseconds. Start the service on an empty database
with APP_REQUIRE_WALLET_SIGNATURE=false and a key with the enroll and verify scopes, wait for /health/ready, then:

    etc/scripts/first-requests.py <port> <api-key> [rounds]
"""
import http.client
import json
import os
import statistics
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
port, key = int(sys.argv[1]), sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 300
connection = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "X-API-Key": key}


def call(path, body):
    start = time.perf_counter()
    connection.request("POST", path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    if response.status not in (200, 201):
        sys.exit("%s answered %d: %s" % (path, response.status, data[:300]))
    return (time.perf_counter() - start) * 1000


call("/api/v1/did/enroll", open(os.path.join(ROOT, "docs/examples/enroll.json")).read())
verify = json.load(open(os.path.join(ROOT, "docs/examples/verify-genuine.json")))
verify["timestamp"] = int(time.time())
bodies = {"verify": ("/api/v1/did/verify", json.dumps(verify)),
          "generate": ("/api/v1/did/generate", '{"commitment":"00112233445566778899aabbccddeeff","network":"testnet"}')}
times = {name: [] for name in bodies}
for _ in range(rounds):
    for name, (path, body) in bodies.items():
        times[name].append(call(path, body))
for name, values in times.items():
    print("%-9s mean %.2f  p50 %.2f  p95 %.2f  max %.2f ms" % (name, statistics.mean(values), statistics.median(values),
                                                             statistics.quantiles(values, n=20)[18], max(values)))
