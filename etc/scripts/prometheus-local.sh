#!/usr/bin/env bash
# Run the Debian Prometheus against a BioDID service on this machine, for the "Service live" dashboard:
#   etc/scripts/prometheus-local.sh [service-port] [prometheus-port]
# Defaults: the service on 8080 (etc/scripts/run-service.sh), Prometheus on 127.0.0.1:9090, data under
# ${TMPDIR:-/tmp}/biodid-prometheus. Uses grafana/prometheus.yml with the target rewritten to the given port.
set -euo pipefail
cd "$(dirname "$0")/../.."
service_port="${1:-8080}"
prometheus_port="${2:-9090}"
prometheus_bin="${BIODID_PROMETHEUS_BIN:-$(command -v prometheus || echo /usr/bin/prometheus)}"
if [ ! -x "$prometheus_bin" ]; then
    echo "error: Prometheus is not installed; apt-get install -y prometheus (or set BIODID_PROMETHEUS_BIN)" >&2
    exit 1
fi
work="${TMPDIR:-/tmp}/biodid-prometheus"
mkdir -p "$work"
sed "s/127\.0\.0\.1:8080/127.0.0.1:${service_port}/" grafana/prometheus.yml > "$work/prometheus.yml"
echo "Prometheus on http://127.0.0.1:${prometheus_port} scraping http://127.0.0.1:${service_port}/metrics (job biodid)"
exec "$prometheus_bin" --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
    --web.listen-address="127.0.0.1:${prometheus_port}"
