package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.engine.SegmentationEngine;
import io.flowseg.model.VelocityModel;
import io.flowseg.model.VelocityPredictor;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingPreset;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void gridVariesStepsFastest() {
        SweepGrid grid = new SweepGrid(List.of(OdeSolver.EULER, OdeSolver.RK4), List.of(0f), List.of(5, 10), List.of(), 4, 3L);
        assertEquals(List.of(
                new SamplingSettings(4, 0f, 5, OdeSolver.EULER, 3L), new SamplingSettings(4, 0f, 10, OdeSolver.EULER, 3L),
                new SamplingSettings(4, 0f, 5, OdeSolver.RK4, 3L), new SamplingSettings(4, 0f, 10, OdeSolver.RK4, 3L)),
                grid.points());
    }

    @Test
    void presetsFollowTheGridAtEachGuidanceWeightUnderTheirName() {
        SamplingPreset fast = new SamplingPreset("fast", 3, OdeSolver.HEUN);
        SweepGrid grid = new SweepGrid(List.of(OdeSolver.EULER), List.of(0f, 0.3f), List.of(5), List.of(fast), 4, null);

        assertEquals(List.of(
                new SamplingSettings(4, 0f, 5, OdeSolver.EULER, null), new SamplingSettings(4, 0.3f, 5, OdeSolver.EULER, null),
                new SamplingSettings(4, 0f, 3, OdeSolver.HEUN, null, "fast"),
                new SamplingSettings(4, 0.3f, 3, OdeSolver.HEUN, null, "fast")), grid.points());
        assertEquals(2, new SweepGrid(List.of(), List.of(0f, 1f), List.of(), List.of(fast), 4, null).points().size(),
                "presets alone make a sweep");
        assertThrows(IllegalArgumentException.class,
                () -> new SweepGrid(List.of(), List.of(0f), List.of(5), List.of(), 4, null));
    }

    @Test
    void oneRowPerGridPointCostingSamplesTimesStepsTimesStagesTimesGuidanceRows() {
        SweepGrid grid = new SweepGrid(List.of(OdeSolver.EULER, OdeSolver.MIDPOINT), List.of(0f, 0.5f), List.of(2), List.of(), 2, null);
        try (VelocityModel model = EvaluationFixtures.tinyModel(); VelocityPredictor field = model.newPredictor()) {
            SegmentationEngine engine = new SegmentationEngine(field, 32, UncertaintySettings.defaults());
            Sweep sweep = new Sweep(new Evaluation(new MultiRaterEvaluator()),
                    settings -> new FlowCaseSampler(engine, settings, "tiny"));
            List<SweepRow> rows = sweep.run(EvaluationFixtures.cases(), grid, settings -> SamplingProgress.NONE);

            assertEquals(4, rows.size());
            for (int i = 0; i < rows.size(); i++) {
                SweepRow row = rows.get(i);
                SamplingSettings s = row.settings();
                assertEquals(grid.points().get(i), s);
                long expected = (long) s.samples() * s.steps() * s.solver().stages() * (s.guidance() != 0 ? 2 : 1);
                assertEquals(expected, row.networkEvaluationsPerStudy(), 0, s.toString());
                assertTrue(row.secondsPerStudy() > 0);
                assertEquals(EvaluationFixtures.CASES, row.aggregate().get(CaseMetrics.GED).total());
            }
            assertEquals("midpoint w=0.5", rows.get(3).series());
        }
    }
}
