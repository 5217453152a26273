# Shared by faults/*.sh (sourced, not run): PRIVATE infrastructure for fault scenarios and the counting.
#
# Every scenario runs against its own PostgreSQL cluster and Kafka broker on other ports, started and stopped
# here, never against the shared server on 5432 or the shared broker on 9092 (other people's tests use those):
#   PostgreSQL  127.0.0.1:$FAULTS_PG_PORT (55439), a cluster made with initdb in $FAULTS_PG_DIR (as user postgres;
#               the newest PostgreSQL installed, bin/lib.sh kl_pg_bin)
#   Kafka       127.0.0.1:$FAULTS_KAFKA_PORT (29392, controller 29393), data in .run/faults/kafka (wiped per run)
#   karyoloop   the built jar, every role in one process, on 127.0.0.1:$FAULTS_HTTP_PORT (8395), management on $FAULTS_MANAGEMENT_PORT (18395)
# A port that is already taken stops the scenario before anything starts: kafka/start.sh would otherwise
# happily reuse a broker someone else started there, and the scenario would stop nothing and test nothing.
# The stop functions only ever touch processes this file started (pid variables, pid files under .run/faults).
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../bin/lib.sh"
ROOT=$KL_ROOT

FAULTS_PG_PORT=${FAULTS_PG_PORT:-55439}
FAULTS_PG_DIR=${FAULTS_PG_DIR:-/tmp/karyoloop-faults-pg-$FAULTS_PG_PORT}
FAULTS_KAFKA_PORT=${FAULTS_KAFKA_PORT:-29392}
FAULTS_KAFKA_CONTROLLER_PORT=${FAULTS_KAFKA_CONTROLLER_PORT:-29393}
FAULTS_HTTP_PORT=${FAULTS_HTTP_PORT:-8395}
FAULTS_MANAGEMENT_PORT=${FAULTS_MANAGEMENT_PORT:-18395}
FAULTS_DB=karyoloop_faults
FAULTS_RUN_DIR=$ROOT/.run/faults
BOOTSTRAP=127.0.0.1:$FAULTS_KAFKA_PORT
BASE_URL=http://127.0.0.1:$FAULTS_HTTP_PORT
MANAGEMENT_URL=http://127.0.0.1:$FAULTS_MANAGEMENT_PORT
ADMIN=faults-admin:faults-admin-password
LAB=faults-lab:faults-lab-password
SERVICE_PID=""
DRIVER_PIDS=()
mkdir -p "$FAULTS_RUN_DIR"

say() { printf '[%s %s] %s\n' "$(date +%T)" "${SCENARIO:-faults}" "$*"; }
answers() { kl_port_open 127.0.0.1 "$1"; }
# These must never point at the shared services.
[ "$FAULTS_PG_PORT" != 5432 ] && [ "$FAULTS_KAFKA_PORT" != 9092 ] || { echo "refusing shared ports" >&2; exit 2; }

build() {
    KL_TAG=$SCENARIO kl_build_if_stale
    DRIVER_CP=$(kl_tools_cp)
}

