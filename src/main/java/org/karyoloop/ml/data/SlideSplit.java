package org.karyoloop.ml.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;

/**
 * Splits examples into train, validation and test by slide, never by image: every image of a slide
 * lands in the same split, so near-identical spreads of one slide cannot leak between training and
 * evaluation. The split of a slide depends only on its id and the salt, so it is stable as data grows.
 */
public final class SlideSplit {

    /** Where an example goes. */
    public enum Part { TRAIN, VALIDATION, TEST }

    private final double validationShare;
    private final double testShare;
    private final String salt;

    public SlideSplit(double validationShare, double testShare, String salt) {
        if (validationShare < 0 || testShare < 0 || validationShare + testShare >= 1) {
            throw new IllegalArgumentException("shares must be >= 0 and leave room for training");
        }
        this.validationShare = validationShare;
        this.testShare = testShare;
        this.salt = salt;
    }

    /** The part the slide belongs to. */
    public Part partOf(String slideId) {
        CRC32 crc = new CRC32();
        crc.update((salt + "/" + slideId).getBytes(StandardCharsets.UTF_8));
        double u = (crc.getValue() & 0xffffffffL) / (double) (1L << 32);
        if (u < testShare) {
            return Part.TEST;
        }
        return u < testShare + validationShare ? Part.VALIDATION : Part.TRAIN;
    }

    /** Splits {@code items} by the slide {@code slideOf} gives each. */
    public <T> Map<Part, List<T>> split(List<T> items, Function<T, String> slideOf) {
        Map<Part, List<T>> parts = new EnumMap<>(Part.class);
        for (Part p : Part.values()) {
            parts.put(p, new ArrayList<>());
        }
        for (T item : items) {
            parts.get(partOf(slideOf.apply(item))).add(item);
        }
        return parts;
    }
}
