#!/usr/bin/env bash
# The real-image benchmark: karyoloop's measurement (org.karyoloop.ml.spread) of every labelled cell of the shared
# ADIR M-FISH set (../shared/testdata/adir-mfish/cases, 100 DAPI cells with the cytogeneticist's label image)
# against the truth that label image gives: chromosomes, separated objects, clusters of touching or overlapping
# chromosomes, overlap area. Split by slide: slides A02 A04 A20 A22 P08 P10 P12 are the test slides, the others
# tune (the body counter is fitted on them). Prints both; the RESULT line is the test slides'.
#   count_within2  share of cells whose count is within 2 of the expert's
#   count_mae      mean |counted - expert| chromosomes
#   clusters_f1    F1 of clusters: a counted cluster (object held to hold 2+ chromosomes) is right when 2+ expert
#                  chromosomes have most of their pixels in it; an expert cluster (touching or overlapping
#                  chromosomes) is found when most of its pixels lie in a counted cluster
# Also prints, per split, objects by expert chromosomes against chromosomes counted, with each row's error.
# Writes bench/out/real-cells.csv (per cell) and bench/out/real-worst-*.png (the six worst test cells: outlines
# on the image, green one chromosome, yellow two, orange three, red more, blue none; the expert's masks beside).
#   bash bench/real.sh [CASES_DIR]
#   bash bench/real.sh --fit      refits the body counter on the tuning slides (writes its resource)
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
KL_TAG=bench
kl_build_if_stale
exec java -Xmx2g -Djava.awt.headless=true -cp "$(kl_tools_cp)" org.karyoloop.bench.RealBench "$@"
