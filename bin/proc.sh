# Process helpers shared by kafka/*.sh and keycloak/*.sh (sourced, not run): timing, messages, a TCP probe, the
# pid of a process a folder started, a bounded stop, and the steps the stop scripts share.

now_ms() { echo $(($(date +%s%N) / 1000000)); }
# Seconds since a now_ms value, with one decimal.
since() { local d=$(($(now_ms) - $1)); printf '%d.%d' $((d / 1000)) $((d % 1000 / 100)); }
log() { printf '%s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# True when something accepts TCP connections on host:port.
port_open() {
  timeout 1 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# pid_from_file PID_FILE MARK: the pid in PID_FILE if that process still runs and its command line contains MARK;
# empty otherwise. The command line check keeps a stale pid file whose number was reused from being mistaken for
# ours, and a zombie (empty command line; kill -0 still succeeds on it) counts as gone.
pid_from_file() {
  local pid
  [[ -f "$1" ]] || return 0
  pid="$(cat "$1" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -F "$2"; then
    echo "$pid"
  fi
}

# True once pid has fully exited (no /proc entry, or a zombie: its sockets are closed then).
# An empty command line is not enough: it empties when the memory is released, slightly
# before the process closes its files (and ports).
process_gone() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat="${stat##*) }"
  [[ "${stat:0:1}" == "Z" ]]
}

# stop_process PID TIMEOUT NAME: SIGTERM, up to TIMEOUT seconds for a clean exit, then SIGKILL and up to 10 s more
# (fails if it survives that). NAME is what the messages call it.
stop_process() {
  local pid="$1" timeout="$2" name="$3" deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while ! process_gone "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if ! process_gone "$pid"; then
    log "$name pid $pid still running after ${timeout}s; sending SIGKILL."
    kill -KILL "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 10))
    while ! process_gone "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    process_gone "$pid" || die "$name pid $pid survived SIGKILL for 10s"
  fi
}

# wipe_flag ARG: what a stop script's one optional argument asks: false for none, true for --wipe; dies with the
# usage otherwise.
wipe_flag() {
  case "${1:-}" in
    "") echo false ;;
    --wipe) echo true ;;
    *) die "usage: $0 [--wipe]" ;;
  esac
}

# stop_started NAME PID PID_FILE TIMEOUT FROM: stops PID (the one FROM started, found through PID_FILE; empty when
# none runs) as stop_process does, removes PID_FILE and says what it did. False when nothing was running.
stop_started() {
  local name="$1" pid="$2" pid_file="$3" timeout="$4" from="$5" started_at
  if [[ -z "$pid" ]]; then
    rm -f "$pid_file"
    echo "No $name started from $from is running."
    return 1
  fi
  started_at=$(now_ms)
  stop_process "$pid" "$timeout" "$name"
  rm -f "$pid_file"
  echo "Stopped $name pid $pid in $(since "$started_at")s."
}
