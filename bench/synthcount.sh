#!/usr/bin/env bash
# bench/synthcount.sh [N=120] [SIZE=1024] [DOMAIN_SPEC...] - what the measurement counts on synthetic spreads,
# against the generator's truth.
#
# Method (one JVM, pure Java): N spreads per domain (default: new and fluorescence; seed 31, 40 % GOOD, 40 % FAIR)
# are generated at SIZE x SIZE and measured by ml.spread.SpreadMeter as scoring measures them. Per true grade: the
# share counted exactly, within 2, the mean absolute error and bias of the chromosome count, and the clusters
# found against the true touching + overlapping pairs. GOOD needs exactly 46 chromosomes and no touching or
# overlapping pair, so "46_no_clust" (GOOD against FAIR) says how far the count alone separates the two.
# Synthetic images only. -Drows=true prints every image, -Ddump=DIR writes a picture of each (BENCH_JAVA_OPTS).
#   bash bench/synthcount.sh --fit [N=300] [SIZE=1024] [DOMAIN_SPEC...]: refits the bright-field object counter
#   (src/main/resources/org/karyoloop/ml/spread/object-counter-brightfield.txt) on the bodies of N labelled
#   synthetic bright-field spreads (default domains new and legacy, seed 41), each body's truth from the
#   generator's exact chromosome masks.
# Last line per domain: RESULT domain=<spec> good_exact46_noclusters=<g> fair_exact46_noclusters=<f>
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
kl_build_if_stale
kl_tool -Xmx4g ${BENCH_JAVA_OPTS:-} -Djava.awt.headless=true org.karyoloop.bench.SynthCounts "$@"
