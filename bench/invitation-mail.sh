#!/usr/bin/env bash
# Invitation emails for a class: starts CalSync (the run command's jar, a fresh H2 database with demo data, port
# 18090) with its relay on port 18025, where the benchmark runs GreenMail; registers N learners without a linked
# calendar on one session in one request and times it until the relay has accepted every email, with the
# process's resident memory. The quiet period is 1 s here (30 s by default), so that the figure is the sending.
#   bench/invitation-mail.sh [learners=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_require_jar
bench_classpath
export CALSYNC_MAIL_HOST=127.0.0.1 CALSYNC_MAIL_PORT=18025 CALSYNC_INVITATION_MAIL_QUIET_PERIOD=PT1S
bench_start_calsync 18090
java -cp "$cp" org.calsync.bench.InvitationMailBenchmark http://127.0.0.1:18090/ "${1:-1000}" "$bench_app" 18025
