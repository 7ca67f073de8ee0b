#!/usr/bin/env bash
# The test suite's time, as .ci/run takes it: the README's test command on a clean clone of HEAD (committed work
# only), with PostgreSQL. Prints the time of each part (build and unit tests, the H2 integration run, the
# PostgreSQL one) and the whole against the goal of 15 minutes, and the slowest test classes.
#   bench/suite.sh [forks=2]   (-Dcalsync.it.forks; 1 runs the integration classes one at a time)
set -euo pipefail
cd "$(dirname "$0")/.."
forks=${1:-2}
clone=$(mktemp -d)
trap 'rm -rf "$clone"' EXIT
git clone -q . "$clone"
cd "$clone"
export CALSYNC_TEST_PG_URL="${CALSYNC_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}"
started=$(date +%s)
./mvnw -B -ntp -o verify -Dcalsync.it.forks="$forks" > suite.log 2>&1 || { tail -50 suite.log; exit 1; }
ended=$(date +%s)
# Each part ends when its reports are written.
unit=$(stat -c %Y target/surefire-reports/*.xml | sort -n | tail -1)
h2=$(stat -c %Y target/failsafe-reports/h2/*.xml | sort -n | tail -1)
pg=$(stat -c %Y target/failsafe-reports/postgresql/*.xml | sort -n | tail -1)
minutes() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }
echo "suite, $forks integration JVM(s) at once, $(nproc) cores:"
echo "  build and unit tests : $(minutes $((unit - started)))"
echo "  integration, H2      : $(minutes $((h2 - unit)))"
echo "  integration, Postgres: $(minutes $((pg - h2)))"
echo "  whole                : $(minutes $((ended - started)))   (goal: 15:00 or less)"
echo "slowest test classes (s):"
grep -h -o 'testsuite [^>]*name="[^"]*" time="[^"]*"' target/failsafe-reports/*/TEST-*.xml \
    | sed -E 's/.*name="[^"]*\.([^".]*)" time="([^"]*)".*/\2 \1/' | sort -rn | head -8 | sed 's/^/  /'
