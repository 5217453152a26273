#!/usr/bin/env bash
# Stops the broker that kafka/start.sh started (found through its pid file): SIGTERM, a
# bounded wait for a clean shutdown, then SIGKILL. Idempotent; never touches a broker it did
# not start. `--wipe` also deletes the broker's data (topics, offsets, cluster id).
# KAFKA_STOP_TIMEOUT: seconds to wait after SIGTERM (default 30).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

wipe=$(wipe_flag "${1:-}")
if ! stop_started broker "$(our_broker_pid)" "$KAFKA_PID_FILE" "${KAFKA_STOP_TIMEOUT:-30}" "$KAFKA_DATA_DIR" \
    && kafka_answers 127.0.0.1 "$KAFKA_PORT"; then
  echo "Note: a Kafka broker answers on 127.0.0.1:$KAFKA_PORT, but not one started from here; left alone."
fi

if $wipe; then
  [[ -z "$(our_broker_pid)" ]] || die "broker still running; not wiping"
  rm -rf -- "$KAFKA_DATA_DIR"
  echo "Wiped $KAFKA_DATA_DIR."
fi
