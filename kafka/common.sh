# Shared settings and helpers for kafka/*.sh (sourced, not run): paths, ports, the jar
# fetch from kafka/pom.xml, and a JVM-free check that a Kafka broker answers on a port.
#
# Environment overrides (all optional):
#   KARYOLOOP_KAFKA_HOME  where data/ and logs/ go (default: this kafka/ folder). Not called
#                         KAFKA_HOME on purpose: that name usually points at a Kafka install.
#   KAFKA_DATA_DIR        broker state: KRaft logs, server.properties, pid file (default $KARYOLOOP_KAFKA_HOME/data)
#   KAFKA_LOG_DIR         broker logs (default $KARYOLOOP_KAFKA_HOME/logs)
#   KAFKA_LIB_DIR         jars fetched from kafka/pom.xml (default kafka/lib)
#   KAFKA_PORT            client listener on 127.0.0.1 (default 9092)
#   KAFKA_CONTROLLER_PORT KRaft controller listener on 127.0.0.1 (default 9093)
#   KAFKA_BOOTSTRAP       what create-topics.sh talks to (default 127.0.0.1:$KAFKA_PORT)
#   KAFKA_HEAP            broker max heap, -Xmx value (default 1G)
#   JAVA_HOME             JDK to use (default: java on PATH)

KAFKA_DIR="$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -P -- "$KAFKA_DIR/.." && pwd)"
KARYOLOOP_KAFKA_HOME="${KARYOLOOP_KAFKA_HOME:-$KAFKA_DIR}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$KARYOLOOP_KAFKA_HOME/data}"
KAFKA_LOG_DIR="${KAFKA_LOG_DIR:-$KARYOLOOP_KAFKA_HOME/logs}"
KAFKA_LIB_DIR="${KAFKA_LIB_DIR:-$KAFKA_DIR/lib}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:-1G}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KAFKA_VERSION=""   # set by check_kafka_versions

KAFKA_PROPS="$KAFKA_DATA_DIR/server.properties"
KAFKA_PID_FILE="$KAFKA_DATA_DIR/broker.pid"
KAFKA_LOG_DIRS="$KAFKA_DATA_DIR/kraft"
# Tools log warnings only, to stderr, so their stdout stays one line per result.
KAFKA_TOOLS_LOG4J="-Dlog4j2.configurationFile=$KAFKA_DIR/log4j2-tools.properties"

# now_ms, since, log, die, port_open, pid_from_file, process_gone, stop_process
source "$REPO_ROOT/bin/proc.sh"

# True when something on host:port answers a Kafka ApiVersions (v0) request with our
# correlation id. Pure bash (/dev/tcp), no JVM, so it costs milliseconds. A broker that has
# bound its port but is not yet serving requests does not answer, so this is also the
# readiness check.
kafka_answers() {
  local host="$1" port="$2" reply
  reply="$(timeout "${3:-2}" bash -c '
      exec 3<>"/dev/tcp/$0/$1" || exit 1
      # size=10 | api_key=18 ApiVersions | api_version=0 | correlation_id="KLOO" | client_id=""
      printf "\x00\x00\x00\x0a\x00\x12\x00\x00\x4b\x4c\x4f\x4f\x00\x00" >&3
      head -c 8 <&3 | od -An -tx1' "$host" "$port" 2>/dev/null)" || return 1
  reply="${reply//[[:space:]]/}"
  [[ "${reply:8:8}" == "4b4c4f4f" ]]
}

# Pid of the broker this folder started, if it is still running; empty otherwise.
our_broker_pid() { pid_from_file "$KAFKA_PID_FILE" "kafka.Kafka $KAFKA_PROPS"; }

# Fetches the jars of kafka/pom.xml into $KAFKA_LIB_DIR unless they are there for the
# current pom (a marker holds the pom's hash, so a version bump refetches), then checks the
# broker, client and tools jars are one Kafka version.
ensure_jars() {
  local pom="$KAFKA_DIR/pom.xml" marker="$KAFKA_LIB_DIR/.fetched" want mvn
  want="$(sha256sum "$pom" | cut -d' ' -f1)"
  if [[ ! -f "$marker" || "$(cat "$marker")" != "$want" ]]; then
    if [[ -x "$REPO_ROOT/mvnw" ]]; then mvn="$REPO_ROOT/mvnw"; else mvn="mvn"; fi
    log "Fetching broker jars into $KAFKA_LIB_DIR ($mvn) ..."
    mkdir -p "$KAFKA_LIB_DIR"
    rm -f "$KAFKA_LIB_DIR"/*.jar "$marker"
    (cd "$REPO_ROOT" && "$mvn" -q -B -f "$pom" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB_DIR") >&2 \
      || die "could not fetch the jars of $pom"
    echo "$want" >"$marker"
  fi
  check_kafka_versions
}

# The broker (kafka_2.13) comes from the Quarkus BOM, kafka-tools from a property in the
# pom; both must match the kafka-clients version the application uses.
check_kafka_versions() {
  local jar name v versions=""
  KAFKA_VERSION=""
  for name in kafka-clients kafka_2.13 kafka-tools; do
    v=""
    for jar in "$KAFKA_LIB_DIR/$name"-[0-9]*.jar; do
      [[ -e "$jar" ]] || die "$name jar missing in $KAFKA_LIB_DIR (delete $KAFKA_LIB_DIR/.fetched to refetch)"
      [[ -z "$v" ]] || die "two $name jars in $KAFKA_LIB_DIR; delete $KAFKA_LIB_DIR to refetch"
      v="${jar##*/$name-}"; v="${v%.jar}"
    done
    versions+="$name=$v "
    if [[ -z "$KAFKA_VERSION" ]]; then
      KAFKA_VERSION="$v"
    elif [[ "$v" != "$KAFKA_VERSION" ]]; then
      die "Kafka jar versions differ: ${versions% } (kafka_2.13 and kafka-tools must equal kafka-clients)"
    fi
  done
}
