#!/usr/bin/env bash
# bench/ingest.sh [N] [SIZE] - ingest throughput next to a bare loop doing ingest's irreducible work, same records,
# same run.
#
# Method: build the service, start a private Kafka broker for the run (bench/lib.sh), start PostgreSQL if needed
# (bin/lib.sh), recreate the database karyoloop_bench and fresh blob folders, start the service with only the ingest
# role (jemalloc preloaded when installed; the allocator is printed), wait for readiness. Then IngestBench generates
# N unique ~1 MP 8-bit PNGs (default 300 of 1024x1024: a lit background with noise and dark rods, ~0.7 MB each) plus
# 150 others for a warm-up (-Dwarmup), sent in rounds: each round goes through the service first, untimed, and
# through the bare loop, until a round spends under 3 % of the machine's CPU in the JIT compilers (at most
# -Dwarmup.rounds=30; a method the service runs once per image is compiled by the optimising compiler only after
# thousands of images). Rounds after the first re-send the first round's pictures, each made new bytes by a PNG text
# chunk naming its round. Then it produces the N to images.raw as fast as the producer goes and measures from the
# first send until ImageIngested has been seen for every one of them (decode, hash, blob write with fsync, commit and
# outbox relay included; the watching consumer fetches every 100 ms, so the end is seen at most that late).
# Afterwards the bare loop (bench/IngestBareLoop, in the bench JVM) ingests the very
# same N records, produced again as fast as the producer goes to a topic of its own (bench.bare.raw, which the service
# does not read) while it runs, timed from the first send as the service is: read each with a plain consumer, then on
# 6 threads (the service's ingest workers) SHA-256, decode and verify, one histogram for the intensity statistics
# and the modality, blob write with fsync
# and atomic rename, one row committed over JDBC — no dedupe, no outbox, no event. ratio = service / bare, both in
# images/s. CPU per image for each side: the service JVM (or the bench JVM without its producer threads, for the
# bare loop) plus PostgreSQL and the broker, from /proc (bench/CpuAccount), and per stage: the
# service's karyoloop_ingest_stage_cpu_seconds_total (worker threads; the outbox relay is its own thread pool in the
# process report) and the bare loop's own thread CPU clocks. Everything shares the machine's cores.
# Last line: RESULT ingest_per_s=<x> bare_per_s=<y> ratio=<x/y> service_cpu_ms=<a> bare_cpu_ms=<b>
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
rm -rf .run/bench-blobs .run/bench-bare-blobs

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
BROKER_PID=$(. kafka/common.sh && our_broker_pid || true)
kl_tool ${BENCH_JAVA_OPTS:-} -Dgroup="$GROUP" -Dpids="service:$SERVICE,broker:$BROKER_PID" \
  -Dmanagement=http://127.0.0.1:18089 -Djdbc="jdbc:postgresql://$DB_HOST:$DB_PORT/karyoloop_bench?user=$DB_USER" \
  -Dbare.blobs=.run/bench-bare-blobs org.karyoloop.bench.IngestBench "$N" "$SIZE" > .run/bench-ingest.out
echo "where ingest time goes (sum of seconds per stage, all worker threads):"
curl -s http://127.0.0.1:18089/q/metrics | grep -E '^karyoloop_ingest_stage_seconds_(sum|count)' || true
cat .run/bench-ingest.out
