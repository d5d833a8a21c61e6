package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * GroupNorm-SiLU-conv residual block with the time embedding applied as scale and shift after
 * the second norm: h = norm(h) * (1 + scale) + shift. Inputs: x [B, Cin, H, W] and the already
 * SiLU-activated time embedding [B, E]. Optional dropout (training only) precedes the second
 * convolution, and that convolution starts at zero, as in the reference UNet: every block begins as
 * the identity, which makes a deep network train from the first steps.
 */
final class ResidualBlock extends AbstractBlock {
    private final int outChannels;
    private final GroupNorm inNorm;
    private final Conv2d inConv;
    private final Linear embedding;
    private final GroupNorm outNorm;
    private final Conv2d outConv;
    private final Block skip;
    private final float dropout;

    ResidualBlock(int inChannels, int outChannels, int groups, double dropout) {
        this.outChannels = outChannels;
        this.dropout = (float) dropout;
        inNorm = addChildBlock("inNorm", new GroupNorm(groups, inChannels));
        inConv = addChildBlock("inConv", Layers.conv3x3(outChannels));
        embedding = addChildBlock("embedding", Layers.linear(2 * outChannels));
        outNorm = addChildBlock("outNorm", new GroupNorm(groups, outChannels));
        outConv = addChildBlock("outConv", Layers.conv3x3(outChannels));
        skip = inChannels == outChannels ? null : addChildBlock("skip", Layers.conv1x1(outChannels));
    }

    /** Starts the block's second convolution at zero (call after the network-wide initializer). */
    void zeroInitialiseOutput() {
        outConv.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray timeEmbedding = inputs.get(1);
        NDArray h = Layers.apply(inConv, store, Layers.silu(Layers.apply(inNorm, store, x, training), training), training);

        NDList scaleShift = Layers.apply(embedding, store, timeEmbedding, training)
                .reshape(x.getShape().get(0), 2L * outChannels, 1, 1).split(2, 1);
        NDArray onePlusScale = scaleShift.get(0).add(1f);
        // (norm(h) * gamma + beta) * (1 + scale) + shift, folded into one multiply and one add
        // on the large tensor: the folding happens on [B, C, 1, 1] tensors.
        NDArray multiplier = onePlusScale.mul(outNorm.gamma(store, h, training));
        NDArray offset = onePlusScale.mul(outNorm.beta(store, h, training)).add(scaleShift.get(1));
        h = Layers.affine(outNorm.normalise(h), multiplier, offset, training);
        h = Layers.silu(h, training);
        if (training && dropout > 0) {
            h = Dropout.dropout(h, dropout, true).singletonOrThrow();
        }
        h = Layers.apply(outConv, store, h, training);

        NDArray residual = skip == null ? x : Layers.apply(skip, store, x, training);
        return new NDList(Layers.sum(h, residual, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), outChannels, x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape out = getOutputShapes(inputShapes)[0];
        inNorm.initialize(manager, dataType, x);
        inConv.initialize(manager, dataType, x);
        embedding.initialize(manager, dataType, inputShapes[1]);
        outNorm.initialize(manager, dataType, out);
        outConv.initialize(manager, dataType, out);
        if (skip != null) {
            skip.initialize(manager, dataType, x);
        }
    }
}
