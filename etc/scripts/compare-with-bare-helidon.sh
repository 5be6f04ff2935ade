#!/usr/bin/env bash
# The service beside the framework alone, on the same JDK and the same wrk load, alternated:
#  1. GET /health throughput of the service (database check cached, request id, security headers, route metrics)
#     against bare Helidon 4.1.2 with one constant handler (etc/bare-helidon/BareHelidon.java), and the ratio;
#  2. bytes allocated per request, per route: each JVM runs with an eden far larger than one measurement's garbage
#     (pre-touched at start, so that page faults do not slow whichever JVM first fills its eden),
#     is collected just before it (jcmd GC.run), and the eden's growth over 2 s of load is read with jstat and
#     divided by the answers (no collection may happen inside: the script checks the young-collection count and says
#     so if one did).
# Needs: the packaged service (mvn -B package -DskipTests), wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432.
# Usage: etc/scripts/compare-with-bare-helidon.sh [seconds per throughput run, default 15] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
seconds=${1:-15}
rounds=${2:-3}
bare_port=18282
service_port=18283
key=compare-bare-helidon-key-0001
db=biodid_bare_compare
jvm=(-Xms5g -Xmx5g -Xmn4500m -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:-UseAdaptiveSizePolicy)
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null 2>&1
work=$(mktemp -d)
trap 'kill $bare $service 2>/dev/null || true; cp "$work/service.log" /tmp/compare-with-bare-helidon-service.log; rm -rf "$work"' EXIT

java "${jvm[@]}" -cp 'service/target/libs/*' etc/bare-helidon/BareHelidon.java $bare_port > "$work/bare.log" 2>&1 &
bare=$!
DB_CONNECTION_URL=jdbc:postgresql://127.0.0.1:5432/$db DB_CONNECTION_USERNAME=postgres \
    APP_API_KEYS="$key:enroll+verify" APP_RATE_LIMIT_RPS=10000000 APP_RATE_LIMIT_BURST=10000000 \
    APP_REQUIRE_WALLET_SIGNATURE=false APP_COMPAT_ENABLED=true SERVER_PORT=$service_port \
    java "${jvm[@]}" -jar service/target/biodid-service.jar > "$work/service.log" 2>&1 &
service=$!
until curl -sf "localhost:$bare_port/health" >/dev/null; do sleep 0.2; done
until curl -sf "localhost:$service_port/health/ready" >/dev/null; do sleep 0.2; done

# One enrolled subject (the README's example fingers) and a genuine verification of it, timestamped now.
curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' --data @docs/examples/enroll.json \
     "localhost:$service_port/api/v1/did/enroll" >/dev/null
etc/scripts/verify-body-now.py "$work/verify.json"
post_script() {   # a wrk script posting one body with the key
    local body=$1 file=$2
    python3 - "$body" "$file" "$key" <<'PY'
import sys
body, file, key = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(body).read().replace("\\", "\\\\").replace("]]", "] ]")
open(file, "w").write('wrk.method = "POST"\nwrk.body = [[' + text + ']]\n'
                      'wrk.headers["Content-Type"] = "application/json"\nwrk.headers["X-API-Key"] = "' + key + '"\n')
PY
}
echo '{"commitment":"00112233445566778899aabbccddeeff","network":"testnet"}' > "$work/generate.json"
post_script "$work/generate.json" "$work/generate.lua"
post_script "$work/verify.json" "$work/verify.lua"
python3 - "$work" <<'PY'
import json, sys
# the original servers' golden generate request (docs/compat.md)
cases = json.load(open("service/src/test/resources/org/biodid/compat/original-answers.json"))["cases"]
open(sys.argv[1] + "/compat.json", "w").write(next(c["request"] for c in cases if c["name"] == "generate_golden"))
PY
post_script "$work/compat.json" "$work/compat.lua"

warm() { wrk -t1 -c8 -d10s "$@" >/dev/null; }
warm "http://127.0.0.1:$bare_port/health"
warm "http://127.0.0.1:$service_port/health"
warm -s "$work/generate.lua" "http://127.0.0.1:$service_port/api/v1/did/generate"
warm -s "$work/verify.lua" "http://127.0.0.1:$service_port/api/v1/did/verify"

rps() { wrk -t1 -c16 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "GET /health, wrk -t1 -c16 -d${seconds}s, alternated, $(nproc) cores, $(java -version 2>&1 | head -1)"
for round in $(seq 1 "$rounds"); do
    b=$(rps "http://127.0.0.1:$bare_port/health")
    s=$(rps "http://127.0.0.1:$service_port/health")
    printf "round %d: bare Helidon %10.0f req/s   service %10.0f req/s   service/bare %.2f\n" "$round" "$b" "$s" \
           "$(echo "$s / $b" | bc -l)"
done

jstat_column() {   # pid column-name: one column of jstat -gc, found by its header
    jstat -gc "$1" | awk -v name="$2" 'NR==1 {for (i = 1; i <= NF; i++) if ($i == name) c = i} NR==2 {print $c}'
}
allocation() {   # pid label wrk-args...: eden growth over 2 s of load, divided by the requests answered
    local pid=$1 label=$2; shift 2
    jcmd "$pid" GC.run >/dev/null
    local gcs eden out
    gcs=$(jstat_column "$pid" YGC); eden=$(jstat_column "$pid" EU)
    out=$(wrk -t1 -c4 -d2s "$@")
    local done bad after_eden
    done=$(awk '/requests in/ {print $1}' <<<"$out")
    bad=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    after_eden=$(jstat_column "$pid" EU)
    if [ "$(jstat_column "$pid" YGC)" != "$gcs" ]; then
        printf "%-44s a young collection ran during the measurement; enlarge -Xmn\n" "$label"
    else
        printf "%-44s %8.1f KB per request (%s requests%s)\n" "$label" \
               "$(echo "($after_eden - $eden) / $done" | bc -l)" "$done" "${bad:+, $bad not 2xx}"
    fi
}
echo "bytes allocated per request (eden growth over the requests, no collection inside):"
allocation $bare "bare Helidon GET /health" "http://127.0.0.1:$bare_port/health"
allocation $service "service GET /health" "http://127.0.0.1:$service_port/health"
allocation $service "service POST /api/v1/did/generate" -s "$work/generate.lua" \
    "http://127.0.0.1:$service_port/api/v1/did/generate"
allocation $service "service POST /api/biometric/generate (compat)" -s "$work/compat.lua" \
    "http://127.0.0.1:$service_port/api/biometric/generate"
allocation $service "service POST /api/v1/did/verify (4 fingers)" -s "$work/verify.lua" \
    "http://127.0.0.1:$service_port/api/v1/did/verify"
