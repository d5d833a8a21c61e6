package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.sampling.VelocityField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortcutTargetsTest {
    private static final int PIXELS = 4;
    private static final float[] MASK = {1f, -1f, 0.5f, -0.25f};

    /** A field given per pixel by (t, x, d); it records the step sizes it is told. */
    private static final class AnalyticField implements VelocityField {
        final List<float[]> stepSizesTold = new ArrayList<>();
        private final PixelVelocity velocity;

        interface PixelVelocity {
            double at(double t, double x, double d, int pixel);
        }

        AnalyticField(PixelVelocity velocity) {
            this.velocity = velocity;
        }

        @Override
        public int imageChannels() {
            return 1;
        }

        @Override
        public int resolution() {
            return 2;
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
            return evaluate(x, images, t, new float[batch], batch);
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, float[] stepSizes, int batch) {
            stepSizesTold.add(stepSizes.clone());
            float[] out = new float[x.length];
            for (int row = 0; row < batch; row++) {
                for (int p = 0; p < PIXELS; p++) {
                    int i = row * PIXELS + p;
                    out[i] = (float) velocity.at(t[row], x[i], stepSizes[row], p);
                }
            }
            return out;
        }
    }

    /** A batch whose shortcut rows start at noise x0 + t (S - x0) at the given times and step sizes. */
    private static TrainingBatch batch(float[] times, float[] stepSizes, float[] noise) {
        int rows = times.length;
        float[] noisy = new float[rows * PIXELS];
        for (int row = 0; row < rows; row++) {
            for (int p = 0; p < PIXELS; p++) {
                noisy[row * PIXELS + p] = times[row] * MASK[p] + (1 - times[row]) * noise[p];
            }
        }
        return new TrainingBatch(rows, noisy, new float[rows * PIXELS], times.clone(), new float[rows * PIXELS],
                stepSizes.clone(), rows);
    }

    @Test
    void onStraightPathsTheTargetIsTheExactStepAndOneStepLandsOnTheMask() {
        // The flow of one target mask S: every path is a straight line from x0 to S, u = (S - x) / (1 - t).
        AnalyticField straight = new AnalyticField((t, x, d, p) -> (MASK[p] - x) / (1 - t));
        float[] noise = {0.3f, -1.2f, 2f, 0.1f};
        TrainingBatch batch = batch(new float[] {0f, 0.25f, 0.5f}, new float[] {1f, 0.5f, 0.25f}, noise);
        ShortcutTargets.fill(straight, batch);
        for (int row = 0; row < batch.size(); row++) {
            float t = batch.time()[row];
            float d = batch.stepSize()[row];
            for (int p = 0; p < PIXELS; p++) {
                int i = row * PIXELS + p;
                float x = batch.noisy()[i];
                float expected = (MASK[p] - x) / (1 - t);
                assertEquals(expected, batch.target()[i], 1e-5f, "row " + row + " pixel " + p);
                if (t + d == 1f) {
                    assertEquals(MASK[p], x + d * batch.target()[i], 1e-5f, "one step of size 1 - t lands on the mask");
                }
            }
        }
    }

    @Test
    void onACurvedFieldTheTargetIsTheMeanOfTwoHalfSteps() {
        // u = -x (paths bend): the target of a step of size 2h is ((-x) + (-(x - h x))) / 2.
        AnalyticField curved = new AnalyticField((t, x, d, p) -> -x);
        float[] noise = {1f, 2f, -1f, 0.5f};
        TrainingBatch batch = batch(new float[] {0f}, new float[] {0.5f}, noise);
        ShortcutTargets.fill(curved, batch);
        float h = 0.25f;
        for (int p = 0; p < PIXELS; p++) {
            float x = batch.noisy()[p];
            assertEquals((-x + -(x - h * x)) / 2, batch.target()[p], 1e-6f);
        }
    }

    @Test
    void halfStepsAreToldTheirSizeButTheSmallestIsAskedForTheInstantaneousVelocity() {
        AnalyticField field = new AnalyticField((t, x, d, p) -> d);
        float smallest = 2 * ShortcutTargets.SMALLEST_HALF_STEP;
        TrainingBatch batch = batch(new float[] {0f, 0f}, new float[] {0.5f, smallest}, new float[PIXELS]);
        ShortcutTargets.fill(field, batch);
        assertEquals(2, field.stepSizesTold.size(), "two batched passes, one per half step");
        for (float[] told : field.stepSizesTold) {
            assertArrayEquals(new float[] {0.25f, 0f}, told);
        }
        assertEquals(0.25f, batch.target()[0], "the field's answer for d = h is the target");
    }

    @Test
    void drawnStepsArePowersOfTwoOnTheirHalfStepGridAndEndByOne() {
        SplittableRandom random = new SplittableRandom(3);
        Set<Float> sizes = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            ShortcutTargets.Step step = ShortcutTargets.drawStep(random);
            sizes.add(step.size());
            float halves = step.start() / (step.size() / 2);
            assertEquals(Math.round(halves), halves, 1e-4f, "start " + step.start() + " on the grid of " + step.size() / 2);
            assertTrue(step.start() + step.size() <= 1f, "the step ends by t = 1");
        }
        Set<Float> expected = new HashSet<>();
        for (int level = 0; level < ShortcutTargets.LEVELS; level++) {
            expected.add(1f / (1 << level));
        }
        assertEquals(expected, sizes, "every level is drawn");
    }

    @Test
    void shortcutRowsComeFirstWithTheirStepSizesAndTheOthersAreFlowMatchingRows() {
        TrainingSettings settings = NetworkTrainerTest.settings(10).withShortcutShare(0.5f);
        TrainingBatch batch = TrainingBatch.draw(NetworkTrainerTest.tinySet(), Objective.FLOW_MATCHING, settings, 0);
        assertEquals(2, batch.shortcutRows());
        for (int row = 0; row < batch.size(); row++) {
            if (row < batch.shortcutRows()) {
                assertTrue(batch.stepSize()[row] > 0, "shortcut row " + row + " has a step size");
            } else {
                assertEquals(0f, batch.stepSize()[row], "flow-matching row " + row + " asks for the instantaneous velocity");
            }
        }
    }

    @Test
    void withoutShortcutRowsEveryRowAsksForTheInstantaneousVelocity() {
        TrainingBatch batch = TrainingBatch.draw(NetworkTrainerTest.tinySet(), Objective.FLOW_MATCHING,
                NetworkTrainerTest.settings(10), 3);
        assertEquals(0, batch.shortcutRows());
        assertArrayEquals(new float[batch.size()], batch.stepSize());
    }
}
