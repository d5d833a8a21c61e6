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
 * @param target what the network should output, [B, 1, R, R]
 */
public record TrainingBatch(int size, float[] noisy, float[] image, float[] time, float[] target) {

    static TrainingBatch draw(TrainingSet set, Objective objective, TrainingSettings settings, long step) {
        SplittableRandom random = new SplittableRandom(settings.seed() ^ (step * 0x9E3779B97F4A7C15L));
        int size = settings.batchSize();
        int resolution = set.resolution();
        int plane = resolution * resolution;
        int imageLength = set.imageChannels() * plane;
        TrainingBatch batch = new TrainingBatch(size, new float[size * plane], new float[size * imageLength],
                new float[size], new float[size * plane]);
        for (int row = 0; row < size; row++) {
            TrainingSet.Item item = set.item(random.nextInt(set.size()));
            Flip flip = settings.flips() ? new Flip(random.nextBoolean(), random.nextBoolean()) : Flip.NONE;
            boolean dropCondition = objective.usesConditionDropout()
                    && random.nextDouble() < settings.conditionDropout();
            objective.fillTarget(batch, row, flip.apply(objective.mask(item, random), resolution, 1), random);
            if (!dropCondition) {
                // The null condition is an all-zeros image, which the fresh array already is.
                System.arraycopy(flip.apply(item.image(), resolution, set.imageChannels()), 0,
                        batch.image, row * imageLength, imageLength);
            }
        }
        return batch;
    }

    /** Horizontal and vertical mirror images, applied alike to image and mask. */
    private record Flip(boolean horizontal, boolean vertical) {
        static final Flip NONE = new Flip(false, false);

        float[] apply(float[] planes, int resolution, int channels) {
            if (!horizontal && !vertical) {
                return planes;
            }
            float[] flipped = new float[planes.length];
            int plane = resolution * resolution;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < resolution; y++) {
                    int sourceRow = vertical ? resolution - 1 - y : y;
                    for (int x = 0; x < resolution; x++) {
                        int sourceColumn = horizontal ? resolution - 1 - x : x;
                        flipped[c * plane + y * resolution + x] = planes[c * plane + sourceRow * resolution + sourceColumn];
                    }
                }
            }
            return flipped;
        }
    }
}
