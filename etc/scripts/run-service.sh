#!/usr/bin/env bash
# Build the service and start it. With no DB_CONNECTION_URL it runs on embedded H2 under ./data.
# On JDK 25+ it starts with the JDK's AOT cache, trained for this very jar (etc/scripts/aot-cache.sh, about 15 s,
# once per build): the service is then fast from its first requests. BIODID_AOT=off starts without it.
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
mvn -B -q -DskipTests package -pl service -am
cache=service/target/biodid-service.aot
aot=()
if [ "${BIODID_AOT:-on}" != off ] && java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q AOTCacheOutput; then
    if [ ! -f "$cache" ] || [ ! "$cache" -nt service/target/biodid-service.jar ]; then
        echo "Training the JDK's AOT cache for this build (once; BIODID_AOT=off skips it)"
        etc/scripts/aot-cache.sh || { rm -f "$cache"; echo "warning: no AOT cache; starting without it" >&2; }
    fi
    [ -f "$cache" ] && aot=(-XX:AOTCache="$cache")
fi
exec java ${JAVA_OPTS:-} "${aot[@]}" -jar service/target/biodid-service.jar
