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
driver kafka "$BOOTSTRAP" "$RUN" "$N" "$RATE" >"$FAULTS_RUN_DIR/$SCENARIO-driver.out" &
DRIVER_PID=$!
await_some 30
say "before the outage: $(counts)"
say "stopping the private broker for ${OUTAGE}s"
kafka_stop
stopped=$SECONDS
seen_down=0
polls=0
while ((SECONDS - stopped < OUTAGE)); do
    status=$(ready_status)
    polls=$((polls + 1))
    [ "$status" = 503 ] && seen_down=$((seen_down + 1))
    sleep 2
done
say "readiness during the outage: $seen_down of $polls polls answered 503 (DOWN)"
curl -s --max-time 5 "$BASE_URL/q/health/ready" | tr -d '\n ' | head -c 600; echo
say "starting the private broker again"
kafka_start
restarted=$SECONDS
await_ready 300
say "readiness UP again $((SECONDS - restarted))s after the broker came back (service never restarted: pid $SERVICE_PID alive)"
wait "$DRIVER_PID"; DRIVER_PID=""
cat "$FAULTS_RUN_DIR/$SCENARIO-driver.out"
read -r ACKED < <(sed -n 's/.* acked=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-driver.out")
await_settled "$ACKED"
report "$N" "$ACKED" || exit 1
[ "$seen_down" -gt 0 ] || { say "readiness never reported the outage"; exit 1; }
kill -0 "$SERVICE_PID" 2>/dev/null || { say "the service died"; exit 1; }
