package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.imaging.Npy;
import io.flowseg.imaging.NpyArray;
import io.flowseg.sampling.FlowSampler;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SampleSet;
import io.flowseg.sampling.SamplingJob;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bring-your-own-model: the TorchScript fixture in src/test/resources/torchscript (made by
 * scripts/make_torchscript_fixture.py with PyTorch 1.13) loaded and run through DJL's libtorch.
 */
class TorchScriptModelTest {
    private static final int CHANNELS = 2;
    private static final int RESOLUTION = 16;
    private static final int PIXELS = RESOLUTION * RESOLUTION;

    private static VelocityModel model;

    @BeforeAll
    static void loadFixture() throws IOException {
        model = VelocityModel.load(fixture("tiny-velocity.pt"));
    }

    @AfterAll
    static void closeFixture() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void readsModelInfoFromFlowsegJson() {
        ModelInfo info = model.info();

        assertEquals("torchscript", info.format());
        assertEquals(CHANNELS, info.imageChannels());
        assertEquals(RESOLUTION, info.resolution());
        assertEquals("fixture-1", info.version());
        assertEquals("tiny-velocity.pt", info.name());
        assertTrue(model.config().isEmpty(), "a TorchScript model has no flowseg UNet config");
    }

    @Test
    void predictorReproducesPyTorchVelocity() throws IOException {
        NpyArray x = Npy.read(fixture("inputs-x.npy"));
        NpyArray images = Npy.read(fixture("inputs-image.npy"));
        NpyArray t = Npy.read(fixture("inputs-t.npy"));
        NpyArray expected = Npy.read(fixture("expected-velocity.npy"));
        assertArrayEquals(new int[] {4, 1, RESOLUTION, RESOLUTION}, x.shape());
        assertArrayEquals(new int[] {4, CHANNELS, RESOLUTION, RESOLUTION}, images.shape());
        assertArrayEquals(new int[] {4}, t.shape());
        assertArrayEquals(new int[] {4, 1, RESOLUTION, RESOLUTION}, expected.shape());

        try (VelocityPredictor predictor = model.newPredictor()) {
            assertEquals(CHANNELS, predictor.imageChannels());
            assertEquals(RESOLUTION, predictor.resolution());
            float[] velocity = predictor.evaluate(x.data(), images.data(), t.data(), 4);
            assertArrayEquals(expected.data(), velocity, 1e-5f);

            // The model was traced with a batch of 3: one row at a time must give the same rows.
            for (int row = 0; row < 4; row++) {
                float[] single = predictor.evaluate(
                        Arrays.copyOfRange(x.data(), row * PIXELS, (row + 1) * PIXELS),
                        Arrays.copyOfRange(images.data(), row * CHANNELS * PIXELS, (row + 1) * CHANNELS * PIXELS),
                        new float[] {t.data()[row]}, 1);
                assertArrayEquals(Arrays.copyOfRange(expected.data(), row * PIXELS, (row + 1) * PIXELS), single,
                        1e-5f, "row " + row + " alone");
            }
        }
    }

    @Test
    void samplesThroughFlowSampler() {
        List<SampleSet> first = sample(11L, 12L);
        List<SampleSet> again = sample(11L, 12L);
        List<SampleSet> other = sample(21L, 22L);

        assertEquals(2, first.size());
        for (SampleSet set : first) {
            assertEquals(3, set.samples().length);
            for (float[] s : set.samples()) {
                assertEquals(PIXELS, s.length);
                for (float v : s) {
                    assertTrue(v >= 0f && v <= 1f, "sample value " + v + " outside [0, 1]");
                }
            }
        }
        assertEquals(3L * 2 * 2 * 2, first.get(0).networkEvaluations(), "guided: 3 samples x 2 steps x 2 stages x 2");
        assertEquals(3L * 2 * 2, first.get(1).networkEvaluations(), "unguided: 3 samples x 2 steps x 2 stages");
        for (int r = 0; r < 2; r++) {
            for (int m = 0; m < 3; m++) {
                float[] a = first.get(r).samples()[m];
                assertArrayEquals(a, again.get(r).samples()[m], 0f, "same seed, request " + r + " sample " + m);
                assertFalse(Arrays.equals(a, other.get(r).samples()[m]), "other seed, request " + r + " sample " + m);
            }
            assertFalse(Arrays.equals(first.get(r).samples()[0], first.get(r).samples()[1]),
                    "samples of one request differ");
        }
    }

    private static List<SampleSet> sample(long seedGuided, long seedUnguided) {
        float[] image = new float[CHANNELS * PIXELS];
        Random random = new Random(5);
        for (int i = 0; i < image.length; i++) {
            image[i] = random.nextFloat();
        }
        List<SamplingJob> requests = List.of(
                new SamplingJob("guided", image, new SamplingSettings(3, 0.3f, 2, OdeSolver.MIDPOINT, seedGuided), null),
                new SamplingJob("unguided", image, new SamplingSettings(3, 0f, 2, OdeSolver.MIDPOINT, seedUnguided), null));
        try (VelocityPredictor predictor = model.newPredictor()) {
            return new FlowSampler(predictor, 8).sample(requests, SamplingProgress.NONE);
        }
    }

    @Test
    void refusesTorchScriptWithoutMetadata() {
        IOException e = assertThrows(IOException.class, () -> VelocityModel.load(fixture("no-metadata.pt")));

        assertTrue(e.getMessage().contains("flowseg.json"), e.getMessage());
        assertTrue(e.getMessage().contains("no-metadata.pt"), e.getMessage());
    }

    @Test
    void refusesAFileThatIsNeitherFormat(@TempDir Path directory) throws IOException {
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        Path file = directory.resolve("garbage.pt");
        Files.write(file, garbage);

        IOException e = assertThrows(IOException.class, () -> VelocityModel.load(file));

        assertTrue(e.getMessage().contains("garbage.pt"), e.getMessage());
        assertTrue(e.getMessage().contains("neither a flowseg model nor a TorchScript archive"), e.getMessage());
    }

    @Test
    void refusesAnEmptyFile(@TempDir Path directory) throws IOException {
        Path file = Files.createFile(directory.resolve("empty.pt"));

        IOException e = assertThrows(IOException.class, () -> VelocityModel.load(file));

        assertTrue(e.getMessage().contains("empty.pt"), e.getMessage());
    }

    private static Path fixture(String name) {
        URL url = TorchScriptModelTest.class.getResource("/torchscript/" + name);
        if (url == null) {
            throw new IllegalStateException("test resource torchscript/" + name
                    + " missing; run /usr/bin/python3 scripts/make_torchscript_fixture.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
