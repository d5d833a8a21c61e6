package io.flowseg.training;

/**
 * Hyper-parameters of one training run. The optimiser follows METHOD.md's reference recipe
 * (AdamW, betas 0.9 and 0.95, a moving average of the weights); the schedule, augmentation and
 * soft targets are what make it converge on a small CPU budget and a small multi-rater folder.
 *
 * @param steps            optimiser steps in the whole run (a resumed run continues to this count)
 * @param batchSize        rows per step
 * @param learningRate     peak AdamW learning rate
 * @param warmupSteps      steps of linear learning-rate warm-up
 * @param finalLearningRate fraction of the peak rate the cosine decay ends at
 * @param beta1            AdamW first-moment decay
 * @param beta2            AdamW second-moment decay
 * @param weightDecay      AdamW decoupled weight decay (PyTorch's default, 0.01)
 * @param emaDecay         largest decay of the moving average of the weights that is exported
 * @param conditionDropout probability of replacing a row's image with the null (all-zeros) condition
 * @param augmentation     what each row may be transformed by
 * @param maskTarget       how an area-averaged rater mask becomes the flow's target
 * @param seed             seeds the initial weights and every step's batch
 * @param shortcutShare    share of each batch's rows trained for self-consistency across step sizes
 *                         (a shortcut model, {@link ShortcutTargets}); 0 is plain flow matching, and a
 *                         checkpoint written before this field reads as 0
 */
public record TrainingSettings(int steps, int batchSize, float learningRate, int warmupSteps,
                               float finalLearningRate, float beta1, float beta2, float weightDecay,
                               float emaDecay, float conditionDropout, Augmentation augmentation,
                               MaskTarget maskTarget, long seed, Float shortcutShare) {

    public static final float LEARNING_RATE = 2e-4f;
    public static final int WARMUP_STEPS = 200;
    public static final float FINAL_LEARNING_RATE = 0.05f;
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.95f;
    public static final float WEIGHT_DECAY = 0.01f;
    public static final float EMA_DECAY = 0.999f;
    public static final float CONDITION_DROPOUT = 0.5f;

    public TrainingSettings {
        require(steps >= 1, "steps must be at least 1");
        require(batchSize >= 1, "batch size must be at least 1");
        require(learningRate > 0 && Float.isFinite(learningRate), "learning rate must be positive");
        require(warmupSteps >= 0, "warm-up steps must not be negative");
        require(finalLearningRate >= 0 && finalLearningRate <= 1, "final learning rate must lie in [0, 1] of the peak");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "betas must lie in [0, 1)");
        require(weightDecay >= 0, "weight decay must not be negative");
        require(emaDecay >= 0 && emaDecay < 1, "EMA decay must lie in [0, 1)");
        require(conditionDropout >= 0 && conditionDropout <= 1, "condition dropout must lie in [0, 1]");
        require(augmentation != null, "augmentation must be given (Augmentation.NONE for none)");
        require(maskTarget != null, "mask target must be given");
        shortcutShare = shortcutShare == null ? 0f : shortcutShare;
        require(shortcutShare >= 0 && shortcutShare < 1, "shortcut share must lie in [0, 1)");
    }

    /** Plain flow matching (no shortcut rows). */
    public TrainingSettings(int steps, int batchSize, float learningRate, int warmupSteps, float finalLearningRate,
                            float beta1, float beta2, float weightDecay, float emaDecay, float conditionDropout,
                            Augmentation augmentation, MaskTarget maskTarget, long seed) {
        this(steps, batchSize, learningRate, warmupSteps, finalLearningRate, beta1, beta2, weightDecay, emaDecay,
                conditionDropout, augmentation, maskTarget, seed, 0f);
    }

    /** The default recipe with the given length, batch and seed. */
    public static TrainingSettings defaults(int steps, int batchSize, long seed) {
        return new TrainingSettings(steps, batchSize, LEARNING_RATE, WARMUP_STEPS, FINAL_LEARNING_RATE, BETA1, BETA2,
                WEIGHT_DECAY, EMA_DECAY, CONDITION_DROPOUT, Augmentation.DEFAULT, MaskTarget.SOFT, seed);
    }

    /** The same run with another length (a resumed or re-planned run). */
    public TrainingSettings withSteps(int newSteps) {
        return new TrainingSettings(newSteps, batchSize, learningRate, warmupSteps, finalLearningRate, beta1, beta2,
                weightDecay, emaDecay, conditionDropout, augmentation, maskTarget, seed, shortcutShare);
    }

    /** The same run with another share of shortcut rows. */
    public TrainingSettings withShortcutShare(float share) {
        return new TrainingSettings(steps, batchSize, learningRate, warmupSteps, finalLearningRate, beta1, beta2,
                weightDecay, emaDecay, conditionDropout, augmentation, maskTarget, seed, share);
    }

    /** Rows of each batch trained for self-consistency (the first ones of the batch). */
    public int shortcutRows() {
        return Math.round(shortcutShare * batchSize);
    }

    /** The learning-rate schedule over the whole run; warm-up never takes more than half of it. */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, Math.min(warmupSteps, steps / 2), finalLearningRate, steps);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
