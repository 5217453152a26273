#!/usr/bin/env bash
# bench/quality.sh [--quick] [options] - the model-quality benchmark on synthetic metaphases.
#
# Method (one JVM, DJL/PyTorch on the CPU, jemalloc when installed):
#  1. Data (generated once by the synth generator at its native 1,024 x 1,024, preprocessed by the shared
#     Preprocessor, cached in bench/.cache): a legacy archive (domain legacy, legacy labels: 40% of acceptable
#     spreads filed POOR; default 5,000 images), a new-domain pool (4,000) labelled only when picked, by the
#     simulated doctor (10% disagreement), and a frozen new-domain test set (2,000) with true grades, never
#     trained on. Model input: the spread's measurements (SpreadMeter: chromosome count, separated and crossing
#     objects, clusters, focus, condensation), architecture spreadmeasures-v1, as the training role trains by default.
#  2. naive: legacy labels only, the pixel CNN (spreadnet-v1) on 96 x 96 inputs without background
#     normalisation (autolevel/automask off), plain cross entropy, no class balancing or augmentation, argmax.
#  3. legacy-only: spreadmeasures-v1 trained on the archive (cross entropy, class-balanced, legacy negatives at
#     weight 0.3, 20 epochs); threshold calibrated on the archive's validation slides.
#  4. sampling / random: rounds of 100 doctor reads up to 500; after each round the model is retrained from the
#     pre-trained one (30 epochs of 2,000 draws) on the doctor labels of training slides plus the archive (at a
#     lower weight) and its GOOD threshold calibrated (precision >= 0.90, highest recall) on the labels of
#     validation slides, which are read twice and adjudicated by a third read when the two disagree, as the
#     annotation role does for held-out slides (every read counts against the 500; --adjudicate false: one read).
#     "sampling" picks as the sampling role does (a fifth random, the rest most likely GOOD / nearest the
#     threshold, at most two per slide); "random" picks at random.
# Prints per arm and label count: GOOD precision and recall at the calibrated threshold and 3-class accuracy on
# the test set; writes bench/out/quality.png; last line:
#   RESULT good_precision=<p> good_recall=<r> labels=<n> labels_random_to_target=<m> naive_precision=<q> naive_recall=<s>
#     min_precision_after_target=<lowest sampling test precision over the rounds after its first meeting the target>
# --calibration-z Z: z of the Wilson lower bound of validation precision the threshold is calibrated on (default
#   1.0, as the training role; 0 = the point estimate).
# --checkpoint average|validation-loss|calibrated-recall: which parameters each training run keeps (default: the
#   training role's, the mean of the second half of the epochs; validation-loss: the epoch of the lowest validation
#   cross-entropy; calibrated-recall: the epoch whose calibration shows the best recall on validation).
# --quick: 600 legacy / 800 pool / 400 test images, 100 reads in 2 rounds (a check, minutes).
# --test-domain SPEC / --pool-domain SPEC: the frozen test set / the pool from another domain than new, given as a
#   domain spec (docs/synthetic.md, "Domain specs"), e.g. --test-domain shifted:blur=1.3,scale=0.85,jpeg=70,noise=2-6
#   (a domain the pool never saw) or --pool-domain fluorescence --test-domain fluorescence (the loop on
#   fluorescence); each data set is cached under a hash of its whole generator configuration and, for measured sets, a digest of
#   the measurement's classes and fitted constants (MeasurementVersion).
# --arch spreadnet-v1|spreadnet-v2 --input PX [--crop true]: the pixel CNNs instead (bench/CHANGELOG.md, 2026-11-29).
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
kl_build_if_stale
echo "allocator: $KARYOLOOP_ALLOCATOR; cores: $(nproc)"
exec java -Xmx3g ${BENCH_JAVA_OPTS:-} $KARYOLOOP_DJL_OPTS -Djava.awt.headless=true -Dorg.jboss.logging.provider=slf4j \
  -cp "$(kl_tools_cp)" org.karyoloop.bench.QualityBench "$@"
