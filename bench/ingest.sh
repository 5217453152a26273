#!/usr/bin/env bash
# bench/ingest.sh [N] [SIZE] - ingest throughput next to a plain Kafka consumer, same records, same run.
#
# Method: build the service, start a private Kafka broker for the run (bench/lib.sh), start PostgreSQL if needed (bin/lib.sh), recreate the database karyoloop_bench
# and a fresh blob folder, start the service with only the ingest role (jemalloc preloaded when
# installed; the allocator is printed), wait for readiness. Then IngestBench generates N unique
# ~1 MP 8-bit PNGs (default 300 of 1024x1024: a lit background with noise and dark rods, ~0.7 MB
# each) plus 150 others for a warm-up (-Dwarmup): those go through the service first, untimed, and are
# read once by a plain consumer, so that both sides are measured warm (a fresh JVM spends a fifth of
# its CPU compiling during its first hundreds of images). Then it produces the N to images.raw as fast
# as the producer goes, and measures from the first send
# until ImageIngested has been seen for every one of them (decode, hash, blob write with fsync,
# commit and outbox relay included). Afterwards a plain KafkaConsumer reads the very same N records
# from their offsets: the bare consume rate on this machine. The service shares the 2 cores with the
# broker and the bench process throughout. Where ingest time goes: the per-stage timers printed
# from /q/metrics at the end (karyoloop_ingest_stage_seconds).
# Last line: RESULT ingest_per_s=<x> raw_consume_per_s=<y> ratio=<x/y>
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
N=${1:-300}
SIZE=${2:-1024}

kl_build
. bench/lib.sh
bench_kafka_start
kl_pg_ensure
kl_pg_fresh_db karyoloop_bench
rm -rf .run/bench-blobs

echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc)"
GROUP="bench-ingest-$(date +%s)"
DB_NAME=karyoloop_bench QUARKUS_PROFILE=ingest KARYOLOOP_BLOB_ROOT=.run/bench-blobs \
  MP_MESSAGING_INCOMING_IMAGES_RAW_GROUP_ID="$GROUP" \
  MP_MESSAGING_INCOMING_IMAGES_RAW_AUTO_OFFSET_RESET=latest \
  QUARKUS_HTTP_PORT=8089 QUARKUS_MANAGEMENT_PORT=18089 \
  kl_service_start .run/bench-ingest-service.log
SERVICE=$KL_SERVICE_PID
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; bench_kafka_stop' EXIT
kl_await_ready http://127.0.0.1:18089 300 "$SERVICE" .run/bench-ingest-service.log
kl_tool ${BENCH_JAVA_OPTS:-} -Dgroup="$GROUP" org.karyoloop.bench.IngestBench "$N" "$SIZE" > .run/bench-ingest.out
echo "where ingest time goes (sum of seconds per stage, all worker threads):"
curl -s http://127.0.0.1:18089/q/metrics | grep -E '^karyoloop_ingest_stage_seconds_(sum|count)' || true
cat .run/bench-ingest.out
