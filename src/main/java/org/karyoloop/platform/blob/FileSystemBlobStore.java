package org.karyoloop.platform.blob;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link BlobStore} on the local filesystem: {@code root/ab/cd/abcd…} per SHA-256. Writes go to a
 * temporary file that is fsynced and atomically renamed, so a crash never leaves a half-written blob
 * under a valid key. Thread-safe: concurrent puts of the same key race on the rename, and either
 * winner leaves identical bytes.
 */
@ApplicationScoped
public class FileSystemBlobStore implements BlobStore {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public FileSystemBlobStore(BlobConfig config) {
        this.root = Path.of(config.root()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob root " + root, e);
        }
    }

    @Override
    public boolean put(String sha256, byte[] bytes) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), sha256, ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // One fsync per blob: the row that names it is committed only after the bytes are durable.
                channel.force(false);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.exists(target)) {
                    throw e;
                }
                return false;
            }
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) throws IOException {
        Path path = pathOf(sha256);
        return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public String uri(String sha256) {
        return pathOf(sha256).toUri().toString();
    }

    private Path pathOf(String sha256) {
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
