package org.karyoloop.synth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a manifest: an image's bytes (by file and SHA-256), where it came from, its truth,
 * and the label a label model gave it.
 *
 * @param file file name relative to the manifest, or null when the image was only pushed
 * @param sha256 lower-case hex SHA-256 of the encoded image bytes
 * @param contentType MIME type of the bytes
 * @param index position of the image in its stream
 * @param seed the stream's seed
 * @param slide the slide's id
 * @param domain the domain's name
 * @param width width in pixels
 * @param height height in pixels
 * @param truth the true factors, score and grade
 * @param trueGrade the true grade (repeated from the truth for quick filtering)
 * @param label the observed label, or null without a label model
 * @param labelModel the label model's name, or "none"
 * @param sourceId the microscope that pushed it, or null
 * @param capturedAt when the microscope says it captured it (ISO-8601), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(
        String file,
        String sha256,
        String contentType,
        long index,
        long seed,
        String slide,
        String domain,
        int width,
        int height,
        SpreadTruth truth,
        Grade trueGrade,
        Grade label,
        String labelModel,
        String sourceId,
        String capturedAt) {

    /** This entry as pushed by a microscope. */
    public ManifestEntry pushedBy(String newSourceId, String newCapturedAt) {
        return new ManifestEntry(file, sha256, contentType, index, seed, slide, domain, width, height, truth, trueGrade,
                label, labelModel, newSourceId, newCapturedAt);
    }
}
