package io.flowseg.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * AdamW with decoupled weight decay, as torch.optim.AdamW computes it. Written here rather than
 * taken from DJL's Adam because exact resume needs the moment estimates saved in checkpoints, and
 * DJL's optimisers keep theirs private. Updates run in place, outside autograd.
 */
final class AdamW {
    private static final float EPSILON = 1e-8f;
    private static final float NO_RESCALE = 1f;
    /** The fused kernel clips gradients at any value >= 0. */
    private static final float NO_CLIPPING = -1f;

    private final TrainingSettings settings;
    private final NDList firstMoments;
    private final NDList secondMoments;

    AdamW(TrainingSettings settings, List<NDArray> weights, NDManager manager) {
        this.settings = settings;
        this.firstMoments = zerosLike(weights, manager);
        this.secondMoments = zerosLike(weights, manager);
    }

    private static NDList zerosLike(List<NDArray> weights, NDManager manager) {
        NDList zeros = new NDList(weights.size());
        for (NDArray weight : weights) {
            zeros.add(manager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice()));
        }
        return zeros;
    }

    /**
     * One update of every weight from its gradient, which it then zeroes (PyTorch accumulates
     * gradients, and DJL's collector does not reset them).
     *
     * <p>Each weight goes through the engine's fused AdamW, one native call instead of a dozen
     * small ones. That kernel divides by {@code sqrt(v) + eps} without correcting {@code v}'s
     * bias, so the correction is folded into its rate and epsilon: {@code lr sqrt(c2) / c1} and
     * {@code eps sqrt(c2)} give exactly torch's {@code lr / c1 * m / (sqrt(v / c2) + eps)}.
     *
     * @param updates this update's number, counting from 1 (it sets the bias corrections)
     * @param rate    this update's learning rate (from the run's schedule)
     */
    void update(List<NDArray> weights, long updates, float rate) {
        float beta1 = settings.beta1();
        float beta2 = settings.beta2();
        double firstCorrection = 1 - Math.pow(beta1, updates);
        double secondCorrectionRoot = Math.sqrt(1 - Math.pow(beta2, updates));
        float correctedRate = (float) (rate * secondCorrectionRoot / firstCorrection);
        float correctedEpsilon = (float) (EPSILON * secondCorrectionRoot);
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            NDList state = new NDList(weight, weight.getGradient(), firstMoments.get(i), secondMoments.get(i));
            weight.getNDArrayInternal().adamUpdate(state, new NDList(weight), rate,
                    correctedRate, settings.weightDecay(), NO_RESCALE, NO_CLIPPING, beta1, beta2, correctedEpsilon,
                    false, true);
        }
    }

    NDList firstMoments() {
        return firstMoments;
    }

    NDList secondMoments() {
        return secondMoments;
    }

    /** Restores the moments a checkpoint saved. */
    void restore(NDList first, NDList second) {
        Checkpoint.copyInto(first, firstMoments);
        Checkpoint.copyInto(second, secondMoments);
    }
}
