package org.karyoloop.imaging;
public final class ImageDecoder {
    private final ImageLimits limits;
    public ImageDecoder(ImageLimits limits) { this.limits = limits; }
    public ImageFormat detect(byte[] bytes) throws ImageRejectedException { throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE, "stub"); }
    public DecodedImage decode(byte[] bytes) throws ImageRejectedException {
        if (bytes.length == 0) throw new ImageRejectedException(RejectReason.EMPTY, "empty");
        try { var img = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (img == null) throw new ImageRejectedException(RejectReason.NOT_AN_IMAGE, "stub");
            return new DecodedImage(ImageFormat.PNG, img.getWidth(), img.getHeight(), 8, 1, new byte[img.getWidth() * img.getHeight()]);
        } catch (java.io.IOException e) { throw new ImageRejectedException(RejectReason.CORRUPT, e.getMessage()); } }
}
