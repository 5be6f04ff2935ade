#!/usr/bin/env python3
"""Write the README's genuine verification (docs/examples/verify-genuine.json) with the current timestamp.

The service refuses a fresh-scan verification whose timestamp is outside its freshness window, so scripts that
replay the example make it current first.

    etc/scripts/verify-body-now.py <output file>
"""
import json
import os
import sys
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
body = json.load(open(os.path.join(ROOT, "docs/examples/verify-genuine.json")))
body["timestamp"] = int(time.time())
with open(sys.argv[1], "w") as out:
    out.write(json.dumps(body))
