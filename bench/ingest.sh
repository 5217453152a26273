#!/usr/bin/env bash
# bench/ingest.sh [N] [SIZE] - ingest throughput next to a plain Kafka consumer, same records, same run.
#
# Method: build the service, start a private Kafka broker for the run (bench/lib.sh), start PostgreSQL if needed, recreate the database karyoloop_bench
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
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bin/env.sh
N=${1:-300}
SIZE=${2:-1024}
mkdir -p .run

./mvnw -q -B package -DskipTests
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=.run/test-classpath.txt
CP="target/test-classes:target/classes:$(cat .run/test-classpath.txt)"

. bench/lib.sh
bench_kafka_start
psql -h 127.0.0.1 -U postgres -qc "drop database if exists karyoloop_bench with (force)" -c "create database karyoloop_bench"
rm -rf .run/bench-blobs

echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc)"
GROUP="bench-ingest-$(date +%s)"
DB_NAME=karyoloop_bench QUARKUS_PROFILE=ingest KARYOLOOP_BLOB_ROOT=.run/bench-blobs \
  MP_MESSAGING_INCOMING_IMAGES_RAW_GROUP_ID="$GROUP" \
  MP_MESSAGING_INCOMING_IMAGES_RAW_AUTO_OFFSET_RESET=latest \
  QUARKUS_HTTP_PORT=8089 QUARKUS_MANAGEMENT_PORT=18089 \
  java $KARYOLOOP_DJL_OPTS -jar target/quarkus-app/quarkus-run.jar > .run/bench-ingest-service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; bench_kafka_stop' EXIT
for _ in $(seq 1 90); do
  curl -fs http://127.0.0.1:18089/q/health/ready >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://127.0.0.1:18089/q/health/ready >/dev/null || { tail -30 .run/bench-ingest-service.log; exit 1; }
java -Dgroup="$GROUP" -cp "$CP" org.karyoloop.bench.IngestBench "$N" "$SIZE" > .run/bench-ingest.out
echo "where ingest time goes (sum of seconds per stage, all worker threads):"
curl -s http://127.0.0.1:18089/q/metrics | grep -E '^karyoloop_ingest_stage_seconds_(sum|count)' || true
cat .run/bench-ingest.out
