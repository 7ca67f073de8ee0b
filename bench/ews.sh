#!/usr/bin/env bash
# Exchange (EWS) figures against the schema-validating simulator with a latency per request:
#   pull: the adapter reads N mailboxes through one service account, first in full, then unchanged;
#   push: CalSync (the run command's jar, fresh H2 with demo data, port 18091) writes session changes.
#   bench/ews.sh [mailboxes=2000] [appointments=50] [latency-ms=20] [changes=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/calsync.jar ] || { echo "Build the jar first: ./mvnw -Prun (then Ctrl+C)"; exit 1; }
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
java -Xmx2g -cp "$cp" org.calsync.bench.EwsPullBenchmark "${1:-2000}" "${2:-50}" "${3:-20}"
data=$(mktemp -d)
CALSYNC_DATA_DIR="$data" CALSYNC_DEMO_DATA=true java -Xmx512m -jar target/calsync.jar --port 18091 --nocluster \
    > "$data/calsync.log" 2>&1 &
app=$!
stop() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18091/health/ready >/dev/null && break; sleep 1; done
java -cp "$cp" org.calsync.bench.EwsPushBenchmark http://127.0.0.1:18091/ "${4:-1000}" "${3:-20}"
stop
trap - EXIT
