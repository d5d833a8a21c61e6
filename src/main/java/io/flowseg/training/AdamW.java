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
     * One update of every weight from its gradient; temporaries belong to the caller's scope.
     *
     * @param updates this update's number, counting from 1 (it sets the bias corrections)
     */
    void update(List<NDArray> weights, List<NDArray> gradients, long updates) {
        float beta1 = settings.beta1();
        float beta2 = settings.beta2();
        float learningRate = settings.learningRate();
        double firstCorrection = 1 - Math.pow(beta1, updates);
        float secondCorrectionRoot = (float) Math.sqrt(1 - Math.pow(beta2, updates));
        float stepSize = (float) (learningRate / firstCorrection);
        float decay = 1 - learningRate * settings.weightDecay();
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            NDArray gradient = gradients.get(i);
            NDArray m = firstMoments.get(i).muli(beta1).addi(gradient.mul(1 - beta1));
            NDArray v = secondMoments.get(i).muli(beta2).addi(gradient.square().muli(1 - beta2));
            NDArray denominator = v.sqrt().divi(secondCorrectionRoot).addi(EPSILON);
            weight.muli(decay).subi(m.div(denominator).muli(stepSize));
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
