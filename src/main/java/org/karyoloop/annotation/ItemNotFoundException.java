package org.karyoloop.annotation;

import java.util.UUID;
import org.karyoloop.platform.problem.ProblemException;

/** No labeling item or task has the requested id. */
public final class ItemNotFoundException extends ProblemException {

    public ItemNotFoundException(String kind, UUID id) {
        super(Kind.NOT_FOUND, "item-not-found", "Not found", "no " + kind + " " + id);
    }
}
