package org.karyoloop.training;

/** A job found too few readable labelled images to train and validate on; an expected end, not a fault. */
public class NotEnoughLabelsException extends RuntimeException {

    /** How the failed job's detail begins, so the trigger policy can tell this end from a crash. */
    public static final String DETAIL_PREFIX = "not enough labelled images";

    public NotEnoughLabelsException(int train, int validation) {
        super(DETAIL_PREFIX + ": " + train + " to train, " + validation
                + " to validate (doctor labels on more slides are needed)");
    }
}
