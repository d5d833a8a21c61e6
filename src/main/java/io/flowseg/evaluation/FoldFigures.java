package io.flowseg.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation's cases split into k folds (case i, in folder order, goes to fold i mod k), each
 * fold's aggregate, and each metric's mean and spread over the fold means: on a small real set
 * this says how much a figure would move on another handful of cases like these.
 *
 * @param folds each fold's aggregate, fold 1 first
 * @param overFolds per metric, the mean and sample standard deviation of the fold means
 */
public record FoldFigures(List<AggregateMetrics> folds, Map<String, MetricSummary> overFolds) {

    public FoldFigures {
        folds = List.copyOf(folds);
        overFolds = Collections.unmodifiableMap(new LinkedHashMap<>(overFolds));
    }

    public static FoldFigures of(List<CaseMetrics> cases, int k) {
        requireFoldable(k, cases.size());
        List<AggregateMetrics> folds = new ArrayList<>(k);
        for (int fold = 0; fold < k; fold++) {
            List<CaseMetrics> members = new ArrayList<>();
            for (int c = fold; c < cases.size(); c += k) {
                members.add(cases.get(c));
            }
            folds.add(AggregateMetrics.of(members));
        }
        Map<String, MetricSummary> overFolds = new LinkedHashMap<>();
        for (String metric : folds.get(0).summaries().keySet()) {
            double[] means = folds.stream().mapToDouble(f -> f.get(metric).mean()).toArray();
            overFolds.put(metric, MetricSummary.of(metric, means));
        }
        return new FoldFigures(folds, overFolds);
    }

    /** Checks k against the case count, so a command can refuse it before sampling. */
    public static void requireFoldable(int k, int cases) {
        if (k < 2 || k > cases) {
            throw new IllegalArgumentException("k-fold figures need 2 <= k <= the " + cases + " cases, got k = " + k);
        }
    }
}
