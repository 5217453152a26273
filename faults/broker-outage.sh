#!/usr/bin/env bash
# faults/broker-outage.sh [N] [RATE] [OUTAGE_S] - the Kafka broker stopped for 30 s under load, then started again.
#
# Private PostgreSQL and Kafka (faults/lib.sh; the shared broker on 9092 is never touched). FaultDriver streams
# N images (default 300) at RATE per second (default 10) to images.raw with acks=all; its producer keeps
# unsent images and retries, as a microscope must. A few seconds in, the private broker is stopped (SIGTERM)
# for OUTAGE_S seconds (default 30) and started again on the same data. Meanwhile readiness is polled and
# what it answered is printed. Then: the service recovers by itself (no restart), every image ingested once
# and scored, every sampling request has its task.
# Last line: RESULT scenario=broker-outage sent=<n> ingested=<n> scored=<n> lost=<n> duplicates=<n>
. "$(dirname "$0")/lib.sh"
N=${1:-300}
RATE=${2:-10}
OUTAGE=${3:-30}
setup broker-outage

say "streaming $N images at $RATE/s to images.raw"
driver_bg "$FAULTS_RUN_DIR/$SCENARIO-driver.out" kafka "$BOOTSTRAP" "$RUN" "$N" "$RATE"
await_some 30
say "before the outage: $(counts)"
say "stopping the private broker for ${OUTAGE}s"
kafka_stop
stopped=$SECONDS
# A Kubernetes probe waits 1 s by default; 3 s here. No answer in time counts as not ready, as it does there
# (Quarkus's Kafka check waits for the admin client's default.api.timeout.ms, 60 s, before it says DOWN).
declare -A seen=()
while ((SECONDS - stopped < OUTAGE)); do
    status=$(ready_status 3)
    seen[$status]=$((${seen[$status]:-0} + 1))
    sleep 2
done
for s in "${!seen[@]}"; do
    say "readiness during the outage: ${seen[$s]} x $( [ "$s" = 000 ] && echo 'no answer within 3 s' || echo "$s")"
done
seen_up=${seen[200]:-0}
say "starting the private broker again"
kafka_start
restarted=$SECONDS
await_ready 300
say "readiness UP again $((SECONDS - restarted))s after the broker came back (service never restarted: pid $SERVICE_PID alive)"
wait "${DRIVER_PIDS[@]}"
cat "$FAULTS_RUN_DIR/$SCENARIO-driver.out"
read -r ACKED < <(sed -n 's/.* acked=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-driver.out")
await_settled "$ACKED"
report "$N" "$ACKED" || exit 1
[ "$seen_up" = 0 ] || { say "readiness answered UP while the broker was down"; exit 1; }
kill -0 "$SERVICE_PID" 2>/dev/null || { say "the service died"; exit 1; }
