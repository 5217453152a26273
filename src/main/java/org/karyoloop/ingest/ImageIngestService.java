package org.karyoloop.ingest;

import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.karyoloop.events.ImageIngested;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.GrayHistogram;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.imaging.IntensityStats;
import org.karyoloop.ingest.IngestRequestRejectedException.Reason;
import org.karyoloop.ingest.persistence.Image;
import org.karyoloop.ingest.persistence.ImageRepository;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.platform.messaging.TopicsConfig;
import org.karyoloop.platform.outbox.OutboxWriter;

/**
 * Ingests one image: hash, decode within limits, choose its modality ({@link ModalityChooser}), store the original
 * once by SHA-256, then, in one transaction, insert the image unless its bytes or its idempotency key are stored
 * already and stage {@link ImageIngested} (the outbox), so a crash at any point neither loses an accepted image nor
 * creates it twice. A duplicate is found by that insert, not by a lookup before it: new images, the common case, cost
 * one statement, and a re-sent image costs a decode. Thread-safe (stateless); callers may ingest concurrently, a race
 * on the same bytes ends as one image and one duplicate.
 */
@ApplicationScoped
public class ImageIngestService {

    private static final Logger LOG = Logger.getLogger(ImageIngestService.class);

    private final ImageRepository images;
    private final BlobStore blobs;
    private final OutboxWriter outbox;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final ImageDecoder decoder;
    private final TopicsConfig topics;
    private final ModalityChooser modalities;

    public ImageIngestService(ImageRepository images, BlobStore blobs, OutboxWriter outbox, IngestMetrics metrics,
            IngestConfig config, TopicsConfig topics, ModalityChooser modalities) {
        this.topics = topics;
        this.modalities = modalities;
        this.images = images;
        this.blobs = blobs;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.decoder = new ImageDecoder(new ImageLimits(config.maxBytes(), config.maxPixels()));
    }

    /**
     * Ingests {@code request}.
     *
     * @throws ImageRejectedException the bytes are not an acceptable image (permanent)
     * @throws IngestRequestRejectedException the metadata is not acceptable (permanent)
     */
    public IngestOutcome ingest(IngestRequest request) throws ImageRejectedException, IngestRequestRejectedException {
        Timer.Sample total = Timer.start();
        try {
            IngestOutcome outcome = doIngest(request);
            if (outcome.duplicate()) {
                metrics.duplicate(request.origin());
            } else {
                metrics.accepted(request.origin());
            }
            return outcome;
        } catch (ImageRejectedException e) {
            metrics.rejected(request.origin(), e.reason().code());
            throw e;
        } catch (IngestRequestRejectedException e) {
            metrics.rejected(request.origin(), e.reason().code());
            throw e;
        } finally {
            total.stop(metrics.total(request.origin()));
        }
    }

    private IngestOutcome doIngest(IngestRequest request)
            throws ImageRejectedException, IngestRequestRejectedException {
        validateMetadata(request);
        long cpu = IngestMetrics.threadCpuNanos();
        String sha256 = metrics.stage(IngestMetrics.Stage.HASH).record(() -> sha256(request.bytes()));
        metrics.stageCpu(IngestMetrics.Stage.HASH, cpu);

        Timer.Sample decodeTime = Timer.start();
        cpu = IngestMetrics.threadCpuNanos();
        DecodedImage decoded = decoder.decode(request.bytes());
        GrayHistogram histogram = GrayHistogram.of(decoded);
        IntensityStats stats = IntensityStats.of(histogram);
        Modality modality = modalities.choose(request.sourceId(), histogram);
        metrics.stageCpu(IngestMetrics.Stage.DECODE, cpu);
        decodeTime.stop(metrics.stage(IngestMetrics.Stage.DECODE));

        long blobCpu = IngestMetrics.threadCpuNanos();
        metrics.stage(IngestMetrics.Stage.BLOB).record(() -> storeBlob(sha256, request.bytes()));
        metrics.stageCpu(IngestMetrics.Stage.BLOB, blobCpu);
        long commitCpu = IngestMetrics.threadCpuNanos();
        Image image = newImage(sha256, request, decoded, stats, modality);
        IngestOutcome stored = metrics.stage(IngestMetrics.Stage.COMMIT)
                .record(() -> QuarkusTransaction.requiringNew().call(() -> record(image, stats)));
        metrics.stageCpu(IngestMetrics.Stage.COMMIT, commitCpu);
        if (stored != null) {
            return stored;
        }
        // The same bytes, or the same key, were stored before (or by a concurrent ingest, which the insert waited
        // for): that image is the answer, or the key names other bytes.
        return findKnown(sha256, request).orElseThrow(() -> new IllegalStateException(
                "image " + sha256 + " conflicted with a stored image that cannot be found"));
    }

