package org.karyoloop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.karyoloop.imaging.DecodedImage;
import org.karyoloop.imaging.ImageFormat;
import org.karyoloop.ml.SpreadNet;
import org.karyoloop.ml.preprocess.PreprocessRecipe;
import org.karyoloop.ml.registry.ArtifactFormat;
import org.karyoloop.ml.registry.ModelOrigin;
import org.karyoloop.ml.registry.ModelVersionSpec;
import org.karyoloop.ml.spread.SpreadMeter;
import org.karyoloop.synth.Domain;
import org.karyoloop.synth.GeneratorConfig;
import org.karyoloop.synth.Grade;
import org.karyoloop.synth.ImageCodec;
import org.karyoloop.synth.SpreadGenerator;
import org.karyoloop.synth.SyntheticImage;
import org.karyoloop.training.engine.SpreadTrainer;
import org.karyoloop.training.engine.TrainedModel;
import org.karyoloop.training.engine.ToyExamples;
import org.karyoloop.training.engine.TrainerOptions;

/** The lab's command line: every image gets a line, unreadable ones with the decoder's reason, and non-spreads no grade. */
class KaryoloopCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path folder;
    static Path spread;
    static Path blank;
    static Path truncated;
    static Path model;

    @BeforeAll
    static void imagesAndATinyTrainedModel() throws IOException {
        folder = Files.createDirectories(dir.resolve("slide"));
        spread = folder.resolve("a-spread.png");
        Files.write(spread, ImageCodec.encode(goodSyntheticSpread(), ImageCodec.Format.PNG));
        blank = folder.resolve("b-blank.png");
        byte[] gray = new byte[256 * 256];
        Arrays.fill(gray, (byte) 200);
        Files.write(blank, ImageCodec.png(ImageCodec.toImage(gray, 256, 256)));
        truncated = folder.resolve("c-truncated.png");
        byte[] whole = Files.readAllBytes(spread);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(folder.resolve("notes.txt"), "slide 7, left half");

        PreprocessRecipe recipe = PreprocessRecipe.measurements();
        TrainedModel trained = new SpreadTrainer(recipe, TrainerOptions.defaults().withEpochs(2)
                .withSampling(true, true, 256), SpreadNet.MEASURES).train(ToyExamples.measured(90, 1),
                        ToyExamples.measured(30, 2), null,
                        () -> false, m -> {});
        model = dir.resolve("tiny.params");
        Files.write(model, trained.artifact());
        writeMetadata(dir.resolve("tiny.json"), recipe, trained.calibration().threshold());
        // the same artifact at a GOOD threshold of 0: every spread is GOOD, so only the verdict keeps non-spreads out
        writeMetadata(dir.resolve("always-good.json"), recipe, 0.0);
    }

    @Test
    void aFolderWithAnUnreadableFileGetsALineWithTheDecodersReasonAndTheRunGoesOn() {
        Run run = run("measure", folder.toString());

        assertThat(run.code).as("an unreadable file is a failed run").isEqualTo(KaryoloopCli.SOME_UNREADABLE);
        List<String> lines = run.out.lines().filter(l -> !l.startsWith(" ")).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith(spread + ": ").contains("chromosomes");
        assertThat(lines.get(1)).startsWith(blank + ": ").contains("not a metaphase spread");
        assertThat(lines.get(2)).startsWith(truncated + ": unreadable: truncated");
        assertThat(run.err).contains("[1/3] " + spread, "[2/3] " + blank, "[3/3] " + truncated)
                .contains("3 images").contains("1 unreadable").contains("1 files not named like images left out");
        assertThat(run.out).doesNotContain("notes.txt");
    }

    @Test
    void jsonLinesParseAndCarryWhatWasMeasured() throws IOException {
        Run run = run("measure", "--json", spread.toString(), blank.toString(), truncated.toString());

        List<JsonNode> lines = json(run.out);
        assertThat(lines).hasSize(3);
        for (JsonNode line : lines) {
            assertThat(line.has("file") && line.has("modality") && line.has("chromosomes") && line.has("spread")
                    && line.has("reason")).as(line.toString()).isTrue();
        }
        var expected = SpreadMeter.measure(decoded(spread));
        JsonNode first = lines.get(0);
        assertThat(first.get("file").asText()).isEqualTo(spread.toString());
        assertThat(first.get("modality").asText()).isEqualTo(expected.modality().wire());
        assertThat(first.get("chromosomes").asInt()).isEqualTo(expected.chromosomes());
        assertThat(first.get("clusters").asInt()).isEqualTo(expected.clusters());
        assertThat(first.get("spread").asBoolean()).isTrue();
        assertThat(first.get("reason").isNull()).isTrue();
        assertThat(first.get("measurements").size()).isEqualTo(SpreadMeter.FEATURES);
        for (int k = 0; k < SpreadMeter.FEATURES; k++) {
            assertThat(first.get("measurements").get(SpreadMeter.NAMES.get(k)).floatValue())
                    .as(SpreadMeter.NAMES.get(k)).isEqualTo(expected.features()[k]);
        }
        assertThat(lines.get(1).get("spread").asBoolean()).isFalse();
        assertThat(lines.get(1).get("reason").asText()).isNotBlank();
        assertThat(lines.get(2).get("spread").asBoolean()).isFalse();
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("truncated");
        assertThat(lines.get(2).get("detail").asText()).isNotBlank();
        assertThat(run.err).as("no progress when only files are named").doesNotContain("[1/3]");
    }

    @Test
    void gradeWithAnArtifactFilePrintsTheGradeAndProbabilitiesOfTheModel() throws IOException {
        Run run = run("grade", "--json", "--model", model.toString(), spread.toString());

        assertThat(run.code).as(run.err).isZero();
        JsonNode line = json(run.out).get(0);
        assertThat(line.get("model").asText()).isEqualTo("tiny.params:file");
        assertThat(line.get("grade").asText()).isIn("GOOD", "FAIR", "POOR");
        assertThat(line.get("verdict").asText()).isEqualTo(line.get("grade").asText());
        JsonNode p = line.get("probabilities");
        assertThat(p.get("GOOD").asDouble() + p.get("FAIR").asDouble() + p.get("POOR").asDouble())
                .isCloseTo(1.0, within(1e-4));
        String expectedGrade = p.get("GOOD").asDouble() >= line.get("goodThreshold").asDouble() ? "GOOD"
                : p.get("FAIR").asDouble() >= p.get("POOR").asDouble() ? "FAIR" : "POOR";
        assertThat(line.get("grade").asText()).isEqualTo(expectedGrade);

        Run text = run("grade", "--model", model.toString(), spread.toString());
        assertThat(text.out).contains("grade " + expectedGrade).contains("GOOD " + String.format(
                java.util.Locale.ROOT, "%.3f", p.get("GOOD").asDouble()));
    }

    @Test
    void aBlankFrameIsReportedNotASpreadAndNeverGradedGood() throws IOException {
        Path alwaysGood = dir.resolve("always-good.json");
        Run run = run("grade", "--json", "--model", model.toString(), "--metadata", alwaysGood.toString(),
                spread.toString(), blank.toString());

        List<JsonNode> lines = json(run.out);
        assertThat(lines.get(0).get("grade").asText()).as("a spread at threshold 0 is GOOD").isEqualTo("GOOD");
        JsonNode frame = lines.get(1);
        assertThat(frame.get("spread").asBoolean()).isFalse();
        assertThat(frame.get("reason").asText()).isNotBlank();
        assertThat(frame.get("grade").isNull()).as(frame.toString()).isTrue();
        assertThat(frame.get("verdict").asText()).isEqualTo(ReportPrinter.NOT_A_SPREAD);
        assertThat(frame.get("probabilities").size()).isEqualTo(3);
    }

    @Test
    void anArtifactWithoutItsMetadataIsRefusedWithWhereToPutIt() throws IOException {
        Path bare = Files.copy(model, dir.resolve("bare.params"));

        Run run = run("grade", "--model", bare.toString(), spread.toString());

        assertThat(run.code).isEqualTo(KaryoloopCli.MODEL_UNAVAILABLE);
        assertThat(run.err).contains("no metadata for").contains("bare.json");
        assertThat(run.out).isEmpty();
    }

    @Test
    void helpNamesBothCommandsAndWrongUsageSaysWhat() {
        Run help = run("--help");
        assertThat(help.code).isZero();
        assertThat(help.out).contains("measure").contains("grade").contains("Exit codes");

        Run noModel = run("grade", spread.toString());
        assertThat(noModel.code).isEqualTo(2);
        assertThat(noModel.err).contains("--model");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KaryoloopCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static List<JsonNode> json(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static SyntheticImage goodSyntheticSpread() {
        SpreadGenerator generator = new SpreadGenerator(GeneratorConfig.defaults().withDomain(Domain.newMicroscopes())
                .withShares(0.6, 0.2).withSeed(11));
        for (int i = 0; i < 50; i++) {
            SyntheticImage image = generator.generate(i);
            if (image.truth().grade() == Grade.GOOD
                    && SpreadMeter.measure(gray(image.pixels(), image.width(), image.height())).spread()) {
                return image;
            }
        }
        throw new IllegalStateException("no GOOD synthetic spread measured as a spread in 50 images");
    }

    private static DecodedImage decoded(Path png) throws IOException {
        try {
            return new org.karyoloop.imaging.ImageDecoder(new org.karyoloop.imaging.ImageLimits(1 << 26, 1 << 26))
                    .decode(Files.readAllBytes(png));
        } catch (org.karyoloop.imaging.ImageRejectedException e) {
            throw new IOException(e);
        }
    }

    private static DecodedImage gray(byte[] pixels, int width, int height) {
        return new DecodedImage(ImageFormat.PNG, width, height, 8, 1, pixels);
    }

    private static void writeMetadata(Path file, PreprocessRecipe recipe, double goodThreshold) throws IOException {
        ModelVersionSpec spec = new ModelVersionSpec(null, null, ArtifactFormat.DJL, null, SpreadNet.MEASURES, recipe,
                SpreadTrainer.CLASSES, goodThreshold, Map.of(), null, ModelOrigin.TRAINED, null, "test");
        Files.writeString(file, JSON.writeValueAsString(spec));
    }
}
