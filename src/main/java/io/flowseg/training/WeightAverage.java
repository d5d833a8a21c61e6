package io.flowseg.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * Exponential moving average of the weights (decay 0.999 by default): the weights a trained model
 * is exported with, smoother than the last step's.
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

    /** average += (1 - decay) (weight - average); temporaries belong to the caller's scope. */
    void update(List<NDArray> weights) {
        for (int i = 0; i < weights.size(); i++) {
            NDArray average = averages.get(i);
            average.addi(weights.get(i).sub(average).muli(1 - decay));
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
