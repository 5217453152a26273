#!/usr/bin/env bash
# faults/upload-memory.sh [PARALLEL] - bounded uploads: the ingest role of a private instance (faults/lib.sh, heap
# -Xmx768m) takes PARALLEL (default 8) uploads of the largest accepted size (karyoloop.ingest.max-bytes, 48 MiB;
# random bytes behind a PNG signature, so each is read whole and then refused as not decodable) at once, each from
# a client address of its own (127.0.0.2, 127.0.0.3, ...: the per-client cap is not what is measured), while the
# service's VmRSS is sampled every 100 ms; then an upload that declares more than karyoloop.http.max-upload-bytes
# is timed to its 413. The budget (UPLOAD_RSS_BUDGET_MB, default 1280) is the heap limit plus 512 MB of native
# memory (metaspace, code cache, threads, Netty's direct buffers).
# Last line: RESULT scenario=upload-memory parallel=<n> rss_before_mb=<a> peak_rss_mb=<p> budget_mb=<b>
#            within_budget=<yes|no> oversize_413_ms=<t> oversize_sent_bytes=<s>
. "$(dirname "$0")/lib.sh"
PARALLEL=${1:-8}
BUDGET_MB=${UPLOAD_RSS_BUDGET_MB:-1280}
MAX_IMAGE_BYTES=50331648
export KARYOLOOP_ROLE=ingest
setup upload-memory
rss() { awk -v k="$1" '$1 == k":" {printf "%d", $2 / 1024}' "/proc/$SERVICE_PID/status"; }
BODY=$FAULTS_RUN_DIR/upload-memory-body.png
OVERSIZE=$FAULTS_RUN_DIR/upload-memory-oversize.bin
{ printf '\x89PNG\r\n\x1a\n'; head -c $((MAX_IMAGE_BYTES - 8)) /dev/urandom; } >"$BODY"
head -c 62914560 /dev/zero >"$OVERSIZE"
sleep 5
BEFORE=$(rss VmRSS)
say "RSS before: ${BEFORE} MB (peak so far $(rss VmHWM) MB)"
PEAK=$BEFORE
codes=()
uploads=()
for i in $(seq 1 "$PARALLEL"); do
    curl -s -o /dev/null -w '%{http_code}\n' --interface "127.0.0.$((i + 1))" -u "$LAB" -H 'Content-Type: image/png' \
        --data-binary @"$BODY" "$BASE_URL/api/images" >"$FAULTS_RUN_DIR/upload-memory-$i.code" &
    uploads+=($!)
done
DRIVER_PIDS=("${uploads[@]}")
# Only the uploads: the service is a background job of this shell too.
running() { local pid; for pid in "${uploads[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
while running; do
    now=$(rss VmRSS)
    [ "$now" -gt "$PEAK" ] && PEAK=$now
    sleep 0.1
done
for i in $(seq 1 "$PARALLEL"); do codes+=("$(cat "$FAULTS_RUN_DIR/upload-memory-$i.code")"); done
DRIVER_PIDS=()
HWM=$(rss VmHWM)
say "answers: ${codes[*]} (415/422: read whole, then refused as not an image)"
say "RSS peak sampled ${PEAK} MB, VmHWM ${HWM} MB, after $(rss VmRSS) MB; budget ${BUDGET_MB} MB"
[ "$HWM" -gt "$PEAK" ] && PEAK=$HWM
# Declared over the limit: curl waits for 100 Continue, which never comes; the 413 arrives from the headers.
read -r code ms sent < <(curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_upload}\n' -u "$LAB" \
    -H 'Content-Type: image/png' --data-binary @"$OVERSIZE" "$BASE_URL/api/images" |
    awk '{printf "%s %d %s\n", $1, $2 * 1000, $3}')
say "oversize upload (62914560 bytes declared): $code in $ms ms, $sent body bytes sent"
WITHIN=no
[ "$PEAK" -le "$BUDGET_MB" ] && WITHIN=yes
echo "RESULT scenario=upload-memory parallel=$PARALLEL rss_before_mb=$BEFORE peak_rss_mb=$PEAK budget_mb=$BUDGET_MB within_budget=$WITHIN oversize_413_ms=$ms oversize_sent_bytes=$sent"
[ "$WITHIN" = yes ] && [ "$code" = 413 ] && [ "$ms" -lt 100 ] && [ "$(ready_status)" = 200 ]
