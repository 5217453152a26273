package org.karyoloop.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The generator's command line: documented defaults, usage errors that name the option, help per command. */
class SynthCliTest {

    /** What a run printed and returned. */
    private record Run(int code, String out, String err) {
    }

    private static Run synth(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SynthCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The command object after picocli has parsed {@code args} into it, as it would before running it. */
    private static <T> T parsed(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void generatorOptionsLeftOutGiveTheGeneratorsDefaults() {
        GenerateCommand generate = parsed(new GenerateCommand(), "--out", "spreads");
        assertEquals(GeneratorConfig.defaults(), generate.generator.config());
        assertEquals(ImageCodec.Format.PNG, generate.generator.format);
        assertEquals(Path.of("spreads"), generate.folder);
        assertEquals(100, generate.count);
        assertEquals(0, generate.start);
        assertEquals("none", generate.labels);
        assertEquals(1, generate.threads);
    }

    @Test
    void generatorOptionsGivenReachTheConfiguration() {
        GenerateCommand generate = parsed(new GenerateCommand(), "--out", "x", "--domain", "legacy", "--seed", "7",
                "--size", "128", "--images-per-slide", "5", "--good-share", "0.3", "--fair-share=0.2", "--format",
                "jpeg");
        GeneratorConfig config = generate.generator.config();
        assertEquals(Domain.legacy(), config.domain());
        assertEquals(7, config.seed());
        assertEquals(128, config.width());
        assertEquals(128, config.height());
        assertEquals(5, config.imagesPerSlide());
        assertEquals(0.3, config.goodShare());
        assertEquals(0.2, config.fairShare());
        assertEquals(ImageCodec.Format.JPEG, generate.generator.format);
    }

    @Test
    void microscopeAndDoctorDefaultsAreTheDocumentedOnes() {
        MicroscopeCommand microscope = parsed(new MicroscopeCommand(), "--kafka", "127.0.0.1:9092", "--max");
        assertEquals("127.0.0.1:9092", microscope.target.kafka);
        assertNull(microscope.target.rest);
        assertEquals("images.raw", microscope.topic);
        assertTrue(microscope.pace.max);
        assertEquals(100, microscope.count);
        assertEquals(3, microscope.sources);
        assertEquals(Path.of("target/microscope/manifest.jsonl"), microscope.manifestFile);
        assertEquals(Runtime.getRuntime().availableProcessors(), microscope.threads);

        DoctorCommand doctor = parsed(new DoctorCommand(), "--url", "http://127.0.0.1:8080", "--user", "d",
                "--password", "p");
        assertEquals(2000, doctor.paceMs);
        assertEquals(5000, doctor.idleMs);
        assertEquals(Long.MAX_VALUE, doctor.count);
        assertFalse(doctor.untilEmpty);
        assertEquals(DoctorLabelModel.DEFAULT_DISAGREEMENT, doctor.disagreement);
        assertEquals(Path.of("target/microscope/manifest.jsonl"), doctor.manifest);
        assertEquals(1, doctor.seed);
    }

    @Test
    void benchAuditAndContactSheetDefaultsAreTheDocumentedOnes() {
        BenchCommand bench = parsed(new BenchCommand());
        assertEquals(GeneratorConfig.DEFAULT_SIZE, bench.generator.config().width());
        assertEquals(20, bench.warmup);
        assertEquals(60, bench.count);
        AuditCommand audit = parsed(new AuditCommand());
        assertEquals(2000, audit.count);
        assertEquals(700, audit.aucCount);
        assertEquals(256, audit.size);
        assertEquals(11, audit.seed);
        ContactSheetCommand sheet = parsed(new ContactSheetCommand());
        assertEquals(Path.of("docs/images/contact-sheet.png"), sheet.file);
        assertNull(sheet.detail);
        assertEquals(4, sheet.perRow);
    }

    @Test
    void anOptionGivenTwiceTakesItsLastValue(@TempDir Path folder) {
        Run run = synth("generate", "--out", folder.toString(), "--count", "5", "--size", "64", "--count", "1");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("generated 1 png images (64x64"), run.out());
    }

    @Test
    void aBadValueIsAUsageErrorThatNamesTheOption() {
        Run format = synth("generate", "--out", "x", "--format", "gif");
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format"), format.err());
        assertTrue(format.err().contains("unknown format 'gif'"), format.err());

        Run count = synth("generate", "--out", "x", "--count", "many");
        assertEquals(2, count.code());
        assertTrue(count.err().contains("'--count'"), count.err());

        Run size = synth("bench", "--size", "10");
        assertEquals(2, size.code());
        assertTrue(size.err().contains("at least 64x64"), size.err());

        Run rate = synth("microscope", "--rest", "http://127.0.0.1:1", "--rate", "0");
        assertEquals(2, rate.code());
        assertTrue(rate.err().contains("--rate must be > 0"), rate.err());
    }

    @Test
    void anUnknownOptionOrCommandIsAUsageError() {
        Run option = synth("audit", "--colour", "red");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("Unknown option"), option.err());
        Run command = synth("paint");
        assertEquals(2, command.code());
        assertTrue(command.err().contains("'paint'"), command.err());
        assertEquals(2, synth().code());
    }

    @Test
    void aDoctorWithoutAPasswordIsAUsageError() {
        assumeTrue(System.getenv("KARYOLOOP_DOCTOR_PASSWORD") == null, "the password's environment variable is set");
        Run run = synth("doctor", "--url", "http://127.0.0.1:1", "--user", "d");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("give --password or set KARYOLOOP_DOCTOR_PASSWORD"), run.err());
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        Run help = synth("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: synth "), help.out());
        for (String command : new String[] {"generate", "contact-sheet", "microscope", "bench", "audit", "doctor"}) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in\n" + help.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"generate", "contact-sheet", "microscope", "bench", "audit", "doctor"})
    void everyCommandHasItsOwnHelpWithItsOptionsAndDefaults(String command) {
        Run help = synth(command, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("Usage: synth " + command + " "), help.out());
        assertTrue(help.out().contains("Default: "), help.out());
        assertEquals(help.out(), synth("help", command).out());
    }
}
