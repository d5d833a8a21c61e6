package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.SyntheticGenerator;
import org.junit.jupiter.api.Test;

class TrainingBatchTest {
    private static final TrainingSet DATA = TrainingSet.prepare(new SyntheticGenerator(32).cases(5, 3, 2), 1, 16);

    private static TrainingSettings settings(float dropout, int batch) {
        return new TrainingSettings(10, batch, 1e-4f, 0.9f, 0.95f, 0.01f, 0.999f, dropout, true, 3);
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
        TrainingSet.Item item = DATA.item(0);
        for (int p = 0; p < item.majority().length; p++) {
            int marked = 0;
            for (float[] mask : item.masks()) {
                marked += mask[p] > 0 ? 1 : 0;
            }
            assertEquals(2 * marked >= item.masks().size() ? 1f : -1f, item.majority()[p]);
        }
    }
}
