package org.karyoloop.training.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The final label of an image as training sees it (table training_label). */
@Entity
@Table(name = "training_label")
public class TrainingLabel extends PanacheEntityBase {

    @Id
    @Column(name = "image_id")
    public UUID imageId;

    @Column(name = "label_id", nullable = false)
    public UUID labelId;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false, length = 8)
    public String grade;

    @Column(nullable = false, length = 16)
    public String origin;

    @Column(length = 200)
    public String doctor;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
