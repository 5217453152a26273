package org.karyoloop.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link RealInfrastructure} for every Quarkus test of the module (test resources are global). */
@QuarkusTestResource(RealInfrastructure.class)
public final class GlobalTestResources {

    private GlobalTestResources() {
    }
}
