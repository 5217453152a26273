#!/usr/bin/env bash
# faults/kill-service.sh [N] [RATE] - the service killed with SIGKILL while images stream in, then restarted.
#
# Private PostgreSQL and Kafka (faults/lib.sh; the shared ones are never touched). The service runs every role;
# FaultDriver produces N unique images (default 300) to images.raw at RATE per second (default 15). A few seconds
# in, the service gets SIGKILL (no shutdown hook, no offset commit, transactions cut), and is started again at
# once. Then: every image ingested exactly once, every ingested image scored (cold start: an unscored decision
# per image), every sampling request has its labeling task, no task twice.
# Last line: RESULT scenario=kill-service sent=<n> ingested=<n> scored=<n> lost=<n> duplicates=<n>
. "$(dirname "$0")/lib.sh"
N=${1:-300}
RATE=${2:-15}
setup kill-service

say "streaming $N images at $RATE/s to images.raw"
driver_bg "$FAULTS_RUN_DIR/$SCENARIO-driver.out" kafka "$BOOTSTRAP" "$RUN" "$N" "$RATE"
await_some 30
say "before the kill: $(counts)"
say "SIGKILL to the service (pid $SERVICE_PID)"
service_kill KILL
sleep 2
say "restarting the service"
service_start
await_ready 240
wait "${DRIVER_PIDS[@]}"
cat "$FAULTS_RUN_DIR/$SCENARIO-driver.out"
read -r ACKED < <(sed -n 's/.* acked=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-driver.out")
await_settled "$ACKED"
report "$N" "$ACKED"
