#!/usr/bin/env bash
# Starts the local single-node Apache Kafka broker (KRaft, broker+controller in one JVM) on
# 127.0.0.1:9092, unless a Kafka broker already answers there. Idempotent; works from any
# directory. Fetches the jars of kafka/pom.xml if missing, writes server.properties, formats
# the storage on first use, starts the broker in the background and waits until it answers.
# Overrides: see kafka/common.sh (KARYOLOOP_KAFKA_HOME, KAFKA_HEAP, KAFKA_PORT, ...), plus
# KAFKA_START_TIMEOUT (seconds to wait for the broker, default 60).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

start_timeout="${KAFKA_START_TIMEOUT:-60}"
started_at=$(now_ms)

if kafka_answers 127.0.0.1 "$KAFKA_PORT"; then
  pid="$(our_broker_pid)"
  echo "Kafka already answers on 127.0.0.1:$KAFKA_PORT${pid:+ (broker pid $pid, started from $KAFKA_DATA_DIR)}; nothing to do."
  exit 0
fi

mkdir -p "$KAFKA_DATA_DIR" "$KAFKA_LOG_DIR"
# One start at a time per data dir; the lock is not passed on to the broker (9>&- below).
if command -v flock >/dev/null; then
  exec 9>"$KAFKA_DATA_DIR/.start.lock"
  flock -w "$start_timeout" 9 || die "another start.sh holds $KAFKA_DATA_DIR/.start.lock"
fi

pid="$(our_broker_pid)"
if [[ -z "$pid" ]]; then
  if port_open 127.0.0.1 "$KAFKA_PORT" || port_open 127.0.0.1 "$KAFKA_CONTROLLER_PORT"; then
    die "127.0.0.1:$KAFKA_PORT or :$KAFKA_CONTROLLER_PORT is taken by something that is not (yet) an answering Kafka broker started from here; see: ss -ltnp"
  fi

  ensure_jars
  cp="$KAFKA_LIB_DIR/*"

  # Rewritten on every start so the file always matches this script.
  cat >"$KAFKA_PROPS" <<PROPS
# Written by kafka/start.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_LOG_DIRS

# One node: every replication factor and min ISR is 1.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
num.partitions=1

# Consumers join without the 3 s wait meant for large groups.
group.initial.rebalance.delay.ms=0
# Topics come from kafka/topics.tsv (create-topics.sh), never from a typo in a client.
auto.create.topics.enable=false

# Image records (raw bytes up to 32 MiB plus headers; see topics.tsv): 64 MiB.
message.max.bytes=67108864
replica.fetch.max.bytes=67108864
socket.request.max.bytes=104857600

# A laptop-sized broker.
num.network.threads=2
num.io.threads=4
log.retention.hours=168
log.segment.bytes=268435456
PROPS

  if [[ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]]; then
    log "Formatting KRaft storage in $KAFKA_LOG_DIRS ..."
    cluster_id="$("$JAVA" $KAFKA_TOOLS_LOG4J -cp "$cp" kafka.tools.StorageTool random-uuid)"
    "$JAVA" $KAFKA_TOOLS_LOG4J -cp "$cp" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$KAFKA_PROPS" >&2 || die "formatting $KAFKA_LOG_DIRS failed"
  fi

  log "Starting Kafka $KAFKA_VERSION (heap $KAFKA_HEAP), logs in $KAFKA_LOG_DIR ..."
  # setsid: the broker outlives this shell and ignores Ctrl-C sent to the caller.
  setsid nohup "$JAVA" \
    -Xmx"$KAFKA_HEAP" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true \
    -Dkafka.logs.dir="$KAFKA_LOG_DIR" \
    -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" \
    -cp "$cp" kafka.Kafka "$KAFKA_PROPS" \
    >>"$KAFKA_LOG_DIR/kafka.out" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PID_FILE"
  pid=$!
else
  log "Broker pid $pid from $KAFKA_DATA_DIR is already starting; waiting for it."
fi

show_log_tail() {
  log "---- tail of $KAFKA_LOG_DIR/server.log ----"
  tail -n 30 "$KAFKA_LOG_DIR/server.log" >&2 2>/dev/null || true
  log "---- tail of $KAFKA_LOG_DIR/kafka.out ----"
  tail -n 15 "$KAFKA_LOG_DIR/kafka.out" >&2 2>/dev/null || true
}

deadline=$((SECONDS + start_timeout))
until kafka_answers 127.0.0.1 "$KAFKA_PORT" 1; do
  if [[ -z "$(our_broker_pid)" ]]; then
    show_log_tail
    rm -f "$KAFKA_PID_FILE"
    die "the broker (pid $pid) exited during start"
  fi
  if ((SECONDS >= deadline)); then
    show_log_tail
    kill -TERM "$pid" 2>/dev/null || true
    die "the broker (pid $pid) did not answer on 127.0.0.1:$KAFKA_PORT within ${start_timeout}s; sent it SIGTERM (raise KAFKA_START_TIMEOUT on a busy machine)"
  fi
  sleep 0.5
done
echo "Kafka${KAFKA_VERSION:+ $KAFKA_VERSION} answers on 127.0.0.1:$KAFKA_PORT (pid $pid, data $KAFKA_DATA_DIR, logs $KAFKA_LOG_DIR) after $(since "$started_at")s."
