# The one shell library of bin/, bench/, faults/ and .ci/run (sourced, not run): build and class path,
# PostgreSQL, Kafka, the service and its readiness, a TCP probe. Sourcing it cds to the repository root and
# sources bin/env.sh (jemalloc, DJL). Every function prefixed kl_; nothing runs at source time but that.
#
# Environment (all optional):
#   DB_HOST, DB_PORT, DB_USER   the PostgreSQL every kl_pg_* and kl_psql call talks to (127.0.0.1, 5432, postgres)
#   KARYOLOOP_MVN_ARGS          extra Maven arguments for every build, e.g. -o or -Dmaven.repo.local=DIR
KL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$KL_ROOT"
# shellcheck source=env.sh
. "$KL_ROOT/bin/env.sh"
export DB_HOST=${DB_HOST:-127.0.0.1} DB_PORT=${DB_PORT:-5432} DB_USER=${DB_USER:-postgres}
mkdir -p "$KL_ROOT/.run"

kl_log() { printf '[%s] %s\n' "${KL_TAG:-karyoloop}" "$*" >&2; }

# ---- TCP ---------------------------------------------------------------------------------------------------
# True when something accepts TCP connections on host:port within 1 s.
kl_port_open() { timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null; }

# ---- Build and class path ------------------------------------------------------------------------------------
# Runs the Maven wrapper with a progress line per plugin goal on stderr (the full log in .run/build.log), one
# build at a time per checkout (a lock), so that processes started together never write target/ at once.
kl_mvn() {
  local rc
  (
    flock -w 900 9 || { kl_log "another build holds .run/build.lock"; exit 1; }
    # shellcheck disable=SC2086
    ./mvnw -B ${KARYOLOOP_MVN_ARGS:-} "$@" >"$KL_ROOT/.run/build.log" 2>&1 &
    local mvn=$!
    tail -n +1 --pid="$mvn" -F "$KL_ROOT/.run/build.log" 2>/dev/null \
      | sed -un 's/^\[INFO\] --- \([^ ]*\) .*(\([^)]*\)) @ \([^ ]*\) ---$/[build] \3: \1 (\2)/p' >&2
    wait "$mvn"
  ) 9>"$KL_ROOT/.run/build.lock"
  rc=$?
  if [ "$rc" != 0 ]; then
    grep -E '^\[ERROR\]' "$KL_ROOT/.run/build.log" | head -20 >&2
    kl_log "the build failed (full log: .run/build.log)"
  fi
  return "$rc"
}

# Builds the generator (synth/), the service (target/quarkus-app: what bin/run, the benchmarks and the fault scenarios start) and the
# local tools (tools/, with their class path tools/target/classpath.txt) in one reactor (tools/reactor.xml).
kl_build() {
  kl_log "building the generator, the service and tools/ (./mvnw -f tools/reactor.xml package -DskipTests; minutes the first time)"
  local started=$SECONDS
  kl_mvn -f tools/reactor.xml package -DskipTests || return 1
  touch "$KL_ROOT/.run/build.stamp"
  kl_log "built in $((SECONDS - started)) s"
}

# Builds only when a source or pom is newer than the last build (for tools that start often, like bin/synth).
kl_build_if_stale() {
  if [ ! -f .run/build.stamp ] || [ ! -s tools/target/classpath.txt ] || [ ! -f target/quarkus-app/quarkus-run.jar ] \
      || [ -n "$(find pom.xml src synth/pom.xml synth/src tools/pom.xml tools/reactor.xml tools/src -newer .run/build.stamp -type f -print -quit)" ]; then
    kl_build
  fi
}

# The class path of the programs that are not the service (the synthetic generator, the benchmark and fault
# drivers, LocalPostgres): tools/ and its runtime libraries, the service's jar among them; no test libraries.
kl_tools_cp() { printf '%s' "$KL_ROOT/tools/target/classes:$(cat "$KL_ROOT/tools/target/classpath.txt")"; }

# Runs a tool's main class on that class path in the foreground: kl_tool [JVM options...] MAIN_CLASS [args...]
# (in the background, start java -cp "$(kl_tools_cp)" itself, so that $! is the JVM).
kl_tool() {
  local opts=()
  while [ "$#" -gt 0 ] && [ "${1#-}" != "$1" ]; do opts+=("$1"); shift; done
  java "${opts[@]}" -cp "$(kl_tools_cp)" "$@"
}

# ---- PostgreSQL ---------------------------------------------------------------------------------------------
kl_psql() { PGOPTIONS="-c client_min_messages=warning" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -v ON_ERROR_STOP=1 "$@"; }

# Drops and creates database $1 on DB_HOST:DB_PORT.
kl_pg_fresh_db() { kl_psql -d postgres -qc "drop database if exists $1 with (force)" -c "create database $1"; }

# The bin folder of the newest PostgreSQL installed (pg_config, else /usr/lib/postgresql/*/bin).
kl_pg_bin() {
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { kl_log "no PostgreSQL server binaries (initdb) found"; return 1; }
  echo "$dir"
}

# A PostgreSQL answers on DB_HOST:DB_PORT: the one there, else (local address only) the system cluster.
kl_pg_ensure_system() {
  kl_port_open "$DB_HOST" "$DB_PORT" && return 0
  if [ "$DB_HOST" = 127.0.0.1 ] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    kl_log "starting the system PostgreSQL cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main start || true
    for _ in $(seq 1 30); do kl_port_open "$DB_HOST" "$DB_PORT" && return 0; sleep 1; done
  fi
  return 1
}

