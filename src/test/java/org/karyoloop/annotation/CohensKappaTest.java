package org.karyoloop.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.karyoloop.events.Grade;

/** Cohen's kappa on known tables, and the second-read share. */
class CohensKappaTest {

    @Test
    void perfectAgreementIsOneAndChanceAgreementIsZero() {
        List<CohensKappa.Pair> same = List.of(new CohensKappa.Pair(Grade.GOOD, Grade.GOOD),
                new CohensKappa.Pair(Grade.POOR, Grade.POOR));
        assertThat(CohensKappa.of(same)).isEqualTo(1.0);
        List<CohensKappa.Pair> chance = List.of(new CohensKappa.Pair(Grade.GOOD, Grade.GOOD),
                new CohensKappa.Pair(Grade.GOOD, Grade.POOR), new CohensKappa.Pair(Grade.POOR, Grade.GOOD),
                new CohensKappa.Pair(Grade.POOR, Grade.POOR));
        assertThat(CohensKappa.of(chance)).isEqualTo(0.0, offset(1e-12));
        assertThat(CohensKappa.of(List.of())).isNaN();
    }

    @Test
    void textbookTableGivesTheTextbookKappa() {
        // 50 items: both GOOD 20, both POOR 15, A GOOD/B POOR 5, A POOR/B GOOD 10 -> po 0.7, pe 0.5, kappa 0.4
        List<CohensKappa.Pair> pairs = new ArrayList<>();
        add(pairs, Grade.GOOD, Grade.GOOD, 20);
        add(pairs, Grade.POOR, Grade.POOR, 15);
        add(pairs, Grade.GOOD, Grade.POOR, 5);
        add(pairs, Grade.POOR, Grade.GOOD, 10);
        assertThat(CohensKappa.of(pairs)).isEqualTo(0.4, offset(1e-12));
    }

    @Test
    void secondReadShareIsRespected() {
        int two = 0;
        for (int i = 0; i < 20_000; i++) {
            two += SecondReadPolicy.readsFor(UUID.randomUUID(), 0.1) == 2 ? 1 : 0;
        }
        assertThat(two / 20_000.0).isBetween(0.09, 0.11);
    }

    private static void add(List<CohensKappa.Pair> pairs, Grade a, Grade b, int n) {
        for (int i = 0; i < n; i++) {
            pairs.add(new CohensKappa.Pair(a, b));
        }
    }
}
