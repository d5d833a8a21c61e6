package io.flowseg.training;

/**
 * Hyper-parameters of one training run. Defaults follow METHOD.md's reference recipe.
 *
 * @param steps            optimiser steps in the whole run (a resumed run continues to this count)
 * @param batchSize        rows per step
 * @param learningRate     AdamW learning rate
 * @param beta1            AdamW first-moment decay
 * @param beta2            AdamW second-moment decay
 * @param weightDecay      AdamW decoupled weight decay (PyTorch's default, 0.01)
 * @param emaDecay         decay of the exponential moving average of the weights that is exported
 * @param conditionDropout probability of replacing a row's image with the null (all-zeros) condition
 * @param flips            whether rows are mirrored at random, horizontally and vertically
 * @param seed             seeds the initial weights and every step's batch
 */
public record TrainingSettings(int steps, int batchSize, float learningRate, float beta1, float beta2,
                               float weightDecay, float emaDecay, float conditionDropout, boolean flips, long seed) {

    public static final float LEARNING_RATE = 1e-4f;
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.95f;
    public static final float WEIGHT_DECAY = 0.01f;
    public static final float EMA_DECAY = 0.999f;
    public static final float CONDITION_DROPOUT = 0.5f;

    public TrainingSettings {
        require(steps >= 1, "steps must be at least 1");
        require(batchSize >= 1, "batch size must be at least 1");
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "betas must lie in [0, 1)");
        require(weightDecay >= 0, "weight decay must not be negative");
        require(emaDecay >= 0 && emaDecay < 1, "EMA decay must lie in [0, 1)");
        require(conditionDropout >= 0 && conditionDropout <= 1, "condition dropout must lie in [0, 1]");
    }

    /** The reference recipe with the given length, batch and seed. */
    public static TrainingSettings reference(int steps, int batchSize, long seed) {
        return new TrainingSettings(steps, batchSize, LEARNING_RATE, BETA1, BETA2, WEIGHT_DECAY, EMA_DECAY,
                CONDITION_DROPOUT, true, seed);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
