#!/usr/bin/env bash
# bench/adir-stats.sh [CASES] - what the shared ADIR DAPI cells measure against their expert label images: per
# labelled cell a CSV line (background level and noise, chromosome median and 95th percentile gray, chromosomes,
# touching and overlapping pairs, bright objects outside the chromosomes), then percentiles over cells, chromosome
# lengths and widths in pixels, and the mean edge profile across a chromosome outline. The fluorescence domain's
# knobs are fitted to these figures (docs/synthetic.md, "The fluorescence domain").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mkdir -p .run
if [ ! -f target/test-classes/org/karyoloop/bench/AdirStats.class ] || [ -n "$(find src -newer target/test-classes/org/karyoloop/bench/AdirStats.class -name '*.java' | head -1)" ]; then
  ./mvnw -q -o -B test-compile -Dquarkus.generate-code.skip=true
fi
if [ ! -f .run/test-classpath.txt ] || [ pom.xml -nt .run/test-classpath.txt ]; then
  ./mvnw -q -o -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=.run/test-classpath.txt
fi
exec java -Xmx1g -Djava.awt.headless=true \
  -cp "target/test-classes:target/classes:$(cat .run/test-classpath.txt)" org.karyoloop.bench.AdirStats "$@"
