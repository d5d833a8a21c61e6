package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.MultiRaterFolder;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.imaging.FieldOfView;
import io.flowseg.model.ComputeDevice;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.service.ConfiguredSampling;
import io.flowseg.training.Augmentation;
import io.flowseg.training.Checkpoint;
import io.flowseg.training.MaskTarget;
import io.flowseg.training.NetworkTrainer;
import io.flowseg.training.Objective;
import io.flowseg.training.TrainingRun;
import io.flowseg.training.TrainingSet;
import io.flowseg.training.TrainingSettings;
import io.flowseg.training.ValidationGed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--synthetic-preset", defaultValue = "lidc", description = "kind of synthetic scene: lidc or classic (default: ${DEFAULT-VALUE})")
    String syntheticPreset;

    @Option(names = "--synthetic-seed", defaultValue = "1", description = "seed of the synthetic cases (default: ${DEFAULT-VALUE})")
    long syntheticSeed;

    @Option(names = "--synthetic-raters", defaultValue = "4", description = "raters per synthetic case (default: ${DEFAULT-VALUE})")
    int syntheticRaters;

    @Option(names = "--synthetic-size", defaultValue = "128", description = "synthetic image side in pixels (default: ${DEFAULT-VALUE})")
    int syntheticSize;

    @Option(names = "--validation-cases", defaultValue = "4", description = "cases held out for the validation GED, drawn by --seed from the --data folders (from the synthetic cases when there are none); 0 for none (default: ${DEFAULT-VALUE})")
    int validationCases;

    @Option(names = "--objective", defaultValue = "flow-matching", description = "flow-matching, or majority-vote for the deterministic baseline (default: ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--preset", defaultValue = "small", description = "small or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--resolution", defaultValue = "64", description = "network input size; the data's own size (128 for LIDC) trains without resampling (default: ${DEFAULT-VALUE})")
    int resolution;

    @Option(names = "--field-of-view", defaultValue = "1", description = "centred share of each image side the network sees, in (0, 1]; 0.25 of a 128 px lesion-centred crop at --resolution 32 is its middle at full detail (default: ${DEFAULT-VALUE}, the whole image)")
    double fieldOfView;

    @Option(names = "--channels", defaultValue = "1", description = "image channels (default: ${DEFAULT-VALUE})")
    int channels;

    @Option(names = "--dropout", defaultValue = "0.1", description = "dropout before each residual block's second convolution (default: ${DEFAULT-VALUE})")
    double dropout;

    @Option(names = "--steps", defaultValue = "4000", description = "optimiser steps; with --time-budget only the first plan (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = DurationConverter.class, description = "train until this much wall-clock time is spent (90m, 2h, PT2H), the length and learning-rate schedule planned from the measured speed")
    Duration timeBudget;

    @Option(names = "--batch", defaultValue = "16", description = "rows per step (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", defaultValue = "2e-4", description = "peak AdamW learning rate (default: ${DEFAULT-VALUE})")
    float learningRate;

    @Option(names = "--warmup", defaultValue = "200", description = "steps of linear learning-rate warm-up (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--final-lr", defaultValue = "0.05", description = "fraction of the peak rate the cosine decay ends at (default: ${DEFAULT-VALUE})")
    float finalLearningRate;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW decoupled weight decay (default: ${DEFAULT-VALUE})")
    float weightDecay;

    @Option(names = "--ema", defaultValue = "0.999", description = "largest decay of the weights' moving average, reached after warm-up min(decay, (1+n)/(10+n)) (default: ${DEFAULT-VALUE})")
    float emaDecay;

    @Option(names = "--condition-dropout", defaultValue = "0.5", description = "per-row probability of the null image condition (default: ${DEFAULT-VALUE})")
    float conditionDropout;

    @Option(names = "--mask-target", defaultValue = "soft", description = "soft (2 x area mean - 1) or binary (area mean >= 0.5) (default: ${DEFAULT-VALUE})")
    String maskTarget;

    @Option(names = "--dihedral", negatable = true, defaultValue = "true", fallbackValue = "true", description = "rows take one of the 8 rotations and mirror images of the square (default: ${DEFAULT-VALUE}; --no-dihedral turns it off)")
    boolean dihedral;

    @Option(names = "--shift", defaultValue = "3", description = "largest random translation in model pixels, 0 for none (default: ${DEFAULT-VALUE})")
    int shift;

    @Option(names = "--scale-jitter", defaultValue = "0", description = "zoom about the centre by exp(U[-s, s]), so few lesions teach many sizes; 0 for none (default: ${DEFAULT-VALUE})")
    float scaleJitter;

    @Option(names = "--contrast-jitter", defaultValue = "0.15", description = "image contrast factor from U[1-c, 1+c], 0 for none (default: ${DEFAULT-VALUE})")
    float contrastJitter;

    @Option(names = "--gamma-jitter", defaultValue = "0.2", description = "image gamma exp(U[-g, g]), 0 for none (default: ${DEFAULT-VALUE})")
    float gammaJitter;

    @Option(names = "--noise-jitter", defaultValue = "0.02", description = "standard deviation of noise added to the [0, 1] image, 0 for none (default: ${DEFAULT-VALUE})")
    float noiseJitter;

    @Option(names = "--seed", defaultValue = "0", description = "seeds weights, batches and the validation split (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--shortcut", paramLabel = "SHARE", defaultValue = "0",
            description = "share of each batch's rows trained for few-step sampling (a shortcut model: the network also takes "
                    + "the step size, sampled with --solver shortcut in 1-8 steps); 0.25 is the shortcut paper's, 0 plain flow "
                    + "matching (default: ${DEFAULT-VALUE})")
    float shortcut;

    @Option(names = "--from", paramLabel = "MODEL", description = "start from a trained flowseg model's weights (a fine-tune): "
            + "its architecture, resolution and field of view replace --preset, --resolution, --field-of-view and --dropout; "
            + "with --shortcut it gains the step embedding, which starts at zero, so the run starts from the model's own outputs")
    Path from;

    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "continue a run from its checkpoint (settings come from it; --steps may extend it)")
    Path resume;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/train", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--log-every", defaultValue = "50", description = "steps per CSV log row (default: ${DEFAULT-VALUE})")
    int logEvery;

    @Option(names = "--validate-every", defaultValue = "250", description = "steps between validation GEDs (default: ${DEFAULT-VALUE})")
    int validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "250", description = "steps between checkpoints (default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--validation-samples", defaultValue = "8", description = "M for validation GED (default: ${DEFAULT-VALUE})")
    int validationSamples;

    @Option(names = "--validation-steps", defaultValue = "10", description = "solver steps for validation GED (default: ${DEFAULT-VALUE})")
    int validationSteps;

    @Option(names = "--validation-solver", description = "solver for validation GED (default: shortcut with --shortcut, else the service's default preset's)")
    String validationSolver;

    @Option(names = "--model-version", paramLabel = "TEXT", description = "version written into the model, with -step<N> appended for the chosen step (default: <objective>-seed<seed>)")
    String version;

    private final FlowsegConfig config;

    public TrainCommand(FlowsegConfig config) {
        this.config = config;
    }

    @Override
    public Integer call() throws Exception {
        if (validationCases < 0) {
            throw new IllegalArgumentException("--validation-cases must not be negative");
        }
        Checkpoint.Header resumed = resume == null ? null : Checkpoint.readHeader(resume);
        // A resumed run holds out the same validation cases as it did when it started.
        long splitSeed = resumed != null ? resumed.settings().seed() : seed;
        List<MultiRaterCase> real = realCases();
        List<MultiRaterCase> generated = syntheticCases();
        List<MultiRaterCase> pool = new ArrayList<>(real.isEmpty() ? generated : real);
        Collections.shuffle(pool, new Random(splitSeed));
        if (validationCases >= pool.size()) {
            throw new IllegalArgumentException("cannot hold out " + validationCases + " of " + pool.size()
                    + " cases for validation and still train on them: lower --validation-cases");
        }
        List<MultiRaterCase> validationSet = pool.subList(0, validationCases);
        List<MultiRaterCase> trainingCases = new ArrayList<>(pool.subList(validationCases, pool.size()));
        if (!real.isEmpty()) {
            trainingCases.addAll(generated);
        }

        try (NetworkTrainer trainer = trainer(trainingCases, resumed)) {
            TrainingSettings s = trainer.settings();
            ValidationGed validation = validationSet.isEmpty() ? null : new ValidationGed(validationSet,
                    new SamplingSettings(validationSamples, config.sampling().guidance(), validationSteps,
                            validationSolver(s), 0L),
                    validationRows(validationSet.size()));
            Augmentation a = s.augmentation();
            System.out.printf("flowseg train: %s, %s preset at %d px over %s of each image side on %s; %d training cases, %d held out; "
                            + "batch %d, lr %s (warm-up %d, cosine to %s), betas (%s, %s), weight decay %s, EMA %s,"
                            + " condition dropout %s, dropout %s, %s targets; augmentation: dihedral %s, shift %d, scale %s,"
                            + " contrast %s, gamma %s, noise %s; shortcut rows %d of %d; seed %d%n",
                    trainer.objective().id(), trainer.model().info().preset(), trainer.model().info().resolution(),
                    trainer.model().info().view().share(), ComputeDevice.get(), trainingCases.size(), validationSet.size(), s.batchSize(), s.learningRate(),
                    s.warmupSteps(), s.finalLearningRate(), s.beta1(), s.beta2(), s.weightDecay(), s.emaDecay(),
                    s.conditionDropout(), trainer.model().config().orElseThrow().dropout(), s.maskTarget().id(),
                    a.dihedral(), a.maxShift(), a.scale(), a.contrast(), a.gamma(), a.noise(), s.shortcutRows(), s.batchSize(),
                    s.seed());
            if (validation != null) {
                SamplingSettings v = validation.settings();
                System.out.printf("validation GED every %d steps on %d held-out cases: M=%d, w=%s, %d %s steps;"
                                + " the best step's averaged weights are exported%n", validateEvery, validationSet.size(),
                        v.samples(), v.guidance(), v.steps(), v.solver().id());
            }
            if (timeBudget != null) {
                System.out.printf("time budget %s: the run's length is planned from its measured speed%n", timeBudget);
            }
            ProgressBar bar = new ProgressBar(System.err, "training", "steps");
            TrainingRun.Outcome outcome = new TrainingRun(trainer,
                    new TrainingRun.Schedule(logEvery, validateEvery, checkpointEvery), validation, out, timeBudget)
                    .run((done, total, loss, ged) -> bar.update(done, total,
                            (Double.isNaN(loss) ? "" : String.format(Locale.ROOT, "loss %.4f", loss))
                                    + (ged == null ? "" : String.format(Locale.ROOT, ", validation GED %.3f", ged))),
                            version != null ? version : trainer.objective().id() + "-seed" + s.seed());
            String models = outcome.bestStep() < 0 ? TrainingRun.MODEL + " (averaged weights)"
                    : String.format(Locale.ROOT, "%s (averaged weights of step %d, best validation GED %.4f), %s (step %d)",
                            TrainingRun.MODEL, outcome.bestStep(), outcome.bestGed(), TrainingRun.LAST, outcome.steps());
            System.out.printf("%d steps%s; wrote %s, %s and %s in %s%n", outcome.steps(),
                    outcome.budgetSpent() ? " (time budget spent)" : "", models, TrainingRun.CHECKPOINT, TrainingRun.LOG, out);
        }
        return 0;
    }

    private NetworkTrainer trainer(List<MultiRaterCase> trainingCases, Checkpoint.Header resumed) throws IOException {
        if (resumed != null) {
            UNetConfig saved = resumed.config();
            return NetworkTrainer.resume(resume, TrainingSet.prepare(trainingCases, saved.imageChannels(),
                    saved.resolution(), saved.view(), resumed.settings().maskTarget()), steps);
        }
        TrainingSettings settings = new TrainingSettings(steps, batch, learningRate, warmup, finalLearningRate,
                TrainingSettings.BETA1, TrainingSettings.BETA2, weightDecay, emaDecay, conditionDropout,
                new Augmentation(dihedral, shift, scaleJitter, contrastJitter, gammaJitter, noiseJitter),
                MaskTarget.parse(maskTarget), seed, shortcut);
        if (from != null) {
            try (VelocityModel trained = VelocityModel.load(from)) {
                UNetConfig source = trained.config().orElseThrow(
                        () -> new IllegalArgumentException("--from needs a flowseg model file, not a TorchScript model"));
                UNetConfig network = shortcut > 0 ? source.withStepConditioning() : source;
                return NetworkTrainer.fineTune(trained, network, prepare(trainingCases, network, settings),
                        Objective.parse(objective), settings);
            }
        }
        UNetConfig network = UNetConfig.preset(preset, channels, resolution).withDropout(dropout)
                .withFieldOfView(new FieldOfView(fieldOfView));
        if (shortcut > 0) {
            network = network.withStepConditioning();
        }
        return NetworkTrainer.start(network, prepare(trainingCases, network, settings), Objective.parse(objective),
                settings);
    }

    private static TrainingSet prepare(List<MultiRaterCase> cases, UNetConfig network, TrainingSettings settings) {
        return TrainingSet.prepare(cases, network.imageChannels(), network.resolution(), network.view(),
                settings.maskTarget());
    }

    /**
     * Rows per validation pass: the configured max-batch, or with {@code auto} every held-out
     * sample in one pass; timing passes beside a running training would measure the contention.
     */
    private int validationRows(int heldOut) {
        return config.engine().maxBatch().rows().orElse(Math.max(2, heldOut * validationSamples * 2));
    }

    /** Validation samples as the model will serve: a shortcut run in few shortcut steps. */
    private OdeSolver validationSolver(TrainingSettings settings) {
        if (validationSolver != null) {
            return OdeSolver.parse(validationSolver);
        }
        return settings.shortcutRows() > 0 ? OdeSolver.SHORTCUT : ConfiguredSampling.defaults(config).solver();
    }

    private List<MultiRaterCase> realCases() throws IOException {
        List<MultiRaterCase> cases = new ArrayList<>();
        MultiRaterFolder folder = new MultiRaterFolder();
        for (Path dir : data) {
            cases.addAll(folder.read(dir));
        }
        return cases;
    }

    private List<MultiRaterCase> syntheticCases() {
        if (synthetic <= 0) {
            if (data.isEmpty()) {
                throw new IllegalArgumentException("nothing to train on: give --data DIR and/or --synthetic N");
            }
            return List.of();
        }
        return new SyntheticGenerator(syntheticSize, SyntheticPreset.parse(syntheticPreset)).cases(synthetic, syntheticRaters, syntheticSeed);
    }
}
