#!/usr/bin/env bash
# bench/annotation.sh [DOCTORS] [TASKS] [SECONDS] - doctors' claim → fetch image → submit against the
# running service, next to the trivial authenticated GET /api/me of the same service, same run.
#
# Method: build, start a private Kafka broker (bench/lib.sh), recreate the database
# karyoloop_bench_annotation, start the service with only the
# annotation role (jemalloc preloaded when installed) and DOCTORS seeded doctor accounts
# (bcrypt cost 4 for a fast start; sign-in happens once per doctor, requests then carry the session
# cookie), wait for readiness. AnnotationBench inserts TASKS single-read tasks sharing one 512x512 PNG
# in the blob store, signs every doctor in (one HTTP client and cookie each), then every doctor loops
# POST /api/annotation/claims, GET the task image, POST a label: first WARMUP_S seconds (default 60)
# untimed — on 2 cores the JIT needs about a minute of this traffic before the hot paths leave the
# interpreter —, then SECONDS without think time (the capacity: claim_submit_per_s), then, after 5 s for
# that phase's backlog to drain, 3 x SECONDS with each doctor looking at the image for THINK_MS on average
# (default 2000, uniform 0.5-1.5x; real doctors take 5-30 s per spread, so this is 50 unusually fast
# doctors), each doctor starting at a random point of one think time rather than all in the same
# millisecond: p99_ms is claim + submit (not the image fetch) in this phase, over ~1,500 cycles with the
# defaults. Then the same clients call GET /api/me for SECONDS without
# think time (trivial_per_s). Service, PostgreSQL, broker and bench share this machine's cores.
# The clients speak HTTP/1.1, as a browser does to a plain-HTTP service.
# Last line: RESULT claim_submit_per_s=<x> p99_ms=<y> trivial_per_s=<z>
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
DOCTORS=${1:-50}
TASKS=${2:-40000}
SECONDS_PER_PHASE=${3:-20}
DB=karyoloop_bench_annotation

kl_build
. bench/lib.sh
bench_kafka_start
kl_pg_ensure
kl_pg_fresh_db $DB
rm -rf .run/bench-annotation-blobs

SEEDS=$(for d in $(seq 0 $((DOCTORS - 1))); do printf 'benchdoc%d:benchdoc%d-pass:doctor,' "$d" "$d"; done)
echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc); doctors: $DOCTORS; phase: ${SECONDS_PER_PHASE}s"
DB_NAME=$DB QUARKUS_PROFILE=annotation KARYOLOOP_BLOB_ROOT=.run/bench-annotation-blobs \
  KARYOLOOP_SECURITY_BCRYPT_COST=4 KARYOLOOP_SECURITY_SEED_USERS="${SEEDS%,}" \
  KARYOLOOP_SESSION_KEY="bench-only-session-key-$(date +%s)" \
  MP_MESSAGING_INCOMING_LABELING_REQUESTS_GROUP_ID="bench-annotation-$(date +%s)" \
  MP_MESSAGING_INCOMING_LABELING_REQUESTS_AUTO_OFFSET_RESET=latest \
  QUARKUS_DATASOURCE_JDBC_MAX_SIZE=${DB_POOL:-20} QUARKUS_HTTP_PORT=8091 QUARKUS_MANAGEMENT_PORT=18091 \
  kl_service_start .run/bench-annotation-service.log
SERVICE=$KL_SERVICE_PID
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; bench_kafka_stop' EXIT
kl_await_ready http://127.0.0.1:18091 300 "$SERVICE" .run/bench-annotation-service.log
kl_tool ${BENCH_JAVA_OPTS:-} -Dwarmup="${WARMUP_S:-60}" -Dthink="${THINK_MS:-2000}" org.karyoloop.bench.AnnotationBench http://127.0.0.1:8091 \
  "jdbc:postgresql://$DB_HOST:$DB_PORT/$DB" .run/bench-annotation-blobs "$DOCTORS" "$TASKS" "$SECONDS_PER_PHASE"
