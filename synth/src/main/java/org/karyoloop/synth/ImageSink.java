package org.karyoloop.synth;

/** Where a simulated microscope sends its images; implementations say their thread-safety and delivery guarantee. */
interface ImageSink extends AutoCloseable {

    /** Sends one image; may return before it is acknowledged. Failures are counted, not thrown. */
    void send(EncodedImage image, CaptureHeaders headers);

    /** Waits until every image sent so far is acknowledged or failed. */
    void flush();

    /** Images acknowledged by the other side. */
    long acknowledged();

    /** Images that failed for good, with the last reason in {@link #lastFailure()}. */
    long failed();

    String lastFailure();

    @Override
    void close();
}
