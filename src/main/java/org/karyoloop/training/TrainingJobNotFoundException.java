package org.karyoloop.training;

import java.util.UUID;

/** No training job with that id. */
public class TrainingJobNotFoundException extends RuntimeException {

    public TrainingJobNotFoundException(UUID id) {
        super("no training job " + id);
    }
}
