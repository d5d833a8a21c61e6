package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GroupNorm with a per-channel affine. DJL has no GroupNorm op, so each group is normalised as a
 * layer norm over [C/G, H, W]; libtorch's layer_norm insists on an affine of that shape, so unit
 * ones and zeros are cached per normalised size (the real per-channel affine is applied after).
 */
final class GroupNorm extends AbstractBlock {
    private static final float EPSILON = 1e-5f;

    private final int groups;
    private final Parameter gamma;
    private final Parameter beta;
    private final Map<Long, NDArray[]> unitAffines = new ConcurrentHashMap<>();

    GroupNorm(int groups, int channels) {
        this.groups = groups;
        // Shaped [C, 1, 1] so they broadcast over [B, C, H, W] without a reshape: a reshape of a
        // parameter lands on the model's manager and would leak once per call.
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels, 1, 1)).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels, 1, 1)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(Layers.affine(normalise(x), gamma(store, x, training), beta(store, x, training), training));
    }

    /** Normalises each group to zero mean and unit variance, without the affine. */
    NDArray normalise(NDArray x) {
        Shape shape = x.getShape();
        long groupSize = shape.size() / (shape.get(0) * groups);
        NDArray[] unit = unitAffines.computeIfAbsent(groupSize, size -> unitAffine(x, size));
        NDArray grouped = x.reshape(shape.get(0), groups, groupSize);
        return LayerNorm.layerNorm(grouped, new Shape(groupSize), unit[0], unit[1], EPSILON)
                .singletonOrThrow().reshape(shape);
    }

    NDArray gamma(ParameterStore store, NDArray like, boolean training) {
        return store.getValue(gamma, like.getDevice(), training);
    }

    NDArray beta(ParameterStore store, NDArray like, boolean training) {
        return store.getValue(beta, like.getDevice(), training);
    }

    private NDArray[] unitAffine(NDArray like, long size) {
        // Lives with the parameters (model lifetime), not with the caller's per-call manager.
        NDManager owner = gamma.getArray().getManager();
        NDArray ones = owner.ones(new Shape(size), like.getDataType(), like.getDevice());
        NDArray zeros = owner.zeros(new Shape(size), like.getDataType(), like.getDevice());
        // Made during a forward pass: keep them out of the caller's NDScope, which would close them.
        NDScope.unregister(ones, zeros);
        return new NDArray[] {ones, zeros};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children
    }
}
