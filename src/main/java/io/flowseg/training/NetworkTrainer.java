package io.flowseg.training;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a UNet on a {@link TrainingSet} under one {@link Objective}: one step is a drawn batch,
 * forward, loss, backward, AdamW, then the moving average. Each step runs in its own NDScope, so
 * native memory stays flat however long the run (gradients, activations and optimiser
 * temporaries are all freed before the next step).
 */
public final class NetworkTrainer implements AutoCloseable {
    private final VelocityModel model;
    private final TrainingSet data;
    private final Objective objective;
    private TrainingSettings settings;
    private final Block network;
    private final NDManager manager;
    private final ParameterStore store;
    private final List<NDArray> weights = new ArrayList<>();
    private final AdamW optimizer;
    private final WeightAverage average;
    private final boolean stepConditioned;
    /** The live network without gradients or dropout, for the shortcut rows' targets; null without them. */
    private final VelocityPredictor shortcutTeacher;
    private long step;

    private NetworkTrainer(VelocityModel model, TrainingSet data, Objective objective, TrainingSettings settings) {
        UNetConfig config = model.config().orElseThrow(
                () -> new IllegalArgumentException("only flowseg UNets can be trained, not TorchScript models"));
        if (config.resolution() != data.resolution() || config.imageChannels() != data.imageChannels()
                || !config.view().equals(data.view())) {
            throw new IllegalArgumentException("training data prepared for " + data.imageChannels() + " channels at "
                    + data.resolution() + " px over " + data.view().share() + " of each side, the network takes "
                    + config.imageChannels() + " at " + config.resolution() + " px over " + config.view().share());
        }
        if (settings.shortcutRows() > 0 && (objective != Objective.FLOW_MATCHING || !config.stepConditioned())) {
            throw new IllegalArgumentException("shortcut training needs the flow-matching objective and a "
                    + "step-conditioned network");
        }
        this.model = model;
        this.data = data;
        this.objective = objective;
        this.settings = settings;
        this.network = model.network();
        this.manager = model.manager();
        this.store = new ParameterStore(manager, false);
        for (Parameter parameter : network.getParameters().values()) {
            weights.add(parameter.getArray());
        }
        this.optimizer = new AdamW(settings, weights, manager);
        this.average = new WeightAverage(settings.emaDecay(), weights, manager);
        this.stepConditioned = config.stepConditioned();
        this.shortcutTeacher = settings.shortcutRows() > 0 ? model.newPredictor() : null;
    }

    /** A new run from freshly initialised weights (seeded by the settings' seed). */
    public static NetworkTrainer start(UNetConfig config, TrainingSet data, Objective objective,
                                       TrainingSettings settings) {
        return owning(VelocityModel.untrained(config, settings.seed()), data, objective, settings);
    }

