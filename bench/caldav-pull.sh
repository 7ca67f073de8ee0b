#!/usr/bin/env bash
# Pull throughput of the CalDAV adapter against a real Radicale (Debian's radicale package).
#   bench/caldav-pull.sh [calendars=200] [events per calendar=500]
# Prints events per second for a first full read and requests per calendar for an unchanged re-read.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.calsync.bench.CalDavPullBenchmark "$@"
