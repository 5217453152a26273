#!/usr/bin/env bash
# faults/training-killed.sh [N] - a training job killed midway (SIGKILL to the process running it).
#
# Private PostgreSQL and Kafka (faults/lib.sh). The service runs every role with a short heartbeat (5 s),
# stale-after 30 s, 6 epochs of 48 px inputs, so the scenario takes minutes, not hours. FaultDriver streams N images
# (default 48, over N/2 slides) and then a doctor label for each to labels.submitted; an operator requests a
# job; once it is RUNNING the service gets SIGKILL and is started again. Then the killed job must end FAILED by
# the watchdog (or be resumed) and never stay RUNNING, and the next request must run to SUCCEEDED. Images are
# counted as in the other scenarios.
# Last line: RESULT scenario=training-killed sent=<n> ingested=<n> scored=<n> lost=<n> duplicates=<n>
#            killed_job=<status> next_job=<status>
. "$(dirname "$0")/lib.sh"
N=${1:-48}
export KARYOLOOP_TRAINING_HEARTBEAT_INTERVAL=5s KARYOLOOP_TRAINING_STALE_AFTER=30s
export KARYOLOOP_TRAINING_POLL_INTERVAL=5s KARYOLOOP_TRAINING_EPOCHS=6 KARYOLOOP_TRAINING_INPUT_SIZE=48
export KARYOLOOP_TRAINING_BATCH_SIZE=8 KARYOLOOP_TRAINING_MIN_PREDICTED_GOOD=1
setup training-killed
OPERATOR=faults-operator:faults-operator-password
curl -fs -u "$ADMIN" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"username\":\"${OPERATOR%%:*}\",\"password\":\"${OPERATOR#*:}\",\"roles\":[\"operator\"]}" "$BASE_URL/api/admin/users"

job_status() {
    curl -s -u "$OPERATOR" --max-time 10 "$BASE_URL/api/training/jobs/$1" | grep -o '"status":"[A-Z_]*"' | head -1 | cut -d'"' -f4 || true
}
request_job() {
    curl -s -u "$OPERATOR" -H 'Content-Type: application/json' -d "{\"reason\":\"$1\"}" "$BASE_URL/api/training/jobs" \
        | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4 || true
}
# Waits (bounded) until job $1 has one of the statuses in $2 (a regex); prints the last status.
await_job() {
    local id=$1 want=$2 limit=$3 started=$SECONDS s=""
    while ((SECONDS - started < limit)); do
        s=$(job_status "$id")
        [[ "$s" =~ ^($want)$ ]] && break
        sleep 2
    done
    echo "$s"
}

say "streaming $N images, then a doctor label for each"
driver kafka "$BOOTSTRAP" "$RUN" "$N" 10 >"$FAULTS_RUN_DIR/$SCENARIO-driver.out"
cat "$FAULTS_RUN_DIR/$SCENARIO-driver.out"
await_some "$N"
sql "select id from image where source_id = '$RUN' order by idempotency_key" | driver labels "$BOOTSTRAP"
for _ in $(seq 1 90); do
    [ "$(sql "select count(*) from training_label l join image i on i.id = l.image_id where i.source_id = '$RUN'")" -ge "$N" ] && break
    sleep 2
done
say "training has $(sql "select count(*) from training_label l join image i on i.id = l.image_id where i.source_id = '$RUN'") labels of this run"

FIRST=$(request_job "faults: to be killed")
say "job $FIRST requested; waiting for RUNNING"
say "job $FIRST is $(await_job "$FIRST" 'RUNNING|SUCCEEDED|FAILED' 240)"
sleep 5
say "SIGKILL to the service (pid $SERVICE_PID) while job $FIRST is $(job_status "$FIRST")"
service_kill KILL
sleep 2
service_start
await_ready 240
killed_at=$SECONDS
KILLED=$(await_job "$FIRST" 'FAILED|SUCCEEDED|CANCELLED' 180)
say "killed job $FIRST ended $KILLED $((SECONDS - killed_at))s after the restart: $(curl -s -u "$OPERATOR" "$BASE_URL/api/training/jobs/$FIRST" | grep -o '"detail":"[^"]*"' | head -1)"

SECOND=$(request_job "faults: after the kill")
say "next job $SECOND requested"
NEXT=$(await_job "$SECOND" 'SUCCEEDED|FAILED|CANCELLED' 900)
say "next job $SECOND ended $NEXT"

read -r ACKED < <(sed -n 's/.* acked=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-driver.out")
await_settled "$ACKED"
rc=0
report "$N" "$ACKED" >"$FAULTS_RUN_DIR/$SCENARIO-report.out" || rc=1
sed '$d' "$FAULTS_RUN_DIR/$SCENARIO-report.out"
echo "$(tail -1 "$FAULTS_RUN_DIR/$SCENARIO-report.out") killed_job=$KILLED next_job=$NEXT"
[ "$rc" = 0 ] && [ "$KILLED" != RUNNING ] && [ -n "$KILLED" ] && [ "$NEXT" = SUCCEEDED ]
