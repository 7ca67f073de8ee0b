#!/usr/bin/env bash
# Push throughput and latency of a cluster: starts N instances (1, 2 or 3) of the WAR on Payara Micro on one
# PostgreSQL schema (CALSYNC_TEST_PG_URL, default the machine's test database) with Radicale, and has 8 clients
# rename 24 instructors' sessions through all instances, timing each change until its event is readable.
#   bench/cluster-push.sh [instances=2] [changes=600]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
[ -f target/ROOT.war ] && [ -f target/payara/payara-micro.jar ] || ./mvnw -q package -DskipTests
bench_classpath
# The instances' boot file, as the PostgreSQL integration run writes it: the embedded defaults, then PostgreSQL's.
mkdir -p target/it && cat payara/post-boot-commands.asadmin payara/postgresql.asadmin > target/it/postgresql-boot.asadmin
pg_url="${CALSYNC_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
java -cp "$cp" -Dcalsync.test.pg.url="$pg_url" -Dcalsync.test.pg.user="${CALSYNC_TEST_PG_USER:-postgres}" \
    -Dcalsync.test.pg.password="${CALSYNC_TEST_PG_PASSWORD:-calsync}" \
    org.calsync.bench.ClusterPushBenchmark "${1:-2}" "${2:-600}"
