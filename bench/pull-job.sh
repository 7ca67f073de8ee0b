#!/usr/bin/env bash
# The hourly pull through the whole app: CalSync's calendar-pull job (the run command's jar, fresh H2 with demo
# data, port 18092) over N Exchange mailboxes, against the schema-validating simulator with a latency per request.
#   bench/pull-job.sh [mailboxes=500] [appointments=50] [latency-ms=20]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
bench_start_calsync 18092
java -Xmx1g -cp "$cp" org.calsync.bench.PullJobBenchmark http://127.0.0.1:18092/ "${1:-500}" "${2:-50}" "${3:-20}"
