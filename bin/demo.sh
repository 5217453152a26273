# The local demo, sourced by bin/run --demo / --doctor after the build, broker and database (not executed
# on its own): starts the service in the background with a loop tuned to turn within minutes, creates the
# demo users, starts the simulated microscopes and, with --doctor, the simulated doctor. Ctrl-C stops all.
PORT=${QUARKUS_HTTP_PORT:-8080}
URL=http://127.0.0.1:$PORT
MANAGEMENT_URL=http://127.0.0.1:${QUARKUS_MANAGEMENT_PORT:-9000}
export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:${KAFKA_PORT:-9092}}
mkdir -p .run/demo
if [ -n "${KARYOLOOP_DEMO_PASSWORD:-}" ]; then
  ADMIN_PW=$KARYOLOOP_DEMO_PASSWORD DOCTOR_PW=$KARYOLOOP_DEMO_PASSWORD OPERATOR_PW=$KARYOLOOP_DEMO_PASSWORD
elif [ -s .run/demo/users.env ]; then
  # The users live in the database from the first demo run on: their passwords must stay the same.
  . .run/demo/users.env
else
  pw() { head -c 12 /dev/urandom | base64 | tr -d '/+='; }
  ADMIN_PW=$(pw) DOCTOR_PW=$(pw) OPERATOR_PW=$(pw)
  (umask 077; printf 'ADMIN_PW=%s\nDOCTOR_PW=%s\nOPERATOR_PW=%s\n' "$ADMIN_PW" "$DOCTOR_PW" "$OPERATOR_PW" \
    > .run/demo/users.env)
fi

# Demo operating point (documented in README): train after 50 labels, so a laptop turns the loop in minutes
# (the default spreadmeasures-v1 model trains in seconds); calibration and rollout gates lowered so a few dozen
# labels can decide. The real defaults (200 labels, precision 0.90 as a Wilson lower bound on 30+ labels) stay
# for real runs.
export KARYOLOOP_TRAINING_MIN_NEW_LABELS=${KARYOLOOP_TRAINING_MIN_NEW_LABELS:-50}
export KARYOLOOP_TRAINING_TARGET_PRECISION=${KARYOLOOP_TRAINING_TARGET_PRECISION:-0.6}
export KARYOLOOP_TRAINING_MIN_PREDICTED_GOOD=${KARYOLOOP_TRAINING_MIN_PREDICTED_GOOD:-2}
export KARYOLOOP_ROLLOUT_TARGET_PRECISION=${KARYOLOOP_ROLLOUT_TARGET_PRECISION:-0.3}
export KARYOLOOP_ROLLOUT_MIN_CANARY_LABELS=${KARYOLOOP_ROLLOUT_MIN_CANARY_LABELS:-10}
export KARYOLOOP_ROLLOUT_MIN_CANARY_GOOD_PREDICTIONS=${KARYOLOOP_ROLLOUT_MIN_CANARY_GOOD_PREDICTIONS:-3}
export KARYOLOOP_ROLLOUT_MIN_STEP_DURATION=${KARYOLOOP_ROLLOUT_MIN_STEP_DURATION:-30s}
export KARYOLOOP_ROLLOUT_RECALL_TOLERANCE=${KARYOLOOP_ROLLOUT_RECALL_TOLERANCE:-0.5}
# The canary starts at half the traffic and every canary-scored image is sent for a label, so that one simulated
# doctor gathers the canary's evidence in minutes (production: 10,50,100 and a 20% audit share).
export KARYOLOOP_ROLLOUT_WEIGHT_STEPS=${KARYOLOOP_ROLLOUT_WEIGHT_STEPS:-50,100}
export KARYOLOOP_SAMPLING_CANARY_AUDIT_SHARE=${KARYOLOOP_SAMPLING_CANARY_AUDIT_SHARE:-1.0}
# A canary that has not earned promotion in 10 minutes is rolled back (production: 24 h), so that a weak candidate
# does not hold the canary slot for the rest of the demo: the candidate of a later training round starts its own.
export KARYOLOOP_ROLLOUT_CANARY_DEADLINE=${KARYOLOOP_ROLLOUT_CANARY_DEADLINE:-10m}
# One simulated doctor cannot finish a blind double read: every task is read once in the demo, held-out slides too.
export KARYOLOOP_ANNOTATION_SECOND_READ_SHARE=${KARYOLOOP_ANNOTATION_SECOND_READ_SHARE:-0}
export KARYOLOOP_ANNOTATION_SECOND_READ_HELD_OUT=${KARYOLOOP_ANNOTATION_SECOND_READ_HELD_OUT:-false}
export KARYOLOOP_SAMPLING_HOURLY_BUDGET=${KARYOLOOP_SAMPLING_HOURLY_BUDGET:-1200}
export KARYOLOOP_SAMPLING_DAILY_BUDGET=${KARYOLOOP_SAMPLING_DAILY_BUDGET:-10000}
export KARYOLOOP_SAMPLING_MIN_UNCERTAINTY=${KARYOLOOP_SAMPLING_MIN_UNCERTAINTY:-0.3}
export KARYOLOOP_SAMPLING_EXPLORATION_SHARE=${KARYOLOOP_SAMPLING_EXPLORATION_SHARE:-0.3}

