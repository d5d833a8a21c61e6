package io.flowseg.training;

/**
 * The learning rate at each step: a linear warm-up from 0 to the peak over {@code warmupSteps},
 * then a cosine decay to {@code finalFraction} of the peak at the run's last step. Warm-up keeps
 * AdamW's first, badly estimated steps small; the decay lets a short run settle instead of ending
 * at full rate.
 */
public record LearningRateSchedule(float peak, int warmupSteps, float finalFraction, int totalSteps) {

    public LearningRateSchedule {
        if (!(peak > 0) || warmupSteps < 0 || finalFraction < 0 || finalFraction > 1 || totalSteps < 1) {
            throw new IllegalArgumentException("learning-rate schedule: peak must be positive, warm-up not negative,"
                    + " final fraction in [0, 1], at least one step");
        }
    }

    /** The rate of update number {@code update}, counting from 1. */
    public float at(long update) {
        if (update <= warmupSteps) {
            return peak * update / warmupSteps;
        }
        int decaySteps = totalSteps - warmupSteps;
        double progress = decaySteps <= 0 ? 1 : Math.min(1, (double) (update - warmupSteps) / decaySteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (peak * (finalFraction + (1 - finalFraction) * cosine));
    }
}
