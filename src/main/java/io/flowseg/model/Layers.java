package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;

/** The small functional pieces the UNet blocks are made of. */
final class Layers {
    private Layers() {
    }

    static Conv2d conv3x3(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }

    static Conv2d conv1x1(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
    }

    static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /*
     * Inference writes into tensors it has just created: a fresh 50 MB result costs as much as
     * the arithmetic (page faults), and this is what brings DJL level with PyTorch's fused ops.
     * Training must not: autograd needs the values those ops would overwrite.
     */

    /** SiLU(x) = x * sigmoid(x); DJL has no fused op for it. */
    static NDArray silu(NDArray x, boolean training) {
        NDArray gate = Activation.sigmoid(x);
        return training ? x.mul(gate) : gate.muli(x);
    }

    /** x * multiplier + offset, where x is a fresh intermediate result. */
    static NDArray affine(NDArray x, NDArray multiplier, NDArray offset, boolean training) {
        return training ? x.mul(multiplier).add(offset) : x.muli(multiplier).addi(offset);
    }

    /** a + b, where a is a fresh intermediate result. */
    static NDArray sum(NDArray a, NDArray b, boolean training) {
        return training ? a.add(b) : a.addi(b);
    }

    /** Scalar parameters of a block, its children's included. */
    static long parameterCount(Block block) {
        return block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    static NDArray apply(Block block, ParameterStore store, NDArray x, boolean training) {
        return block.forward(store, new NDList(x), training).singletonOrThrow();
    }

    static NDArray averagePoolDown(NDArray x) {
        return Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false, true);
    }

    /** Nearest-neighbour 2x upsampling (interpolation mode 0 is nearest in DJL's PyTorch engine). */
    static NDArray nearestUp(NDArray x) {
        Shape s = x.getShape();
        return x.getNDArrayInternal().interpolation(new long[] {s.get(2) * 2, s.get(3) * 2}, 0, false);
    }
}
