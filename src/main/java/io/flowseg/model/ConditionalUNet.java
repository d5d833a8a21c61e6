package io.flowseg.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The velocity field u(t, x_t, X) as a diffusion-style UNet: input concat(x_t, X), sinusoidal
 * time features through Linear-SiLU-Linear into every residual block, average-pool down,
 * nearest-neighbour up, skip connections by concatenation; the output convolution, and the last
 * convolution of every residual and attention block, are initialised to zero.
 * Inputs: x_t [B, 1, H, W], image [B, C, H, W], t [B] in [0, 1], and for a step-conditioned
 * (shortcut) network the step size d [B] in [0, 1]. d gets sinusoidal features and an MLP of its
 * own whose output joins t's before the activation; that output layer starts at zero, so a
 * network that gains step conditioning (a fine-tune of a plain model) starts as the plain one.
 */
public final class ConditionalUNet extends AbstractBlock {
    private static final byte VERSION = 1;
    /** t in [0, 1] is spread over the range diffusion-style sinusoidal features were designed for. */
    private static final float TIME_SCALE = 1000f;
    private static final double MAX_PERIOD = 10_000;

    private final UNetConfig config;
    private final Conv2d inputConv;
    private final Linear timeHidden;
    private final Linear timeOutput;
    /** The step size's MLP; null unless the network is step-conditioned. */
    private final Linear stepHidden;
    private final Linear stepOutput;
    private final List<Stage> down = new ArrayList<>();
    private final List<Stage> middle = new ArrayList<>();
    private final List<Stage> up = new ArrayList<>();
    private final GroupNorm outputNorm;
    private final Conv2d outputConv;
    /** Input shapes of every child for a batch of one, recorded while the graph is built. */
    private final Map<Block, Shape[]> childInputShapes = new LinkedHashMap<>();

    /** One step of the graph: a residual block with optional attention, or a resampling. */
    private record Stage(ResidualBlock residual, SelfAttention attention, boolean resample) {
    }

    public ConditionalUNet(UNetConfig config) {
        super(VERSION);
        this.config = config;
        int groups = config.normGroups();
        int resolution = config.resolution();
        Shape embeddingShape = new Shape(1, config.timeEmbedding());

        int channels = config.baseChannels();
        inputConv = child("inputConv", Layers.conv3x3(channels), image(1 + config.imageChannels(), resolution));
        timeHidden = child("timeHidden", Layers.linear(config.timeEmbedding()), new Shape(1, config.timeFeatures()));
        timeOutput = child("timeOutput", Layers.linear(config.timeEmbedding()), embeddingShape);

        Deque<Integer> skipChannels = new ArrayDeque<>();
        skipChannels.push(channels);
        int size = resolution;
        for (int level = 0; level < config.levels(); level++) {
            for (int block = 0; block < config.residualBlocksPerLevel(); block++) {
                int out = config.levelChannels(level);
                down.add(stage("down" + level + "." + block, channels, out, size, false));
                channels = out;
                skipChannels.push(channels);
            }
            if (level < config.levels() - 1) {
                down.add(new Stage(null, null, true));
                size /= 2;
                skipChannels.push(channels);
            }
        }

        middle.add(new Stage(residual("middle.0", channels, channels, size), null, false));
        if (config.middleAttention()) {
            middle.add(new Stage(null, attention("middle.attention", channels, size), false));
        }
        middle.add(new Stage(residual("middle.1", channels, channels, size), null, false));

        for (int level = config.levels() - 1; level >= 0; level--) {
            for (int block = 0; block <= config.residualBlocksPerLevel(); block++) {
                int out = config.levelChannels(level);
                boolean upsample = level > 0 && block == config.residualBlocksPerLevel();
                up.add(stage("up" + level + "." + block, channels + skipChannels.pop(), out, size, upsample));
                channels = out;
            }
            if (level > 0) {
                size *= 2;
            }
        }

        outputNorm = child("outputNorm", new GroupNorm(groups, channels), image(channels, resolution));
        outputConv = child("outputConv", Layers.conv3x3(1), image(channels, resolution));
        // Last, so every other child keeps the name (DJL numbers children in order) it has in a plain network.
        boolean stepConditioned = config.stepConditioned();
        stepHidden = stepConditioned
                ? child("stepHidden", Layers.linear(config.timeEmbedding()), new Shape(1, config.timeFeatures())) : null;
        stepOutput = stepConditioned ? child("stepOutput", Layers.linear(config.timeEmbedding()), embeddingShape) : null;
        setInitializer(new TorchDefaultInitializer(), Parameter.Type.WEIGHT);
        outputConv.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        if (stepOutput != null) {
            stepOutput.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
            stepOutput.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
        }
        for (Stage stage : stages()) {
            if (stage.residual() != null) {
                stage.residual().zeroInitialiseOutput();
            }
            if (stage.attention() != null) {
                stage.attention().zeroInitialiseOutput();
            }
        }
    }

    public UNetConfig config() {
        return config;
    }

    private List<Stage> stages() {
        List<Stage> all = new ArrayList<>(down);
        all.addAll(middle);
        all.addAll(up);
        return all;
    }

