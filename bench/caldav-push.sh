#!/usr/bin/env bash
# Push latency against a real Radicale: starts CalSync (the run command's jar, a fresh H2 database with demo
# data, port 18090), times N session changes from the API call to the event being readable, then stops it.
#   bench/caldav-push.sh [changes=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
bench_start_calsync 18090
java -cp "$cp" org.calsync.bench.CalDavPushBenchmark http://127.0.0.1:18090/ "${1:-1000}"
