#!/usr/bin/env bash
# The scheduling assistant with many people: starts CalSync (the run command's jar, a fresh H2 database with
# demo data, port 18090), fills two weeks for N people (Radicale calendars and sessions), then times the
# plan through the API and the page in headless Chromium.
#   bench/assistant.sh [people=50]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
bench_start_calsync 18090
java -cp "$cp" org.calsync.bench.AssistantBenchmark http://127.0.0.1:18090/ "${1:-50}"
