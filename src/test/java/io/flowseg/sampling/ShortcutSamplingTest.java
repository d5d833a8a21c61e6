package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcut solver: Euler steps that tell the field their size, so a few land where many would. */
class ShortcutSamplingTest {
    private static final int RESOLUTION = 4;
    private static final int PIXELS = RESOLUTION * RESOLUTION;

    /** The segmentation every path ends in: values inside (-1, 1), so decoding never clamps them. */
    private static double mask(int pixel) {
        return -0.8 + 1.6 * pixel / (PIXELS - 1);
    }

    private static float[] noise() {
        float[] x0 = new float[PIXELS];
        for (int p = 0; p < PIXELS; p++) {
            x0[p] = (float) Math.sin(p + 1);
        }
        return x0;
    }

    private static SampleSet sample(TestFields.RecordingField field, OdeSolver solver, int steps, float guidance) {
        SamplingJob job = new SamplingJob("shortcut", TestFields.image(PIXELS, 0.5f),
                new SamplingSettings(1, guidance, steps, solver, 0L), new float[][] {noise()});
        return new FlowSampler(field, 4).sample(List.of(job), SamplingProgress.NONE).get(0);
    }

    @Test
    void aStraightPathIsReproducedExactlyInOneStep() {
        // The average velocity of a straight path to the mask over [t, 1] is (S - x) / (1 - t).
        TestFields.RecordingField straight = TestFields.pointwise(RESOLUTION, (t, x, p) -> (mask(p) - x) / (1 - t));
        float[] decoded = sample(straight, OdeSolver.SHORTCUT, 1, 0f).samples()[0];
        for (int p = 0; p < PIXELS; p++) {
            assertEquals(mask(p), TestFields.undecode(decoded[p]), 1e-6, "pixel " + p);
        }
        assertEquals(1, straight.calls.size(), "one network evaluation");
    }

    @Test
    void eachEvaluationIsToldItsStepSizeAndGuidedRowsTheSame() {
        TestFields.RecordingField field = TestFields.pointwise(RESOLUTION, (t, x, p) -> 0);
        sample(field, OdeSolver.SHORTCUT, 4, 0.3f);
        assertEquals(4, field.calls.size());
        for (TestFields.Call call : field.calls) {
            assertArrayEquals(new float[] {0.25f, 0.25f}, call.stepSizes(), "conditional and unconditional rows");
        }
    }

    @Test
    void theOtherSolversAskForTheVelocityAtAPoint() {
        for (OdeSolver solver : List.of(OdeSolver.EULER, OdeSolver.MIDPOINT, OdeSolver.HEUN, OdeSolver.RK4)) {
            TestFields.RecordingField field = TestFields.pointwise(RESOLUTION, (t, x, p) -> 0);
            sample(field, solver, 2, 0f);
            for (TestFields.Call call : field.calls) {
                assertArrayEquals(new float[] {0f}, call.stepSizes(), solver.id());
            }
        }
    }
}
