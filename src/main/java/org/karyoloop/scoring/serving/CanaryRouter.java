package org.karyoloop.scoring.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Sticky, weighted traffic split: an image's bucket (0..99) is a hash of its id and a salt, so the
 * same image always lands in the same arm and every arm gets a fair, independent sample. The canary
 * and the shadow use different salts, so the shadow sample is independent of the canary slice.
 * Stateless; thread-safe.
 */
public final class CanaryRouter {

    private static final byte[] CANARY_SALT = "karyoloop-canary".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SHADOW_SALT = "karyoloop-shadow".getBytes(StandardCharsets.UTF_8);

    private CanaryRouter() {
    }

    /** Whether the image belongs to a canary slice of {@code weight} percent. */
    public static boolean inCanary(UUID imageId, int weight) {
        return weight > 0 && bucket(imageId, CANARY_SALT) < weight;
    }

    /** Whether the image belongs to a shadow sample of {@code percent} percent. */
    public static boolean inShadow(UUID imageId, int percent) {
        return percent > 0 && bucket(imageId, SHADOW_SALT) < percent;
    }

    /** 0..99 from SHA-256(salt, id): uniform whatever the id's version or layout. */
    static int bucket(UUID imageId, byte[] salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(ByteBuffer.allocate(16).putLong(imageId.getMostSignificantBits())
                    .putLong(imageId.getLeastSignificantBits()).array());
            long h = ByteBuffer.wrap(sha.digest()).getLong();
            return (int) Long.remainderUnsigned(h, 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
