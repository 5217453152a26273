# Shared settings and helpers for keycloak/*.sh (sourced, not run): paths, ports, the Java 21+ lookup, the
# distribution fetch from keycloak/pom.xml and the generated credentials of the local realm.
#
# Environment overrides (all optional):
#   KEYCLOAK_PORT            HTTP port on 127.0.0.1 (default 8180)
#   KEYCLOAK_MANAGEMENT_PORT Keycloak's own management port on 127.0.0.1 (default 9180; Keycloak's 9000 is
#                            karyoloop's management port)
#   KEYCLOAK_DATA_DIR        pid file, log, generated credentials, the realm's hash (default keycloak/data)
#   KEYCLOAK_DIST_DIR        where the distribution is unpacked (default keycloak/dist)
#   KEYCLOAK_HEAP            Keycloak's max heap, -Xmx value (default 512m)
#   KEYCLOAK_JAVA_HOME       a JDK 21 or later (default: JAVA_HOME if it is one, else the newest in /usr/lib/jvm)

KC_DIR="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -P -- "$KC_DIR/.." && pwd)"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="${KEYCLOAK_MANAGEMENT_PORT:-9180}"
KEYCLOAK_DATA_DIR="${KEYCLOAK_DATA_DIR:-$KC_DIR/data}"
KEYCLOAK_DIST_DIR="${KEYCLOAK_DIST_DIR:-$KC_DIR/dist}"
KEYCLOAK_HEAP="${KEYCLOAK_HEAP:-512m}"
KEYCLOAK_VERSION="$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$KC_DIR/pom.xml")"
KC_HOME="$KEYCLOAK_DIST_DIR/keycloak-$KEYCLOAK_VERSION"
KC_REALM_FILE="$KC_DIR/realm/karyoloop-realm.json"
KC_PID_FILE="$KEYCLOAK_DATA_DIR/keycloak.pid"
KC_LOG="$KEYCLOAK_DATA_DIR/keycloak.log"
# The realm's client secrets and the demo users' password, generated once; the tests read them from here.
KC_CREDENTIALS="$KEYCLOAK_DATA_DIR/credentials.env"
KC_ISSUER="http://127.0.0.1:$KEYCLOAK_PORT/realms/karyoloop"

# now_ms, since, log, die, port_open, pid_from_file, process_gone, stop_process
source "$REPO_ROOT/bin/proc.sh"

# True when the karyoloop realm answers its discovery document (Keycloak is up and the realm imported).
realm_answers() {
  curl -sf -o /dev/null --max-time 2 "$KC_ISSUER/.well-known/openid-configuration"
}

# Pid of the Keycloak this folder started, if it still runs (its command line names our distribution).
our_keycloak_pid() { pid_from_file "$KC_PID_FILE" "$KC_HOME"; }

# Prints a JDK home of Java 21 or later, or fails: Keycloak 26 refuses older ones.
java21_home() {
  local candidate major
  for candidate in "${KEYCLOAK_JAVA_HOME:-}" "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [[ -n "$candidate" && -x "$candidate/bin/java" ]] || continue
    major="$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
    if [[ -n "$major" ]] && ((major >= 21)); then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# Unpacks the distribution of keycloak/pom.xml into $KEYCLOAK_DIST_DIR unless it is there.
ensure_dist() {
  local mvn
  [[ -x "$KC_HOME/bin/kc.sh" ]] && return 0
  if [[ -x "$REPO_ROOT/mvnw" ]]; then mvn="$REPO_ROOT/mvnw"; else mvn="mvn"; fi
  log "Fetching Keycloak $KEYCLOAK_VERSION into $KEYCLOAK_DIST_DIR ($mvn) ..."
  mkdir -p "$KEYCLOAK_DIST_DIR"
  (cd "$REPO_ROOT" && "$mvn" -q -B ${KARYOLOOP_MVN_ARGS:-} -f "$KC_DIR/pom.xml" dependency:unpack-dependencies \
      -DoutputDirectory="$KEYCLOAK_DIST_DIR") >&2 || die "could not fetch the distribution of $KC_DIR/pom.xml"
  rm -rf "$KC_DIR/target"
  [[ -x "$KC_HOME/bin/kc.sh" ]] || die "$KC_HOME/bin/kc.sh missing after unpacking"
}

# Writes $KC_CREDENTIALS once: random client secrets and a random password for the realm's demo users.
ensure_credentials() {
  [[ -f "$KC_CREDENTIALS" ]] && return 0
  mkdir -p "$KEYCLOAK_DATA_DIR"
  umask 077
  {
    echo "KARYOLOOP_KC_PAGES_SECRET=$(openssl rand -hex 24)"
    echo "KARYOLOOP_KC_LAB_SECRET=$(openssl rand -hex 24)"
    echo "KARYOLOOP_KC_USER_PASSWORD=$(openssl rand -hex 12)"
  } >"$KC_CREDENTIALS"
}
