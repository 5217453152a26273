package org.karyoloop.annotation;

import java.util.UUID;

/** No labeling item or task has the requested id. */
public final class ItemNotFoundException extends RuntimeException {

    public ItemNotFoundException(String kind, UUID id) {
        super("no " + kind + " " + id);
    }
}
