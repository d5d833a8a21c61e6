package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.MultiRaterFolder;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.engine.SamplingSettings;
import io.flowseg.model.ComputeDevice;
import io.flowseg.model.UNetConfig;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.training.Checkpoint;
import io.flowseg.training.NetworkTrainer;
import io.flowseg.training.Objective;
import io.flowseg.training.TrainingRun;
import io.flowseg.training.TrainingSet;
import io.flowseg.training.TrainingSettings;
import io.flowseg.training.ValidationGed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Trains a UNet on multi-rater folders and synthetic cases; writes the model, checkpoints and a CSV log. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a flow-matching segmenter (or the majority-vote baseline) on multi-rater data.")
public class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "multi-rater folder(s) to train on (repeatable)")
    List<Path> data = new ArrayList<>();

    @Option(names = "--synthetic", defaultValue = "0", description = "also train on this many synthetic cases (default: ${DEFAULT-VALUE})")
    int synthetic;

    @Option(names = "--synthetic-seed", defaultValue = "1", description = "seed of the synthetic cases (default: ${DEFAULT-VALUE})")
    long syntheticSeed;

    @Option(names = "--synthetic-raters", defaultValue = "4", description = "raters per synthetic case (default: ${DEFAULT-VALUE})")
    int syntheticRaters;

    @Option(names = "--synthetic-size", defaultValue = "128", description = "synthetic image side in pixels (default: ${DEFAULT-VALUE})")
    int syntheticSize;

    @Option(names = "--validation-fraction", defaultValue = "0.1", description = "share of the cases held out for validation GED, drawn by --seed (default: ${DEFAULT-VALUE})")
    double validationFraction;

    @Option(names = "--objective", defaultValue = "flow-matching", description = "flow-matching, or majority-vote for the deterministic baseline (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--preset", defaultValue = "small", description = "small or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--resolution", defaultValue = "64", description = "network input size (default: ${DEFAULT-VALUE})")
    int resolution;

    @Option(names = "--channels", defaultValue = "1", description = "image channels (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--steps", defaultValue = "3000", description = "optimiser steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--batch", defaultValue = "16", description = "rows per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "AdamW learning rate (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE})")
    float weightDecay;

    @Option(names = "--ema", defaultValue = "0.999", description = "decay of the weights' moving average (default: ${DEFAULT-VALUE})")
    float emaDecay;

    @Option(names = "--condition-dropout", defaultValue = "0.5", description = "per-row probability of the null image condition (default: ${DEFAULT-VALUE})")
    float conditionDropout;

    @Option(names = "--no-flips", description = "do not mirror rows at random")
    boolean noFlips;

    @Option(names = "--seed", defaultValue = "0", description = "seeds weights, batches and the validation split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "continue a run from its checkpoint (settings come from it; --steps may extend it)")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/train", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--log-every", defaultValue = "50", description = "steps per CSV log row (default: ${DEFAULT-VALUE})")
    int logEvery;

    @Option(names = "--validate-every", defaultValue = "500", description = "steps between validation GEDs (default: ${DEFAULT-VALUE})")
    int validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--validation-samples", defaultValue = "4", description = "M for validation GED (default: ${DEFAULT-VALUE})")
    int validationSamples;

    @Option(names = "--validation-steps", defaultValue = "10", description = "solver steps for validation GED (default: ${DEFAULT-VALUE})")
    int validationSteps;

    @Option(names = "--validation-solver", defaultValue = "euler", description = "solver for validation GED (default: ${DEFAULT-VALUE})")
    String validationSolver;

    @Option(names = "--model-version", paramLabel = "TEXT", description = "version written into the model (default: <objective>-<steps>-seed<seed>)")
    String version;

    private final FlowsegConfig config;

    public TrainCommand(FlowsegConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        if (validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("--validation-fraction must lie in [0, 1)");
        }
        Checkpoint.Header resumed = resume == null ? null : Checkpoint.readHeader(resume);
        // A resumed run holds out the same validation cases as it did when it started.
        long splitSeed = resumed != null ? resumed.settings().seed() : seed;
        List<MultiRaterCase> cases = cases();
        Collections.shuffle(cases, new Random(splitSeed));
        int held = validationFraction == 0 ? 0 : Math.max(1, (int) Math.round(validationFraction * cases.size()));
        if (held >= cases.size()) {
            throw new IllegalArgumentException("no cases left to train on after holding out " + held + " for validation");
        }
        List<MultiRaterCase> validationCases = cases.subList(0, held);
        List<MultiRaterCase> trainingCases = cases.subList(held, cases.size());

        try (NetworkTrainer trainer = trainer(trainingCases, resumed)) {
            TrainingSettings s = trainer.settings();
            ValidationGed validation = held == 0 ? null : new ValidationGed(validationCases,
                    new SamplingSettings(validationSamples, config.sampling().guidance(), validationSteps,
                            OdeSolver.parse(validationSolver), 0L), config.engine().maxBatch());
            System.out.printf("flowseg train: %s, %s preset at %d px on %s; %d training cases, %d held out; "
                            + "batch %d, lr %s, betas (%s, %s), weight decay %s, EMA %s, condition dropout %s, flips %s, seed %d%n",
                    trainer.objective().id(), trainer.model().info().preset(), trainer.model().info().resolution(),
                    ComputeDevice.get(), trainingCases.size(), held, s.batchSize(), s.learningRate(), s.beta1(), s.beta2(),
                    s.weightDecay(), s.emaDecay(), s.conditionDropout(), s.flips(), s.seed());
            if (validation != null) {
                SamplingSettings v = validation.settings();
                System.out.printf("validation GED every %d steps: M=%d, w=%s, %d %s steps%n", validateEvery,
                        v.samples(), v.guidance(), v.steps(), v.solver().id());
            }
            ProgressBar bar = new ProgressBar(System.err, "training", "steps");
            Path model = new TrainingRun(trainer, new TrainingRun.Schedule(logEvery, validateEvery, checkpointEvery),
                    validation, out).run((done, total, loss, ged) -> bar.update(done, total,
                            (Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "loss %.4f", loss))
                                    + (ged == null ? "" : String.format(Locale.ROOT, ", validation GED %.3f", ged))), version != null ? version : trainer.objective().id() + "-" + s.steps() + "-seed" + s.seed());
            System.out.printf("wrote %s (averaged weights), %s and %s in %s%n", model.getFileName(),
                    TrainingRun.CHECKPOINT, TrainingRun.LOG, out);
        }
        return 0;
    }

    private NetworkTrainer trainer(List<MultiRaterCase> trainingCases, Checkpoint.Header resumed) throws IOException {
        if (resumed != null) {
            UNetConfig saved = resumed.config();
            return NetworkTrainer.resume(resume, TrainingSet.prepare(trainingCases, saved.imageChannels(),
                    saved.resolution()), steps);
        }
        UNetConfig network = UNetConfig.preset(preset, channels, resolution);
        TrainingSettings settings = new TrainingSettings(steps, batch, learningRate, TrainingSettings.BETA1,
                TrainingSettings.BETA2, weightDecay, emaDecay, conditionDropout, !noFlips, seed);
        return NetworkTrainer.start(network, TrainingSet.prepare(trainingCases, channels, resolution),
                Objective.parse(objective), settings);
    }

    private List<MultiRaterCase> cases() throws IOException {
        List<MultiRaterCase> cases = new ArrayList<>();
        MultiRaterFolder folder = new MultiRaterFolder();
        for (Path dir : data) {
            cases.addAll(folder.read(dir));
        }
        if (synthetic > 0) {
            cases.addAll(new SyntheticGenerator(syntheticSize).cases(synthetic, syntheticRaters, syntheticSeed));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("nothing to train on: give --data DIR and/or --synthetic N");
        }
        return cases;
    }
}
