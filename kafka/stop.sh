#!/usr/bin/env bash
# Stops the broker that kafka/start.sh started (found through its pid file): SIGTERM, a
# bounded wait for a clean shutdown, then SIGKILL. Idempotent; never touches a broker it did
# not start. `--wipe` also deletes the broker's data (topics, offsets, cluster id).
# KAFKA_STOP_TIMEOUT: seconds to wait after SIGTERM (default 30).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

wipe=false
case "${1:-}" in
  "") ;;
  --wipe) wipe=true ;;
  *) die "usage: $0 [--wipe]" ;;
esac
stop_timeout="${KAFKA_STOP_TIMEOUT:-30}"

pid="$(our_broker_pid)"
if [[ -z "$pid" ]]; then
  rm -f "$KAFKA_PID_FILE"
  echo "No broker started from $KAFKA_DATA_DIR is running."
  if kafka_answers 127.0.0.1 "$KAFKA_PORT"; then
    echo "Note: a Kafka broker answers on 127.0.0.1:$KAFKA_PORT, but not one started from here; left alone."
  fi
else
  started_at=$(now_ms)
  stop_process "$pid" "$stop_timeout" Broker
  rm -f "$KAFKA_PID_FILE"
  echo "Stopped broker pid $pid in $(since "$started_at")s."
fi

if $wipe; then
  [[ -z "$(our_broker_pid)" ]] || die "broker still running; not wiping"
  rm -rf -- "$KAFKA_DATA_DIR"
  echo "Wiped $KAFKA_DATA_DIR."
fi
