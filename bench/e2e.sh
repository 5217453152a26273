#!/usr/bin/env bash
# bench/e2e.sh [--cnn] [N] [SIZE] - the whole pipeline in `all` mode fed through images.raw, with a model serving.
#
# Method: build, start a private Kafka broker for the run (bench/lib.sh; the shared broker on 9092 is never used),
# recreate the database karyoloop_bench_e2e and a fresh blob folder, write the benchmark model (freshly initialised,
# of the architecture training produces by default — today spreadmeasures-v1, the spread's measurements + an MLP;
# --cnn: the pixel CNN spreadnet-v1, 96x96) and start the service with every role, its own consumer groups
# (bench-e2e-<stamp>-<channel>, from the latest offsets, so it never takes partitions from or replays the history of
# anyone else), sampling budgets raised so they do not cap the run, and the heap bounded as bin/run bounds it
# (KARYOLOOP_HEAP_MAX, default 2g; without a bound the JVM may take a quarter of the machine's memory). E2eBench
# registers the model over REST, publishes stable v1 to models.rollout, waits until it is served, then:
#   throughput: N unique synthetic spreads (default 200 of 1024x1024, every other one bright-field `new` and
#               fluorescence, PNG) produced to images.raw at once, timed until all N ImageScored are on
#               images.scored (ingest, blob write, scoring, outbox relay);
#   latency:    N new ones paced at 70% of that rate; per image (by SHA-256) from its send to its
#               ImageScored (p50/p90/p99/max) and to its LabelingRequested (for the share sampling asks about);
#   CPU:        per image over both phases: service, broker, PostgreSQL, bench JVM (/proc), and per stage (ingest's
#               and scoring's karyoloop_*_stage_cpu_seconds_total, the inference and outbox-relay threads);
#   memory:     the service's peak resident set (VmHWM) over the whole run.
# Everything (service, broker, PostgreSQL, bench JVM) shares the machine's cores.
# Last line: RESULT model=<architecture> e2e_per_s=<x> p50_ms p90_ms p99_ms max_ms rss_mb=<m>
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
if [ "${1:-}" = --cnn ]; then export KARYOLOOP_BENCH_ARCH=spreadnet-v1; shift; fi
N=${1:-200}
SIZE=${2:-1024}
PORT=${BENCH_E2E_PORT:-8092}
DB=karyoloop_bench_e2e
BENCH_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

kl_build
. bench/lib.sh
bench_kafka_start
kl_pg_ensure
kl_pg_fresh_db $DB
rm -rf .run/bench-e2e-blobs
kl_tool $KARYOLOOP_DJL_OPTS org.karyoloop.bench.BenchModel .run/bench-e2e-model.params 2>/dev/null

echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc)"
STAMP=$(date +%s)
MODEL="bench-e2e-$STAMP"
# Own group per incoming channel; models.rollout is read by scoring from its start on its own (compacted).
for ch in $(grep -o '^mp\.messaging\.incoming\.[a-z-]*\.enabled' src/main/resources/application.properties \
    | sed 's/mp\.messaging\.incoming\.\(.*\)\.enabled/\1/' | sort -u); do
  var=$(echo "$ch" | tr 'a-z-' 'A-Z_')
  export "MP_MESSAGING_INCOMING_${var}_GROUP_ID=bench-e2e-$STAMP-$ch"
  export "MP_MESSAGING_INCOMING_${var}_AUTO_OFFSET_RESET=latest"
done
DB_NAME=$DB KARYOLOOP_BLOB_ROOT=.run/bench-e2e-blobs QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 10000)) \
  KARYOLOOP_SCORING_MODEL_NAME="$MODEL" KARYOLOOP_TRAINING_MODEL_NAME="$MODEL" \
  KARYOLOOP_SAMPLING_HOURLY_BUDGET=100000 KARYOLOOP_SAMPLING_DAILY_BUDGET=1000000 \
  KARYOLOOP_ADMIN_USER=bench-admin KARYOLOOP_ADMIN_PASSWORD="$BENCH_ADMIN_PASSWORD" \
  kl_service_start .run/bench-e2e-service.log "-Xmx${KARYOLOOP_HEAP_MAX:-2g}"
SERVICE=$KL_SERVICE_PID
trap 'kill $SERVICE 2>/dev/null || true; wait $SERVICE 2>/dev/null || true; bench_kafka_stop' EXIT
kl_await_ready "http://127.0.0.1:$((PORT + 10000))" 180 "$SERVICE" .run/bench-e2e-service.log
# The consumer groups must own their partitions before the first record, or "latest" skips it.
sleep 5
BROKER_PID=$(. kafka/common.sh && our_broker_pid || true)
kl_tool ${BENCH_JAVA_OPTS:-} $KARYOLOOP_DJL_OPTS -Dpids="service:$SERVICE,broker:$BROKER_PID" -Dservice="http://127.0.0.1:$PORT" -Dmanagement="http://127.0.0.1:$((PORT + 10000))" -Dauth="bench-admin:$BENCH_ADMIN_PASSWORD" \
  -Dmodel="$MODEL" -Dparams=.run/bench-e2e-model.params org.karyoloop.bench.E2eBench "$N" "$SIZE" \
  2> .run/bench-e2e.err | tee .run/bench-e2e.out
RSS_MB=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$SERVICE/status")
LINE=$(grep '^E2E ' .run/bench-e2e.out) || { tail -20 .run/bench-e2e.err; exit 1; }
echo "service peak RSS (VmHWM): ${RSS_MB} MB"
echo "RESULT ${LINE#E2E } rss_mb=$RSS_MB"
