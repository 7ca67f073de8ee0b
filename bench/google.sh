#!/usr/bin/env bash
# Google Calendar figures against the stateful simulator with a latency per request:
#   push: N writes one by one and through the batch endpoint (requests and time);
#   pull: calendars read in full, then re-read unchanged (requests per calendar).
#   bench/google.sh [changes=1000] [latency-ms=20] [calendars=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_classpath
java -Xmx1g -cp "$cp" org.calsync.bench.GoogleBenchmark "${1:-1000}" "${2:-20}" "${3:-20}"
