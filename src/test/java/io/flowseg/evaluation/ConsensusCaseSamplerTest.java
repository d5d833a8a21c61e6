package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.imaging.Image;
import io.flowseg.sampling.SamplingProgress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsensusCaseSamplerTest {

    @Test
    void everySampleIsTheAtLeastHalfVoteOfTheRaters() {
        List<boolean[]> raters = List.of(
                new boolean[] {true, true, false, false},
                new boolean[] {true, false, true, false},
                new boolean[] {true, true, false, false},
                new boolean[] {false, false, false, true});
        MultiRaterCase c = new MultiRaterCase("case", new Image(2, 2, 1, new float[4]), raters);
        List<CaseSamples> sampled = new ConsensusCaseSampler(3).sample(List.of(c), SamplingProgress.NONE);
        assertEquals(1, sampled.size());
        assertEquals(3, sampled.get(0).softSamples().length);
        for (float[] sample : sampled.get(0).softSamples()) {
            // pixel 0: 3 of 4, pixel 1: 2 of 4 (half counts), pixels 2 and 3: 1 of 4
            assertArrayEquals(new float[] {1f, 1f, 0f, 0f}, sample);
        }
        assertEquals(0, sampled.get(0).networkEvaluations());
    }
}
