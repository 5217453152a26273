package org.karyoloop.sampling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.karyoloop.events.Grade;

/**
 * Chooses which images of one consumed batch go to doctors: legacy labels the model strongly disputes
 * (second opinion), a share of canary-scored images (audit), the most uncertain scored images
 * (threshold distance, margin and entropy, weighted), stratified random picks while no model exists
 * (cold start), and a uniformly random exploration share (of the requests, and of the spreads left over where the
 * other strategies leave the budget idle); at most a few per slide, never beyond the
 * budget left, and never an image scoring measured as not a metaphase spread. Random choices come from a
 * stable hash of the image id, so a redelivered batch chooses alike. {@link #select} is not thread-safe: it
 * carries the fractional exploration credit from batch to batch, and is used by the one images.scored consumer
 * thread; {@link #review} is stateless.
 */
public class BatchSelector {

    static final double REVIEW_PRIORITY = 0.95;
    static final double AUDIT_PRIORITY = 0.9;
    static final double EXPLORATION_PRIORITY = 0.5;
    static final double COLD_START_PRIORITY = 0.5;
    /** The salt of the hash that orders a batch for exploration: the lowest hashes are explored first. */
    static final long EXPLORATION_SALT = 13;

    private final SamplingConfig config;
    private double explorationCredit;

    public BatchSelector(SamplingConfig config) {
        this.config = config;
    }

    /** The selections for {@code batch}, at most {@code budgetLeft}; shadow-arm scores are ignored. */
    public List<Selection> select(List<Candidate> batch, int budgetLeft) {
        Map<UUID, Candidate> unique = new LinkedHashMap<>();
        // Not a spread (a blank frame, a karyogram, ...): never worth a doctor's time, for no reason at all.
        batch.stream().filter(c -> !"shadow".equals(c.arm()) && c.spread()).forEach(c -> unique.put(c.imageId(), c));
        List<Selection> out = new ArrayList<>();
        Map<UUID, Selection> chosen = new HashMap<>();
        for (Candidate c : unique.values()) {
            if (out.size() >= budgetLeft) {
                return out;
            }
            Selection mandatory = review(c);
            if (mandatory == null && "canary".equals(c.arm()) && hash(c.imageId(), 7) < config.canaryAuditShare()) {
                mandatory = new Selection(c, "canary-audit", AUDIT_PRIORITY, "canary " + c.modelVersion());
            }
            if (mandatory != null) {
                out.add(mandatory);
                chosen.put(c.imageId(), mandatory);
            }
        }
        for (Selection s : stableAudits(unique.values(), chosen)) {
            if (out.size() >= budgetLeft) {
                return out;
            }
            out.add(s);
            chosen.put(s.candidate().imageId(), s);
        }
        int slots = budgetLeft - out.size();
        List<Selection> wanted = ranked(unique.values().stream().filter(c -> !chosen.containsKey(c.imageId()))
                .toList());
        double share = config.explorationShare();
        List<Candidate> pool = unique.values().stream().filter(c -> !chosen.containsKey(c.imageId()))
                .sorted(Comparator.comparingDouble(c -> hash(c.imageId(), EXPLORATION_SALT))).toList();
        // A share of the requests the other strategies make; and, where they leave the budget idle, the same share
        // of the spreads they leave, so that a model sure of everything still gets its live precision measured.
        explorationCredit += Math.min(wanted.size(), slots * (1 - share)) * share / (1 - share)
                + Math.max(0, Math.min(pool.size(), slots) - wanted.size()) * share;
        int explore = (int) Math.min(Math.min(Math.floor(explorationCredit), slots), pool.size());
        explorationCredit -= explore;
        for (Candidate c : pool.subList(0, explore)) {
            Selection s = new Selection(c, "exploration", EXPLORATION_PRIORITY, "uniform random share " + share);
            out.add(s);
            chosen.put(c.imageId(), s);
        }
        Map<String, Integer> perSlide = new HashMap<>();
        for (Selection s : wanted) {
            if (out.size() >= budgetLeft) {
                break;
            }
            String slide = s.candidate().slideKey();
            if (chosen.containsKey(s.candidate().imageId())
                    || perSlide.getOrDefault(slide, 0) >= config.maxPerSlidePerBatch()) {
                continue;
            }
            perSlide.merge(slide, 1, Integer::sum);
            out.add(s);
        }
        return out;
    }

