#!/usr/bin/env bash
# faults/postgres-restart.sh [N] [RATE] [DOWN_S] - PostgreSQL stopped for DOWN_S seconds under load, then started.
#
# Private PostgreSQL and Kafka (faults/lib.sh; the shared server on 5432 is never touched). Two senders at once:
# a lab system POSTing N images (default 100) at RATE per second (default 5) to /api/images, retrying what was
# not accepted as a lab system should (counting every 503, whether it was problem+json, with Retry-After), and a
# microscope producing N images at RATE to images.raw. A few seconds in, the private cluster is stopped
# (pg_ctl -m fast: connections cut) for DOWN_S seconds (default 20) and started again. Meanwhile a read API is
# probed and its answers printed. Then: the service recovered by itself, every accepted image is stored once,
# scored, and every sampling request has its task.
# Last line: RESULT scenario=postgres-restart sent=<n> ingested=<n> scored=<n> lost=<n> duplicates=<n>
. "$(dirname "$0")/lib.sh"
N=${1:-100}
RATE=${2:-5}
DOWN=${3:-20}
setup postgres-restart

say "lab system: $N images at $RATE/s to POST /api/images; microscope: $N at $RATE/s to images.raw"
driver_bg "$FAULTS_RUN_DIR/$SCENARIO-rest.out" rest "$BASE_URL" "$RUN-rest" "$N" "$RATE" "$LAB"
driver_bg "$FAULTS_RUN_DIR/$SCENARIO-driver.out" kafka "$BOOTSTRAP" "$RUN-kafka" "$N" "$RATE"
await_some 30
say "before the restart: $(counts)"
say "stopping the private PostgreSQL for ${DOWN}s"
pg_stop
stopped=$SECONDS
probe_url="$BASE_URL/api/images/00000000-0000-0000-0000-000000000000"
declare -A answers_seen=()
while ((SECONDS - stopped < DOWN)); do
    answer=$(curl -s -u "$ADMIN" --max-time 15 -o /dev/null -w '%{http_code} %{content_type}' "$probe_url" || echo "no-answer")
    answers_seen[$answer]=$((${answers_seen[$answer]:-0} + 1))
    sleep 2
done
for a in "${!answers_seen[@]}"; do say "GET /api/images/{id} during the outage: ${answers_seen[$a]} x $a"; done
say "readiness during the outage: $(ready_status)"
curl -s -u "$ADMIN" --max-time 15 -D - "$probe_url" | tr -d '\r' | grep -iE '^(HTTP|retry-after|content-type)|^\{' | head -5
say "starting the private PostgreSQL again"
pg_start
restarted=$SECONDS
await_ready 300
say "readiness UP again $((SECONDS - restarted))s after PostgreSQL came back (service pid $SERVICE_PID, never restarted)"
wait "${DRIVER_PIDS[@]}"
cat "$FAULTS_RUN_DIR/$SCENARIO-rest.out" "$FAULTS_RUN_DIR/$SCENARIO-driver.out"
read -r ACCEPTED < <(sed -n 's/.* accepted=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-rest.out")
read -r ACKED < <(sed -n 's/.* acked=\([0-9]*\).*/\1/p' "$FAULTS_RUN_DIR/$SCENARIO-driver.out")
await_settled $((ACCEPTED + ACKED))
report $((2 * N)) $((ACCEPTED + ACKED)) || exit 1
kill -0 "$SERVICE_PID" 2>/dev/null || { say "the service died"; exit 1; }
