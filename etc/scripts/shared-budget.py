#!/usr/bin/env python3
"""One API key alternating between two instances, sequential requests to POST /api/v1/did/generate, as fast as
they go (the measurement of docs/deploy.md, with APP_RATE_LIMIT_RPS=20 and APP_RATE_LIMIT_BURST=20).

usage: shared-budget.py PORT_A PORT_B API_KEY [REQUESTS=240]
"""
import http.client, sys, time
ports=[int(sys.argv[1]), int(sys.argv[2])]; key=sys.argv[3]; n=int(sys.argv[4]) if len(sys.argv)>4 else 240
body=('{"commitment":"'+"ab"*32+'","network":"testnet"}').encode()
conns=[http.client.HTTPConnection('127.0.0.1',p) for p in ports]
ok=0; codes={}; t=time.monotonic()
for i in range(n):
    c=conns[i%2]; c.request("POST","/api/v1/did/generate",body,{"Content-Type":"application/json","X-API-Key":key})
    r=c.getresponse(); r.read(); codes[r.status]=codes.get(r.status,0)+1
el=time.monotonic()-t
print("%d requests alternating over two instances in %.2f s: %s; one budget allows burst + rps*t = 20 + 20*%.2f = %.0f" % (n, el, codes, el, 20+20*el))
