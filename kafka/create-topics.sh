#!/usr/bin/env bash
# Creates or updates the topics of kafka/topics.tsv on the broker (default the local one,
# KAFKA_BOOTSTRAP to point elsewhere), all in one JVM through kafka/TopicSync.java: missing
# topics are created, the catalog's configs set, partitions raised (never lowered). Prints
# one line per topic: created / updated / unchanged. Idempotent; works from any directory.
# Extra arguments go to TopicSync, e.g. --dry-run.
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

if [[ "$KAFKA_BOOTSTRAP" == "127.0.0.1:$KAFKA_PORT" ]] && ! kafka_answers 127.0.0.1 "$KAFKA_PORT"; then
  die "no Kafka broker answers on 127.0.0.1:$KAFKA_PORT; start one with: bash $KAFKA_DIR/start.sh"
fi
if [[ "$KAFKA_BOOTSTRAP" == "127.0.0.1:$KAFKA_PORT" && -z "$(our_broker_pid)" ]]; then
  # Several checkouts share the default ports; say whose broker this is about to change.
  log "Note: the broker on 127.0.0.1:$KAFKA_PORT was not started from $KAFKA_DATA_DIR (another checkout's?)."
fi
ensure_jars
exec "$JAVA" $KAFKA_TOOLS_LOG4J -cp "$KAFKA_LIB_DIR/*" "$KAFKA_DIR/TopicSync.java" \
  --bootstrap "$KAFKA_BOOTSTRAP" "$@" "$KAFKA_DIR/topics.tsv"
