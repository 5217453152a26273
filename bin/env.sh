# Shared environment of bin/run, bench/ and .ci/run (sourced, not executed): jemalloc and DJL.
# DJL is 2-4x faster with jemalloc preloaded and its decay disabled (../shared/NOTES-DEPS.md);
# glibc's malloc is used where libjemalloc2 is missing, and KARYOLOOP_ALLOCATOR says which ran.
KARYOLOOP_JEMALLOC=${KARYOLOOP_JEMALLOC:-$(ls /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib/libjemalloc.so.2 2>/dev/null | head -n 1 || true)}
if [ -n "$KARYOLOOP_JEMALLOC" ] && [ "${KARYOLOOP_NO_JEMALLOC:-}" != "1" ]; then
  export LD_PRELOAD="$KARYOLOOP_JEMALLOC${LD_PRELOAD:+:$LD_PRELOAD}"
  export MALLOC_CONF="dirty_decay_ms:-1,muzzy_decay_ms:-1"
  export KARYOLOOP_ALLOCATOR="jemalloc ($KARYOLOOP_JEMALLOC, decay off)"
else
  export KARYOLOOP_ALLOCATOR="glibc malloc"
fi
# DJL never downloads anything: natives come from the pytorch-native-cpu jar, unpacked once here.
export PYTORCH_FLAVOR=${PYTORCH_FLAVOR:-cpu}
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR=${DJL_CACHE_DIR:-$HOME/.djl.ai}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
# Every karyoloop JVM (service, benchmarks, training) also gets 32 MB G1 regions: preprocessing a megapixel spread
# allocates 4 MB float arrays, which with the default regions (4 MB at a 6 GB heap) are humongous objects, allocated
# straight into the old generation; in the scoring service that meant concurrent marking cycles and GC threads
# taking ~6 ms of CPU per image (bench/README.md, scoring). With 32 MB regions they are ordinary young objects.
KARYOLOOP_DJL_OPTS="-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=${OMP_NUM_THREADS} -Dai.djl.pytorch.num_interop_threads=1 -XX:G1HeapRegionSize=32m"
export KARYOLOOP_DJL_OPTS
