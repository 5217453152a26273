package org.karyoloop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.imaging.RejectReason;
import org.karyoloop.ml.spread.Modality;
import org.karyoloop.ml.spread.SpreadMeasurement;
import org.karyoloop.ml.spread.SpreadMeter;

/**
 * Runs the command line over its files: reads each, decodes it with the product's {@link ImageDecoder} at ingest's
 * default limits, measures it with {@link SpreadMeter}, grades it when a {@link Grader} is given, and prints its
 * report; a file that cannot be read gets a line with the reason and the run goes on. For folders it shows
 * progress on the error stream. Used by one thread.
 */
final class ImageRun {

    /** Ingest's default {@code karyoloop.ingest.max-bytes}: the largest original a lab may send. */
    static final long MAX_BYTES = 50_331_648L;
    /** Ingest's default {@code karyoloop.ingest.max-pixels}. */
    static final long MAX_PIXELS = 50_000_000L;

    private final ImageDecoder decoder = new ImageDecoder(new ImageLimits(MAX_BYTES, MAX_PIXELS));
    private final PrintWriter err;
    private final ReportPrinter printer;
    private final Modality modality;
    private final Grader grader;

    /**
     * @param modality the modality to measure as, or null to detect it per image
     * @param grader   the model to grade with, or null to measure only
     */
    ImageRun(PrintWriter out, PrintWriter err, boolean json, Modality modality, Grader grader) {
        this.err = err;
        this.printer = new ReportPrinter(out, json);
        this.modality = modality;
        this.grader = grader;
    }

    /** Reports every image of {@code inputs}; the exit code: 0, or {@link KaryoloopCli#SOME_UNREADABLE}. */
    int run(List<Path> inputs) {
        ImageFiles images = ImageFiles.expand(inputs);
        long start = System.nanoTime();
        int failed = 0;
        int n = images.files().size();
        for (int i = 0; i < n; i++) {
            Path file = images.files().get(i);
            if (images.fromFolder()) {
                err.printf("[%d/%d] %s%n", i + 1, n, file);
                err.flush();
            }
            ImageReport report = report(file);
            printer.print(report);
            if (report.failed()) {
                failed++;
            }
        }
        if (images.fromFolder()) {
            err.printf(Locale.ROOT, "%d images in %.1f s, %d unreadable%s%n", n, (System.nanoTime() - start) / 1e9,
                    failed, images.skipped() == 0 ? "" : "; " + images.skipped()
                            + " files not named like images left out");
            err.flush();
        }
        return failed == 0 ? 0 : KaryoloopCli.SOME_UNREADABLE;
    }

    ImageReport report(Path file) {
        DecodedImage image;
        try {
            image = decoder.decode(read(file));
        } catch (ImageRejectedException e) {
            return ImageReport.unreadable(file, e.reason().code(), e.detail());
        } catch (NoSuchFileException e) {
            return ImageReport.unreadable(file, "no-such-file", "there is no file " + file);
        } catch (IOException e) {
            return ImageReport.unreadable(file, "io-error", e.toString());
        }
        SpreadMeasurement measurement;
        try {
            measurement = SpreadMeter.measure(image, modality);
        } catch (RuntimeException e) {
            return ImageReport.unreadable(file, "measure-failed", e.toString());
        }
        if (grader == null) {
            return ImageReport.measured(file, measurement, null);
        }
        try {
            return ImageReport.measured(file, measurement, grader.grade(image, measurement));
        } catch (ai.djl.translate.TranslateException | RuntimeException e) {
            return ImageReport.unreadable(file, "grade-failed", e.toString());
        }
    }

    /** The file's bytes; one larger than the decoder accepts is refused before it is read. */
    private byte[] read(Path file) throws IOException, ImageRejectedException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ImageRejectedException(RejectReason.TOO_MANY_BYTES,
                    size + " bytes exceed the limit of " + MAX_BYTES);
        }
        return Files.readAllBytes(file);
    }
}
