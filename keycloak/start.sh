#!/usr/bin/env bash
# Starts the local Keycloak (development mode, its own H2 file database) on 127.0.0.1:8180 with the karyoloop
# realm imported from keycloak/realm/karyoloop-realm.json, unless the realm already answers there. Idempotent;
# works from any directory. Fetches the distribution of keycloak/pom.xml if missing, generates the realm's client
# secrets and demo password once (keycloak/data/credentials.env), re-imports the realm when its file changed,
# starts Keycloak in the background and waits until the realm's discovery document answers.
# Overrides: see keycloak/common.sh, plus KEYCLOAK_START_TIMEOUT (seconds to wait, default 240).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/common.sh"

start_timeout="${KEYCLOAK_START_TIMEOUT:-240}"
started_at=$(now_ms)

if realm_answers; then
  pid="$(our_keycloak_pid)"
  echo "Keycloak already answers for $KC_ISSUER${pid:+ (pid $pid)}; nothing to do."
  exit 0
fi

mkdir -p "$KEYCLOAK_DATA_DIR"
if command -v flock >/dev/null; then
  exec 9>"$KEYCLOAK_DATA_DIR/.start.lock"
  flock -w "$start_timeout" 9 || die "another start.sh holds $KEYCLOAK_DATA_DIR/.start.lock"
fi

pid="$(our_keycloak_pid)"
if [[ -z "$pid" ]]; then
  if port_open 127.0.0.1 "$KEYCLOAK_PORT"; then
    die "127.0.0.1:$KEYCLOAK_PORT is taken by something that does not answer for $KC_ISSUER; see: ss -ltnp"
  fi
  java_home="$(java21_home)" || die "Keycloak $KEYCLOAK_VERSION needs a JDK 21 or later (set KEYCLOAK_JAVA_HOME)"
  ensure_dist
  ensure_credentials

  # The realm is imported only when it does not exist: a changed realm file (or new credentials) starts from
  # an empty database, so the running realm always matches the file.
  want="$(cat "$KC_REALM_FILE" "$KC_CREDENTIALS" | sha256sum | cut -d' ' -f1)"
  if [[ "$(cat "$KEYCLOAK_DATA_DIR/realm.sha256" 2>/dev/null || true)" != "$want" ]]; then
    rm -rf "$KC_HOME/data/h2"
    echo "$want" >"$KEYCLOAK_DATA_DIR/realm.sha256"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/karyoloop-realm.json"

  log "Starting Keycloak $KEYCLOAK_VERSION on $java_home (heap $KEYCLOAK_HEAP), log $KC_LOG ..."
  set -a
  # shellcheck disable=SC1090
  source "$KC_CREDENTIALS"
  set +a
  # setsid: Keycloak outlives this shell and ignores Ctrl-C sent to the caller.
  JAVA_HOME="$java_home" JAVA_OPTS_KC_HEAP="-Xms64m -Xmx$KEYCLOAK_HEAP" setsid nohup "$KC_HOME/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" \
    --hostname-strict=false --import-realm \
    >>"$KC_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  echo "$pid" >"$KC_PID_FILE"
else
  log "Keycloak pid $pid is already starting; waiting for it."
fi

deadline=$((SECONDS + start_timeout))
until realm_answers; do
  if [[ -z "$(our_keycloak_pid)" ]]; then
    tail -n 30 "$KC_LOG" >&2 || true
    rm -f "$KC_PID_FILE"
    die "Keycloak (pid $pid) exited during start"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 30 "$KC_LOG" >&2 || true
    kill -TERM "$pid" 2>/dev/null || true
    die "Keycloak (pid $pid) did not answer for $KC_ISSUER within ${start_timeout}s; sent it SIGTERM"
  fi
  sleep 0.5
done
echo "Keycloak $KEYCLOAK_VERSION answers for $KC_ISSUER (pid $pid, log $KC_LOG) after $(since "$started_at")s."
