package org.karyoloop.cli;

import java.nio.file.Path;
import org.karyoloop.ml.spread.SpreadMeasurement;

/**
 * What the command line says about one file: why it could not be read, or what was measured (and, with a model,
 * how it was graded).
 *
 * @param file        the file as named on the command line or found in a folder
 * @param error       the decoder's reason code (e.g. {@code truncated}) when the file could not be read, else null
 * @param detail      the decoder's explanation of {@code error}, else null
 * @param measurement what was measured, or null when the file could not be read
 * @param grading     the model's grade, or null without a model or when the file could not be read
 */
record ImageReport(Path file, String error, String detail, SpreadMeasurement measurement, Grading grading) {

    static ImageReport unreadable(Path file, String error, String detail) {
        return new ImageReport(file, error, detail, null, null);
    }

    static ImageReport measured(Path file, SpreadMeasurement measurement, Grading grading) {
        return new ImageReport(file, null, null, measurement, grading);
    }

    boolean failed() {
        return error != null;
    }
}
