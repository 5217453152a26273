package org.karyoloop.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.karyoloop.ml.data.SlideSplit;
import org.karyoloop.training.DatasetAssembler.Dataset;
import org.karyoloop.training.DatasetAssembler.LabelledImage;
import org.karyoloop.training.DatasetAssembler.Member;

class DatasetAssemblerTest {

    static final String[] GRADES = {"GOOD", "FAIR", "POOR", "POOR", "POOR"};

    @Test
    void noSlideIsInTwoSetsAndLegacyLabelsOnlyEverTrain() {
        Dataset d = new DatasetAssembler(new SlideSplit("x", 0.2, 0.2), 0.7f, 0.3f).assemble(images());
        Set<String> train = slides(d.train());
        Set<String> validation = slides(d.validation());
        Set<String> evaluation = slides(d.evaluation());
        assertThat(train).doesNotContainAnyElementsOf(validation).doesNotContainAnyElementsOf(evaluation);
        assertThat(validation).doesNotContainAnyElementsOf(evaluation);
        assertThat(d.validation()).isNotEmpty().allMatch(m -> m.image().origin().equals("doctor"));
        assertThat(d.evaluation()).isNotEmpty().allMatch(m -> m.image().origin().equals("doctor"));
        assertThat(d.train()).anyMatch(m -> m.image().origin().equals("legacy"));
    }

    @Test
    void theFrozenEvaluationSetStaysTheSameWhenLabelsAreAdded() {
        DatasetAssembler assembler = new DatasetAssembler(new SlideSplit("x", 0.2, 0.2), 0.7f, 0.3f);
        List<LabelledImage> first = images().subList(0, 300);
        Set<String> before = ids(assembler.assemble(first).evaluation());
        Set<String> after = ids(assembler.assemble(images()).evaluation());
        assertThat(after).containsAll(before);
        assertThat(ids(assembler.assemble(images()).train())).doesNotContainAnyElementsOf(after);
    }

    @Test
    void legacyNegativesAreDownWeightedAndMarkedUnlabeledOrExcluded() {
        List<Member> weighted = new DatasetAssembler(new SlideSplit("x", 0.2, 0.2), 0.7f, 0.3f).assemble(images())
                .train();
        assertThat(weighted).filteredOn(m -> m.image().origin().equals("legacy") && m.label() == 2)
                .isNotEmpty().allMatch(m -> m.weight() == 0.3f && m.unlabeled());
        assertThat(weighted).filteredOn(m -> m.image().origin().equals("legacy") && m.label() != 2)
                .isNotEmpty().allMatch(m -> m.weight() == 0.7f && !m.unlabeled());
        List<Member> excluded = new DatasetAssembler(new SlideSplit("x", 0.2, 0.2), 0.7f, 0f).assemble(images())
                .train();
        assertThat(excluded).noneMatch(m -> m.image().origin().equals("legacy") && m.label() == 2);
    }

    static List<LabelledImage> images() {
        List<LabelledImage> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String origin = i % 3 == 0 ? "legacy" : "doctor";
            out.add(new LabelledImage("img-" + i, "sha-" + i, origin + "-slide-" + (i / 10), GRADES[i % 5], origin));
        }
        return out;
    }

    static Set<String> slides(List<Member> members) {
        Set<String> s = new HashSet<>();
        members.forEach(m -> s.add(m.image().slideId()));
        return s;
    }

    static Set<String> ids(List<Member> members) {
        Set<String> s = new HashSet<>();
        members.forEach(m -> s.add(m.image().imageId()));
        return s;
    }
}
