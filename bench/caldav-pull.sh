#!/usr/bin/env bash
# Pull throughput of the CalDAV adapter against a real Radicale (Debian's radicale package).
#   bench/caldav-pull.sh [calendars=200] [events per calendar=500]
# Prints events per second for a first full read and requests per calendar for an unchanged re-read.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_classpath
java -cp "$cp" org.calsync.bench.CalDavPullBenchmark "$@"
