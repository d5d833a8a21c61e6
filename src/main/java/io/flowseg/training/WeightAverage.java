package io.flowseg.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Exponential moving average of the weights (decay up to 0.999 by default): the weights a trained
 * model is exported with, smoother than the last step's. The decay warms up as the reference code's
 * does, min(decay, (1 + n) / (10 + n)) at update n: early averages forget the random start within
 * a few steps instead of carrying it for thousands.
 */
final class WeightAverage {
    private final float decay;
    private final NDList averages;

    WeightAverage(float decay, List<NDArray> weights, NDManager manager) {
        this.decay = decay;
        this.averages = new NDList(weights.size());
        for (NDArray weight : weights) {
            NDArray copy = weight.duplicate();
            copy.attach(manager);
            averages.add(copy);
        }
    }

    /** The decay of update number {@code update}, counting from 1. */
    static float decayAt(float maxDecay, long update) {
        return (float) Math.min(maxDecay, (1.0 + update) / (10.0 + update));
    }

    /**
     * average += (1 - decay) (weight - average) with the decay of update {@code update} (from 1);
     * temporaries belong to the caller's scope.
     */
    void update(List<NDArray> weights, long update) {
        float rate = 1 - decayAt(decay, update);
        for (int i = 0; i < weights.size(); i++) {
            NDArray average = averages.get(i);
            average.addi(weights.get(i).sub(average).muli(rate));
        }
    }

    NDList averages() {
        return averages;
    }

    /** Exchanges the live weights with the averages, in place; calling it twice restores both. */
    void swap(List<NDArray> weights) {
        for (int i = 0; i < weights.size(); i++) {
            NDArray weight = weights.get(i);
            NDArray average = averages.get(i);
            NDArray live = weight.duplicate();
            weight.set(average.toByteBuffer());
            average.set(live.toByteBuffer());
            live.close();
        }
    }
}
