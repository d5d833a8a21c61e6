package io.flowseg.evaluation;

import static io.flowseg.evaluation.EmptyPairConvention.SCORE_ONE;
import static io.flowseg.evaluation.EmptyPairConvention.SKIP;
import static io.flowseg.evaluation.Masks.masks;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DiceScoresTest {

    @Test
    void maxDicePerRaterAveraged() {
        boolean[][] samples = masks("1100", "0011");
        boolean[][] raters = masks("1000", "0111");
        // rater 1000: vs 1100 -> 2*1/(1+2) = 2/3; vs 0011 -> 0      -> best 2/3
        // rater 0111: vs 1100 -> 2*1/(3+2) = 2/5; vs 0011 -> 2*2/5 = 4/5 -> best 4/5
        // mean (2/3 + 4/5)/2 = 11/15
        assertEquals(11.0 / 15, DiceScores.maxDice(samples, raters, SCORE_ONE), 1e-12);
    }

    @Test
    void maxDiceConventionWithEmptyRater() {
        boolean[][] samples = masks("1100", "0000");
        boolean[][] raters = masks("1100", "0000");
        // rater 1100: best 1 (itself). rater 0000: vs 1100 -> 0, vs 0000 -> empty-empty
        // SCORE_ONE: best 1 -> mean 1.  SKIP: best over the remaining pair = 0 -> mean 1/2
        assertEquals(1.0, DiceScores.maxDice(samples, raters, SCORE_ONE), 1e-12);
        assertEquals(0.5, DiceScores.maxDice(samples, raters, SKIP), 1e-12);
    }

    @Test
    void paperDiceThresholdsMeansAtHalf() {
        float[][] soft = {{0.9f, 0.6f, 0.4f, 0.1f}, {0.7f, 0.5f, 0.2f, 0.0f}};
        // sample mean: 0.8, 0.55, 0.3, 0.05 -> 1100
        boolean[][] raters = masks("1010", "1000", "0110");
        // rater frequency: 2/3, 1/3, 2/3, 0 -> 1010
        // Dice(1100, 1010) = 2*1/(2+2) = 1/2
        assertEquals(0.5, DiceScores.paperDice(CaseMasks.fromSoftSamples(soft, raters), SCORE_ONE), 1e-12);
    }

    @Test
    void paperDiceHalfOfRatersCounts() {
        float[][] soft = {{0.9f, 0.6f, 0.4f, 0.1f}, {0.7f, 0.5f, 0.2f, 0.0f}};
        // rater frequency 1, 1/2, 0, 0 -> at least half -> 1100; sample mean -> 1100; Dice 1
        boolean[][] raters = masks("1100", "1000");
        assertEquals(1.0, DiceScores.paperDice(CaseMasks.fromSoftSamples(soft, raters), SCORE_ONE), 1e-12);
    }

    @Test
    void foundWhenTheConsensusTouchesAnyRatersMarkMissedWhenNotAndUndefinedWithoutMarks() {
        float[][] soft = {{0.9f, 0.6f, 0.4f, 0.1f}, {0.7f, 0.5f, 0.2f, 0.0f}};
        // consensus 1100; one rater of three marks pixel 1 only: found
        assertEquals(1.0, DiceScores.found(CaseMasks.fromSoftSamples(soft, masks("0100", "0000", "0000"))));
        // the marks lie where the consensus is empty: missed
        assertEquals(0.0, DiceScores.found(CaseMasks.fromSoftSamples(soft, masks("0011", "0010"))));
        assertEquals(Double.NaN, DiceScores.found(CaseMasks.fromSoftSamples(soft, masks("0000", "0000"))));
    }
}
