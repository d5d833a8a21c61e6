package io.flowseg.training;

import io.flowseg.sampling.VelocityField;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Self-consistency targets of a shortcut model (Frans et al., "One Step Diffusion via Shortcut
 * Models", 2024): the network u(t, x, X, d) learns the average velocity of a step of size d, with
 * d = 0 the flow-matching velocity. One step of size 2h must land where two steps of size h land,
 * so the target for (x_t, t, 2h) is the mean of the two half-step velocities the network itself
 * gives (no gradient flows through them). The smallest half step asks for d = 0, which ties the
 * ladder of step sizes to the flow the other rows learn. Chosen over reflow or distillation
 * because it needs no teacher trajectories (a 100-step sample per training pair is hours on a CPU),
 * trains with ordinary backpropagation, and works as a fine-tune: a step-conditioned network made
 * from a plain model starts as that model.
 */
public final class ShortcutTargets {
    /** Step sizes trained are 2^-k, k = 0 .. LEVELS - 1; half steps of the smallest are asked at d = 0. */
    static final int LEVELS = 7;
    /** The smallest half step, 2^-LEVELS; at it the field is asked for its instantaneous velocity. */
    static final float SMALLEST_HALF_STEP = 1f / (1 << LEVELS);

    private ShortcutTargets() {
    }

    /**
     * A step a shortcut row is trained for.
     *
     * @param start t at which the step starts: a multiple of its half that leaves room for the whole step
     * @param size  the step size d = 2h, a power of two from 1 down to 2^-(LEVELS-1)
     */
    record Step(float start, float size) {
    }

    /** Draws a step size uniformly over the levels, then its start uniformly over the half-step grid. */
    static Step drawStep(SplittableRandom random) {
        int level = random.nextInt(LEVELS);
        int halvesPerUnit = 2 << level; // 1 / h
        int start = random.nextInt(halvesPerUnit - 1); // t + 2h <= 1
        return new Step((float) start / halvesPerUnit, 1f / (1 << level));
    }

    /**
     * Writes the target of each shortcut row: (u(x_t, t, h') + u(x_t + h u(x_t, t, h'), t + h, h')) / 2
     * with h = d / 2 and h' = h, or 0 at the smallest half step. The field evaluates both halves
     * for all shortcut rows at once (two batched passes).
     */
    static void fill(VelocityField field, TrainingBatch batch) {
        int rows = batch.shortcutRows();
        if (rows == 0) {
            return;
        }
        int pixels = batch.noisy().length / batch.size();
        int imageLength = batch.image().length / batch.size();
        float[] x = Arrays.copyOf(batch.noisy(), rows * pixels);
        float[] images = Arrays.copyOf(batch.image(), rows * imageLength);
        float[] t = Arrays.copyOf(batch.time(), rows);
        float[] half = new float[rows];
        float[] told = new float[rows];
        for (int row = 0; row < rows; row++) {
            half[row] = batch.stepSize()[row] / 2;
            told[row] = half[row] <= SMALLEST_HALF_STEP ? 0f : half[row];
        }
        float[] first = field.evaluate(x, images, t, told, rows);
        for (int row = 0; row < rows; row++) {
            for (int p = row * pixels; p < (row + 1) * pixels; p++) {
                x[p] += half[row] * first[p];
            }
            t[row] += half[row];
        }
        float[] second = field.evaluate(x, images, t, told, rows);
        for (int p = 0; p < rows * pixels; p++) {
            batch.target()[p] = (first[p] + second[p]) / 2;
        }
    }
}
