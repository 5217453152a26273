package org.karyoloop.training;

/** A job found too few readable labelled images to train and validate on; an expected end, not a fault. */
public class NotEnoughLabelsException extends RuntimeException {

    public NotEnoughLabelsException(int train, int validation) {
        super("not enough labelled images: " + train + " to train, " + validation
                + " to validate (doctor labels on more slides are needed)");
    }
}
