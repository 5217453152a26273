package org.karyoloop.synth;

/**
 * The truth grade of a real cell from its expert label image, by the rule {@link QualityScore} applies to a
 * synthetic spread's truth: 6 points per touching pair, 12 per overlapping pair, 4 per chromosome missing from or
 * extra to the case's complete count. What a label image does not show costs nothing: chromosomes under nuclei
 * (coverage), focus blur, condensation and stain contrast are taken as in range. Stateless; thread-safe.
 */
public final class LabelGrade {

    private LabelGrade() {
    }

    /**
     * The score of a labelled cell with {@code chromosomes} chromosomes, {@code touchingPairs} touching and
     * {@code overlappingPairs} overlapping pairs in its label image, whose complete metaphase has
     * {@code completeCount} chromosomes (the first number of the case's ISCN karyotype: a 45,XY,-2 case is complete
     * at 45).
     */
    public static QualityScore of(int chromosomes, int touchingPairs, int overlappingPairs, int completeCount) {
        if (completeCount <= 0) {
            throw new IllegalArgumentException("the complete count must be positive");
        }
        int count = QualityScore.COMPLETE_COUNT + chromosomes - completeCount;
        return QualityScore.of(count, touchingPairs, overlappingPairs, 0, QualityScore.SHARP_BLUR,
                QualityScore.MIN_CONTRAST, 1.0);
    }

    /** The complete count of an ISCN karyotype such as {@code 46,XY} or {@code 45,XY,-2}: its first number. */
    public static int completeCount(String iscn) {
        String s = iscn.strip();
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("an ISCN karyotype starts with the chromosome count: '" + iscn + "'");
        }
        return Integer.parseInt(s.substring(0, end));
    }
}
