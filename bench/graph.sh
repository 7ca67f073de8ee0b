#!/usr/bin/env bash
# Microsoft 365 (Graph) figures against the stateful simulator with a latency per request:
#   push: N writes one by one, four at a time, and through $batch (requests and time);
#   pull: calendars read in full, then re-read unchanged (requests per calendar).
#   bench/graph.sh [changes=1000] [latency-ms=20] [calendars=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_classpath
java -Xmx1g -cp "$cp" org.calsync.bench.GraphBenchmark "${1:-1000}" "${2:-20}" "${3:-20}"