    /** Number of scalar parameters. */
    public long parameterCount() {
        return Layers.parameterCount(this);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray noisy = inputs.get(0);
        NDArray image = inputs.get(1);
        NDArray time = inputs.get(2);

        NDArray features = sinusoidalFeatures(time);
        NDArray hidden = Layers.silu(Layers.apply(timeHidden, store, features, training), training);
        NDArray preActivation = Layers.apply(timeOutput, store, hidden, training);
        if (stepOutput != null) {
            NDArray stepFeatures = sinusoidalFeatures(inputs.get(3));
            NDArray stepHiddenOut = Layers.silu(Layers.apply(stepHidden, store, stepFeatures, training), training);
            preActivation = Layers.sum(preActivation, Layers.apply(stepOutput, store, stepHiddenOut, training), training);
        }
        NDArray embedding = Layers.silu(preActivation, training);

        NDArray h = Layers.apply(inputConv, store, noisy.concat(image, 1), training);
        Deque<NDArray> skips = new ArrayDeque<>();
        skips.push(h);
        for (Stage stage : down) {
            NDArray input = h;
            h = scoped(() -> stage.resample() ? Layers.averagePoolDown(input) : run(stage, store, input, embedding, training));
            skips.push(h);
        }
        for (Stage stage : middle) {
            NDArray input = h;
            h = scoped(() -> run(stage, store, input, embedding, training));
        }
        for (Stage stage : up) {
            NDArray input = h;
            NDArray skip = skips.pop();
            h = scoped(() -> {
                NDArray out = run(stage, store, input.concat(skip, 1), embedding, training);
                return stage.resample() ? Layers.nearestUp(out) : out;
            });
            if (!training) {
                // Consumed: free them now, as PyTorch would, so later layers reuse warm memory.
                input.close();
                skip.close();
            }
        }
        NDArray last = h;
        return new NDList(scoped(() -> Layers.apply(outputConv, store,
                Layers.silu(Layers.apply(outputNorm, store, last, training), training), training)));
    }

    /**
     * Runs one stage and frees its intermediates as soon as it is done, keeping only its output.
     * Without this they live until the caller's manager closes: the forward's peak memory becomes
     * the sum of all its tensors, and every allocation lands on fresh pages the kernel must zero.
     * (Autograd keeps what it needs for training on its own references.) The output joins the
     * caller's scope, if any, so a training step's scope frees it with everything else.
     */
    private static NDArray scoped(Supplier<NDArray> stage) {
        NDArray output;
        try (NDScope scope = new NDScope()) {
            output = stage.get();
            NDScope.unregister(output);
        }
        NDScope.register(output);
        return output;
    }

    private NDArray run(Stage stage, ParameterStore store, NDArray h, NDArray embedding, boolean training) {
        if (stage.residual() != null) {
            h = stage.residual().forward(store, new NDList(h, embedding), training).singletonOrThrow();
        }
        if (stage.attention() != null) {
            h = Layers.apply(stage.attention(), store, h, training);
        }
        return h;
    }

    /** [cos(s t f_i), sin(s t f_i)] with f_i = MAX_PERIOD^(-i / half), as in diffusion UNets. */
    private NDArray sinusoidalFeatures(NDArray time) {
        int half = config.timeFeatures() / 2;
        NDManager manager = time.getManager();
        NDArray frequencies = manager.arange(0f, half, 1f, DataType.FLOAT32, time.getDevice())
                .mul((float) (-Math.log(MAX_PERIOD) / half)).exp();
        NDArray angles = time.mul(TIME_SCALE).reshape(-1, 1).mul(frequencies.reshape(1, half));
        return NDArrays.concat(new NDList(angles.cos(), angles.sin()), 1);
    }

    private Stage stage(String name, int in, int out, int size, boolean upsample) {
        ResidualBlock residual = residual(name, in, out, size);
        SelfAttention attention = config.attentionResolutions().contains(size)
                ? attention(name + ".attention", out, size) : null;
        return new Stage(residual, attention, upsample);
    }

    private ResidualBlock residual(String name, int in, int out, int size) {
        return child(name, new ResidualBlock(in, out, config.normGroups(), config.dropout()),
                image(in, size), new Shape(1, config.timeEmbedding()));
    }

    private SelfAttention attention(String name, int channels, int size) {
        return child(name, new SelfAttention(channels, config.attentionHeads(), config.normGroups()),
                image(channels, size));
    }

    private <B extends Block> B child(String name, B block, Shape... inputShapes) {
        childInputShapes.put(block, inputShapes);
        return addChildBlock(name, block);
    }

    private static Shape image(int channels, int size) {
        return new Shape(1, channels, size, size);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), 1, x.get(2), x.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        childInputShapes.forEach((block, shapes) -> block.initialize(manager, dataType, shapes));
    }

    /** Input shapes for {@link #initialize}: x_t, image, t (and d when step-conditioned) for a batch of one. */
    public Shape[] inputShapes() {
        Shape x = image(1, config.resolution());
        Shape condition = image(config.imageChannels(), config.resolution());
        return config.stepConditioned()
                ? new Shape[] {x, condition, new Shape(1), new Shape(1)}
                : new Shape[] {x, condition, new Shape(1)};
    }
}
