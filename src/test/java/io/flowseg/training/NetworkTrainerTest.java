package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.model.ComputeDevice;
import io.flowseg.evaluation.EvaluationFixtures;
import io.flowseg.model.VelocityModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkTrainerTest {
    @TempDir
    Path dir;

    static TrainingSet tinySet() {
        return TrainingSet.prepare(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(6, 3, 11), 1, 16, MaskTarget.SOFT);
    }

    static TrainingSettings settings(int steps) {
        return new TrainingSettings(steps, 4, 1e-3f, 2, 0.1f, 0.9f, 0.95f, 0.01f, 0.9f, 0.5f, Augmentation.DEFAULT,
                MaskTarget.SOFT, 5);
    }

    @Test
    void lossFallsOnAFixedProblem() {
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, tinySet(), Objective.MAJORITY_VOTE, settings(60))) {
            float early = 0;
            float late = 0;
            for (int i = 0; i < 60; i++) {
                float loss = trainer.step();
                if (i < 10) {
                    early += loss;
                } else if (i >= 50) {
                    late += loss;
                }
            }
            assertTrue(late < 0.8 * early, "loss " + early / 10 + " -> " + late / 10);
            assertEquals(60, trainer.completedSteps());
            assertTrue(trainer.finished());
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly() throws IOException {
        TrainingSet data = tinySet();
        List<float[]> straight;
        List<float[]> straightAverage;
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, data, Objective.FLOW_MATCHING, settings(4))) {
            for (int i = 0; i < 4; i++) {
                trainer.step();
            }
            straight = weights(trainer.model());
            straightAverage = trainer.withAveragedWeights(() -> weights(trainer.model()));
        }
        Path checkpoint = dir.resolve("run.checkpoint");
        try (NetworkTrainer first = NetworkTrainer.start(EvaluationFixtures.TINY, data, Objective.FLOW_MATCHING, settings(4))) {
            first.step();
            first.step();
            first.saveCheckpoint(checkpoint);
            first.step(); // work after the checkpoint is lost, as in a crash
        }
        try (NetworkTrainer resumed = NetworkTrainer.resume(checkpoint, data, 0)) {
            assertEquals(2, resumed.completedSteps());
            assertEquals(Objective.FLOW_MATCHING, resumed.objective());
            resumed.step();
            resumed.step();
            assertTrue(resumed.finished());
            assertWeightsEqual(straight, weights(resumed.model()));
            assertWeightsEqual(straightAverage, resumed.withAveragedWeights(() -> weights(resumed.model())));
        }
    }

    @Test
    void theExportedModelHoldsTheAveragedWeightsAndItsObjective() throws IOException {
        Path file = dir.resolve("baseline.flowseg");
        List<float[]> live;
        List<float[]> averaged;
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, tinySet(), Objective.MAJORITY_VOTE, settings(3))) {
            for (int i = 0; i < 3; i++) {
                trainer.step();
            }
            live = weights(trainer.model());
            averaged = trainer.withAveragedWeights(() -> weights(trainer.model()));
            trainer.exportAverage(file, "test-1");
            assertWeightsEqual(live, weights(trainer.model()));
        }
        assertNotEquals(0, distance(live, averaged));
        try (VelocityModel loaded = VelocityModel.load(file)) {
            assertEquals("majority-vote", loaded.objective());
            assertEquals("test-1", loaded.info().version());
            assertWeightsEqual(averaged, weights(loaded));
        }
    }

    @Test
    void aShortcutFineTuneStartsFromTheModelAndTrainsItsStepEmbedding() throws IOException {
        TrainingSet data = tinySet();
        TrainingSettings shortcut = settings(6).withShortcutShare(0.5f);
        try (VelocityModel trained = VelocityModel.untrained(EvaluationFixtures.TINY, 8);
             NetworkTrainer trainer = NetworkTrainer.fineTune(trained, EvaluationFixtures.TINY.withStepConditioning(), data,
                     Objective.FLOW_MATCHING, shortcut)) {
            List<float[]> before = weights(trainer.model());
            List<float[]> source = weights(trained);
            for (int i = 0; i < source.size(); i++) {
                assertArrayEquals(source.get(i), before.get(i), "the model's parameter " + i + " is copied");
            }
            for (int i = 0; i < 6; i++) {
                assertTrue(Float.isFinite(trainer.step()));
            }
            float[] stepOutput = trainer.model().network().getParameters().get(
                    trainer.model().network().getParameters().keys().stream()
                            .filter(key -> key.endsWith("stepOutput_weight")).findFirst().orElseThrow())
                    .getArray().toFloatArray();
            assertNotEquals(0.0, distance(List.of(stepOutput), List.of(new float[stepOutput.length])),
                    "the step embedding, zero at the start, has learned");
        }
    }

    @Test
    void aShortcutModelTrainsFromScratchToo() {
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY.withStepConditioning(), tinySet(),
                Objective.FLOW_MATCHING, settings(30).withShortcutShare(0.25f))) {
            float early = 0;
            float late = 0;
            for (int i = 0; i < 30; i++) {
                float loss = trainer.step();
                assertTrue(Float.isFinite(loss), "step " + i);
                early += i < 5 ? loss : 0;
                late += i >= 25 ? loss : 0;
            }
            assertTrue(late < early, "loss " + early / 5 + " -> " + late / 5);
        }
    }

    @Test
    void shortcutRowsNeedAStepConditionedFlow() {
        TrainingSettings shortcut = settings(2).withShortcutShare(0.25f);
        IllegalArgumentException plainNetwork = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NetworkTrainer.start(EvaluationFixtures.TINY, tinySet(), Objective.FLOW_MATCHING, shortcut));
        assertTrue(plainNetwork.getMessage().contains("step-conditioned"), plainNetwork.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> NetworkTrainer.start(EvaluationFixtures.TINY.withStepConditioning(), tinySet(), Objective.MAJORITY_VOTE,
                        shortcut));
    }

    @Test
    void longRunsKeepTheArrayCountFlat() {
        try (NetworkTrainer trainer = NetworkTrainer.start(EvaluationFixtures.TINY, tinySet(), Objective.FLOW_MATCHING, settings(40))) {
            trainer.step();
            int before = liveArrays();
            for (int i = 0; i < 30; i++) {
                trainer.step();
            }
            assertEquals(before, liveArrays(), "arrays alive after 30 more steps");
        }
    }

    static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager(ComputeDevice.get(), "PyTorch")) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    static List<float[]> weights(VelocityModel model) {
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : model.network().getParameters().values()) {
            NDArray array = parameter.getArray();
            values.add(array.toFloatArray());
        }
        return values;
    }

    private static void assertWeightsEqual(List<float[]> expected, List<float[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "parameter " + i);
        }
    }

    private static double distance(List<float[]> a, List<float[]> b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < a.get(i).length; j++) {
                sum += Math.abs(a.get(i)[j] - b.get(i)[j]);
            }
        }
        return sum;
    }
}
