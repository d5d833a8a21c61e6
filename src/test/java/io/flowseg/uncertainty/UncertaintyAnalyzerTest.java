package io.flowseg.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UncertaintyAnalyzerTest {

    private static final double EPS = 1e-12;

    private final UncertaintyAnalyzer analyzer = new UncertaintyAnalyzer(UncertaintySettings.defaults());

    @Test
    void threeDisagreeingSamplesGiveHandComputedFigures() {
        // 2x2 image, pixels 0..3 row-major, M = 3:
        //   A = [1, 1, 0, 0], B = [1, 0, 0, 0], C = [1, 0, 1, 0]
        float[][] samples = {
                {1, 1, 0, 0},
                {1, 0, 0, 0},
                {1, 0, 1, 0},
        };
        // Original 4x4 = 16 pixels of 0.5 mm x 0.5 mm = 0.25 mm² each; one model pixel = 4 original pixels.
        OriginalImage original = new OriginalImage(4, 4, new PixelSize(0.5, 0.5));

        UncertaintyReport report = analyzer.analyse(samples, 2, 2, original);
        UncertaintySummary s = report.summary();

        // Means: {1,1,1} -> 1, {1,0,0} -> 1/3, {0,0,1} -> 1/3, {0,0,0} -> 0.
        assertArrayEquals(new float[] {1f, 1f / 3, 1f / 3, 0f}, report.meanMap(), 1e-7f);
        // Population variance of a 0/1 pixel with mean p is p(1-p): 0, 2/9, 2/9, 0.
        assertArrayEquals(new float[] {0f, 2f / 9, 2f / 9, 0f}, report.varianceMap(), 1e-7f);
        // Foreground votes 3, 1, 1, 0 of 3: only pixel 0 has a strict majority.
        assertArrayEquals(new float[] {1, 0, 0, 0}, report.consensusMask());
        assertEquals(2, report.width());
        assertEquals(2, report.height());

        assertEquals(3, s.samples());
        assertEquals((2.0 / 9 + 2.0 / 9) / 4, s.meanVariance(), EPS); // 1/9
        assertEquals(2.0 / 9, s.maxVariance(), EPS);
        // Any-foreground region = pixels 0, 1, 2: (0 + 2/9 + 2/9) / 3 = 4/27.
        assertEquals(4.0 / 27, s.meanVarianceForeground(), EPS);
        assertEquals(2.0 / 9, s.maxVarianceForeground(), EPS);
        // Sorted variances [0, 0, 2/9, 2/9]; position 0.95 * 3 = 2.85 lies between two 2/9 values.
        assertEquals(2.0 / 9, s.p95Variance(), EPS);
        // 2/9 > 0.05 at pixels 1 and 2: half the image, i.e. 8 of the 16 original pixels.
        assertEquals(0.5, s.uncertainAreaFraction(), EPS);
        assertEquals(8.0, s.uncertainAreaPixels(), EPS);
        // Consensus covers 1 of 4 model pixels = 4 original pixels = 4 * 0.25 mm² = 1 mm².
        assertEquals(4.0, s.foregroundAreaPixels(), EPS);
        assertEquals(1.0, s.foregroundAreaMm2(), EPS);
        // Any-foreground covers 3 of 4 model pixels = 12 original pixels.
        assertEquals(12.0, s.anyForegroundAreaPixels(), EPS);
        // Masks A = {0,1}, B = {0}, C = {0,2}:
        //   A-B: IoU 1/2 -> 1/2;  A-C: IoU 1/3 -> 2/3;  B-C: IoU 1/2 -> 1/2;  mean (1/2 + 2/3 + 1/2) / 3 = 5/9.
        assertEquals(5.0 / 9, s.sampleDiversity(), EPS);
        // H(1) = H(0) = 0, H(1/3) = log2(3) - 2/3 at pixels 1 and 2; mean over 4 pixels.
        assertEquals(2 * (Math.log(3) / Math.log(2) - 2.0 / 3) / 4, s.meanEntropy(), EPS);
    }

    @Test
    void agreeingSamplesHaveNoVarianceNoDiversityAndNoUncertainArea() {
        // Three identical samples with non-binary values: every pixel variance is exactly 0.
        float[] sample = {0.7f, 0.2f, 0.5f, 0.9f};
        float[][] samples = {sample.clone(), sample.clone(), sample.clone()};

        UncertaintyReport report = analyzer.analyse(samples, 2, 2);
        UncertaintySummary s = report.summary();

        assertArrayEquals(new float[4], report.varianceMap());
        assertArrayEquals(sample, report.meanMap());
        // 0.7, 0.5 and 0.9 are >= 0.5 in all three samples.
        assertArrayEquals(new float[] {1, 0, 1, 1}, report.consensusMask());
        assertEquals(0.0, s.meanVariance());
        assertEquals(0.0, s.maxVariance());
        assertEquals(0.0, s.meanVarianceForeground());
        assertEquals(0.0, s.maxVarianceForeground());
        assertEquals(0.0, s.p95Variance());
        assertEquals(0.0, s.uncertainAreaFraction());
        assertEquals(0.0, s.uncertainAreaPixels());
        assertEquals(0.0, s.sampleDiversity());
    }

    @Test
    void variancesAreDividedBySampleCount() {
        // 1x1 image, samples {0, 1}: mean 0.5, population variance ((0.5)² + (0.5)²) / 2 = 0.25.
        UncertaintyReport report = analyzer.analyse(new float[][] {{0}, {1}}, 1, 1);

        assertArrayEquals(new float[] {0.5f}, report.meanMap());
        assertArrayEquals(new float[] {0.25f}, report.varianceMap());
        assertEquals(0.25, report.summary().maxVariance());
    }

    @Test
    void p95InterpolatesBetweenOrderStatistics() {
        // Pairs with differences d = 0, 0.25, 0.5, 1 have variance d²/4 = 0, 1/64, 1/16, 1/4.
        float[][] samples = {
                {0, 0, 0, 0},
                {0, 0.25f, 0.5f, 1},
        };
        UncertaintySummary s = analyzer.analyse(samples, 2, 2).summary();

        // Position 0.95 * (4 - 1) = 2.85: 1/16 + 0.85 * (1/4 - 1/16) = 0.0625 + 0.159375 = 0.221875.
        assertEquals(0.221875, s.p95Variance(), EPS);
        assertEquals(0.25, s.maxVariance(), EPS);
        // (0 + 1/64 + 1/16 + 1/4) / 4 = (21/64) / 4 = 21/256.
        assertEquals(21.0 / 256, s.meanVariance(), EPS);
    }

    @Test
    void uncertainPixelsMustBeStrictlyAboveTheLevel() {
        // Per-pixel variances: {0,1} -> 0.25, {0,0.5} -> 0.0625, {0,0} -> 0, {0.25,0.75} -> 0.0625.
        float[][] samples = {
                {0, 0, 0, 0.25f},
                {1, 0.5f, 0, 0.75f},
        };
        UncertaintyAnalyzer atLevel = new UncertaintyAnalyzer(new UncertaintySettings(0.0625, 0.5));

        UncertaintySummary s = atLevel.analyse(samples, 2, 2).summary();

        // Only the 0.25 pixel is above 0.0625; the two pixels equal to the level do not count.
        assertEquals(0.25, s.uncertainAreaFraction(), EPS);
        assertEquals(1.0, s.uncertainAreaPixels(), EPS);
    }

    @Test
    void emptyForegroundRegionGivesZeroForegroundFigures() {
        // No value reaches 0.5, yet pixels vary: {0.1, 0.3} has variance 0.01.
        float[][] samples = {
                {0.1f, 0.1f, 0.1f, 0.1f},
                {0.3f, 0.3f, 0.3f, 0.3f},
        };
        OriginalImage original = new OriginalImage(2, 2, new PixelSize(1, 1));

        UncertaintySummary s = analyzer.analyse(samples, 2, 2, original).summary();

        assertEquals(0.01, s.maxVariance(), 1e-7);
        assertEquals(0.0, s.meanVarianceForeground());
        assertEquals(0.0, s.maxVarianceForeground());
        assertEquals(0.0, s.foregroundAreaPixels());
        assertEquals(0.0, s.foregroundAreaMm2());
        assertEquals(0.0, s.anyForegroundAreaPixels());
        // Both masks are empty, and two empty masks count as identical.
        assertEquals(0.0, s.sampleDiversity());
    }

    @Test
    void exactTieIsNotConsensusForeground() {
        // M = 4 with 4, 3, 2 and 1 foreground votes: strictly more than 2 are needed.
        float[][] samples = {
                {1, 1, 1, 1},
                {1, 1, 1, 0},
                {1, 1, 0, 0},
                {1, 0, 0, 0},
        };
        assertArrayEquals(new float[] {1, 1, 0, 0}, analyzer.analyse(samples, 4, 1).consensusMask());

        // M = 2, one vote each way: a tie, hence background.
        assertArrayEquals(new float[] {0}, analyzer.analyse(new float[][] {{1}, {0}}, 1, 1).consensusMask());
    }

    @Test
    void valueEqualToThresholdIsForeground() {
        // 0.5 >= 0.5 counts as foreground; the float just below 0.5 does not.
        float[][] samples = {{0.5f, Math.nextDown(0.5f)}};

        UncertaintyReport report = analyzer.analyse(samples, 2, 1);

        assertArrayEquals(new float[] {1, 0}, report.consensusMask());
        assertEquals(1.0, report.summary().anyForegroundAreaPixels());
    }

    @Test
    void areasAreScaledToTheOriginalImageAndToSquareMillimetres() {
        // 2x1 model map, consensus at pixel 0 only: half the model pixels.
        float[][] samples = {{1, 0}};
        // Original 300 x 200 = 60000 pixels -> 30000 pixels; spacing 0.8 x 0.5 = 0.4 mm² -> 12000 mm².
        OriginalImage withSpacing = new OriginalImage(300, 200, new PixelSize(0.8, 0.5));

        UncertaintySummary s = analyzer.analyse(samples, 2, 1, withSpacing).summary();

        assertEquals(30000.0, s.foregroundAreaPixels(), EPS);
        assertEquals(12000.0, s.foregroundAreaMm2(), 1e-9);
        assertEquals(30000.0, s.anyForegroundAreaPixels(), EPS);
    }

    @Test
    void squareMillimetresAreAbsentWithoutSpacing() {
        float[][] samples = {{1, 0}};

        UncertaintySummary sized = analyzer.analyse(samples, 2, 1, new OriginalImage(300, 200)).summary();
        UncertaintySummary modelSized = analyzer.analyse(samples, 2, 1).summary();

        assertEquals(30000.0, sized.foregroundAreaPixels(), EPS);
        assertNull(sized.foregroundAreaMm2());
        // Without an original image, areas are in model pixels: 1 of 2.
        assertEquals(1.0, modelSized.foregroundAreaPixels(), EPS);
        assertNull(modelSized.foregroundAreaMm2());
    }

    @Test
    void meanEntropyIsOneBitAtEvenOddsAndZeroWhereSamplesAgreeOnZeroOrOne() {
        // Mean map 0.5 everywhere -> 1 bit per pixel.
        UncertaintySummary even = analyzer.analyse(new float[][] {{0, 1}, {1, 0}}, 2, 1).summary();
        // Mean map {0, 1} -> 0 bits.
        UncertaintySummary certain = analyzer.analyse(new float[][] {{0, 1}, {0, 1}}, 2, 1).summary();

        assertEquals(1.0, even.meanEntropy(), EPS);
        assertEquals(0.0, certain.meanEntropy());
    }

    @Test
    void singleSampleHasNoVarianceAndNoDiversity() {
        UncertaintySummary s = analyzer.analyse(new float[][] {{1, 0, 0.6f, 0.2f}}, 2, 2).summary();

        assertEquals(1, s.samples());
        assertEquals(0.0, s.maxVariance());
        assertEquals(0.0, s.sampleDiversity());
    }
}
