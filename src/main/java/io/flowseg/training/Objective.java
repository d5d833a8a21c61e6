package io.flowseg.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.SplittableRandom;

/**
 * What the network learns. Both objectives train the same UNet on the same data pipeline, so the
 * deterministic baseline gets exactly flowseg's budget.
 */
public enum Objective {
    /**
     * Conditional flow matching (METHOD.md): a random rater's mask S, x0 ~ N(0, I), t ~ U[0, 1],
     * x_t = t S + (1 - t) x0, target velocity S - x0, mean squared error; the image condition is
     * dropped per sample for classifier-free guidance.
     */
    FLOW_MATCHING("flow-matching", Loss.l2Loss("mse", 1f)) {
        @Override
        void fillTarget(TrainingBatch batch, int row, float[] mask, SplittableRandom random) {
            fillAt((float) random.nextDouble(), batch, row, mask, random);
        }

        @Override
        void fillAt(float t, TrainingBatch batch, int row, float[] mask, SplittableRandom random) {
            batch.time()[row] = t;
            int offset = row * mask.length;
            for (int p = 0; p < mask.length; p++) {
                float noise = (float) random.nextGaussian();
                batch.noisy()[offset + p] = t * mask[p] + (1 - t) * noise;
                batch.target()[offset + p] = mask[p] - noise;
            }
        }

        @Override
        float[] mask(TrainingSet.Item item, SplittableRandom random) {
            return item.masks().get(random.nextInt(item.masks().size()));
        }

        @Override
        boolean usesConditionDropout() {
            return true;
        }
    },
    /**
     * A plain segmentation network for the baseline: noisy input and time held at zero, trained
     * with binary cross-entropy on logits against the raters' majority vote (at least half, the
     * same vote as the paper's Dice); it predicts one mask and so reports zero variance.
     */
    MAJORITY_VOTE("majority-vote", Loss.sigmoidBinaryCrossEntropyLoss()) {
        @Override
        void fillTarget(TrainingBatch batch, int row, float[] majority, SplittableRandom random) {
            int offset = row * majority.length;
            for (int p = 0; p < majority.length; p++) {
                batch.target()[offset + p] = (majority[p] + 1) / 2; // the vote's coverage, a soft BCE label
            }
        }

        @Override
        float[] mask(TrainingSet.Item item, SplittableRandom random) {
            return item.majority();
        }

        @Override
        boolean usesConditionDropout() {
            return false;
        }
    };

    private final String id;
    private final Loss loss;

    Objective(String id, Loss loss) {
        this.id = id;
        this.loss = loss;
    }

    public String id() {
        return id;
    }

    public static Objective parse(String text) {
        for (Objective objective : values()) {
            if (objective.id.equalsIgnoreCase(text)) {
                return objective;
            }
        }
        throw new IllegalArgumentException("unknown objective '" + text + "' (flow-matching, majority-vote)");
    }

    /** Mean loss of a batch of network outputs against targets, both [B, 1, R, R]. */
    NDArray loss(NDArray output, NDArray target) {
        return loss.evaluate(new NDList(target), new NDList(output));
    }

    /** The mask an item contributes when drawn: a random rater's, or the majority vote. */
    abstract float[] mask(TrainingSet.Item item, SplittableRandom random);

    /** Writes one row's noisy input, time and target from its (augmented) mask in [-1, +1]. */
    abstract void fillTarget(TrainingBatch batch, int row, float[] mask, SplittableRandom random);

    /** The same at a given time t (the grid times of shortcut rows); only a flow has a time. */
    void fillAt(float t, TrainingBatch batch, int row, float[] mask, SplittableRandom random) {
        throw new IllegalStateException(id + " has no flow time: shortcut training needs flow-matching");
    }

    abstract boolean usesConditionDropout();
}
