import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Build-time step of the Containerfile: loads the PyTorch engine offline so that DJL unpacks its natives
 * into DJL_CACHE_DIR, then fails the build unless exactly one natives folder of the expected flavour is there.
 * Run from source: {@code java -Dai.djl.offline=true -cp 'target/quarkus-app/lib/main/*' WarmDjl.java cpu}.
 */
public class WarmDjl {

    public static void main(String[] args) throws IOException {
        String flavor = args.length > 0 ? args[0] : "cpu";
        if (!Boolean.getBoolean("ai.djl.offline")) {
            throw new IllegalStateException("run with -Dai.djl.offline=true: nothing may be downloaded");
        }
        Engine engine = Engine.getEngine("PyTorch");
        Path pytorch = Path.of(System.getenv("DJL_CACHE_DIR"), "pytorch");
        try (Stream<Path> dirs = Files.list(pytorch)) {
            var found = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
            String suffix = "-" + flavor + "-linux-x86_64";
            if (found.size() != 1 || !found.get(0).endsWith(suffix)
                    || !Files.exists(pytorch.resolve(found.get(0)).resolve("libtorch.so"))) {
                throw new IllegalStateException("expected one natives folder *" + suffix + " with libtorch.so in "
                        + pytorch + ", found " + found);
            }
            System.out.println("PyTorch " + engine.getVersion() + " natives in " + pytorch.resolve(found.get(0)));
        }
    }
}
