#!/usr/bin/env bash
# Benchmark: synthetic metaphase generation speed, images per second on ONE core.
#
# Method: one JVM, one generator thread, default size (1024x1024), domain "new", seed 1.
# 20 warm-up images (JIT compilation) are generated and discarded, then 60 images are timed one by
# one with System.nanoTime. Each timed image goes through the whole generate path except the disk:
# plan, layout, rendering, truth measurement from masks, PNG encoding (javax.imageio) and SHA-256.
# The JVM is pinned to one CPU with taskset when available (-XX:ActiveProcessorCount=1 as well),
# so JIT and GC threads share that core: a per-core figure, not a whole-machine one.
# Output: a line with render-only and encode times, then the last line exactly
#   RESULT generate_per_s=<images per second, whole path>
# Goal: >= 10 images/s on one core.
set -euo pipefail
# shellcheck source=../bin/lib.sh
. "$(dirname "$0")/../bin/lib.sh"
kl_build_if_stale
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$(taskset -pc $$ | sed 's/.*: *//; s/[,-].*//')")
fi
"${pin[@]}" java -XX:ActiveProcessorCount=1 -Xmx512m -cp "$(kl_tools_cp)" org.karyoloop.synth.SynthCli bench \
    --size 1024 --warmup 20 --count 60 --domain new --seed 1 "$@"
