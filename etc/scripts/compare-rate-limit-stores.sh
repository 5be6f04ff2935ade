#!/usr/bin/env bash
# Requests per second through the per-key rate limiter, and the latency it adds, with the buckets in the process
# (APP_RATE_LIMIT_STORE=local) and in PostgreSQL (postgresql), on the same route, JDK and database.
# The route is POST /api/v1/did/generate: it touches no database itself, so the difference is the limiter's.
# The limit is set far above the offered load, so every request is admitted and none is refused.
# Needs: the packaged service (mvn -B package -DskipTests), wrk (apt-get install wrk), PostgreSQL on 127.0.0.1:5432.
# Usage: etc/scripts/compare-rate-limit-stores.sh [seconds per run, default 20] [rounds, default 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
seconds=${1:-20}
rounds=${2:-2}
port=18181
key=compare-rate-limit-key-0001
db=biodid_rate_compare
command -v wrk >/dev/null || { echo "error: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
script=$(mktemp --suffix=.lua)
cat > "$script" <<LUA
wrk.method = "POST"
wrk.body = '{"commitment":"00112233445566778899aabbccddeeff","network":"testnet"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "$key"
LUA
run() {
    local store=$1
    DB_CONNECTION_URL=jdbc:postgresql://127.0.0.1:5432/$db DB_CONNECTION_USERNAME=postgres \
        APP_API_KEYS="$key:verify" APP_RATE_LIMIT_STORE=$store APP_RATE_LIMIT_RPS=10000000 \
        APP_RATE_LIMIT_BURST=10000000 SERVER_PORT=$port \
        java -Xms256m -Xmx1g -XX:+UseG1GC -jar service/target/biodid-service.jar > "/tmp/rate-compare-$store.log" 2>&1 &
    local pid=$!
    until curl -sf "localhost:$port/health/ready" >/dev/null; do sleep 0.2; done
    wrk -t1 -c8 -d10s -s "$script" "http://127.0.0.1:$port/api/v1/did/generate" >/dev/null   # warm-up, not reported
    local out
    out=$(wrk -t1 -c8 -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port/api/v1/did/generate")
    kill -TERM $pid; wait $pid || true
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    printf "%-10s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n" "$store" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
echo "wrk -t1 -c8 -d${seconds}s POST /api/v1/did/generate, service on PostgreSQL, $(nproc) cores"
for _ in $(seq 1 "$rounds"); do
    run local
    run postgresql
done
rm -f "$script"