    private Optional<IngestOutcome> findKnown(String sha256, IngestRequest request)
            throws IngestRequestRejectedException {
        Known known = QuarkusTransaction.requiringNew().call(() -> new Known(
                images.findBySha256(sha256).map(i -> new IngestOutcome(i.id, i.sha256, true)),
                request.idempotencyKey() == null ? Optional.empty()
                        : images.findByIdempotencyKey(request.sourceId(), request.idempotencyKey())));
        if (known.byKey().isPresent() && !known.byKey().get().sha256.equals(sha256)) {
            throw new IngestRequestRejectedException(Reason.IDEMPOTENCY_KEY_REUSED,
                    "idempotency key '" + request.idempotencyKey() + "' already names image "
                            + known.byKey().get().id + " with different bytes");
        }
        return known.bySha();
    }

    private record Known(Optional<IngestOutcome> bySha, Optional<Image> byKey) {
    }

    private static Image newImage(String sha256, IngestRequest request, DecodedImage decoded, IntensityStats stats,
            Modality modality) {
        Image image = new Image();
        image.id = UUID.randomUUID();
        image.sha256 = sha256;
        image.format = decoded.format().name();
        image.width = decoded.width();
        image.height = decoded.height();
        image.bitsPerSample = decoded.bitsPerSample();
        image.pages = decoded.pages();
        image.byteSize = request.bytes().length;
        image.sourceId = request.sourceId();
        image.slideId = request.slideId();
        image.capturedAt = request.capturedAt();
        image.idempotencyKey = request.idempotencyKey();
        image.origin = request.origin();
        image.receivedAt = Instant.now();
        image.meanIntensity = stats.mean();
        image.stdIntensity = stats.std();
        image.backgroundLevel = stats.backgroundLevel();
        image.foregroundFraction = stats.foregroundFraction();
        image.modality = modality.wire();
        return image;
    }

    /** Stores {@code image} and stages its event; null when its bytes or its key are stored already. */
    private IngestOutcome record(Image image, IntensityStats stats) {
        if (!images.insertIfNew(image)) {
            return null;
        }
        outbox.stage(topics.imagesIngested(), image.id.toString(), new ImageIngested(
                OutboxWriter.newEventId(), image.receivedAt, ImageIngested.SCHEMA_VERSION, image.id, image.sha256,
                blobs.uri(image.sha256), image.format, image.width, image.height, image.bitsPerSample,
                image.byteSize, image.sourceId, image.slideId, image.capturedAt, stats.mean(), stats.std(),
                stats.backgroundLevel(), stats.foregroundFraction(), image.modality));
        LOG.debugf("ingested image %s (%s, %dx%d)", image.id, image.format, image.width, image.height);
        return new IngestOutcome(image.id, image.sha256, false);
    }

    private void validateMetadata(IngestRequest request) throws IngestRequestRejectedException {
        checkId("source id", request.sourceId());
        checkId("slide id", request.slideId());
        checkId("idempotency key", request.idempotencyKey());
        if (request.capturedAt() != null && request.capturedAt().isAfter(Instant.now().plusSeconds(86_400))) {
            throw new IngestRequestRejectedException(Reason.INVALID_METADATA,
                    "capture time " + request.capturedAt() + " is more than a day in the future");
        }
    }

    private void checkId(String what, String value) throws IngestRequestRejectedException {
        if (value == null) {
            return;
        }
        if (value.isBlank() || value.length() > config.maxIdLength()) {
            throw new IngestRequestRejectedException(Reason.INVALID_METADATA,
                    what + " must be 1.." + config.maxIdLength() + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IngestRequestRejectedException(Reason.INVALID_METADATA, what + " contains control characters");
        }
    }

    private void storeBlob(String sha256, byte[] bytes) {
        try {
            blobs.put(sha256, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("blob store write failed", e);
        }
    }

    /** Lower-case hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
