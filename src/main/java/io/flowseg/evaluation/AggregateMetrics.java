package io.flowseg.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-metric summaries over a set of cases, all computed under one empty-pair convention.
 *
 * @param convention the convention every case was computed under
 * @param summaries  summaries by metric name (see {@link CaseMetrics#scalars()})
 */
public record AggregateMetrics(EmptyPairConvention convention, Map<String, MetricSummary> summaries) {

    public AggregateMetrics {
        summaries = Collections.unmodifiableMap(new LinkedHashMap<>(summaries)); // keeps print order
    }

    /** Summarises cases; they must share one convention so the figures stay comparable. */
    public static AggregateMetrics of(List<CaseMetrics> cases) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no cases");
        }
        EmptyPairConvention convention = cases.get(0).convention();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < cases.size(); c++) {
            CaseMetrics metrics = cases.get(c);
            if (metrics.convention() != convention) {
                throw new IllegalArgumentException("cases mix empty-pair conventions");
            }
            final int row = c;
            metrics.scalars().forEach((name, value) ->
                    columns.computeIfAbsent(name, n -> new double[cases.size()])[row] = value);
        }
        Map<String, MetricSummary> summaries = new LinkedHashMap<>();
        columns.forEach((name, values) -> summaries.put(name, MetricSummary.of(name, values)));
        return new AggregateMetrics(convention, summaries);
    }

    public MetricSummary get(String metric) {
        return summaries.get(metric);
    }
}
