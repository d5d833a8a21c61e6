package io.flowseg.cli;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.MultiRaterFolder;
import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.engine.SegmentationEngine;
import io.flowseg.evaluation.Calibration;
import io.flowseg.evaluation.CaseResult;
import io.flowseg.evaluation.CaseSampler;
import io.flowseg.evaluation.ConsensusCaseSampler;
import io.flowseg.evaluation.EmptyPairConvention;
import io.flowseg.evaluation.Evaluation;
import io.flowseg.evaluation.EvaluationResult;
import io.flowseg.evaluation.FlowCaseSampler;
import io.flowseg.evaluation.FoldFigures;
import io.flowseg.evaluation.MultiRaterEvaluator;
import io.flowseg.evaluation.OracleCaseSampler;
import io.flowseg.evaluation.Sweep;
import io.flowseg.evaluation.SweepGrid;
import io.flowseg.evaluation.SweepRow;
import io.flowseg.evaluation.report.ConsoleTables;
import io.flowseg.evaluation.report.HtmlReport;
import io.flowseg.evaluation.report.MetricsCsv;
import io.flowseg.evaluation.report.SweepCsv;
import io.flowseg.evaluation.report.SweepPlot;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingPresets;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.service.ConfiguredEngine;
import io.flowseg.service.ConfiguredSampling;
import io.flowseg.service.ModelSource;
import io.flowseg.training.ModelCaseSampler;
import io.flowseg.training.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scores sampled segmentations against every rater of a multi-rater data set, or sweeps settings against cost. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate against multi-rater data: a metrics table, report.html and metrics.csv; "
                + "with --sweep, quality against cost over solvers x steps x guidance (sweep.csv, sweep.png).")