    /**
     * A second opinion on {@code c}'s legacy label, when the model disputes it (a legacy POOR at P(GOOD) of at least
     * {@code review-min-good-probability}), else null. Stateless: safe from any thread.
     */
    Selection review(Candidate c) {
        Double p = c.pGood();
        if (c.legacyGrade() == Grade.POOR && p != null && p >= config.reviewMinGoodProbability()) {
            return new Selection(c, "label-review", REVIEW_PRIORITY,
                    String.format(Locale.ROOT, "legacy POOR, P(GOOD)=%.2f", p));
        }
        return null;
    }

    /** Uncertain scored images, most uncertain first, then unscored images stratified by slide and source. */
    private List<Selection> ranked(List<Candidate> candidates) {
        List<Selection> uncertain = candidates.stream().filter(Candidate::scored).map(this::uncertainty)
                .filter(s -> s.priority() >= config.minUncertainty())
                .sorted(Comparator.comparingDouble(Selection::priority).reversed()).collect(Collectors.toList());
        uncertain.addAll(coldStart(candidates.stream().filter(c -> !c.scored()).toList()));
        return uncertain;
    }

    private Selection uncertainty(Candidate c) {
        double threshold = c.goodThreshold() == null ? 0.5 : c.goodThreshold();
        double p = c.pGood() == null ? 0 : c.pGood();
        double t = Uncertainty.thresholdDistance(p, threshold, config.thresholdWidth());
        double m = Uncertainty.margin(c.probabilities());
        double e = Uncertainty.entropy(c.probabilities());
        double weights = config.thresholdWeight() + config.marginWeight() + config.entropyWeight();
        double score = weights <= 0 ? 0
                : (config.thresholdWeight() * t + config.marginWeight() * m + config.entropyWeight() * e) / weights;
        return new Selection(c, "uncertainty", score,
                String.format(Locale.ROOT, "threshold=%.2f margin=%.2f entropy=%.2f", t, m, e));
    }

    /** Round-robin over (source, slide) strata in a random order, a random image of each per turn. */
    private static List<Selection> coldStart(List<Candidate> unscored) {
        Map<String, List<Candidate>> strata = new LinkedHashMap<>();
        unscored.stream().sorted(Comparator.comparingDouble(c -> hash(c.imageId(), 29)))
                .forEach(c -> strata.computeIfAbsent(c.slideKey(), k -> new ArrayList<>()).add(c));
        List<Selection> out = new ArrayList<>();
        for (int round = 0; out.size() < unscored.size(); round++) {
            for (List<Candidate> stratum : strata.values()) {
                if (round < stratum.size()) {
                    out.add(new Selection(stratum.get(round), "cold-start", COLD_START_PRIORITY,
                            "no model yet: stratified random by slide and source"));
                }
            }
        }
        return out;
    }

    /**
     * Per model, as many stable-arm images as the batch's canary audits of that model, by hash: the stable arm gets
     * as many audit labels as the canary, so the rollout compares two measured numbers ("recall x vs stable y"), and
     * none for a model with no canary running.
     */
    private static List<Selection> stableAudits(Collection<Candidate> candidates, Map<UUID, Selection> chosen) {
        Map<String, Long> canaryAudits = chosen.values().stream()
                .filter(s -> "canary-audit".equals(s.reason()) && "canary".equals(s.candidate().arm()))
                .collect(Collectors.groupingBy(s -> String.valueOf(s.candidate().modelName()), Collectors.counting()));
        List<Selection> out = new ArrayList<>();
        canaryAudits.forEach((model, count) -> candidates.stream()
                .filter(c -> "stable".equals(c.arm()) && model.equals(String.valueOf(c.modelName()))
                        && !chosen.containsKey(c.imageId()))
                .sorted(Comparator.comparingDouble(c -> hash(c.imageId(), 7))).limit(count)
                .map(c -> new Selection(c, "canary-audit", AUDIT_PRIORITY, "stable " + c.modelVersion()
                        + " beside the canary"))
                .forEach(out::add));
        return out;
    }

    /** A uniform value in [0, 1) from the id and a salt (independent draws per purpose). */
    static double hash(UUID id, long salt) {
        long z = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L + id.getLeastSignificantBits()
                + salt * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
