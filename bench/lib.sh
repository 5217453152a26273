# Sourced by the benchmarks after bin/lib.sh: a private Kafka broker for the run, on its own
# ports and with its data wiped first, so that no benchmark record ever reaches the shared broker on 9092 that
# bin/run and the tests use (a local run's consumer groups start from the earliest offset and would ingest,
# score, sample and train on a benchmark's events). BENCH_KAFKA_PORT / BENCH_KAFKA_CONTROLLER_PORT move it.
export KAFKA_PORT=${BENCH_KAFKA_PORT:-29492}
export KAFKA_CONTROLLER_PORT=${BENCH_KAFKA_CONTROLLER_PORT:-29493}
export KARYOLOOP_KAFKA_HOME="$PWD/.run/bench-kafka"
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
unset KAFKA_BOOTSTRAP
[ "$KAFKA_PORT" != 9092 ] || { echo "bench/lib.sh: refusing the shared broker port 9092" >&2; exit 2; }
KAFKA_HEAP=${KAFKA_HEAP:-1G}

bench_kafka_start() {
  kl_kafka_private_fresh "$KARYOLOOP_KAFKA_HOME" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"
  echo "private Kafka broker for this run: $KAFKA_BOOTSTRAP_SERVERS (data in $KARYOLOOP_KAFKA_HOME)"
}

bench_kafka_stop() {
  kl_kafka_private "$KARYOLOOP_KAFKA_HOME" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" stop >/dev/null 2>&1 || true
}
