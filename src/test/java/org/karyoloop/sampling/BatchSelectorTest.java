package org.karyoloop.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;

/** Each sampling strategy on crafted score streams: who is picked, why, and how many. */
class BatchSelectorTest {

    private static SamplingConfig config(String... keyValues) {
        SmallRyeConfigBuilder b = new SmallRyeConfigBuilder().withMapping(SamplingConfig.class);
        for (int i = 0; i < keyValues.length; i += 2) {
            b.withDefaultValue("karyoloop.sampling." + keyValues[i], keyValues[i + 1]);
        }
        return b.build().getConfigMapping(SamplingConfig.class);
    }

    private static Candidate scored(String slide, double pGood, String arm) {
        double rest = 1 - pGood;
        return new Candidate(UUID.randomUUID(), "s", "scope-1", slide, true,
                Map.of("GOOD", pGood, "FAIR", rest * 0.3, "POOR", rest * 0.7), pGood >= 0.6 ? Grade.GOOD : Grade.POOR,
                0.6, "m", "v1", arm, null);
    }

    private static Candidate unscored(String source, String slide) {
        return new Candidate(UUID.randomUUID(), "s", source, slide, false, Map.of(), null, null, null, null, "none",
                null);
    }

    private static Map<String, Long> reasons(List<Selection> s) {
        return s.stream().collect(Collectors.groupingBy(Selection::reason, Collectors.counting()));
    }

