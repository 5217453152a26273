#!/usr/bin/env bash
# Stops the Keycloak that keycloak/start.sh started (found through its pid file): SIGTERM, a bounded wait, then
# SIGKILL. Idempotent; never touches a Keycloak it did not start. `--wipe` also deletes its database and the
# generated credentials (the next start imports the realm afresh with new ones).
# KEYCLOAK_STOP_TIMEOUT: seconds to wait after SIGTERM (default 30).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

wipe=$(wipe_flag "${1:-}")
stop_started Keycloak "$(our_keycloak_pid)" "$KC_PID_FILE" "${KEYCLOAK_STOP_TIMEOUT:-30}" "$KC_HOME" || true

if $wipe; then
  [[ -z "$(our_keycloak_pid)" ]] || die "Keycloak still running; not wiping"
  rm -rf -- "$KC_HOME/data/h2" "$KC_CREDENTIALS" "$KEYCLOAK_DATA_DIR/realm.sha256"
  echo "Wiped the Keycloak database and credentials."
fi
