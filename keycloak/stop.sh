#!/usr/bin/env bash
# Stops the Keycloak that keycloak/start.sh started (found through its pid file): SIGTERM, a bounded wait, then
# SIGKILL. Idempotent; never touches a Keycloak it did not start. `--wipe` also deletes its database and the
# generated credentials (the next start imports the realm afresh with new ones).
# KEYCLOAK_STOP_TIMEOUT: seconds to wait after SIGTERM (default 30).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

wipe=false
case "${1:-}" in
  "") ;;
  --wipe) wipe=true ;;
  *) die "usage: $0 [--wipe]" ;;
esac
stop_timeout="${KEYCLOAK_STOP_TIMEOUT:-30}"

pid="$(our_keycloak_pid)"
if [[ -z "$pid" ]]; then
  rm -f "$KC_PID_FILE"
  echo "No Keycloak started from $KC_HOME is running."
else
  started_at=$(now_ms)
  stop_process "$pid" "$stop_timeout" Keycloak
  rm -f "$KC_PID_FILE"
  echo "Stopped Keycloak pid $pid in $(since "$started_at")s."
fi

if $wipe; then
  [[ -z "$(our_keycloak_pid)" ]] || die "Keycloak still running; not wiping"
  rm -rf -- "$KC_HOME/data/h2" "$KC_CREDENTIALS" "$KEYCLOAK_DATA_DIR/realm.sha256"
  echo "Wiped the Keycloak database and credentials."
fi
