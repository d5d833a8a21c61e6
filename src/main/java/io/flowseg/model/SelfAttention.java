package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention over the pixels of a feature map, with a residual connection. Its
 * output projection can start at zero (as in the reference UNet), so the block begins as the identity.
 */
final class SelfAttention extends AbstractBlock {
    private final int heads;
    private final GroupNorm norm;
    private final Conv2d qkv;
    private final Conv2d projection;

    SelfAttention(int channels, int heads, int groups) {
        this.heads = heads;
        norm = addChildBlock("norm", new GroupNorm(groups, channels));
        qkv = addChildBlock("qkv", Layers.conv1x1(3 * channels));
        projection = addChildBlock("projection", Layers.conv1x1(channels));
    }

    /** Starts the output projection at zero (call after the network-wide initializer). */
    void zeroInitialiseOutput() {
        projection.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        long pixels = shape.get(2) * shape.get(3);
        long headWidth = channels / heads;

        NDArray packed = Layers.apply(qkv, store, Layers.apply(norm, store, x, training), training)
                .reshape(batch * heads, 3 * headWidth, pixels);
        NDList qkvParts = packed.split(3, 1);
        NDArray query = qkvParts.get(0);
        NDArray key = qkvParts.get(1);
        NDArray value = qkvParts.get(2);
        NDArray weights = query.transpose(0, 2, 1).matMul(key).mul((float) (1.0 / Math.sqrt(headWidth)))
                .softmax(-1);
        NDArray attended = value.matMul(weights.transpose(0, 2, 1)).reshape(shape);
        return new NDList(Layers.sum(Layers.apply(projection, store, attended, training), x, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        norm.initialize(manager, dataType, inputShapes);
        qkv.initialize(manager, dataType, inputShapes);
        projection.initialize(manager, dataType, inputShapes);
    }
}
