package org.karyoloop.ml.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SlideSplitTest {

    record Example(String slide, int index) {
    }

    @Test
    void noSlideAppearsInTwoSplits() {
        List<Example> examples = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            for (int i = 0; i < 20; i++) {
                examples.add(new Example("slide-" + s, i));
            }
        }

        Map<SlideSplit.Part, List<Example>> parts = new SlideSplit(0.15, 0.15, "v1").split(examples, Example::slide);

        Map<String, Set<SlideSplit.Part>> partsOfSlide = new HashMap<>();
        parts.forEach((part, list) -> list.forEach(e ->
                partsOfSlide.computeIfAbsent(e.slide(), k -> new java.util.HashSet<>()).add(part)));
        assertThat(partsOfSlide.values()).allSatisfy(set -> assertThat(set).hasSize(1));
        assertThat(parts.values().stream().mapToInt(List::size).sum()).isEqualTo(examples.size());
        Set<String> testSlides = parts.get(SlideSplit.Part.TEST).stream().map(Example::slide)
                .collect(Collectors.toSet());
        assertThat(testSlides.size()).isBetween(15, 50);
    }

    @Test
    void theSplitOfASlideIsStableAsDataGrows() {
        SlideSplit split = new SlideSplit(0.2, 0.2, "v1");
        SlideSplit.Part before = split.partOf("slide-x");
        split.split(List.of(new Example("slide-y", 0)), Example::slide);
        assertThat(split.partOf("slide-x")).isEqualTo(before);
    }
}
