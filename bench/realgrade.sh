#!/usr/bin/env bash
# bench/realgrade.sh [--synthetic N] [--epochs E] [--real-weight W] [--real DIR] - grades on real cells.
#
# Method (one JVM, DJL/PyTorch on the CPU, no Kafka, no database):
#  1. Truth grade of each labelled shared ADIR cell (../shared/testdata/adir-mfish/cases, 100 cells) from its label
#     image by synth's LabelGrade: QualityScore's rule on the label image's truth (6 points per touching pair, 12 per
#     overlapping pair, 4 per chromosome missing or extra against the case's ISCN count; coverage, blur,
#     condensation and contrast are not in a label image and cost nothing). Slides split as bench/real.sh splits
#     them (the fluorescence object counter is fitted on its tuning slides): A02 A04 A20 A22 P08 P10 P12 test.
#  2. Inputs: SpreadMeter.measure's 26 measurements (modality detected from the content), as the measurements
#     model reads them. The default model (spreadmeasures-v1, default trainer options, E epochs, default 20) is
#     trained on N synthetic spreads of each modality (default 600 of new at 1024 x 1024 and 600 of fluorescence at
#     645 x 517; true grades; 20% of slides for validation and calibration of the GOOD threshold), then again with
#     the tuning slides' real cells added as doctor labels (weight W, default 3, in training and calibration).
#  3. Each model grades the test slides' real cells at its calibrated threshold: confusion matrix, then
#     RESULT real_good_precision=<p> real_good_recall=<r> real_accuracy=<a> cells=<n> train=<synthetic|synthetic+real>
#     (one line per training set; synthetic+real last).
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
KL_TAG=bench
kl_build_if_stale
exec java -Xmx3g $KARYOLOOP_DJL_OPTS -Djava.awt.headless=true -cp "$(kl_tools_cp)" org.karyoloop.bench.RealGradeBench "$@"
