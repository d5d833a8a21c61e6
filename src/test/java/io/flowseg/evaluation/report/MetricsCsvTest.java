package io.flowseg.evaluation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.evaluation.CaseMetrics;
import io.flowseg.evaluation.CaseResult;
import io.flowseg.evaluation.EvaluationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsCsvTest {
    @TempDir
    Path dir;

    @Test
    void oneRowPerCaseWithEveryScalarTheCostTheConventionAndTheSettings() throws Exception {
        EvaluationResult result = ReportFixtures.oracleEvaluation(4);
        Path file = dir.resolve("metrics.csv");
        MetricsCsv.write(file, result);
        List<List<String>> rows = CsvFiles.read(file);

        List<String> header = new ArrayList<>(List.of("case"));
        header.addAll(List.of(CaseMetrics.GED, CaseMetrics.HM_IOU, CaseMetrics.PAPER_DICE, CaseMetrics.MAX_DICE, CaseMetrics.FOUND,
                CaseMetrics.CI, CaseMetrics.COMBINED_SENSITIVITY, CaseMetrics.DIVERSITY_AGREEMENT,
                CaseMetrics.VARIANCE_CORRELATION, CaseMetrics.ECE, CaseMetrics.DIVERSITY));
        header.addAll(List.of("network_evaluations", "empty_pairs", "settings"));
        assertEquals(header, rows.get(0));
        assertEquals(1 + result.cases().size(), rows.size());
        for (int i = 0; i < result.cases().size(); i++) {
            CaseResult c = result.cases().get(i);
            List<String> row = rows.get(i + 1);
            assertEquals(header.size(), row.size());
            assertEquals(c.input().id(), row.get(0));
            assertEquals(c.metrics().ged(), Double.parseDouble(row.get(1)), 1e-6);
            assertEquals(c.metrics().scalars().get(CaseMetrics.ECE), Double.parseDouble(row.get(10)), 1e-6);
            assertEquals(c.metrics().sampleDiversity(), Double.parseDouble(row.get(11)), 1e-6);
            assertEquals("0", row.get(12));
            assertEquals("empty-empty=skipped", row.get(13));
            assertEquals("oracle (synthetic rater process), M=4, seed 3", row.get(14));
        }
    }

    @Test
    void numbersHaveSixSignificantDigitsAndNaNIsSpelledOut() {
        assertEquals("0.333333", Csv.number(1 / 3.0));
        assertEquals("600", Csv.number(600.0));
        assertEquals("NaN", Csv.number(Double.NaN));
    }
}
