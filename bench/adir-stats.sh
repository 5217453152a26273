#!/usr/bin/env bash
# bench/adir-stats.sh [CASES] - what the shared ADIR DAPI cells measure against their expert label images: per
# labelled cell a CSV line (background level and noise, chromosome median and 95th percentile gray, chromosomes,
# touching and overlapping pairs, bright objects outside the chromosomes), then percentiles over cells, chromosome
# lengths and widths in pixels, and the mean edge profile across a chromosome outline. The fluorescence domain's
# knobs are fitted to these figures (docs/synthetic.md, "The fluorescence domain").
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
KL_TAG=bench
kl_build_if_stale
exec java -Xmx1g -Djava.awt.headless=true -cp "$(kl_tools_cp)" org.karyoloop.bench.AdirStats "$@"