PIDS=()
stop_demo() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_demo EXIT
trap 'exit 130' INT TERM

# shellcheck disable=SC2086
KARYOLOOP_ADMIN_USER=demo-admin KARYOLOOP_ADMIN_PASSWORD=$ADMIN_PW \
  java $KARYOLOOP_DJL_OPTS ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar &
PIDS+=($!)
echo "[demo] waiting for the service to be ready at $URL"
KL_TAG=demo kl_await_ready "$MANAGEMENT_URL" 240 "${PIDS[0]}"
for user in doctor operator; do
  pwvar=$(echo "${user}_PW" | tr '[:lower:]' '[:upper:]')
  code=$(curl -s -o /dev/null -w '%{http_code}' -u "demo-admin:$ADMIN_PW" -H 'Content-Type: application/json' \
    -d "{\"username\":\"demo-$user\",\"password\":\"${!pwvar}\",\"roles\":[\"$user\"]}" "$URL/api/admin/users")
  case "$code" in 201|409) ;; *) echo "[demo] creating demo-$user answered $code" >&2 ;; esac
done
echo "[demo] ================================================================================"
echo "[demo] doctors' page    $URL/annotate/   demo-doctor / $DOCTOR_PW"
echo "[demo] operators' page  $URL/operate/    demo-operator / $OPERATOR_PW"
echo "[demo] admin                            demo-admin / $ADMIN_PW   (kept in .run/demo/users.env)"
echo "[demo] ================================================================================"
# The demo microscopes' slides are rich in usable spreads (30% GOOD, 30% FAIR instead of the lab's 6% / 16%), so
# that the 50 labels of a demo round hold enough GOOD examples to train and calibrate on; bench/quality.sh measures
# the lab's real mix. A new seed each run: the same images again would be deduplicated by ingest and give no new work.
SEED=$(date +%s)
# The microscopes and the doctor run from the class path bin/run has just built: no second build, none at once.
TOOLS_CP=$(kl_tools_cp)
java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$TOOLS_CP" org.karyoloop.synth.SynthCli microscope --kafka "$KAFKA_BOOTSTRAP_SERVERS" --topic images.raw --rate "${KARYOLOOP_DEMO_RATE:-1}" --count 1000000 \
  --size "${KARYOLOOP_DEMO_SIZE:-1024}" --good-share "${KARYOLOOP_DEMO_GOOD_SHARE:-0.3}" \
  --fair-share "${KARYOLOOP_DEMO_FAIR_SHARE:-0.3}" --images-per-slide 2 --seed "$SEED" --threads 1 --manifest .run/demo/manifest.jsonl \
  > .run/demo/microscope.log 2>&1 &
PIDS+=($!)
echo "[demo] simulated microscopes: ${KARYOLOOP_DEMO_RATE:-1} image/s (log .run/demo/microscope.log)"
if [ "$DOCTOR" = 1 ]; then
  KARYOLOOP_DOCTOR_PASSWORD=$DOCTOR_PW java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$TOOLS_CP" \
    org.karyoloop.synth.SynthCli doctor --url "$URL" --user demo-doctor \
    --manifest .run/demo/manifest.jsonl --pace-ms "${KARYOLOOP_DEMO_DOCTOR_PACE_MS:-1500}" --seed "$SEED" &
  PIDS+=($!)
  echo "[demo] simulated doctor labeling as demo-doctor"
fi
wait "${PIDS[0]}"