driver() { java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$DRIVER_CP" org.karyoloop.faults.FaultDriver "$@"; }
# driver_bg OUT ARGS...: the driver in the background, output to OUT; DRIVER_PIDS gets the JVM itself (not a
# subshell), so cleanup ends exactly it and nothing is left holding the terminal.
driver_bg() {
    local out=$1
    shift
    java -Xmx256m -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$DRIVER_CP" \
        org.karyoloop.faults.FaultDriver "$@" >"$out" 2>&1 &
    DRIVER_PIDS+=($!)
}

# ---- PostgreSQL (private cluster) ---------------------------------------------------------------
pg_start() { kl_pg_private_start "$FAULTS_PG_DIR" "$FAULTS_PG_PORT"; }
pg_stop() { kl_pg_private_stop "$FAULTS_PG_DIR"; }

sql() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$FAULTS_PG_PORT" -U postgres -d "${2:-$FAULTS_DB}" -v ON_ERROR_STOP=1 -qtAc "$1"; }

pg_fresh_db() {
    sql "drop database if exists $FAULTS_DB with (force)" postgres
    sql "create database $FAULTS_DB" postgres
}

# ---- Kafka (private broker) ---------------------------------------------------------------------
kafka_start() { kl_kafka_private "$FAULTS_RUN_DIR/kafka" "$FAULTS_KAFKA_PORT" "$FAULTS_KAFKA_CONTROLLER_PORT" start >/dev/null; }
kafka_stop() { kl_kafka_private "$FAULTS_RUN_DIR/kafka" "$FAULTS_KAFKA_PORT" "$FAULTS_KAFKA_CONTROLLER_PORT" stop "$@" >/dev/null; }
kafka_fresh() { kl_kafka_private_fresh "$FAULTS_RUN_DIR/kafka" "$FAULTS_KAFKA_PORT" "$FAULTS_KAFKA_CONTROLLER_PORT"; }

# ---- The service ----------------------------------------------------------------------------------
service_start() {
    KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" DB_HOST=127.0.0.1 DB_PORT="$FAULTS_PG_PORT" DB_NAME="$FAULTS_DB" \
        QUARKUS_HTTP_PORT="$FAULTS_HTTP_PORT" QUARKUS_MANAGEMENT_PORT="$FAULTS_MANAGEMENT_PORT" KARYOLOOP_BLOB_ROOT="$FAULTS_RUN_DIR/blobs" \
        KARYOLOOP_INGEST_CLAIM_CHECK_ROOT="$FAULTS_RUN_DIR/claims" \
        KARYOLOOP_ADMIN_USER="${ADMIN%%:*}" KARYOLOOP_ADMIN_PASSWORD="${ADMIN#*:}" \
        KARYOLOOP_SESSION_KEY=faults-session-key-not-a-secret \
        kl_service_start "$FAULTS_RUN_DIR/$SCENARIO-service.log" -Xmx768m
    SERVICE_PID=$KL_SERVICE_PID
}

# HTTP status of readiness; 000 when it did not answer within ${1:-5} s.
ready_status() { kl_ready_status "$MANAGEMENT_URL" "${1:-5}"; }

# Waits until readiness is UP (200); says how long it took.
await_ready() { KL_TAG=$SCENARIO kl_await_ready "$MANAGEMENT_URL" "${1:-180}" "$SERVICE_PID" "$FAULTS_RUN_DIR/$SCENARIO-service.log"; }

service_kill() {
    [ -n "$SERVICE_PID" ] || return 0
    kill "-${1:-TERM}" "$SERVICE_PID" 2>/dev/null || true
    wait "$SERVICE_PID" 2>/dev/null || true
    SERVICE_PID=""
}

create_lab_user() {
    curl -fs -u "$ADMIN" -H 'Content-Type: application/json' -o /dev/null \
        -d "{\"username\":\"${LAB%%:*}\",\"password\":\"${LAB#*:}\",\"roles\":[\"lab-system\"]}" "$BASE_URL/api/admin/users"
}

cleanup() {
    local rc=$?
    local pid
    for pid in "${DRIVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    service_kill TERM
    kafka_stop || true
    pg_stop
    exit $rc
}

# Refuses to start when another process holds one of the ports (someone else's private instance).
ports_free() {
    local port
    for port in "$FAULTS_KAFKA_PORT" "$FAULTS_KAFKA_CONTROLLER_PORT" "$FAULTS_HTTP_PORT"; do
        if answers "$port"; then say "127.0.0.1:$port is taken (ss -ltnp); set FAULTS_*_PORT to free ports"; exit 2; fi
    done
    if answers "$FAULTS_PG_PORT" && ! kl_pg_private_running "$FAULTS_PG_DIR"; then
        say "127.0.0.1:$FAULTS_PG_PORT is taken by a PostgreSQL that is not ours ($FAULTS_PG_DIR)"; exit 2
    fi
}

# Fresh private PostgreSQL database, fresh private broker with its topics, fresh blobs; the service started.
setup() {
    SCENARIO=$1
    RUN="$SCENARIO-$(date +%s)"
    : >"$FAULTS_RUN_DIR/$SCENARIO-service.log"
    ports_free
    trap cleanup EXIT
    build
    say "private PostgreSQL on :$FAULTS_PG_PORT, private Kafka on :$FAULTS_KAFKA_PORT, service on :$FAULTS_HTTP_PORT"
    pg_start
    pg_fresh_db
    kafka_fresh
    rm -rf "$FAULTS_RUN_DIR/blobs"
    service_start
    await_ready 240
    create_lab_user
}

# ---- Counting ---------------------------------------------------------------------------------------
# Counts of this run's images in the database: one line "ingested keys decisions scored_images requests
# requested_images task_rows task_images images_without_task pending_outbox".
counts() {
    sql "with img as (select id, idempotency_key from image where source_id like '$RUN%')
         select (select count(*) from img),
                (select count(distinct idempotency_key) from img),
                (select count(*) from prediction p join img on img.id = p.image_id where p.arm <> 'shadow'),
                (select count(distinct p.image_id) from prediction p join img on img.id = p.image_id where p.arm <> 'shadow'),
                (select count(*) from sampling_request r join img on img.id = r.image_id),
                (select count(distinct r.image_id) from sampling_request r join img on img.id = r.image_id),
                (select count(*) from labeling_task t join img on img.id = t.image_id),
                (select count(distinct t.image_id) from labeling_task t join img on img.id = t.image_id),
                (select count(distinct r.image_id) from sampling_request r join img on img.id = r.image_id
                  where not exists (select 1 from labeling_task t where t.image_id = r.image_id)),
                (select count(*) from outbox_event where published_at is null)" | tr '|' ' '
}

# Waits (bounded) until every expected image is ingested and scored, every request has its task and the
# outbox is empty, or nothing changed for 60 s; leaves the last counts in C_* variables.
await_settled() {
    local expected=$1 limit=${2:-300} started=$SECONDS last="" same_since=$SECONDS line
    while true; do
        line=$(counts 2>/dev/null || echo "")
        if [ -n "$line" ]; then
            read -r C_ING C_KEYS C_DEC C_SCORED C_REQ C_REQIMG C_TASKS C_TASKIMG C_NOTASK C_PENDING <<<"$line"
            if [ "$C_KEYS" -ge "$expected" ] && [ "$C_SCORED" -ge "$C_ING" ] && [ "$C_NOTASK" = 0 ] && [ "$C_PENDING" = 0 ]; then
                sleep 5 # late duplicates would show up now
                read -r C_ING C_KEYS C_DEC C_SCORED C_REQ C_REQIMG C_TASKS C_TASKIMG C_NOTASK C_PENDING <<<"$(counts)"
                return 0
            fi
            [ "$line" != "$last" ] && { last=$line; same_since=$SECONDS; }
        fi
        ((SECONDS - started > limit || SECONDS - same_since > 60)) && { say "did not settle: $line"; return 0; }
        sleep 3
    done
}

# Waits (at most 90 s) until this run has at least $1 images stored, so a fault hits a pipeline under load.
await_some() {
    local started=$SECONDS n=0
    while ((SECONDS - started < 90)); do
        n=$(sql "select count(*) from image where source_id like '$RUN%'" 2>/dev/null || echo 0)
        [ "$n" -ge "$1" ] && break
        sleep 1
    done
    say "$n images stored so far"
}

# Prints what was counted, the RESULT line, and returns non-zero when anything was lost or duplicated.
report() {
    local sent=$1 accepted=$2
    local ingested_events scored_events
    ingested_events=$(driver topic "$BOOTSTRAP" images.ingested "$RUN")
    scored_events=$(driver topic "$BOOTSTRAP" images.scored "$RUN")
    local lost_images=$((accepted - C_KEYS)) unscored=$((C_ING - C_SCORED))
    ((lost_images < 0)) && lost_images=0
    local lost=$((lost_images + unscored + C_NOTASK))
    local duplicates=$((C_ING - C_KEYS + C_DEC - C_SCORED + C_TASKS - C_TASKIMG))
    say "images sent $sent, accepted by Kafka/REST $accepted"
    say "database: images $C_ING (distinct keys $C_KEYS), decisions $C_DEC for $C_SCORED images, sampling requests $C_REQ for $C_REQIMG images, labeling tasks $C_TASKS for $C_TASKIMG images, requested images without a task $C_NOTASK, outbox pending $C_PENDING"
    say "topics: images.ingested $ingested_events; images.scored $scored_events (at least once: repeats there are allowed, consumers dedupe)"
    say "lost: images $lost_images, unscored $unscored, tasks $C_NOTASK; duplicates: images $((C_ING - C_KEYS)), decisions $((C_DEC - C_SCORED)), tasks $((C_TASKS - C_TASKIMG))"
    echo "RESULT scenario=$SCENARIO sent=$sent ingested=$C_KEYS scored=$C_SCORED lost=$lost duplicates=$duplicates"
    [ "$lost" = 0 ] && [ "$duplicates" = 0 ]
}
