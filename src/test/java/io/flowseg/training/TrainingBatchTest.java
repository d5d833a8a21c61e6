package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import org.junit.jupiter.api.Test;

class TrainingBatchTest {
    private static final TrainingSet DATA = TrainingSet.prepare(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(5, 3, 2), 1, 16, MaskTarget.BINARY);

    private static TrainingSettings settings(float dropout, int batch) {
        return new TrainingSettings(10, batch, 1e-4f, 0, 1f, 0.9f, 0.95f, 0.01f, 0.999f, dropout, Augmentation.DEFAULT,
                MaskTarget.BINARY, 3);
    }

    @Test
    void flowMatchingRowsLieOnTheStraightPathToARatersMask() {
        TrainingBatch batch = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0.5f, 64), 4);
        int plane = 16 * 16;
        for (int row = 0; row < batch.size(); row++) {
            float t = batch.time()[row];
            assertTrue(t >= 0 && t < 1);
            for (int p = 0; p < plane; p++) {
                // x_t + (1 - t) (S - x0) = S, a mask value in {-1, +1}
                float mask = batch.noisy()[row * plane + p] + (1 - t) * batch.target()[row * plane + p];
                assertEquals(1f, Math.abs(mask), 1e-4f);
            }
        }
    }

    @Test
    void conditionDropoutZeroesWholeRowsAtTheGivenRate() {
        TrainingBatch batch = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0.5f, 400), 0);
        int plane = 16 * 16;
        int dropped = 0;
        for (int row = 0; row < batch.size(); row++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += Math.abs(batch.image()[row * plane + p]);
            }
            dropped += sum == 0 ? 1 : 0;
        }
        assertTrue(dropped > 160 && dropped < 240, dropped + " of 400 rows dropped");
        TrainingBatch none = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0f, 50), 0);
        for (int row = 0; row < none.size(); row++) {
            double sum = 0;
            for (int p = 0; p < plane; p++) {
                sum += Math.abs(none.image()[row * plane + p]);
            }
            assertTrue(sum > 0, "row " + row + " lost its image without dropout");
        }
    }

    @Test
    void theBaselineLearnsTheMajorityVoteFromItsImageAlone() {
        TrainingBatch batch = TrainingBatch.draw(DATA, Objective.MAJORITY_VOTE, settings(0.5f, 32), 1);
        for (float value : batch.noisy()) {
            assertEquals(0f, value);
        }
        for (float t : batch.time()) {
            assertEquals(0f, t);
        }
        for (float value : batch.target()) {
            assertTrue(value == 0f || value == 1f);
        }
    }

    @Test
    void aStepsBatchDependsOnlyOnSeedAndStep() {
        TrainingBatch a = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0.5f, 8), 17);
        TrainingBatch b = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0.5f, 8), 17);
        TrainingBatch next = TrainingBatch.draw(DATA, Objective.FLOW_MATCHING, settings(0.5f, 8), 18);
        assertArrayEquals(a.noisy(), b.noisy());
        assertArrayEquals(a.image(), b.image());
        assertTrue(a.time()[0] != next.time()[0]);
    }

    @Test
    void theMajorityVoteCountsATieAsForeground() {
        boolean[] vote = new io.flowseg.dataset.MultiRaterCase("tie", new io.flowseg.imaging.Image(2, 2, 1, new float[4]),
                java.util.List.of(new boolean[] {true, true, false, false}, new boolean[] {true, false, true, false}))
                .majority();
        assertArrayEquals(new boolean[] {true, true, true, false}, vote);
    }

    @Test
    void softTargetsKeepTheMasksAreaAtTheModelsResolution() {
        TrainingSet soft = TrainingSet.prepare(new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(5, 3, 2), 1, 16, MaskTarget.SOFT);
        var cases = new SyntheticGenerator(32, SyntheticPreset.CLASSIC).cases(5, 3, 2);
        for (int k = 0; k < 3; k++) {
            int marked = 0;
            for (boolean pixel : cases.get(0).raterMasks().get(k)) {
                marked += pixel ? 1 : 0;
            }
            double coverage = 0;
            for (float value : soft.item(0).masks().get(k)) {
                assertTrue(value >= -1 && value <= 1);
                coverage += (value + 1) / 2;
            }
            // Each model pixel averages 2 x 2 source pixels: the area survives exactly.
            assertEquals(marked / 4.0, coverage, 1e-3);
        }
    }
}
