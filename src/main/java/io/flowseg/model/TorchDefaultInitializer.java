package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * PyTorch's default for convolution and linear weights: kaiming_uniform(a = sqrt 5), which is
 * U(-1/sqrt(fan_in), 1/sqrt(fan_in)). DJL's default Xavier (magnitude 6) trains this network
 * markedly slower than PyTorch does (WORKPLACE-FACTS), so every weight uses this instead.
 */
final class TorchDefaultInitializer implements Initializer {

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long fanIn = shape.size() / shape.get(0);
        float bound = (float) (1.0 / Math.sqrt(fanIn));
        return manager.randomUniform(-bound, bound, shape, dataType);
    }
}
