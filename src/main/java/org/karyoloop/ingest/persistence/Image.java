package org.karyoloop.ingest.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An ingested image: its identity, where it came from, its modality, and simple intensity statistics. */
@Entity
@Table(name = "image")
public class Image extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(nullable = false, length = 8)
    public String format;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "bits_per_sample", nullable = false)
    public int bitsPerSample;

    @Column(nullable = false)
    public int pages;

    @Column(name = "byte_size", nullable = false)
    public long byteSize;

    @Column(name = "source_id", length = 128)
    public String sourceId;

    @Column(name = "slide_id", length = 128)
    public String slideId;

    @Column(name = "captured_at")
    public Instant capturedAt;

    @Column(name = "idempotency_key", length = 200)
    public String idempotencyKey;

    @Column(nullable = false, length = 16)
    public String origin;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "mean_intensity", nullable = false)
    public double meanIntensity;

    @Column(name = "std_intensity", nullable = false)
    public double stdIntensity;

    @Column(name = "background_level", nullable = false)
    public int backgroundLevel;

    @Column(name = "foreground_fraction", nullable = false)
    public double foregroundFraction;

    /** The modality's wire name ({@code Modality.wire()}); null for images stored before it was recorded. */
    @Column(length = 24)
    public String modality;
}
