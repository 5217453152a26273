package org.karyoloop.synth;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outcome counts every {@link ImageSink} keeps: images acknowledged, images failed and the last failure's reason.
 * Thread-safe: the counts are atomic, so completion callbacks on other threads may record outcomes.
 */
abstract class CountingImageSink implements ImageSink {

    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");

    /** Records that the other side acknowledged one image. */
    protected final void acknowledge() {
        acknowledged.incrementAndGet();
    }

    /** Records that one image failed for good, and why. */
    protected final void fail(String reason) {
        failed.incrementAndGet();
        lastFailure.set(reason);
    }

    @Override
    public final long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public final long failed() {
        return failed.get();
    }

    @Override
    public final String lastFailure() {
        return lastFailure.get();
    }
}
