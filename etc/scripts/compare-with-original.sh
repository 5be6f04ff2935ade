#!/usr/bin/env bash
# The original Python server beside ours, measured by the original's own benchmark client (sdk/benchmark_api.py of
# FractionEstate/decentralized-did: a sequential httpx client, N enrollments of four fingers, then N verifications),
# each server freshly started before its run, alternated round by round:
#   original   core/api/api_server.py under uvicorn (uvloop, httptools)
#   aot        ours, java -XX:AOTCache=service/target/biodid-service.aot -jar ... (trained here when missing or stale)
#   plain      ours, java -jar ...
# Ours runs on the embedded default with the compatibility routes on; the client starts one second after
# /health/ready answers 200. The original's Koios client cannot reach a network from a build machine, so it is
# replaced by one whose constructor fails, which the server handles by skipping its duplicate check; when the
# Python package base58 is missing, a small equivalent is put on the path. Nothing of the original is changed.
#
# Needs: a checkout of the original (any commit with core/api/api_server.py and sdk/benchmark_api.py; measured at
# 7cd6e40) and a Python with fastapi, uvicorn, uvloop, httptools, httpx and pydantic 2; the packaged service.
# Usage: etc/scripts/compare-with-original.sh <original checkout> <python> [rounds, default 3] [iterations, default 300]
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
original=$(cd "${1:?usage: $0 <original checkout> <python> [rounds] [iterations]}" && pwd)
python=${2:?usage: $0 <original checkout> <python> [rounds] [iterations]}
rounds=${3:-3}
iterations=${4:-300}
jar=service/target/biodid-service.jar
cache=service/target/biodid-service.aot
original_port=18400
service_port=18401
[ -f "$original/core/api/api_server.py" ] && [ -f "$original/sdk/benchmark_api.py" ] \
    || { echo "error: $original has no core/api/api_server.py and sdk/benchmark_api.py" >&2; exit 1; }
"$python" -c 'import fastapi, uvicorn, uvloop, httptools, httpx, pydantic' \
    || { echo "error: $python lacks fastapi, uvicorn, uvloop, httptools, httpx or pydantic" >&2; exit 1; }
[ -f "$jar" ] || { echo "error: $jar is missing; build first: mvn -B package -DskipTests" >&2; exit 1; }
if [ ! -f "$cache" ] || [ ! "$cache" -nt "$jar" ]; then
    etc/scripts/aot-cache.sh
fi

work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; rm -rf "$work"' EXIT
mkdir "$work/shim"
cat > "$work/run_original.py" <<EOF
import pathlib, sys
root = pathlib.Path("$original")
sys.path.insert(0, str(root / "sdk" / "src"))
sys.path.insert(0, str(root / "core" / "api"))
import decentralized_did.cardano.koios_client as koios

class NoNetwork:
    def __init__(self, *args, **kwargs):
        raise RuntimeError("no network on this machine")

koios.KoiosClient = NoNetwork
import api_server
import uvicorn
uvicorn.run(api_server.app, host="127.0.0.1", port=$original_port, log_level="warning", loop="uvloop",
            http="httptools", access_log=False)
EOF
if ! "$python" -c 'import base58' 2>/dev/null; then
    cat > "$work/shim/base58.py" <<'EOF'
ALPHABET = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

def b58encode(data):
    data = data.encode() if isinstance(data, str) else data
    n, out = int.from_bytes(data, "big"), bytearray()
    while n:
        n, r = divmod(n, 58)
        out.append(ALPHABET[r])
    return ALPHABET[:1] * (len(data) - len(data.lstrip(b"\0"))) + bytes(reversed(out))

def b58decode(text):
    text = text.encode() if isinstance(text, str) else text
    n = 0
    for c in text:
        n = n * 58 + ALPHABET.index(c)
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * (len(text) - len(text.lstrip(ALPHABET[:1]))) + body
EOF
fi

await() {   # url: wait until it answers 200, while the server runs
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "$1" && return 0
        kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; echo "error: the server stopped" >&2; exit 1; }
        sleep 0.1
    done
    echo "error: $1 did not answer within 60 s" >&2; exit 1
}
run() {   # name: start that server fresh, run the original's client against it, stop the server
    local name=$1 port
    rm -rf "$work/data"
    case $name in
        original)
            port=$original_port
            PYTHONPATH="$work/shim" "$python" "$work/run_original.py" > "$work/server.log" 2>&1 &
            server=$!
            await "http://127.0.0.1:$port/health" ;;
        aot|plain)
            port=$service_port
            local aot=()
            [ "$name" = aot ] && aot=(-XX:AOTCache="$cache")
            APP_DATA_DIR="$work/data" SERVER_PORT=$port APP_COMPAT_ENABLED=true \
                java "${aot[@]}" -jar "$jar" > "$work/server.log" 2>&1 &
            server=$!
            await "http://127.0.0.1:$port/health/ready" ;;
    esac
    sleep 1
    "$python" "$original/sdk/benchmark_api.py" --server "http://127.0.0.1:$port" --iterations "$iterations" \
        --output "$work/result.json" > "$work/client.log" 2>&1 || { cat "$work/client.log" >&2; exit 1; }
    kill "$server"; wait "$server" 2>/dev/null || true; server=
    python3 - "$work/result.json" "$name" <<'EOF'
import json, sys
result = json.load(open(sys.argv[1]))
enroll, verify = result["enrollment"], result["verification"]
for part in (enroll, verify):
    if "error" in part:
        sys.exit("%s: %s" % (sys.argv[2], part["error"]))
print("%-9s %6.2f %6.2f   %6.2f %6.2f" % (sys.argv[2], enroll["mean_latency_ms"], enroll["p95_latency_ms"],
                                         verify["mean_latency_ms"], verify["p95_latency_ms"]))
EOF
}

echo "sdk/benchmark_api.py --iterations $iterations, each server freshly started; milliseconds"
echo "          enroll mean/P95   verify mean/P95"
for round in $(seq 1 "$rounds"); do
    echo "round $round"
    for name in original aot plain; do
        run $name
    done
done
