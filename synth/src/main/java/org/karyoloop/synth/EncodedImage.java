package org.karyoloop.synth;

/**
 * A generated image with its encoded bytes and their SHA-256.
 *
 * @param image the image and its truth
 * @param bytes the encoded file
 * @param format the encoding
 * @param sha256 lower-case hex SHA-256 of {@code bytes}
 */
public record EncodedImage(SyntheticImage image, byte[] bytes, ImageCodec.Format format, String sha256) {

    public static EncodedImage of(SyntheticImage image, ImageCodec.Format format) {
        byte[] bytes = ImageCodec.encode(image, format);
        return new EncodedImage(image, bytes, format, ImageCodec.sha256(bytes));
    }

    /** The file name this image is written under: domain, seed, index. */
    public String fileName(long seed) {
        return String.format("%s-%d-%07d.%s", image.domain(), seed, image.index(), format.extension());
    }

    /** The manifest entry of this image, with an optional label. */
    public ManifestEntry manifestEntry(long seed, String file, Grade label, String labelModel) {
        return new ManifestEntry(file, sha256, format.contentType(), image.index(), seed, image.slide().slideId(),
                image.domain(), image.width(), image.height(), image.truth(), image.truth().grade(), label,
                labelModel, null, null);
    }
}
