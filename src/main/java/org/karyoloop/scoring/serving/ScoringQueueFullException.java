package org.karyoloop.scoring.serving;

/** A version's inference queue stayed full for the whole submit timeout (transient: retry later). */
public final class ScoringQueueFullException extends RuntimeException {

    public ScoringQueueFullException(String detail) {
        super(detail);
    }
}
