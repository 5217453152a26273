#!/usr/bin/env bash
# bench/quality.sh [--quick] [options] - the model-quality benchmark on synthetic metaphases.
#
# Method (one JVM, DJL/PyTorch on the CPU, jemalloc when installed):
#  1. Data (generated once by the synth generator, preprocessed by the shared Preprocessor, cached in
#     bench/.cache): a legacy archive (domain legacy, legacy labels: 40% of acceptable spreads filed
#     POOR; default 5,000 images), a new-domain pool (4,000) labelled only when picked, by the simulated
#     doctor (10% disagreement), and a frozen new-domain test set (2,000) with true grades, never trained
#     on. Rendered at 256x256, model input 96x96.
#  2. naive: legacy labels only, plain cross entropy, no class balancing or augmentation, argmax, no
#     background normalisation (autolevel/automask off).
#  3. legacy-only: spreadnet-v1 pre-trained on the archive with autolevel+automask, focal loss,
#     class-balanced sampling, augmentation, legacy negatives at weight 0.3; threshold calibrated on the
#     archive's validation slides.
#  4. sampling / random: rounds of 100 picks up to 500 doctor labels; after each round the model is
#     retrained from the pre-trained one on the doctor labels of training slides plus the archive (at a
#     lower weight) and its GOOD threshold calibrated (precision >= 0.90, highest recall) on the doctor
#     labels of validation slides. "sampling" picks as the sampling role does (a fifth random, the rest
#     most likely GOOD / nearest the threshold, at most two per slide); "random" picks at random.
# Prints per arm and label count: GOOD precision and recall at the calibrated threshold and 3-class
# accuracy on the test set; writes bench/out/quality.png; last line:
#   RESULT good_precision=<p> good_recall=<r> labels=<n> labels_random_to_target=<m> naive_precision=<q> naive_recall=<s>
# --quick: 600 legacy / 800 pool / 400 test images at 192x192 -> 64x64, 100 labels in 2 rounds (a check, minutes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. bin/env.sh
mkdir -p .run
if [ ! -f target/test-classes/org/karyoloop/bench/QualityBench.class ] || [ -n "$(find src -newer target/test-classes/org/karyoloop/bench/QualityBench.class -name '*.java' | head -1)" ]; then
  ./mvnw -q -o -B test-compile -Dquarkus.generate-code.skip=true
fi
if [ ! -f .run/test-classpath.txt ] || [ pom.xml -nt .run/test-classpath.txt ]; then
  ./mvnw -q -o -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=.run/test-classpath.txt
fi
echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc)"
exec java -Xmx3g $KARYOLOOP_DJL_OPTS -Djava.awt.headless=true -Dorg.jboss.logging.provider=slf4j \
  -cp "target/test-classes:target/classes:$(cat .run/test-classpath.txt)" org.karyoloop.bench.QualityBench "$@"
