# Sourced by the benchmarks (after cd to the repository root): a private Kafka broker for the run, on its own
# ports and with its data wiped first, so that no benchmark record ever reaches the shared broker on 9092 that
# bin/run and the tests use (a local run's consumer groups start from the earliest offset and would ingest,
# score, sample and train on a benchmark's events). BENCH_KAFKA_PORT / BENCH_KAFKA_CONTROLLER_PORT move it.
export KAFKA_PORT=${BENCH_KAFKA_PORT:-29492}
export KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29493}
export KARYOLOOP_KAFKA_HOME="$PWD/.run/bench-kafka"
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
unset KAFKA_BOOTSTRAP
[ "$KAFKA_PORT" != 9092 ] || { echo "bench/lib.sh: refusing the shared broker port 9092" >&2; exit 2; }

bench_kafka_start() {
  bash kafka/stop.sh >/dev/null 2>&1 || true
  rm -rf "$KARYOLOOP_KAFKA_HOME"
  bash kafka/start.sh >/dev/null
  bash kafka/create-topics.sh >/dev/null
  echo "private Kafka broker for this run: $KAFKA_BOOTSTRAP_SERVERS (data in $KARYOLOOP_KAFKA_HOME)"
}

bench_kafka_stop() {
  bash kafka/stop.sh >/dev/null 2>&1 || true
}
