package io.flowseg.evaluation.report;

import io.flowseg.dataset.SyntheticManifest;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.evaluation.AggregateMetrics;
import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.CollectiveInsight;
import io.flowseg.evaluation.EmptyPairConvention;
import io.flowseg.evaluation.Evaluation;
import io.flowseg.evaluation.EvaluationFixtures;
import io.flowseg.evaluation.EvaluationResult;
import io.flowseg.evaluation.MultiRaterEvaluator;
import io.flowseg.evaluation.OracleCaseSampler;
import io.flowseg.evaluation.ReliabilityTable;
import io.flowseg.evaluation.SweepRow;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import java.util.List;

/** Results to write: a real evaluation of the synthetic oracle (no network), and hand-made sweep rows. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** The oracle with {@code samples} draws per case on the three synthetic cases, under SKIP. */
    static EvaluationResult oracleEvaluation(int samples) {
        SyntheticManifest manifest = SyntheticManifest.of(SyntheticPreset.CLASSIC, EvaluationFixtures.SIZE, EvaluationFixtures.CASES,
                EvaluationFixtures.RATERS, EvaluationFixtures.SEED);
        return new Evaluation(new MultiRaterEvaluator(EmptyPairConvention.SKIP, 10))
                .run(EvaluationFixtures.cases(), new OracleCaseSampler(manifest, samples, 3L), SamplingProgress.NONE);
    }

    /** A sweep row whose GED and HM-IoU are given, costing M x N x stages x (2 if guided) evaluations. */
    static SweepRow row(OdeSolver solver, float guidance, int steps, double ged, double hmIou) {
        SamplingSettings settings = new SamplingSettings(4, guidance, steps, solver, null);
        CaseMetrics metrics = new CaseMetrics(EmptyPairConvention.SCORE_ONE, ged, hmIou, 0.5, 1,
                new CollectiveInsight(1, 0.7, 1, 0.9), 0.2, new ReliabilityTable(List.of(), 0.1), 0.3);
        return new SweepRow(settings, AggregateMetrics.of(List.of(metrics, metrics)),
                4.0 * steps * solver.stages() * (guidance != 0 ? 2 : 1), 0.01 * steps);
    }
}
