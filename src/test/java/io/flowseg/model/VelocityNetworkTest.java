package io.flowseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.sampling.FlowSampler;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SampleSet;
import io.flowseg.sampling.SamplingJob;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.sampling.Seeds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real DJL network behind {@link VelocityPredictor}, at toy size: what it computes depends on
 * x, t and the image, rows of a batch do not interact, and sampling through it is reproducible.
 * The network is {@link TestModels#writeNonZeroModel}'s (output convolution not zeroed) so that
 * its velocity is not identically zero.
 */
class VelocityNetworkTest {
    private static final int PIXELS = 16 * 16;

    @TempDir
    static Path dir;
    private static Path file;
    private static VelocityModel model;

    @BeforeAll
    static void load() throws IOException {
        file = TestModels.writeNonZeroModel(TestModels.TINY, 17, dir.resolve("net.flowseg"), "v-net");
        model = VelocityModel.load(file);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[] row(float[] values, int row, int length) {
        return Arrays.copyOfRange(values, row * length, (row + 1) * length);
    }

    @Test
    void outputDependsOnXTimeAndImage() {
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, 1, 3);
        try (VelocityPredictor predictor = model.newPredictor()) {
            assertEquals(1, predictor.imageChannels());
            assertEquals(16, predictor.resolution());
            float[] base = predictor.evaluate(batch.x(), batch.images(), batch.t(), 1);
            assertEquals(PIXELS, base.length);
            for (float v : base) {
                assertTrue(Float.isFinite(v));
            }
            assertTrue(TestModels.maxAbs(base) > 1e-2, "non-trivial output");

            float[] otherTime = predictor.evaluate(batch.x(), batch.images(), new float[] {batch.t()[0] + 0.25f}, 1);
            float[] nullImage = predictor.evaluate(batch.x(), new float[PIXELS], batch.t(), 1);
            float[] otherX = predictor.evaluate(TestModels.uniform(99, PIXELS, -2f, 2f), batch.images(), batch.t(), 1);
            assertTrue(maxDifference(base, otherTime) > 1e-4, "depends on t");
            assertTrue(maxDifference(base, nullImage) > 1e-4, "depends on the image (null condition differs)");
            assertTrue(maxDifference(base, otherX) > 1e-4, "depends on x");
            assertArrayEquals(base, predictor.evaluate(batch.x(), batch.images(), batch.t(), 1), "deterministic");
        }
    }

    @Test
    void rowsOfABatchDoNotInteract() {
        int rows = 3;
        TestModels.Batch batch = TestModels.randomBatch(TestModels.TINY, rows, 8);
        try (VelocityPredictor predictor = model.newPredictor()) {
            float[] together = predictor.evaluate(batch.x(), batch.images(), batch.t(), rows);
            for (int r = 0; r < rows; r++) {
                float[] alone = predictor.evaluate(row(batch.x(), r, PIXELS), row(batch.images(), r, PIXELS),
                        new float[] {batch.t()[r]}, 1);
                float[] inBatch = row(together, r, PIXELS);
                assertTrue(maxDifference(alone, inBatch) < 1e-5 * (1 + TestModels.maxAbs(alone)),
                        "row " + r + " differs by " + maxDifference(alone, inBatch));
            }
        }
    }

    @Test
    void wrongInputSizesAreRejected() {
        try (VelocityPredictor predictor = model.newPredictor()) {
            assertThrows(RuntimeException.class,
                    () -> predictor.evaluate(new float[PIXELS - 1], new float[PIXELS], new float[1], 1));
        }
    }

    private static List<SampleSet> sample(VelocityModel source, long seed, int maxBatch) {
        float[] image = TestModels.uniform(5, PIXELS, 0f, 1f);
        try (VelocityPredictor predictor = source.newPredictor()) {
            return new FlowSampler(predictor, maxBatch).sample(List.of(
                    new SamplingJob("guided", image, new SamplingSettings(3, 0.3f, 2, OdeSolver.MIDPOINT, seed), null),
                    new SamplingJob("plain", image, new SamplingSettings(2, 0f, 3, OdeSolver.HEUN, seed + 1), null)),
                    SamplingProgress.NONE);
        }
    }

    @Test
    void samplingIsReproducibleWithFreshPredictorsAndModels() throws IOException {
        List<SampleSet> first = sample(model, 42L, 16);
        List<SampleSet> second = sample(model, 42L, 16);
        List<SampleSet> third;
        try (VelocityModel reloaded = VelocityModel.load(file)) {
            third = sample(reloaded, 42L, 16);
        }
        for (int r = 0; r < first.size(); r++) {
            for (int i = 0; i < first.get(r).samples().length; i++) {
                assertArrayEquals(first.get(r).samples()[i], second.get(r).samples()[i], "fresh predictor");
                assertArrayEquals(first.get(r).samples()[i], third.get(r).samples()[i], "reloaded model");
            }
        }
        // The network moved the samples away from their decoded noise.
        float[] noiseOnly = TestModels.decode(Seeds.gaussianNoise(42L, 0, PIXELS));
        assertTrue(maxDifference(noiseOnly, first.get(0).samples()[0]) > 1e-3);
    }

    @Test
    void anotherSeedGivesOtherSamples() {
        List<SampleSet> a = sample(model, 42L, 16);
        List<SampleSet> b = sample(model, 43L, 16);
        for (int r = 0; r < a.size(); r++) {
            for (int i = 0; i < a.get(r).samples().length; i++) {
                assertFalse(Arrays.equals(a.get(r).samples()[i], b.get(r).samples()[i]), "request " + r + " sample " + i);
            }
        }
    }

    @Test
    void batchingAcrossRequestsBarelyChangesNetworkSamples() {
        // maxBatch 2 runs one trajectory at a time; 16 runs them all together.
        List<SampleSet> alone = sample(model, 7L, 2);
        List<SampleSet> together = sample(model, 7L, 16);
        assertEquals(3 * 2 * 2, alone.get(0).forwardPasses(), "three guided samples one after the other");
        assertEquals(2 * 2, together.get(0).forwardPasses(), "three guided samples side by side");
        for (int r = 0; r < alone.size(); r++) {
            for (int i = 0; i < alone.get(r).samples().length; i++) {
                assertTrue(maxDifference(alone.get(r).samples()[i], together.get(r).samples()[i]) < 1e-5,
                        "request " + r + " sample " + i);
            }
        }
    }

    @Test
    void anUntrainedNetworkLeavesTheNoiseWhereItIs() {
        // Zero-initialised output convolution: zero velocity, so a sample is its decoded noise.
        try (VelocityModel untrained = VelocityModel.untrained(TestModels.TINY, 2)) {
            SampleSet set = sample(untrained, 42L, 16).get(0);
            for (int i = 0; i < set.samples().length; i++) {
                assertArrayEquals(TestModels.decode(Seeds.gaussianNoise(42L, i, PIXELS)), set.samples()[i]);
            }
        }
    }

    private static double maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
