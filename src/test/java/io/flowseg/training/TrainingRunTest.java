package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.evaluation.EvaluationFixtures;
import io.flowseg.model.VelocityModel;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunLogsValidatesCheckpointsAndExportsItsModel() throws IOException {
        var validation = new ValidationGed(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(2, 2, 9),
                new SamplingSettings(2, 0.3f, 2, OdeSolver.EULER, 0L), 8);
        List<String> reports = new ArrayList<>();
        Path model;
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, NetworkTrainerTest.tinySet(),
                Objective.FLOW_MATCHING, NetworkTrainerTest.settings(5))) {
            model = new TrainingRun(trainer, new TrainingRun.Schedule(2, 4, 3), validation, dir, null)
                    .run((done, total, loss, ged) -> reports.add(done + "/" + total + (ged == null ? "" : " ged")), "v-test")
                    .model();
        }
        assertEquals(List.of("1/5", "2/5", "3/5", "4/5 ged", "5/5 ged"), reports);
        List<String> log = Files.readAllLines(dir.resolve(TrainingRun.LOG));
        assertEquals(TrainingLog.HEADER, log.get(0));
        assertEquals(4, log.size(), "header and rows at steps 2, 4 and 5: " + log);
        assertTrue(log.get(1).startsWith("2,") && log.get(1).contains(",,"), "no GED at step 2: " + log.get(1));
        double ged = Double.parseDouble(log.get(2).split(",")[5]);
        assertTrue(ged >= 0 && ged <= 2, "GED " + ged);
        assertEquals(5, Checkpoint.readHeader(dir.resolve(TrainingRun.CHECKPOINT)).step());
        try (VelocityModel loaded = VelocityModel.load(model)) {
            assertTrue(loaded.info().version().matches("v-test-step[45]"), loaded.info().version());
            assertEquals(VelocityModel.FLOW_MATCHING, loaded.objective());
        }
        assertTrue(Files.exists(dir.resolve(TrainingRun.LAST)), "the last step's weights are kept too");
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".partial")));
    }

    @Test
    void aResumedRunAppendsToItsLog() throws IOException {
        TrainingSet data = NetworkTrainerTest.tinySet();
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, data, Objective.MAJORITY_VOTE,
                NetworkTrainerTest.settings(2))) {
            new TrainingRun(trainer, new TrainingRun.Schedule(1, 10, 1), null, dir, null).run((d, t, l, g) -> { }, "v");
        }
        try (NetworkTrainer resumed = NetworkTrainer.resume(dir.resolve(TrainingRun.CHECKPOINT), data, 4)) {
            assertEquals(4, resumed.settings().steps());
            new TrainingRun(resumed, new TrainingRun.Schedule(1, 10, 1), null, dir, null).run((d, t, l, g) -> { }, "v");
        }
        List<String> log = Files.readAllLines(dir.resolve(TrainingRun.LOG));
        assertEquals(List.of("1", "2", "3", "4"), log.subList(1, log.size()).stream().map(r -> r.split(",")[0]).toList());
    }

    @Test
    void aTimeBudgetPlansTheRunFromItsSpeedAndStopsWithinOneValidationInterval() throws IOException {
        var validation = new ValidationGed(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(1, 2, 9),
                new SamplingSettings(1, 0f, 1, OdeSolver.EULER, 0L), 8);
        AtomicLong clock = new AtomicLong();
        TrainingRun.Outcome outcome;
        long planned;
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, NetworkTrainerTest.tinySet(),
                Objective.FLOW_MATCHING, NetworkTrainerTest.settings(1000))) {
            // Every step takes one second of the fake clock.
            outcome = new TrainingRun(trainer, new TrainingRun.Schedule(2, 4, 100), validation, dir,
                    Duration.ofSeconds(10), clock::get)
                    .run((done, total, loss, ged) -> clock.addAndGet(1_000_000_000L), "v");
            planned = trainer.settings().steps();
        }
        assertTrue(outcome.steps() <= 10 + 4, "stopped at step " + outcome.steps());
        assertTrue(outcome.steps() >= 8, "stopped early, at step " + outcome.steps());
        assertTrue(planned < 100, "the run was re-planned from 1000 steps to the budget's " + planned);
        assertTrue(outcome.bestStep() > 0);
    }
}
