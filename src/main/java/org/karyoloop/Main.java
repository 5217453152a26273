package org.karyoloop;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.karyoloop.training.TrainOnce;

/**
 * The entry point of the one image: without arguments the service (the roles of its profile);
 * {@code train --once} runs one training job and exits (a Kubernetes Job), with consumers off.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (args.length > 0 && "train".equals(args[0])) {
            // The job is this process's only work: no background worker, no consumers that could start others.
            System.setProperty("karyoloop.training.worker-enabled", "false");
            for (String channel : TrainOnce.CHANNELS) {
                System.setProperty("mp.messaging.incoming." + channel + ".enabled", "false");
            }
            Quarkus.run(TrainOnce.class, args);
        } else {
            Quarkus.run(args);
        }
    }
}
