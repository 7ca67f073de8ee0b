#!/usr/bin/env bash
# The scheduling assistant with many people: starts CalSync (the run command's jar, a fresh H2 database with
# demo data, port 18090), fills two weeks for N people (Radicale calendars and sessions), then times the
# plan through the API and the page in headless Chromium.
#   bench/assistant.sh [people=50]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/calsync.jar ] || { echo "Build the jar first: ./mvnw -Prun (then Ctrl+C)"; exit 1; }
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
data=$(mktemp -d)
CALSYNC_DATA_DIR="$data" CALSYNC_DEMO_DATA=true java -Xmx512m -jar target/calsync.jar --port 18090 --nocluster \
    > "$data/calsync.log" 2>&1 &
app=$!
stop() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap stop EXIT
for _ in $(seq 1 120); do curl -sf http://127.0.0.1:18090/health/ready >/dev/null && break; sleep 1; done
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.calsync.bench.AssistantBenchmark \
    http://127.0.0.1:18090/ "${1:-50}"
stop
trap - EXIT
