package org.karyoloop.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.karyoloop.imaging.ImageDecoder;
import org.karyoloop.imaging.ImageLimits;
import org.karyoloop.imaging.ImageRejectedException;
import org.karyoloop.ml.preprocess.Preprocessor;
import org.karyoloop.platform.blob.BlobStore;
import org.karyoloop.training.DatasetAssembler.Member;
import org.karyoloop.training.engine.Example;

/**
 * Turns data set members into training examples: original bytes from the blob store, decoded by the
 * shared ImageDecoder, preprocessed by the shared Preprocessor (the very path scoring uses). An image
 * whose bytes are missing or undecodable is skipped and counted, never fatal. Thread-safe (stateless).
 */
@ApplicationScoped
public class ExampleLoader {

    private static final Logger LOG = Logger.getLogger(ExampleLoader.class);
    private static final ImageDecoder DECODER = new ImageDecoder(new ImageLimits(64L << 20, 50_000_000L));

    private final BlobStore blobs;

    public ExampleLoader(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** Examples of {@code members} in order, without the ones that could not be read. */
    public List<Example> load(List<Member> members, Preprocessor preprocessor) {
        List<Example> out = new ArrayList<>(members.size());
        int skipped = 0;
        for (Member m : members) {
            Optional<byte[]> bytes = read(m.image().sha256());
            if (bytes.isEmpty()) {
                skipped++;
                continue;
            }
            try {
                float[] input = preprocessor.apply(DECODER.decode(bytes.get()));
                out.add(Example.of(input, preprocessor.recipe().measure(), m.label(), m.weight(), m.unlabeled(),
                        m.image().slideId()));
            } catch (ImageRejectedException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warnf("%d of %d images could not be read from the blob store and were left out", skipped,
                    members.size());
        }
        return out;
    }

    private Optional<byte[]> read(String sha256) {
        try {
            Optional<InputStream> in = blobs.open(sha256);
            if (in.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream stream = in.get()) {
                return Optional.of(stream.readAllBytes());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
