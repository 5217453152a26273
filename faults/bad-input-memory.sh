#!/usr/bin/env bash
# faults/bad-input-memory.sh [ROUNDS] - the bad-input corpus sent ROUNDS times (default 20) through REST and
# images.raw to a private instance (faults/lib.sh); prints the service's RSS before and after and its peak,
# and checks that it still serves and ingested every acceptable file.
# Last line: RESULT scenario=bad-input-memory rounds=<n> rss_before_mb=<a> rss_after_mb=<b> peak_rss_mb=<p>
. "$(dirname "$0")/lib.sh"
ROUNDS=${1:-20}
setup bad-input-memory
rss() { awk -v k="$1" '$1 == k":" {printf "%d", $2 / 1024}' "/proc/$SERVICE_PID/status"; }
sleep 5
BEFORE=$(rss VmRSS)
say "RSS before: ${BEFORE} MB"
driver corpus "$BASE_URL" "$BOOTSTRAP" "$RUN" "$ROUNDS" "$LAB"
sleep 10
AFTER=$(rss VmRSS)
PEAK=$(rss VmHWM)
say "RSS after: ${AFTER} MB, peak ${PEAK} MB"
say "images stored: kafka $(sql "select count(*) from image where source_id = '$RUN'"), rest $(sql "select count(*) from image where source_id = '$RUN-rest'") (5 acceptable files per round; REST sends the same bytes after Kafka, so it answers 200 duplicate)"
say "dead letters: $(driver topic "$BOOTSTRAP" images.dlq "" | tr -d '\n') (the whole topic; 5 refusable files per round)"
say "readiness: $(ready_status)"
echo "RESULT scenario=bad-input-memory rounds=$ROUNDS rss_before_mb=$BEFORE rss_after_mb=$AFTER peak_rss_mb=$PEAK"
[ "$(ready_status)" = 200 ] && kill -0 "$SERVICE_PID"
