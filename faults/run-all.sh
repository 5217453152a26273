#!/usr/bin/env bash
# faults/run-all.sh - every fault scenario one after the other (each on its own private PostgreSQL and Kafka,
# see faults/lib.sh), then their RESULT lines. Exits non-zero when any scenario lost or duplicated anything
# or failed its own checks. Takes ~15 minutes on a busy 2-core machine.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run/faults
status=0
results=()
for scenario in kill-service broker-outage postgres-restart training-killed; do
    bash "faults/$scenario.sh" 2>&1 | tee ".run/faults/$scenario.out"
    rc=${PIPESTATUS[0]}
    [ "$rc" = 0 ] || status=1
    results+=("$(grep '^RESULT' ".run/faults/$scenario.out" | tail -1 || echo "RESULT scenario=$scenario missing") rc=$rc")
done
echo "---- summary ----"
printf '%s\n' "${results[@]}"
exit $status
