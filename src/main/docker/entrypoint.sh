#!/bin/sh
# Starts karyoloop in its container; arguments go to the application (the one-shot training Job
# passes "train --once"). The role is the Quarkus profile: QUARKUS_PROFILE=ingest, scoring, ...
#   JAVA_MAX_RAM_PERCENTAGE  heap share of the container's memory limit; roles running PyTorch
#                            keep it low, since the natives allocate outside the heap (default 70)
#   OMP_NUM_THREADS          PyTorch intra-op threads, also given to DJL (default 1)
#   JAVA_OPTS_APPEND         further JVM options, appended last
# DJL is always offline: the natives were unpacked into DJL_CACHE_DIR when the image was built.
# 32 MB G1 regions: a megapixel's 4 MB float arrays are then young objects, not humongous ones (bin/env.sh).
set -eu
threads="${OMP_NUM_THREADS:-1}"
# JAVA_OPTS_APPEND is split into words on purpose (several options in one variable).
# shellcheck disable=SC2086
exec java \
    -XX:MaxRAMPercentage="${JAVA_MAX_RAM_PERCENTAGE:-70}" \
    -XX:+ExitOnOutOfMemoryError \
    -XX:G1HeapRegionSize=32m \
    -Dai.djl.offline=true \
    -Dai.djl.pytorch.num_threads="$threads" \
    -Dai.djl.pytorch.num_interop_threads=1 \
    ${JAVA_OPTS_APPEND:-} \
    -jar /deployments/quarkus-run.jar "$@"
