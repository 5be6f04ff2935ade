#!/usr/bin/env bash
# Build the service and start it. With no DB_CONNECTION_URL it runs on embedded H2 under ./data.
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
mvn -B -q -DskipTests package -pl service -am
# The JDK's AOT cache, when etc/scripts/aot-cache.sh trained one for this very jar: faster start and warm-up.
cache=service/target/biodid-service.aot
aot=()
if [ -f "$cache" ] && [ "$cache" -nt service/target/biodid-service.jar ]; then
    aot=(-XX:AOTCache="$cache")
fi
exec java ${JAVA_OPTS:-} "${aot[@]}" -jar service/target/biodid-service.jar
