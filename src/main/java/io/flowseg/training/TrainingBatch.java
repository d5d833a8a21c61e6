package io.flowseg.training;

import java.util.SplittableRandom;

/**
 * One training step's inputs and targets, drawn on the JVM from a generator seeded by (run seed,
 * step). Because a step's batch depends on nothing else, a resumed run draws exactly the batches
 * the uninterrupted run would have drawn.
 *
 * @param size  rows in the batch
 * @param noisy x_t, [B, 1, R, R]
 * @param image the condition, [B, C, R, R]; all zeros where it was dropped
 * @param time  t per row, [B]
 * @param target what the network should output, [B, 1, R, R]; for the shortcut rows it is filled in
 *               later, by {@link ShortcutTargets}, from the network itself
 * @param stepSize the step size d each row is trained for, [B]: 0 (the instantaneous velocity) but on
 *                 the first {@code shortcutRows}
 * @param shortcutRows rows, at the start of the batch, trained for self-consistency across step sizes
 */
public record TrainingBatch(int size, float[] noisy, float[] image, float[] time, float[] target, float[] stepSize,
                            int shortcutRows) {

    static TrainingBatch draw(TrainingSet set, Objective objective, TrainingSettings settings, long step) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ (step * 0x9E3779B97F4A7C15L));
        int size = settings.batchSize();
        int resolution = set.resolution();
        int plane = resolution * resolution;
        int imageLength = set.imageChannels() * plane;
        int shortcutRows = settings.shortcutRows();
        TrainingBatch batch = new TrainingBatch(size, new float[size * plane], new float[size * imageLength],
                new float[size], new float[size * plane], new float[size], shortcutRows);
        for (int row = 0; row < size; row++) {
            TrainingSet.Item item = set.item(random.nextInt(set.size()));
            Augmentation.Draw transform = settings.augmentation().draw(random);
            boolean dropCondition = objective.usesConditionDropout()
                    && random.nextDouble() < settings.conditionDropout();
            float[] mask = transform.geometric(objective.mask(item, random), resolution, 1);
            if (row < shortcutRows) {
                ShortcutTargets.Step shortcut = ShortcutTargets.drawStep(random);
                batch.stepSize[row] = shortcut.size();
                objective.fillAt(shortcut.start(), batch, row, mask, random);
            } else {
                objective.fillTarget(batch, row, mask, random);
            }
            if (!dropCondition) {
                // The null condition is an all-zeros image, which the fresh array already is.
                float[] image = transform.intensity(transform.geometric(item.image(), resolution, set.imageChannels()));
                System.arraycopy(image, 0, batch.image, row * imageLength, imageLength);
            }
        }
        return batch;
    }
}
