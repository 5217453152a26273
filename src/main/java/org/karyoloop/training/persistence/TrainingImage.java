package org.karyoloop.training.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What training knows of an ingested image: its bytes' hash, slide and source statistics (table training_image). */
@Entity
@Table(name = "training_image")
public class TrainingImage extends PanacheEntityBase {

    @Id
    @Column(name = "image_id")
    public UUID imageId;

    @Column(nullable = false, length = 64)
    public String sha256;

    @Column(name = "source_id", length = 128)
    public String sourceId;

    @Column(name = "slide_id", length = 128)
    public String slideId;

    @Column(name = "background_level", nullable = false)
    public int backgroundLevel;

    @Column(name = "mean_intensity", nullable = false)
    public double meanIntensity;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;
}