    /**
     * A new run that starts from a trained model's weights (a fine-tune), in a network of the given
     * configuration: parameters the model lacks (a step embedding it never had) keep their initial
     * values, which for the step embedding leave the model's outputs unchanged.
     */
    public static NetworkTrainer fineTune(VelocityModel trained, UNetConfig config, TrainingSet data,
                                          Objective objective, TrainingSettings settings) {
        VelocityModel model = VelocityModel.untrained(config, settings.seed());
        try {
            model.copyParametersFrom(trained);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
        return owning(model, data, objective, settings);
    }

    /** A trainer that owns {@code model}: closed with it, or at once when the settings do not fit it. */
    private static NetworkTrainer owning(VelocityModel model, TrainingSet data, Objective objective,
                                         TrainingSettings settings) {
        try {
            return new NetworkTrainer(model, data, objective, settings);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Continues a run from its checkpoint; {@code steps} may extend the run's length (0 keeps the
     * length it was started with).
     */
    public static NetworkTrainer resume(Path checkpoint, TrainingSet data, int steps) throws IOException {
        Checkpoint.Header header = Checkpoint.readHeader(checkpoint);
        TrainingSettings saved = header.settings();
        TrainingSettings settings = steps <= 0 ? saved : saved.withSteps(steps);
        NetworkTrainer trainer = start(header.config(), data, header.objective(), settings);
        try (NDManager reader = trainer.manager.newSubManager()) {
            Checkpoint.State state = Checkpoint.read(checkpoint, reader);
            Checkpoint.copyInto(state.weights(), new NDList(trainer.weights));
            Checkpoint.copyInto(state.averages(), trainer.average.averages());
            trainer.optimizer.restore(state.firstMoments(), state.secondMoments());
            trainer.step = header.step();
        } catch (IOException | RuntimeException e) {
            trainer.close();
            throw e;
        }
        return trainer;
    }

    /** Runs one optimiser step and returns its loss. */
    public float step() {
        TrainingBatch batch = TrainingBatch.draw(data, objective, settings, step);
        ShortcutTargets.fill(shortcutTeacher, batch);
        int resolution = data.resolution();
        float loss;
        try (NDScope ignored = new NDScope()) {
            NDArray noisy = manager.create(batch.noisy(), new Shape(batch.size(), 1, resolution, resolution));
            NDArray image = manager.create(batch.image(),
                    new Shape(batch.size(), data.imageChannels(), resolution, resolution));
            NDArray time = manager.create(batch.time(), new Shape(batch.size()));
            NDArray target = manager.create(batch.target(), new Shape(batch.size(), 1, resolution, resolution));
            NDList inputs = new NDList(noisy, image, time);
            if (stepConditioned) {
                inputs.add(manager.create(batch.stepSize(), new Shape(batch.size())));
            }
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray output = network.forward(store, inputs, true).singletonOrThrow();
                NDArray lossArray = objective.loss(output, target);
                collector.backward(lossArray);
                loss = lossArray.getFloat();
            }
            optimizer.update(weights, step + 1, settings.schedule().at(step + 1));
            average.update(weights, step + 1);
        }
        step++;
        if (!Float.isFinite(loss)) {
            throw new IllegalStateException("training diverged: loss " + loss + " at step " + step);
        }
        return loss;
    }

    /** Work done with the averaged weights in place. */
    @FunctionalInterface
    public interface WeightsWork<T> {
        T run() throws IOException;
    }

    /** Steps completed so far. */
    public long completedSteps() {
        return step;
    }

    public TrainingSettings settings() {
        return settings;
    }

    public Objective objective() {
        return objective;
    }

    /**
     * Sets the run's length anew (a time-budgeted run, as its measured speed changes); the
     * learning-rate schedule stretches or shrinks with it. Never shorter than the steps done.
     */
    public void replan(int steps) {
        settings = settings.withSteps((int) Math.max(steps, step));
    }

    public boolean finished() {
        return step >= settings.steps();
    }

    public void saveCheckpoint(Path file) throws IOException {
        Checkpoint.write(file, new Checkpoint.Header(objective, model.config().orElseThrow(), settings, step),
                new NDList(weights), average.averages(), optimizer.firstMoments(), optimizer.secondMoments());
    }

    /** Writes the moving-average weights as a model file, the form every other command loads. */
    public void exportAverage(Path file, String version) throws IOException {
        withAveragedWeights(() -> {
            model.save(file, version, objective.id());
            return null;
        });
    }

    /** Runs {@code work} with the moving-average weights in the network, then puts the live ones back. */
    public <T> T withAveragedWeights(WeightsWork<T> work) throws IOException {
        average.swap(weights);
        try {
            return work.run();
        } finally {
            average.swap(weights);
        }
    }

    /** The network being trained (for validation; it holds the live weights outside {@link #withAveragedWeights}). */
    public VelocityModel model() {
        return model;
    }

    @Override
    public void close() {
        if (shortcutTeacher != null) {
            shortcutTeacher.close();
        }
        model.close();
    }
}