# A PostgreSQL answers on DB_HOST:DB_PORT: as kl_pg_ensure_system, else (local address only) an embedded one
# from Maven with its data in .run/pg (needs a build: it runs LocalPostgres).
kl_pg_ensure() {
  kl_pg_ensure_system && return 0
  [ "$DB_HOST" = 127.0.0.1 ] || { kl_log "no PostgreSQL answers on $DB_HOST:$DB_PORT"; return 1; }
  kl_log "no PostgreSQL on $DB_HOST:$DB_PORT: starting an embedded one (data in .run/pg, log .run/pg.log)"
  java -cp "$(kl_tools_cp)" org.karyoloop.tools.LocalPostgres embedded "$DB_PORT" "$KL_ROOT/.run/pg" >"$KL_ROOT/.run/pg.log" 2>&1 &
  echo $! >"$KL_ROOT/.run/pg.pid"
  for _ in $(seq 1 60); do kl_port_open "$DB_HOST" "$DB_PORT" && return 0; sleep 1; done
  kl_log "the embedded PostgreSQL did not answer within 60 s (.run/pg.log)"
  return 1
}

# Creates database $1 on DB_HOST:DB_PORT unless it exists (through JDBC: no psql needed).
kl_pg_ensure_db() { kl_tool org.karyoloop.tools.LocalPostgres ensure-db "$DB_HOST" "$DB_PORT" "$1"; }

# A private cluster (initdb as user postgres into $1, trust auth) on 127.0.0.1:$2, for scenarios that stop it.
kl_pg_private_start() {
  local dir=$1 port=$2 bin
  bin=$(kl_pg_bin) || return 1
  if [ ! -f "$dir/PG_VERSION" ]; then
    mkdir -p "$dir" && chown postgres "$dir"
    runuser -u postgres -- "$bin/initdb" -D "$dir" -A trust -U postgres >/dev/null
  fi
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1 && return 0
  runuser -u postgres -- "$bin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=60" start >/dev/null
}
kl_pg_private_running() {
  local bin
  bin=$(kl_pg_bin) || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$1" status >/dev/null 2>&1
}
kl_pg_private_stop() {
  local bin
  bin=$(kl_pg_bin) || return 0
  [ -f "$1/postmaster.pid" ] && runuser -u postgres -- "$bin/pg_ctl" -D "$1" -w -t 60 -m fast stop >/dev/null || true
}

# ---- Kafka --------------------------------------------------------------------------------------------------
# The shared local broker on 127.0.0.1:9092 (started unless one answers) and the topics of kafka/topics.tsv.
kl_kafka_start() { bash kafka/start.sh && bash kafka/create-topics.sh; }

# A private broker: kl_kafka_private HOME PORT CONTROLLER_PORT COMMAND [args] runs kafka/COMMAND.sh against it
# (start, stop, create-topics), e.g. kl_kafka_private .run/x 29492 29493 start.
kl_kafka_private() {
  local home=$1 port=$2 controller=$3 cmd=$4
  shift 4
  [ "$port" != 9092 ] || { kl_log "refusing the shared broker port 9092 for a private broker"; return 2; }
  env -u KAFKA_BOOTSTRAP KAFKA_PORT="$port" KAFKA_CONTROLLER_PORT="$controller" KARYOLOOP_KAFKA_HOME="$home" \
    KAFKA_HEAP="${KAFKA_HEAP:-512m}" KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}" bash "kafka/$cmd.sh" "$@"
}

# A private broker with its data wiped first and the catalog's topics: HOME PORT CONTROLLER_PORT.
kl_kafka_private_fresh() {
  kl_kafka_private "$1" "$2" "$3" stop >/dev/null 2>&1 || true
  rm -rf "$1"
  kl_kafka_private "$1" "$2" "$3" start >/dev/null && kl_kafka_private "$1" "$2" "$3" create-topics >/dev/null
}

# ---- The service --------------------------------------------------------------------------------------------
# Starts the built service in the background: kl_service_start LOG [JVM options...]; the environment of the
# caller configures it (DB_*, KAFKA_BOOTSTRAP_SERVERS, QUARKUS_*, KARYOLOOP_*). Sets KL_SERVICE_PID.
kl_service_start() {
  local log=$1
  shift
  # shellcheck disable=SC2086
  java $KARYOLOOP_DJL_OPTS ${JAVA_OPTS:-} "$@" -jar "$KL_ROOT/target/quarkus-app/quarkus-run.jar" >>"$log" 2>&1 &
  KL_SERVICE_PID=$!
}

# HTTP status of BASE_URL/q/health/ready; 000 when it did not answer within ${2:-5} s.
kl_ready_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "$1/q/health/ready" || true; }

# Waits until BASE_URL answers ready: kl_await_ready BASE_URL LIMIT_S [PID [LOG]]. Fails (with the log's tail)
# when PID exits first or LIMIT_S pass.
kl_await_ready() {
  local url=$1 limit=$2 pid=${3:-} log=${4:-} started=$SECONDS
  until [ "$(kl_ready_status "$url")" = 200 ]; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      kl_log "the service exited before it was ready"
      [ -z "$log" ] || tail -n 30 "$log" >&2
      return 1
    fi
    if ((SECONDS - started > limit)); then
      kl_log "the service was not ready after ${limit} s: $(curl -s --max-time 5 "$url/q/health/ready")"
      [ -z "$log" ] || tail -n 30 "$log" >&2
      return 1
    fi
    sleep 1
  done
  kl_log "ready at $url after $((SECONDS - started)) s"
}
