#!/usr/bin/env bash
# Build the service and start it. With no DB_CONNECTION_URL it runs on embedded H2 under ./data.
set -euo pipefail
cd "$(dirname "$0")/../.."
. etc/scripts/java-home.sh
mvn -B -q -DskipTests package -pl service -am
exec java ${JAVA_OPTS:-} -jar service/target/biodid-service.jar
