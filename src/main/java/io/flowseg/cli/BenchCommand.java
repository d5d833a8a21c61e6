package io.flowseg.cli;

import ai.djl.engine.Engine;
import io.flowseg.benchmark.LoadBench;
import io.flowseg.benchmark.MatMulPeak;
import io.flowseg.benchmark.PipelineBench;
import io.flowseg.benchmark.SetupBench;
import io.flowseg.benchmark.TorchReference;
import io.flowseg.benchmark.TrainStepTimer;
import io.flowseg.engine.ForwardTimer;
import io.flowseg.engine.ProcessMemory;
import io.flowseg.engine.RowBudgetCalibration;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.engine.Study;
import io.flowseg.imaging.Image;
import io.flowseg.model.ComputeDevice;
import io.flowseg.model.InstructionSetInUse;
import io.flowseg.model.UNetConfig;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.service.ModelSource;
import io.flowseg.uncertainty.UncertaintySettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints engine speed and memory figures, or with --train the training step's; with --torch,
 * beside PyTorch eager on the same network.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Forward-pass speed, studies per second, guidance and study batching, and RSS; training steps (--train); "
                + "studies through Kafka and the service beside the engine alone (--pipeline); or latency under Poisson load (--load).")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "small", description = "small or paper (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--model", paramLabel = "FILE", description = "bench this model file instead of an untrained preset")
    Path model;

    @Option(names = "--resolution", defaultValue = "128", description = "input size (default: ${DEFAULT-VALUE})")
    int resolution;

    @Option(names = "--batch", defaultValue = "30", description = "rows per forward pass (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--repeats", defaultValue = "5", description = "timed forwards (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", defaultValue = "3", description = "untimed forwards first; the JIT, GC and allocator settle over the first few (default: ${DEFAULT-VALUE})")
    int warmup;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Option(names = "--studies", defaultValue = "3", description = "studies sampled together vs one at a time (default: ${DEFAULT-VALUE})")
    int studies;

    @Option(names = "--max-batch", defaultValue = "32", description = "sampler batch limit for studies/s (default: ${DEFAULT-VALUE})")
    int maxBatch;

    @Option(names = "--memory-forwards", defaultValue = "0", description = "also run this many forwards and compare RSS after 100 and after all (0: skip)")
    int memoryForwards;

    @Option(names = "--memory-batch", defaultValue = "4", description = "rows per forward of the memory run (default: ${DEFAULT-VALUE})")
    int memoryBatch;

    @Option(names = "--train", description = "time flow-matching training steps instead (the issue's figure: --batch 16 --resolution 64)")
    boolean train;

    @Option(names = "--memory-steps", defaultValue = "0", description = "with --train: run this many steps and compare RSS after 1,000 and after all (0: skip)")
    int memorySteps;

    @Option(names = "--pipeline", description = "time studies through Kafka, the registry and the service, beside the engine alone")
    boolean pipeline;

    @Option(names = "--pipeline-studies", defaultValue = "30", description = "with --pipeline: timed studies (default: ${DEFAULT-VALUE})")
    int pipelineStudies;

    @Option(names = "--pipeline-samples", defaultValue = "15", description = "with --pipeline: M of every study (default: ${DEFAULT-VALUE})")
    int pipelineSamples;

    @Option(names = "--pipeline-steps", defaultValue = "20", description = "with --pipeline: Euler steps of every study (default: ${DEFAULT-VALUE})")
    int pipelineSteps;

    @Option(names = "--memory-studies", defaultValue = "0", description = "with --pipeline: also run this many cheap studies and compare RSS after 200 and after all (0: skip)")
    int memoryStudies;

    @Option(names = "--torch", description = "also time PyTorch eager on the same network (needs Debian's python3-torch)")
    boolean torch;

    @Option(names = "--rounds", defaultValue = "3", description = "alternating DJL/PyTorch rounds with --torch (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "interpreter with torch (default: ${DEFAULT-VALUE})")
    Path python;

    @Option(names = "--scripts", defaultValue = "scripts", description = "folder of torch_bench.py (default: ${DEFAULT-VALUE})")
    Path scripts;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Option(names = "--setups", split = ",", paramLabel = "ALLOCATOR[/CAP]", arity = "0..*",
            fallbackValue = "auto,glibc-tuned,glibc,jemalloc,jemalloc/AVX2,glibc/SSE41",
            description = "time the forward pass under each launcher set-up, a fresh process each, alternating for --rounds rounds"
                    + " (no value: ${FALLBACK-VALUE}; auto is the default set-up,"
                    + " a cap replaces the probe's)")
    List<String> setups;

    @Option(names = "--calibrate", description = "measure the rows per forward pass that flowseg.engine.max-batch=auto would pick on this device for the served model (or --model), and print the table")
    boolean calibrate;

    @Option(names = "--forward-only", hidden = true, description = "time the forward pass only and print one line (for --setups)")
    boolean forwardOnly;

    @Option(names = "--peak-size", defaultValue = "4096", description = "side of the square matrices of the matrix-multiply peak (0: skip; default: ${DEFAULT-VALUE})")
    int peakSize;

    private final PipelineBench pipelineBench;
    private final LoadBench loadBench;
    private final ModelSource models;

    public BenchCommand(PipelineBench pipelineBench, LoadBench loadBench, ModelSource models) {
        this.pipelineBench = pipelineBench;
        this.loadBench = loadBench;
        this.models = models;
    }

    @Override
    public Integer call() throws Exception {
        if (calibrate) {
            calibrate();
            return 0;
        }
        if (load.load) {
            loadBench.run(load.plan(sampling.over(LOAD_DEFAULTS), 7), System.out);
            return 0;
        }
        if (setups != null) {
            SetupBench.run(new SetupBench.Plan(setups.stream().map(SetupBench.Setup::parse).toList(), rounds,
                    List.of("--preset", preset, "--resolution", Integer.toString(resolution), "--batch", Integer.toString(batch),
                            "--warmup", Integer.toString(warmup), "--repeats", Integer.toString(repeats))), System.out);
            return 0;
        }
        if (pipeline) {
            pipelineBench.run(new PipelineBench.Plan(pipelineStudies, pipelineSamples, 0.3f, pipelineSteps, "euler",
                    memoryStudies), System.out);
            return 0;
        }
        return train ? benchTraining() : benchSampling();
    }

    private int benchSampling() throws Exception {
        double rssStart = ProcessMemory.rssMiB();
        try (VelocityModel velocityModel = model != null ? VelocityModel.load(model)
                : VelocityModel.untrained(UNetConfig.preset(preset, 1, resolution), 0);
             VelocityPredictor field = velocityModel.newPredictor()) {
            var info = velocityModel.info();
            if (forwardOnly) {
                double ms = ForwardTimer.median(new ForwardTimer(field).time(batch, warmup, repeats));
                System.out.printf(SetupBench.RESULT_FORMAT, ms, ProcessMemory.allocator(), InstructionSetInUse.current().describe());
                return 0;
            }
            // libtorch's default: one intra-op thread per core; PyTorch is given the same.
            int threads = Runtime.getRuntime().availableProcessors();
            System.out.printf("flowseg bench: %s (%s, %,d parameters) at %dx%d, device %s, %d CPU threads, %s%n",
                    info.name(), info.preset(), info.parameters(), info.resolution(), info.resolution(),
                    ComputeDevice.get(), threads, ProcessMemory.allocator());
            System.out.printf("CPU kernels: %s%n%n", InstructionSetInUse.current().describe());

            ForwardTimer timer = new ForwardTimer(field);
            System.out.printf("forward pass at batch %d (median of %d after %d warm-up forwards)%n", batch, repeats, warmup);
            if (torch) {
                UNetConfig config = velocityModel.config().orElseThrow(() -> new IllegalArgumentException(
                        "--torch needs a flowseg network, not a TorchScript model"));
                compareWithTorch(config, TorchReference.Workload.FORWARD, threads,
                        round -> timer.time(batch, round == 0 ? warmup : 0, repeats));
            } else {
                double djlMs = ForwardTimer.median(timer.time(batch, warmup, repeats));
                System.out.printf("  DJL %s: %.1f ms/forward, %.1f evaluations/s%n", Engine.getInstance().getVersion(),
                        djlMs, batch * 1000 / djlMs);
                reportRate(velocityModel.flopsPerRow(), djlMs);
            }

            int half = Math.max(1, batch / 2);
            double together = ForwardTimer.median(timer.time(2 * half, warmup, repeats));
            double separate = 2 * ForwardTimer.median(timer.time(half, warmup, repeats));
            System.out.printf("%nguidance for %d samples: one pass of %d rows %.1f ms, two passes of %d rows %.1f ms (%.2fx)%n",
                    half, 2 * half, together, half, separate, separate / together);

            if (studies > 0) {
                benchStudies(field, info.imageChannels(), info.resolution());
            }

            if (memoryForwards > 0) {
                reportRssGrowth("forwards", 100, memoryForwards, count -> timer.run(memoryBatch, count),
                        ", batch " + memoryBatch);
            }
        }
        System.out.printf("%nRSS at start %.0f MiB, at end %.0f MiB%n", rssStart, ProcessMemory.rssMiB());
        return 0;
    }

    /** What max-batch=auto measures, on the model serve would load (the bundled one unless configured or --model). */
    private void calibrate() throws IOException {
        try (VelocityModel served = models.load(model); VelocityPredictor field = served.newPredictor()) {
            RowBudgetCalibration.Result result = RowBudgetCalibration.measure(new ForwardTimer(field));
            System.out.printf("flowseg bench --calibrate: %s at %d px, device %s, %s, CPU kernels %s%n", served.info().name(),
                    served.info().resolution(), ComputeDevice.get(), ProcessMemory.allocator(),
                    InstructionSetInUse.current().describe());
            printCalibration(result);
        }
    }

    private static void printCalibration(RowBudgetCalibration.Result result) {
        System.out.printf("%6s %12s %14s%n", "rows", "ms per pass", "rows per second");
        for (RowBudgetCalibration.Point point : result.measured()) {
            System.out.printf("%6d %12.1f %14.0f%s%n", point.rows(), point.msPerPass(), point.rowsPerSecond(),
                    point.rows() == result.rows() ? "  <- max-batch=auto" : "");
        }
    }

    /** Training steps of an untrained preset on synthetic data, and RSS over a long run. */
    private int benchTraining() throws Exception {
        UNetConfig config = UNetConfig.preset(preset, 1, resolution);
        int threads = Runtime.getRuntime().availableProcessors();
        try (TrainStepTimer timer = new TrainStepTimer(config, batch)) {
            System.out.printf("flowseg bench --train: %s preset at %dx%d, batch %d, device %s, %d CPU threads, %s%n%n",
                    preset, resolution, resolution, batch, ComputeDevice.get(), threads, ProcessMemory.allocator());
            System.out.printf("training step (median of %d after %d warm-up steps)%n", repeats, warmup);
            if (torch) {
                compareWithTorch(config, TorchReference.Workload.TRAINING_STEP, threads,
                        round -> timer.time(round == 0 ? warmup : 0, repeats));
            } else {
                double ms = ForwardTimer.median(timer.time(warmup, repeats));
                System.out.printf("  DJL %s: %.1f ms/step, %.1f rows/s%n", Engine.getInstance().getVersion(), ms,
                        batch * 1000 / ms);
            }
            if (memorySteps > 0) {
                reportRssGrowth("steps", 1000, memorySteps, timer::run, "");
            }
        }
        return 0;
    }

    /**
     * The forward's GFLOP/s, and its share of the engine's matrix-multiply rate on this machine: how
     * far the network runs from what the machine reaches at all.
     */
    private void reportRate(OptionalLong flopsPerRow, double forwardMs) {
        if (flopsPerRow.isEmpty()) {
            System.out.println("  (no FLOP count for a TorchScript model)");
            return;
        }
        double gflops = flopsPerRow.getAsLong() * (double) batch / forwardMs / 1e6;
        System.out.printf("  %.2f GFLOP per row, %.1f GFLOP/s", flopsPerRow.getAsLong() / 1e9, gflops);
        if (peakSize > 0) {
            double peak = MatMulPeak.gflopsPerSecond(ComputeDevice.get(), peakSize, 3);
            System.out.printf(", %.0f%% of the engine's matrix-multiply peak here (%.1f GFLOP/s, %d x %d float32)",
                    100 * gflops / peak, peak, peakSize, peakSize);
        }
        System.out.println();
    }

    /**
     * Runs {@code early} units of work (at most {@code total}), then the rest, and prints RSS and
     * the JVM's share after each, so growth over a long run shows.
     */
    private static void reportRssGrowth(String unit, int early, int total, IntConsumer run, String detail) {
        int first = Math.min(early, total);
        run.accept(first);
        double rssEarly = ProcessMemory.rssMiB();
        String jvmEarly = ProcessMemory.jvmShare();
        run.accept(total - first);
        double rssAll = ProcessMemory.rssMiB();
        System.out.printf("%nmemory: RSS after %d %s %.0f MiB, after %d %s %.0f MiB (%.2fx)%s%n",
                first, unit, rssEarly, total, unit, rssAll, rssAll / rssEarly, detail);
        System.out.printf("  after %d: %s; after %d: %s%n", first, jvmEarly, total, ProcessMemory.jvmShare());
    }

    /**
     * DJL and PyTorch eager on the same network and workload, alternating round by round so that
     * a machine whose speed drifts during the run biases neither side.
     */
    private void compareWithTorch(UNetConfig config, TorchReference.Workload workload, int threads,
                                  IntFunction<double[]> djlRound) throws Exception {
        System.out.printf("  %-6s %12s %16s %14s%n", "round", "DJL ms", "PyTorch ms", "DJL/PyTorch");
        double[] ratios = new double[rounds];
        String torchVersion = "";
        for (int round = 0; round < rounds; round++) {
            double djlMs = ForwardTimer.median(djlRound.apply(round));
            TorchReference.Result reference = TorchReference.time(workload, python, scripts, config, batch, warmup,
                    repeats, threads);
            double torchMs = ForwardTimer.median(reference.ms());
            torchVersion = reference.torchVersion();
            ratios[round] = djlMs / torchMs;
            System.out.printf("  %-6d %12.1f %16.1f %14.2f%n", round + 1, djlMs, torchMs, ratios[round]);
        }
        System.out.printf("  DJL %s (%s) / PyTorch %s eager (glibc malloc): median ratio %.2f over %d rounds%n",
                Engine.getInstance().getVersion(), ProcessMemory.allocator(), torchVersion,
                ForwardTimer.median(ratios), rounds);
    }

    /** Cheap studies, so a CPU reaches its capacity within a minute or two per rate. */
    private static final SamplingSettings LOAD_DEFAULTS = new SamplingSettings(4, 0.3f, 5, OdeSolver.EULER, null);
    private static final SamplingSettings STUDY_DEFAULTS = new SamplingSettings(4, 0.3f, 5, OdeSolver.MIDPOINT, null);

    /** Studies per second with the studies sharing forward passes, and one study at a time. */
    private void benchStudies(VelocityPredictor field, int channels, int size) {
        SamplingSettings settings = sampling.over(STUDY_DEFAULTS);
        List<Study> batchOfStudies = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < studies; i++) {
            float[] pixels = new float[channels * size * size];
            for (int p = 0; p < pixels.length; p++) {
                pixels[p] = random.nextFloat();
            }
            batchOfStudies.add(new Study("bench-" + i, new Image(size, size, channels, pixels), null,
                    new SamplingSettings(settings.samples(), settings.guidance(), settings.steps(), settings.solver(),
                            settings.seed() != null ? settings.seed() + i : i), null));
        }
        SegmentationEngine engine = new SegmentationEngine(field, maxBatch, UncertaintySettings.defaults());
        // The sampler reports progress once per forward pass, so counting reports counts passes.
        long[] sharedPasses = {0};
        long start = System.nanoTime();
        var results = engine.segment(batchOfStudies, (done, total) -> sharedPasses[0]++);
        double shared = (System.nanoTime() - start) / 1e9;
        long[] alonePasses = {0};
        start = System.nanoTime();
        for (Study study : batchOfStudies) {
            engine.segment(List.of(study), (done, total) -> alonePasses[0]++);
        }
        double alone = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nstudies at M=%d, w=%s, %d %s steps (%d evaluations each), max batch %d%n",
                settings.samples(), settings.guidance(), settings.steps(), settings.solver().id(), results.get(0).samples().networkEvaluations(), maxBatch);
        System.out.printf("  %-28s %8s %10s %12s%n", "", "passes", "seconds", "studies/s");
        System.out.printf("  %-28s %8d %10.2f %12.3f%n", studies + " studies sharing passes", sharedPasses[0], shared, studies / shared);
        System.out.printf("  %-28s %8d %10.2f %12.3f%n", "one study at a time", alonePasses[0], alone, studies / alone);
    }
}
