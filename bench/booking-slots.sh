#!/usr/bin/env bash
# Self-booking's bookable times: starts CalSync (the run command's jar, a fresh H2 database with demo data, port
# 18093), gives one instructor a Radicale calendar of 500 busy events over four weeks, and times listing four weeks
# of bookable times through the API.
#   bench/booking-slots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
bench_start_calsync 18093
java -cp "$cp" org.calsync.bench.BookableSlotsBenchmark http://127.0.0.1:18093/
