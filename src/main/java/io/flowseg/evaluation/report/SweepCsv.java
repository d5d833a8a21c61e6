package io.flowseg.evaluation.report;

import io.flowseg.evaluation.MetricSummary;
import io.flowseg.evaluation.SweepRow;
import io.flowseg.sampling.SamplingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * sweep.csv: one row per grid point: its settings, its cost (network evaluations and sampling
 * seconds per study), the mean and sample standard deviation of every metric, and the convention.
 */
public final class SweepCsv {
    private SweepCsv() {
    }

    public static void write(Path file, List<SweepRow> rows) throws IOException {
        List<String> header = new ArrayList<>(List.of("preset", "solver", "steps", "guidance", "samples", "seed",
                "network_evaluations_per_study", "seconds_per_study"));
        for (String metric : rows.get(0).aggregate().summaries().keySet()) {
            header.addAll(List.of(metric, metric + "_std"));
        }
        header.add(Csv.EMPTY_PAIRS);
        List<List<String>> lines = new ArrayList<>();
        for (SweepRow row : rows) {
            SamplingSettings s = row.settings();
            List<String> line = new ArrayList<>(List.of(s.preset() == null ? "" : s.preset(), s.solver().id(), Integer.toString(s.steps()),
                    Float.toString(s.guidance()), Integer.toString(s.samples()),
                    s.seed() == null ? "from case id" : s.seed().toString(),
                    Csv.number(row.networkEvaluationsPerStudy()), Csv.number(row.secondsPerStudy())));
            for (MetricSummary summary : row.aggregate().summaries().values()) {
                line.addAll(List.of(Csv.number(summary.mean()), Csv.number(summary.std())));
            }
            line.add(row.aggregate().convention().label());
            lines.add(line);
        }
        Csv.write(file, header, lines);
    }
}
