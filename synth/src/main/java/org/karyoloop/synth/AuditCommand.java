package org.karyoloop.synth;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code audit}: prints the realism figures (grade mix per domain, shortcut AUCs) that docs/synthetic.md reports. */
@Command(name = "audit", description = "Prints the realism figures that docs/synthetic.md reports: the grade mix "
        + "per domain and how well background and global image statistics alone tell GOOD from POOR (AUCs).")
final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", description = "images for the grade mix")
    int count = 2000;

    @Option(names = "--auc-count", paramLabel = "N", description = "images for the AUCs")
    int aucCount = 700;

    @Option(names = "--size", paramLabel = "PX", description = "width and height of each image in pixels (>= 64)")
    int size = 256;

    @Option(names = "--seed", paramLabel = "S", description = "the seed")
    long seed = 11;

    @Override
    public Integer call() {
        if (count < 1 || aucCount < 1) {
            throw new ParameterException(spec.commandLine(), "--count and --auc-count must be >= 1");
        }
        GeneratorConfig sized = SynthCli.checked(spec, () -> GeneratorConfig.defaults().withSize(size, size));
        PrintWriter out = spec.commandLine().getOut();
        for (Domain domain : new Domain[] {Domain.legacy(), Domain.newMicroscopes()}) {
            GeneratorConfig config = sized.withDomain(domain).withSeed(seed);
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
        return 0;
    }
}
