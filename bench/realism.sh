#!/usr/bin/env bash
# bench/realism.sh [--domain SPEC] [--count N] [--seed S] [--width W --height H] [--real DIR] - how real the
# generator's spreads look to karyoloop's own measurements.
#
# Method (one JVM, no Kafka, no database): every measurement of SpreadMeter (the 26 of SpreadMeter.NAMES, computed
# by SpreadMeter.measure with the modality detected from the content, as scoring does) on the DAPI plane of every
# shared ADIR M-FISH cell (../shared/testdata/adir-mfish/cases, 117 cells) and on N synthetic spreads (default 240)
# of the domain SPEC (default fluorescence; docs/synthetic.md, "Domain specs") at the real cells' 645 x 517 frame,
# default grade mix, 10 images per slide. Per measurement: medians, 10th-90th percentiles and the two-sample
# Kolmogorov-Smirnov statistic (largest gap between the two empirical distribution functions).
# Writes bench/out/realism-distributions.png (both distribution functions per measurement: real orange, synthetic
# blue) and bench/out/realism-sheet.png (real | synthetic, half size). Last line:
#   RESULT realism_ks_median=<median over measurements> realism_ks_max=<max> modality=<the domain's modality>
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
KL_TAG=bench
kl_build_if_stale
exec java -Xmx1g -Djava.awt.headless=true -cp "$(kl_tools_cp)" org.karyoloop.bench.RealismBench "$@"
