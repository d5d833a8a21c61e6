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
    private long updates;

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

    /** One update of every weight from its gradient; temporaries belong to the caller's scope. */
    void update(List<NDArray> weights, List<NDArray> gradients) {
        updates++;
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

    long updates() {
        return updates;
    }

    NDList firstMoments() {
        return firstMoments;
    }

    NDList secondMoments() {
        return secondMoments;
    }

    /** Restores the state a checkpoint saved. */
    void restore(long updateCount, NDList first, NDList second) {
        copyInto(first, firstMoments);
        copyInto(second, secondMoments);
        this.updates = updateCount;
    }

    static void copyInto(NDList source, NDList target) {
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("checkpoint holds " + source.size() + " arrays, the network needs "
                    + target.size());
        }
        for (int i = 0; i < source.size(); i++) {
            if (!source.get(i).getShape().equals(target.get(i).getShape())) {
                throw new IllegalArgumentException("checkpoint array " + i + " has shape " + source.get(i).getShape()
                        + ", the network needs " + target.get(i).getShape());
            }
            target.get(i).set(source.get(i).toByteBuffer());
        }
    }
}
