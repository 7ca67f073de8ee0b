#!/usr/bin/env bash
# Exchange (EWS) figures against the schema-validating simulator with a latency per request:
#   pull: the adapter reads N mailboxes through one service account, first in full, then unchanged;
#   push: CalSync (the run command's jar, fresh H2 with demo data, port 18091) writes session changes.
#   bench/ews.sh [mailboxes=2000] [appointments=50] [latency-ms=20] [changes=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
java -Xmx2g -cp "$cp" org.calsync.bench.EwsPullBenchmark "${1:-2000}" "${2:-50}" "${3:-20}"
bench_start_calsync 18091
java -cp "$cp" org.calsync.bench.EwsPushBenchmark http://127.0.0.1:18091/ "${4:-1000}" "${3:-20}"
