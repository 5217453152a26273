package org.karyoloop.synth;

import java.io.PrintStream;
import java.util.Map;

/** {@code audit}: prints the realism figures (grade mix per domain, shortcut AUCs) that docs/synthetic.md reports. */
final class AuditCommand {

    static final String USAGE = "audit [--count 2000] [--auc-count 700] [--size 256] [--seed 11]";

    private AuditCommand() {
    }

    static void run(CliArgs args, PrintStream out) {
        int count = args.intValue("count", 2000);
        int aucCount = args.intValue("auc-count", 700);
        int size = args.intValue("size", 256);
        long seed = args.longValue("seed", 11);
        args.requireAllRead();
        for (Domain domain : new Domain[] {Domain.legacy(), Domain.newMicroscopes()}) {
            GeneratorConfig config = GeneratorConfig.defaults().withSize(size, size).withDomain(domain).withSeed(seed);
            Map<Grade, Integer> counts = RealismAudit.gradeCounts(config, count);
            out.printf(
                    "%-6s grades of %d images (%dx%d, seed %d; configured GOOD %.2f FAIR %.2f): GOOD %.3f FAIR %.3f POOR %.3f%n",
                    domain.name(), count, size, size, seed, config.goodShare(), config.fairShare(),
                    counts.get(Grade.GOOD) / (double) count, counts.get(Grade.FAIR) / (double) count,
                    counts.get(Grade.POOR) / (double) count);
            RealismAudit.Shortcut s = RealismAudit.shortcut(domain, aucCount, size, seed);
            out.printf("%-6s GOOD vs POOR (%d vs %d): background AUC %.3f, best global feature %s %.3f,"
                    + " logistic regression on all global features (5-fold by slide) AUC %.3f%n",
                    domain.name(), s.good(), s.poor(), s.backgroundAuc(), s.bestFeature(), s.bestFeatureAuc(),
                    s.logisticAuc());
        }
    }
}
