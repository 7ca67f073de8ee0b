#!/usr/bin/env bash
# EWS streaming notifications through the app: CalSync (the run command's jar, fresh H2 with demo data, port 18093)
# streams N mailboxes linked through one service account; then a change in a random mailbox, one at a time, is
# timed until its busy time is stored. Prints p50 and p99, and CalSync's threads and memory with the streams open.
#   bench/ews-stream.sh [mailboxes=2000] [changes=1000] [latency-ms=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
bench_start_calsync 18093
java -cp "$cp" org.calsync.bench.EwsStreamBenchmark http://127.0.0.1:18093/ "${1:-2000}" "${2:-1000}" "${3:-20}" "$bench_app"
