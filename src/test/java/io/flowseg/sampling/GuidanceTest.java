package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classifier-free guidance: u_g = (1 + w) u_c - w u_u, with the conditional rows and the
 * unconditional (all-zeros image) rows of a step evaluated in one batched call.
 */
class GuidanceTest {
    private static final int RESOLUTION = 8;
    private static final int PIXELS = RESOLUTION * RESOLUTION;
    private static final int CHANNELS = 2;

    /** Velocity for rows conditioned on a real image. */
    private static double conditional(int pixel) {
        return 0.1 + 0.002 * pixel;
    }

    /** Velocity for rows with the null (all-zeros) image. */
    private static double unconditional(int pixel) {
        return -0.05 + 0.003 * (pixel % 8);
    }

    /** u_c where the row's image is non-zero, u_u where it is all zeros; constant in t and x. */
    private static TestFields.RecordingField twoValuedField() {
        return new TestFields.RecordingField(CHANNELS, RESOLUTION, (t, x, xOffset, images, imageOffset, out, outOffset) -> {
            boolean nullImage = TestFields.allZero(images, imageOffset, CHANNELS * PIXELS);
            for (int p = 0; p < PIXELS; p++) {
                out[outOffset + p] = (float) (nullImage ? unconditional(p) : conditional(p));
            }
        });
    }

    private static float[][] startingPoints(int samples) {
        float[][] x0 = new float[samples][PIXELS];
        for (int i = 0; i < samples; i++) {
            for (int p = 0; p < PIXELS; p++) {
                x0[i][p] = (float) (-0.1 + 0.2 * ((p + 13 * i) % PIXELS) / PIXELS);
            }
        }
        return x0;
    }

    @ParameterizedTest
    @ValueSource(floats = {0f, 0.3f, 2f, -0.5f})
    void integratesTheGuidedVelocity(float w) {
        int samples = 3;
        int steps = 5;
        float[][] x0 = startingPoints(samples);
        float[] image = TestFields.image(CHANNELS * PIXELS, 0.4f);
        TestFields.RecordingField field = twoValuedField();
        SampleSet set = new FlowSampler(field, 64).sample(List.of(new SamplingJob("g", image, new SamplingSettings(samples, w, steps,
                OdeSolver.EULER, 0L), x0)), SamplingProgress.NONE).get(0);

        for (int i = 0; i < samples; i++) {
            for (int p = 0; p < PIXELS; p++) {
                // A constant velocity integrates exactly with Euler: x(1) = x0 + u_g.
                double guided = (1 + w) * conditional(p) - w * unconditional(p);
                double expected = Math.min(1, Math.max(0, (x0[i][p] + guided) / 2 + 0.5));
                assertTrue(expected > 0 && expected < 1, "test values must stay in the decodable range");
                assertEquals(expected, set.samples()[i][p], 1e-6, "w=" + w + " sample " + i + " pixel " + p);
            }
        }
    }

    @Test
    void unguidedSamplingEvaluatesConditionalRowsOnly() {
        int samples = 3;
        int steps = 4;
        float[] image = TestFields.image(CHANNELS * PIXELS, 0.4f);
        TestFields.RecordingField field = twoValuedField();
        SampleSet set = new FlowSampler(field, 64).sample(List.of(new SamplingJob("g0", image, new SamplingSettings(samples, 0f, steps,
                OdeSolver.MIDPOINT, 7L), null)), SamplingProgress.NONE).get(0);

        assertEquals(steps * 2, field.calls.size(), "one call per stage of each step");
        for (TestFields.Call call : field.calls) {
            assertEquals(samples, call.batch(), "w = 0: M rows, no unconditional half");
            for (int row = 0; row < samples; row++) {
                assertArrayEquals(image, TestFields.slice(call.images(), row * CHANNELS * PIXELS, CHANNELS * PIXELS));
            }
        }
        assertEquals((long) samples * steps * 2, set.networkEvaluations());
        assertEquals(set.request().settings().networkEvaluations(), set.networkEvaluations());
        assertEquals(steps * 2, set.forwardPasses());
    }

    @ParameterizedTest
    @ValueSource(floats = {0.3f, 2f})
    void guidedSamplingBatchesBothHalvesInOneCall(float w) {
        int samples = 3;
        int steps = 4;
        int imageLength = CHANNELS * PIXELS;
        float[] image = TestFields.image(imageLength, 0.4f);
        TestFields.RecordingField field = twoValuedField();
        SampleSet set = new FlowSampler(field, 64).sample(List.of(new SamplingJob("g", image, new SamplingSettings(samples, w, steps,
                OdeSolver.HEUN, 7L), null)), SamplingProgress.NONE).get(0);

        assertEquals(steps * 2, field.calls.size(), "conditional and unconditional halves share one call");
        for (TestFields.Call call : field.calls) {
            assertEquals(2 * samples, call.batch(), "w != 0: 2M rows");
            for (int row = 0; row < samples; row++) {
                int twin = samples + row;
                assertArrayEquals(image, TestFields.slice(call.images(), row * imageLength, imageLength),
                        "conditional rows come first and carry the image");
                assertTrue(TestFields.allZero(call.images(), twin * imageLength, imageLength),
                        "unconditional rows carry the all-zeros image");
                assertArrayEquals(TestFields.slice(call.x(), row * PIXELS, PIXELS),
                        TestFields.slice(call.x(), twin * PIXELS, PIXELS), "same point for both halves");
                assertEquals(call.t()[row], call.t()[twin], "same time for both halves");
            }
            for (int row = 1; row < samples; row++) {
                assertFalse(java.util.Arrays.equals(TestFields.slice(call.x(), 0, PIXELS),
                        TestFields.slice(call.x(), row * PIXELS, PIXELS)), "samples start from different noise");
            }
        }
        assertEquals(2L * samples * steps * 2, set.networkEvaluations());
        assertEquals(set.request().settings().networkEvaluations(), set.networkEvaluations());
        assertEquals(steps * 2, set.forwardPasses());
    }

    @Test
    void applyOverwritesTheConditionalSliceOnly() {
        float[] velocities = {9f, 1f, 2f, 3f, 10f, 20f, 30f, 9f};
        Guidance.apply(velocities, 1, 4, 3, 0.5f);
        // (1 + 0.5) u_c - 0.5 u_u
        assertArrayEquals(new float[] {9f, 1.5f - 5f, 3f - 10f, 4.5f - 15f, 10f, 20f, 30f, 9f}, velocities);
    }
}
