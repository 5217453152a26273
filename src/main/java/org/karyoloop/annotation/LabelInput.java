package org.karyoloop.annotation;

import java.util.List;
import org.karyoloop.events.Grade;

/**
 * A doctor's answer for one item.
 *
 * @param score optional 0–100 on the lab's sheet
 * @param flags optional flag codes: overlaps, blur, debris, not-a-metaphase
 * @param comment optional free text
 */
public record LabelInput(Grade grade, Integer score, List<String> flags, String comment) {

    /** Longest comment accepted. */
    public static final int MAX_COMMENT = 2000;

    /** Checks the answer; returns the flags in canonical order. */
    public List<String> validFlags() {
        if (grade == null) {
            throw new InvalidLabelException("grade is required (GOOD, FAIR or POOR)");
        }
        if (score != null && (score < 0 || score > 100)) {
            throw new InvalidLabelException("score must be between 0 and 100, was " + score);
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidLabelException("comment longer than " + MAX_COMMENT + " characters");
        }
        if (flags == null) {
            return List.of();
        }
        try {
            return flags.stream().map(Flag::ofCode).distinct().sorted().map(Flag::code).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidLabelException(e.getMessage());
        }
    }
}