public class EvalCommand implements Callable<Integer> {
    private static final String ORACLE = "oracle";
    private static final String CONSENSUS = "consensus";

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "multi-rater folder: one folder per case with image_* and label<k>_* (see synth)")
    Path data;

    @Option(names = "--model", paramLabel = "FILE", description = "flowseg model file or TorchScript archive, or a baseline trained with train --objective majority-vote (default: flowseg.model.path, else the bundled trained model)")
    Path model;

    @Mixin
    SamplingOptions sampling = new SamplingOptions();

    @Mixin
    SamplingPresetOption preset = new SamplingPresetOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/eval", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--empty-pairs", paramLabel = "CONVENTION", defaultValue = "score-one",
            description = "IoU and Dice of two empty masks: score-one (1, as the reference code) or skip (left out of every mean) (default: ${DEFAULT-VALUE})")
    String emptyPairs;

    @Option(names = "--limit", paramLabel = "N", description = "evaluate only the first N cases")
    Integer limit;

    @Option(names = "--folds", paramLabel = "K",
            description = "also print k-fold figures: case i (in folder order) in fold i mod K, each fold's means and their spread")
    Integer folds;

    @Option(names = "--baseline", paramLabel = "NAME",
            description = "sample with a baseline instead of the model: oracle (synthetic data only: each sample is a fresh rater of the known rater process) or consensus (every sample is the raters' own at-least-half vote: the perfect deterministic segmenter)")
    String baseline;

    @Option(names = "--sweep", description = "evaluate every solver x steps x guidance of the --sweep-* lists; writes sweep.csv and sweep.png")
    boolean sweep;

    @Option(names = "--sweep-solvers", paramLabel = "S,...", split = ",", defaultValue = "euler,midpoint,heun",
            description = "solvers of the sweep (default: ${DEFAULT-VALUE})")
    List<String> sweepSolvers;

    @Option(names = "--sweep-steps", paramLabel = "N,...", split = ",", defaultValue = "5,10,25,50",
            description = "step counts of the sweep (default: ${DEFAULT-VALUE})")
    List<Integer> sweepSteps;

    @Option(names = "--sweep-presets", paramLabel = "NAME,...", split = ",",
            description = "presets evaluated beside the grid, at each guidance weight (default: every one of "
                    + "flowseg.sampling.presets; none: no preset)")
    List<String> sweepPresets;

    @Option(names = "--sweep-guidance", paramLabel = "W,...", split = ",",
            description = "guidance weights of the sweep (default: the --guidance value)")
    List<Float> sweepGuidance;

    private final FlowsegConfig config;
    private final ModelSource models;

    public EvalCommand(FlowsegConfig config, ModelSource models) {
        this.config = config;
        this.models = models;
    }

    @Override
    public Integer call() throws IOException {
        Evaluation evaluation = new Evaluation(
                new MultiRaterEvaluator(EmptyPairConvention.parse(emptyPairs), Calibration.DEFAULT_BINS));
        SamplingSettings settings = sampling.overConfigured(config, preset);
        CaseSampler oracle = baseline == null ? null : baseline(settings);
        List<MultiRaterCase> cases = readCases();
        if (folds != null) {
            FoldFigures.requireFoldable(folds, cases.size());
        }
        Files.createDirectories(out);
        if (oracle != null) {
            report(evaluation.run(cases, oracle, new ProgressBar(System.err, "eval")));
            return 0;
        }
        try (VelocityModel velocityModel = models.load(model); VelocityPredictor field = velocityModel.newPredictor()) {
            SegmentationEngine engine = ConfiguredEngine.create(field, config);
            Objective objective = Objective.parse(velocityModel.objective());
            if (sweep) {
                if (objective != Objective.FLOW_MATCHING) {
                    throw new IllegalArgumentException("--sweep varies solver and steps; a " + objective.id()
                            + " baseline has neither");
                }
                String modelName = velocityModel.info().name();
                sweep(new Sweep(evaluation, point -> new FlowCaseSampler(engine, point, modelName)), cases, settings);
            } else {
                report(evaluation.run(cases, ModelCaseSampler.of(objective, velocityModel, field, engine, settings,
                        engine.maxBatch()), new ProgressBar(System.err, "eval")));
            }
        }
        return 0;
    }

    /** The baseline sampler: the raters' consensus, or the oracle (only for data written by synth). */
    private CaseSampler baseline(SamplingSettings settings) throws IOException {
        if (!ORACLE.equals(baseline) && !CONSENSUS.equals(baseline)) {
            throw new IllegalArgumentException("unknown --baseline '" + baseline + "' (known: " + ORACLE + ", "
                    + CONSENSUS + ")");
        }
        if (sweep) {
            throw new IllegalArgumentException("--sweep varies the model's solver and steps; a baseline has neither");
        }
        if (CONSENSUS.equals(baseline)) {
            return new ConsensusCaseSampler(settings.samples());
        }
        if (!Files.isRegularFile(data.resolve(SyntheticManifest.FILE_NAME))) {
            throw new IllegalArgumentException("--baseline oracle needs synthetic data: " + data + " has no "
                    + SyntheticManifest.FILE_NAME + " (./flowseg synth writes one)");
        }
        return new OracleCaseSampler(SyntheticManifest.read(data), settings.samples(), settings.seed());
    }

    private List<MultiRaterCase> readCases() throws IOException {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
        }
        List<MultiRaterCase> cases = new MultiRaterFolder().read(data);
        return limit == null ? cases : cases.subList(0, Math.min(limit, cases.size()));
    }

    private void report(EvaluationResult result) throws IOException {
        MetricsCsv.write(out.resolve("metrics.csv"), result);
        new HtmlReport(ConfiguredEngine.uncertainty(config)).write(out.resolve("report.html"), result);
        System.out.print(ConsoleTables.summary(result));
        if (folds != null) {
            System.out.print(ConsoleTables.folds(FoldFigures.of(result.cases().stream().map(CaseResult::metrics).toList(), folds)));
        }
        System.out.printf("wrote %s and %s (%d cases)%n", out.resolve("report.html"), out.resolve("metrics.csv"),
                result.cases().size());
    }

    private void sweep(Sweep runner, List<MultiRaterCase> cases, SamplingSettings settings) throws IOException {
        SweepGrid grid = new SweepGrid(sweepSolvers.stream().map(OdeSolver::parse).toList(),
                sweepGuidance != null ? sweepGuidance : List.of(settings.guidance()), sweepSteps, sweptPresets(),
                settings.samples(), settings.seed());
        List<SweepRow> rows = runner.run(cases, grid, point -> new ProgressBar(System.err,
                (point.preset() != null ? point.preset() + ": " : "") + point.solver().id() + " " + point.steps()
                        + " steps w=" + point.guidance()));
        SweepCsv.write(out.resolve("sweep.csv"), rows);
        SweepPlot.write(out.resolve("sweep.png"), rows);
        System.out.print(ConsoleTables.sweep(rows));
        System.out.printf("wrote %s and %s (%d cases)%n", out.resolve("sweep.csv"), out.resolve("sweep.png"),
                cases.size());
    }

    private List<SamplingPreset> sweptPresets() {
        SamplingPresets configured = ConfiguredSampling.presets(config);
        if (sweepPresets == null) {
            return configured.all();
        }
        return sweepPresets.equals(List.of("none")) ? List.of() : sweepPresets.stream().map(configured::get).toList();
    }
}