    @Test
    void imagesNearTheGoodThresholdArePickedAndCertainOnesAreNot() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001"));
        Candidate near = scored("a", 0.58, "stable");
        Candidate sureBad = scored("b", 0.01, "stable");
        Candidate sureGood = scored("c", 0.99, "stable");
        List<Selection> picked = selector.select(List.of(sureBad, near, sureGood), 100);
        assertThat(picked).extracting(s -> s.candidate().imageId()).containsExactly(near.imageId());
        assertThat(picked.get(0).reason()).isEqualTo("uncertainty");
    }

    @Test
    void marginAndEntropyAloneRankTheMostEvenProbabilitiesFirst() {
        assertThat(Uncertainty.margin(Map.of("GOOD", 0.34, "FAIR", 0.33, "POOR", 0.33))).isGreaterThan(0.98);
        assertThat(Uncertainty.margin(Map.of("GOOD", 0.9, "FAIR", 0.05, "POOR", 0.05))).isLessThan(0.2);
        assertThat(Uncertainty.entropy(Map.of("GOOD", 1 / 3.0, "FAIR", 1 / 3.0, "POOR", 1 / 3.0))).isEqualTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Uncertainty.entropy(Map.of("GOOD", 1.0, "FAIR", 0.0, "POOR", 0.0))).isZero();
        BatchSelector byEntropy = new BatchSelector(config("threshold-weight", "0", "margin-weight", "0",
                "entropy-weight", "1", "exploration-share", "0.0001", "min-uncertainty", "0"));
        Candidate even = new Candidate(UUID.randomUUID(), "s", "x", "a", true,
                Map.of("GOOD", 0.3, "FAIR", 0.4, "POOR", 0.3), Grade.FAIR, 0.6, "m", "v", "stable", null);
        Candidate peaked = scored("b", 0.02, "stable");
        assertThat(byEntropy.select(List.of(peaked, even), 1)).extracting(s -> s.candidate().imageId())
                .containsExactly(even.imageId());
    }

    @Test
    void atMostTwoSpreadsOfOneSlidePerBatch() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(scored("same-slide", 0.6, "stable"));
        }
        batch.add(scored("other-slide", 0.55, "stable"));
        List<Selection> picked = selector.select(batch, 100);
        assertThat(picked).hasSize(3);
        assertThat(picked.stream().filter(s -> s.candidate().slideId().equals("same-slide"))).hasSize(2);
    }

    @Test
    void budgetIsNeverExceeded() {
        BatchSelector selector = new BatchSelector(config());
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(scored("s" + i, 0.6, "canary"));
        }
        assertThat(selector.select(batch, 7)).hasSize(7);
        assertThat(selector.select(batch, 0)).isEmpty();
    }

    @Test
    void explorationIsTenPercentOfRequestsOverAStream() {
        BatchSelector selector = new BatchSelector(config());
        Random random = new Random(42);
        List<Selection> all = new ArrayList<>();
        for (int batch = 0; batch < 200; batch++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                candidates.add(scored("slide-" + random.nextInt(1000), random.nextDouble(), "stable"));
            }
            all.addAll(selector.select(candidates, 10));
        }
        Map<String, Long> reasons = reasons(all);
        double share = reasons.getOrDefault("exploration", 0L) / (double) all.size();
        assertThat(share).isBetween(0.09, 0.11);
        assertThat(all.stream().filter(s -> s.reason().equals("exploration")).mapToDouble(
                s -> s.candidate().pGood()).average().orElseThrow())
                .as("exploration picks are uniform, not uncertain: mean P(GOOD) ~ 0.5").isBetween(0.4, 0.6);
    }

    @Test
    void aModelSureOfEveryImageStillExploresTheShareOfTheSpreadsWhileTheBudgetIsIdle() {
        BatchSelector selector = new BatchSelector(config());
        Random random = new Random(7);
        List<Selection> all = new ArrayList<>();
        int spreads = 0;
        for (int batch = 0; batch < 200; batch++) {
            List<Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                candidates.add(scored("slide-" + random.nextInt(1000), random.nextBoolean() ? 0.99 : 0.01, "stable"));
            }
            spreads += candidates.size();
            all.addAll(selector.select(candidates, 100));
        }

        assertThat(reasons(all).keySet()).containsOnly("exploration");
        assertThat(all.size() / (double) spreads).isBetween(0.095, 0.105);
    }

    @Test
    void coldStartRoundRobinsOverSlidesAndSources() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001", "max-per-slide-per-batch",
                "100"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(unscored("scope-1", "big-slide"));
        }
        batch.add(unscored("scope-2", "small-slide"));
        batch.add(unscored("scope-1", "other-slide"));
        List<Selection> picked = selector.select(batch, 3);
        assertThat(picked).extracting(Selection::reason).containsOnly("cold-start");
        assertThat(picked).extracting(s -> s.candidate().slideId())
                .containsExactlyInAnyOrder("big-slide", "small-slide", "other-slide");
    }

    @Test
    void legacyPoorThatTheModelCallsGoodIsSentForASecondOpinion() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001"));
        Candidate disputed = withLegacy(scored("a", 0.93, "stable"), Grade.POOR);
        Candidate agreed = withLegacy(scored("b", 0.05, "stable"), Grade.POOR);
        List<Selection> picked = selector.select(List.of(agreed, disputed), 10);
        assertThat(picked).extracting(Selection::reason).containsExactly("label-review");
        assertThat(picked.get(0).candidate().imageId()).isEqualTo(disputed.imageId());
    }

    @Test
    void aConfiguredShareOfCanaryScoredImagesIsAudited() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001", "canary-audit-share", "0.2"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(scored("s" + i, 0.01, i % 2 == 0 ? "canary" : "stable"));
        }
        List<Selection> picked = selector.select(batch, 10_000);
        long canary = picked.stream().filter(s -> "canary".equals(s.candidate().arm())).count();
        long stable = picked.stream().filter(s -> "stable".equals(s.candidate().arm())).count();
        assertThat(canary).isBetween(160L, 240L);
        assertThat(stable).as("the stable arm is audited as often as the canary").isEqualTo(canary);
        assertThat(reasons(picked)).containsOnlyKeys("canary-audit");
    }

    @Test
    void withoutACanaryTheStableArmIsNotAudited() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001", "canary-audit-share", "0.2"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(scored("s" + i, 0.01, "stable"));
        }
        assertThat(reasons(selector.select(batch, 10_000))).doesNotContainKey("canary-audit");
    }

    @Test
    void aCanaryOfOneModelDoesNotAuditTheStableArmOfAnother() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001", "canary-audit-share", "1.0"));
        List<Candidate> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(scored("s" + i, 0.01, "canary"));
            batch.add(ofModel(scored("t" + i, 0.01, "stable"), "other-model"));
        }
        List<Selection> picked = selector.select(batch, 10_000);
        assertThat(picked).filteredOn(s -> "canary".equals(s.candidate().arm())).hasSize(20);
        assertThat(picked).as("no canary of other-model runs").noneMatch(s -> "stable".equals(s.candidate().arm()));
    }

    private static Candidate ofModel(Candidate c, String model) {
        return new Candidate(c.imageId(), c.sha256(), c.sourceId(), c.slideId(), c.scored(), c.probabilities(),
                c.grade(), c.goodThreshold(), model, c.modelVersion(), c.arm(), c.legacyGrade());
    }

    @Test
    void imagesThatAreNotSpreadsAreNeverRequestedForAnyReason() {
        // Everything explores, every canary image is audited, the legacy label is disputed: still nothing.
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.9", "canary-audit-share", "1.0"));
        List<Candidate> blanks = List.of(notSpread(scored("a", 0.59, "stable")), notSpread(unscored("s1", "b")),
                notSpread(scored("c", 0.6, "canary")), notSpread(withLegacy(scored("d", 0.97, "stable"), Grade.POOR)));
        for (int round = 0; round < 20; round++) {
            assertThat(selector.select(blanks, 100)).isEmpty();
        }
        Candidate spread = scored("e", 0.59, "stable");
        assertThat(selector.select(List.of(blanks.get(0), spread), 100)).extracting(s -> s.candidate().imageId())
                .containsExactly(spread.imageId());
    }

    private static Candidate notSpread(Candidate c) {
        return new Candidate(c.imageId(), c.sha256(), c.sourceId(), c.slideId(), c.scored(), c.probabilities(),
                c.scored() ? Grade.POOR : null, c.goodThreshold(), c.modelName(), c.modelVersion(), c.arm(),
                c.legacyGrade(), "brightfield", false, "blank-frame");
    }

    @Test
    void shadowScoresAreNeverSampled() {
        BatchSelector selector = new BatchSelector(config("exploration-share", "0.0001"));
        assertThat(selector.select(List.of(scored("a", 0.6, "shadow")), 10)).isEmpty();
    }

    private static Candidate withLegacy(Candidate c, Grade legacy) {
        return new Candidate(c.imageId(), c.sha256(), c.sourceId(), c.slideId(), c.scored(), c.probabilities(),
                c.grade(), c.goodThreshold(), c.modelName(), c.modelVersion(), c.arm(), legacy);
    }
}
