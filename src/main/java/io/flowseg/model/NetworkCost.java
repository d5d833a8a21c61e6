package io.flowseg.model;

import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.ndarray.types.Shape;

/**
 * Floating-point operations of one row's forward pass, counted from the network's own layers: the
 * multiply-adds (2 FLOPs each) of every convolution, linear layer and attention product. Norms and
 * element-wise ops are left out (a few percent here), as FLOP counts of networks usually do.
 */
final class NetworkCost {
    private NetworkCost() {
    }

    /** FLOPs of a batch of one through an initialised block and all its children. */
    static long flopsPerRow(Block block) {
        if (block instanceof Conv2d conv) {
            Shape input = conv.getInputShapes()[0];
            Shape weight = conv.getParameters().get("weight").getArray().getShape();
            // Every convolution here keeps the size of its input (stride 1, "same" padding).
            return 2 * weight.size() * input.get(2) * input.get(3);
        }
        if (block instanceof Linear linear) {
            return 2 * linear.getParameters().get("weight").getArray().size();
        }
        long flops = 0;
        for (Block child : block.getChildren().values()) {
            flops += flopsPerRow(child);
        }
        if (block instanceof SelfAttention attention) {
            Shape input = attention.getInputShapes()[0];
            long pixels = input.get(2) * input.get(3);
            // query^T key and value weights^T: two products of pixels x pixels x channels (all heads together).
            flops += 2 * 2 * pixels * pixels * input.get(1);
        }
        return flops;
    }
}
