#!/usr/bin/env bash
# bench/scoring.sh [--cnn] [N] [SIZE] - the scoring role end to end next to a bare DJL loop, same model, same images.
#
# Method: build the service, start a private Kafka broker for the run (bench/lib.sh), recreate the database
# karyoloop_bench_scoring and a fresh blob folder, write the benchmark model — freshly initialised, 3 classes, DJL
# .params, of the architecture the training role trains by default (karyoloop.training.architecture's default, today
# spreadmeasures-v1: the 26 spread measurements at full resolution + an MLP); --cnn serves the pixel CNN spreadnet-v1
# (96x96 input) instead — and start the service with only the scoring role (jemalloc preloaded when installed; the
# allocator is printed), wait for readiness (cold start). ScoringBench then writes N unique synthetic spreads (default
# 300 of 1024x1024), every other one from the generator's bright-field domain `new` and its fluorescence domain, as
# PNGs into the blob store, as ingest would, and measures:
#   (a) bare: in its own JVM, with the service idle: decode + preprocess (for the default model: measure) on all
#       cores into a bounded queue, one thread takes full batches for DJL batchPredict (decoding overlaps
#       inference); after a warm-up, batch sizes 8, 16, 32 are tried on 96 images and the best runs over all N,
#       3 times (-Druns); the best run counts.
#   (b) scoring: registers the model through the REST import path, publishes the rollout state
#       (stable v1) to models.rollout, waits until the service serves it, warms it untimed (JIT, as (a)
#       had): rounds of 600 images (-Dwarmup; the N images cycled, new ids), each followed by a wait
#       until the JIT compilers of service, broker and bench JVM are quiet, until a round spends under
#       3 % of the machine's CPU compiling or after 5 rounds (-Dwarmup.rounds). Then, 3 times (-Druns),
#       produces N ImageIngested events (with each image's modality, as ingest records it) to images.ingested at
#       once and times until all N ImageScored events (written through the outbox after the prediction commit) are on
#       images.scored; the best run counts. Then the same N images again with new ids, paced at 70 % of that rate,
#       for the latency from produce to ImageScored: p50, p90, p99, max.
# After each timed run and the paced one: the machine's busy share and the CPU of service, broker, PostgreSQL and
# bench JVM per image (the bench waits in its consumer's poll between sends, so it takes little of the cores),
# with each process's busiest thread pools (/proc; bench/CpuAccount), and the CPU ms per image of each stage: decode,
# measure, preprocess, commit from the service's karyoloop_scoring_stage_cpu_seconds_total (worker threads), infer
# and relay from the inference and outbox-relay threads; (a) prints its decode, measure and infer likewise.
# Everything (service, broker, PostgreSQL, bench JVM) shares the machine's cores.
# Last line: RESULT model=<architecture> scoring_per_s=<b> bare_per_s=<a> ratio=<b/a> p50_ms p90_ms p99_ms max_ms
# service_cpu_ms=<the service JVM's CPU per image in (b)> bare_cpu_ms=<the bench JVM's in (a)> (means over the timed
# runs: unlike the rates, robust when other work shares the machine)
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
if [ "${1:-}" = --cnn ]; then export KARYOLOOP_BENCH_ARCH=spreadnet-v1; shift; fi
N=${1:-300}
SIZE=${2:-1024}
# The registry import needs an operator or admin: a throw-away admin for this run only.
BENCH_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

kl_build
. bench/lib.sh
bench_kafka_start
kl_pg_ensure
kl_pg_fresh_db karyoloop_bench_scoring
rm -rf .run/bench-scoring-blobs
# The served model: KARYOLOOP_BENCH_ARCH (set by --cnn), else what training produces by default (BenchModel).
kl_tool $KARYOLOOP_DJL_OPTS org.karyoloop.bench.BenchModel .run/bench-model.params 2>/dev/null

echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc); model: ${KARYOLOOP_BENCH_ARCH:-the trained default}"
STAMP=$(date +%s)
MODEL="bench-$STAMP"
DB_NAME=karyoloop_bench_scoring QUARKUS_PROFILE=scoring KARYOLOOP_BLOB_ROOT=.run/bench-scoring-blobs \
  MP_MESSAGING_INCOMING_IMAGES_INGESTED_GROUP_ID="bench-scoring-$STAMP" \
  MP_MESSAGING_INCOMING_IMAGES_INGESTED_AUTO_OFFSET_RESET=latest \
  KARYOLOOP_SCORING_MODEL_NAME="$MODEL" QUARKUS_HTTP_PORT=8091 QUARKUS_MANAGEMENT_PORT=18091 \
  KARYOLOOP_ADMIN_USER=bench-admin KARYOLOOP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
  kl_service_start .run/bench-scoring-service.log ${KARYOLOOP_BENCH_SERVICE_OPTS:-}
SERVICE=$KL_SERVICE_PID
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; bench_kafka_stop' EXIT
kl_await_ready http://127.0.0.1:18091 300 "$SERVICE" .run/bench-scoring-service.log
# The consumer group must own its partitions before the first event, or "latest" skips it.
sleep 3
# Where the CPU of (a) and (b) goes (bench/CpuAccount): the machine's busy share, this service, the broker,
# PostgreSQL, the bench JVM.
BROKER_PID=$(. kafka/common.sh && our_broker_pid || true)
kl_tool ${BENCH_JAVA_OPTS:-} $KARYOLOOP_DJL_OPTS -Dpids="service:$SERVICE,broker:$BROKER_PID" -Dservice=http://127.0.0.1:8091 -Dmanagement=http://127.0.0.1:18091 -Dauth="bench-admin:$BENCH_ADMIN_PASSWORD" -Dmodel="$MODEL" \
  -Dblobs=.run/bench-scoring-blobs -Dparams=.run/bench-model.params -Dseed="$STAMP" \
  org.karyoloop.bench.ScoringBench "$N" "$SIZE" \
  2> .run/bench-scoring.err > .run/bench-scoring.out \
  || { tail -20 .run/bench-scoring.err; exit 1; }
echo "micro-batches and inference in the service:"
curl -s http://127.0.0.1:18091/q/metrics | grep -E '^karyoloop_scoring_(batch_size|inference_seconds)_(sum|count)' || true
cat .run/bench-scoring.out
