package io.flowseg.evaluation.report;

import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.CaseResult;
import io.flowseg.evaluation.EvaluationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * metrics.csv: one row per case with every scalar of {@link CaseMetrics#scalars()} and the case's
 * network evaluations. The convention and the settings are columns repeated on every row rather than
 * comment lines, which CSV readers choke on; so files of several runs can also be concatenated.
 */
public final class MetricsCsv {
    private MetricsCsv() {
    }

    public static void write(Path file, EvaluationResult result) throws IOException {
        List<String> header = new ArrayList<>(List.of("case"));
        header.addAll(result.cases().get(0).metrics().scalars().keySet());
        header.addAll(List.of("network_evaluations", Csv.EMPTY_PAIRS, "settings"));
        List<List<String>> rows = new ArrayList<>();
        for (CaseResult c : result.cases()) {
            List<String> row = new ArrayList<>(List.of(c.input().id()));
            c.metrics().scalars().values().forEach(value -> row.add(Csv.number(value)));
            row.addAll(List.of(Long.toString(c.samples().networkEvaluations()), result.convention().label(),
                    result.settings()));
            rows.add(row);
        }
        Csv.write(file, header, rows);
    }
}
