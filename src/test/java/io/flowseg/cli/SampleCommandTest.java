package io.flowseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.imaging.Npy;
import io.flowseg.imaging.NpyArray;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs `flowseg sample` as a user would, on the bundled trained model with cheap settings. */
@QuarkusMainTest
class SampleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path png(String name, int width, int height, boolean constant) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(5);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = constant ? 90 : random.nextInt(256);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void writesMapsSamplesAndSummaryAndIsReproducible(QuarkusMainLauncher launcher) throws Exception {
        Path image = png("scan.png", 50, 40, false);
        String[] args = {"sample", "--image", image.toString(), "--samples", "3", "--steps", "2",
            "--solver", "heun", "--guidance", "0.5", "--seed", "42", "--spacing", "0.5,0.8", "--out", ""};
        args[args.length - 1] = dir.resolve("a").toString();
        LaunchResult first = launcher.launch(args);
        assertEquals(0, first.exitCode(), first.getErrorOutput());
        args[args.length - 1] = dir.resolve("b").toString();
        assertEquals(0, launcher.launch(args).exitCode());

        for (String file : new String[] {"consensus.png", "mean.png", "variance.png", "sample-00.png", "sample-02.png"}) {
            BufferedImage written = ImageIO.read(dir.resolve("a").resolve(file).toFile());
            assertEquals(50, written.getWidth(), file);
            assertEquals(40, written.getHeight(), file);
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
                    Files.readAllBytes(dir.resolve("b").resolve(file)), file + " differs between identical runs");
        }
        assertFalse(Files.exists(dir.resolve("a").resolve("sample-03.png")));

        JsonNode summary = JSON.readTree(dir.resolve("a").resolve("summary.json").toFile());
        assertEquals(3, summary.get("samples").asInt());
        assertEquals(0.5, summary.get("guidance").asDouble(), 1e-6);
        assertEquals(2, summary.get("steps").asInt());
        assertEquals("heun", summary.get("solver").asText());
        assertTrue(summary.get("preset").isNull(), "explicit steps and solver: no preset");
        assertEquals(42, summary.get("seed").asLong());
        assertEquals("given", summary.get("seedSource").asText());
        assertEquals("flowseg-small-32-centre.flowseg", summary.get("model").get("name").asText());
        // 3 samples x 2 steps x 2 stages x 2 rows (guided)
        assertEquals(24, summary.get("networkEvaluations").asLong());
        JsonNode figures = summary.get("figures");
        for (String figure : new String[] {"meanVariance", "maxVariance", "meanVarianceForeground",
            "maxVarianceForeground", "p95Variance", "uncertainAreaFraction", "foregroundAreaPixels",
            "sampleDiversity", "meanEntropy"}) {
            assertTrue(figures.get(figure).isNumber(), figure);
        }
        assertEquals(figures.get("foregroundAreaPixels").asDouble() * 0.4,
                figures.get("foregroundAreaMm2").asDouble(), 1e-6);
    }

    @Test
    void explicitNoiseSetsTheSampleCount(QuarkusMainLauncher launcher) throws Exception {
        Path noise = dir.resolve("noise.npy");
        int r = 32; // the bundled model's resolution
        float[] data = new float[2 * r * r];
        Random random = new Random(1);
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        Npy.write(new NpyArray(new int[] {2, 1, r, r}, data), noise);
        Path out = dir.resolve("noise-out");
        LaunchResult result = launcher.launch("sample", "--image", png("scan.png", 32, 32, false).toString(),
                "--noise", noise.toString(), "--steps", "1", "--solver", "euler", "--guidance", "0",
                "--out", out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("samples").asInt());
        assertEquals("noise file", summary.get("seedSource").asText());
    }

    @Test
    void aNamedPresetSetsStepsAndSolverAndAnUnknownOneIsRefused(QuarkusMainLauncher launcher) throws Exception {
        Path image = png("scan.png", 32, 32, false);
        Path out = dir.resolve("paper");
        LaunchResult result = launcher.launch("sample", "--image", image.toString(), "--preset", "paper",
                "--samples", "1", "--guidance", "0", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.getErrorOutput());
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("paper", summary.get("preset").asText());
        assertEquals(100, summary.get("steps").asInt());
        assertEquals("midpoint", summary.get("solver").asText());
        assertEquals(200, summary.get("networkEvaluations").asLong(), "1 sample x 100 steps x 2 stages");

        LaunchResult unknown = launcher.launch("sample", "--image", image.toString(), "--preset", "turbo",
                "--out", dir.resolve("turbo").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.getErrorOutput().contains("unknown sampling preset 'turbo' (known: "), unknown.getErrorOutput());
    }

    @Test
    void constantImageIsRejectedWithItsReason(QuarkusMainLauncher launcher) throws Exception {
        LaunchResult result = launcher.launch("sample", "--image", png("flat.png", 16, 16, true).toString(),
                "--samples", "1", "--steps", "1", "--out", dir.resolve("flat").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("CONSTANT_IMAGE"), result.getErrorOutput());
        assertFalse(Files.exists(dir.resolve("flat").resolve("summary.json")));
    }

    @Test
    void mismatchedRawBytesAreRejected(QuarkusMainLauncher launcher) throws Exception {
        Path raw = dir.resolve("scan.raw");
        Files.write(raw, new byte[100]);
        LaunchResult result = launcher.launch("sample", "--image", raw.toString(), "--raw-shape", "8x8x1",
                "--pixel-type", "uint16", "--out", dir.resolve("raw").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.getErrorOutput().contains("BYTE_LENGTH_MISMATCH"), result.getErrorOutput());
    }
}
