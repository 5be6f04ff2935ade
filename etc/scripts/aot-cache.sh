#!/usr/bin/env bash
# Train the JDK's AOT cache for the packaged service (JDK 25+; JEP 483/514/515: classes already loaded and linked,
# and method profiles, so that the JIT compiles the hot paths from the first seconds).
#
# The training run is the service itself on a scratch H2 database: its start-up warm-up (the biometric engine, then
# requests to itself over HTTP with the compatibility routes on), then the README's API requests (enroll, verify,
# resolve, generate). When it stops, the JVM writes service/target/biodid-service.aot. Use it with
#   java -XX:AOTCache=service/target/biodid-service.aot -jar service/target/biodid-service.jar
# (etc/scripts/run-service.sh does so when the cache is newer than the jar). A cache serves only the JDK and the jar
# it was trained with; the JVM says so and runs without it otherwise: train again after every build.
# Usage: etc/scripts/aot-cache.sh   (after mvn -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
jar=service/target/biodid-service.jar
cache=service/target/biodid-service.aot
port=18479
key=aot-training-key-000001
[ -f "$jar" ] || { echo "error: $jar is missing; build first: mvn -B package -DskipTests" >&2; exit 1; }
if ! java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
    echo "error: $(java -version 2>&1 | head -1) has no AOT cache; it needs JDK 25 or newer (JAVA_HOME)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'kill $service 2>/dev/null || true; rm -rf "$work"' EXIT
rm -f "$cache"
started=$(date +%s%N)
APP_DATA_DIR="$work/data" SERVER_PORT=$port APP_COMPAT_ENABLED=true APP_API_KEYS="$key:enroll+verify+admin" \
    APP_REQUIRE_WALLET_SIGNATURE=false \
    java -XX:AOTCacheOutput="$cache" -jar "$jar" > "$work/service.log" 2>&1 &
service=$!
until curl -sf "localhost:$port/health/ready" >/dev/null; do
    kill -0 $service 2>/dev/null || { cat "$work/service.log" >&2; echo "error: the training run stopped" >&2; exit 1; }
    sleep 0.2
done
api() { curl -sf -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' "$@"; }
did=$(curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' --data @docs/examples/enroll.json \
      "localhost:$port/api/v1/did/enroll" | python3 -c 'import json, sys; print(json.load(sys.stdin)["did"])')
etc/scripts/verify-body-now.py "$work/verify.json"
for i in $(seq 1 100); do
    api --data @"$work/verify.json" "localhost:$port/api/v1/did/verify"
    api "localhost:$port/api/v1/did/$did"
    api --data '{"commitment":"00112233445566778899aabbccddeeff","network":"testnet"}' \
        "localhost:$port/api/v1/did/generate"
done
kill -TERM $service
wait $service || true
[ -f "$cache" ] || { tail -20 "$work/service.log" >&2; echo "error: the JVM wrote no cache" >&2; exit 1; }
echo "AOT cache $cache: $(du -h "$cache" | cut -f1), trained in $(( ($(date +%s%N) - started) / 1000000 )) ms"
