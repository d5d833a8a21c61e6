package io.flowseg.evaluation.report;

import io.flowseg.evaluation.AggregateMetrics;
import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.CaseSampler;
import io.flowseg.evaluation.EvaluationResult;
import io.flowseg.evaluation.FoldFigures;
import io.flowseg.evaluation.MetricSummary;
import io.flowseg.evaluation.SweepRow;
import io.flowseg.sampling.SamplingSettings;
import java.util.List;
import java.util.Locale;

/** The tables {@code eval} prints: every metric of one evaluation, or one row per sweep point. */
public final class ConsoleTables {
    /** The sweep's quality columns: the published figures and the calibration of the variance map. */
    private static final List<String> SWEEP_METRICS = List.of(CaseMetrics.GED, CaseMetrics.HM_IOU,
            CaseMetrics.PAPER_DICE, CaseMetrics.MAX_DICE, CaseMetrics.VARIANCE_CORRELATION, CaseMetrics.DIVERSITY);

    private ConsoleTables() {
    }

    /** Metric, mean, std and counted/total cases, then the convention, the settings and the cost. */
    public static String summary(EvaluationResult result) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-10s %9s %9s %7s%n", "metric", "mean", "std", "n"));
        for (MetricSummary s : result.aggregate().summaries().values()) {
            table.append(String.format(Locale.ROOT, "%-10s %9.4f %9.4f %7s%n", s.name(), s.mean(), s.std(),
                    s.counted() + "/" + s.total()));
        }
        return table.append(String.format(Locale.ROOT, "%s (--empty-pairs %s); %s; %.0f network evaluations/study, %.3f s/study%n",
                result.convention().label(), result.convention().id(), result.settings(),
                result.networkEvaluationsPerStudy(), result.secondsPerStudy())).toString();
    }

    /** One row per fold (its case count and the sweep's metrics), then their mean and std over the folds. */
    public static String folds(FoldFigures figures) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s %5s", "fold", "cases"));
        SWEEP_METRICS.forEach(metric -> table.append(String.format(Locale.ROOT, " %15s", metric)));
        table.append(System.lineSeparator());
        for (int f = 0; f < figures.folds().size(); f++) {
            AggregateMetrics fold = figures.folds().get(f);
            table.append(String.format(Locale.ROOT, "%-12s %5d", (f + 1) + "/" + figures.folds().size(),
                    fold.get(CaseMetrics.GED).total()));
            SWEEP_METRICS.forEach(metric -> table.append(String.format(Locale.ROOT, " %15.4f", fold.get(metric).mean())));
            table.append(System.lineSeparator());
        }
        table.append(String.format(Locale.ROOT, "%-12s %5s", "over folds", ""));
        SWEEP_METRICS.forEach(metric -> {
            MetricSummary s = figures.overFolds().get(metric);
            table.append(String.format(Locale.ROOT, " %15s", String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())));
        });
        return table.append(System.lineSeparator()).toString();
    }

    /** One row per grid point: its settings, its cost and the mean of each quality metric. */
    public static String sweep(List<SweepRow> rows) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-8s %-9s %5s %5s %10s %8s", "preset", "solver", "steps", "w",
                "NFE/study", "s/study"));
        SWEEP_METRICS.forEach(metric -> table.append(String.format(Locale.ROOT, " %8s", metric)));
        table.append(System.lineSeparator());
        for (SweepRow row : rows) {
            SamplingSettings s = row.settings();
            table.append(String.format(Locale.ROOT, "%-8s %-9s %5d %5s %10.0f %8.3f", s.preset() == null ? "-" : s.preset(),
                    s.solver().id(), s.steps(), s.guidance(),
                    row.networkEvaluationsPerStudy(), row.secondsPerStudy()));
            SWEEP_METRICS.forEach(metric -> table.append(String.format(Locale.ROOT, " %8.4f", row.mean(metric))));
            table.append(System.lineSeparator());
        }
        SamplingSettings first = rows.get(0).settings();
        return table.append(String.format(Locale.ROOT, "M=%d, %s, %s (--empty-pairs %s)%n", first.samples(),
                CaseSampler.seedText(first.seed()), rows.get(0).aggregate().convention().label(),
                rows.get(0).aggregate().convention().id())).toString();
    }
}
