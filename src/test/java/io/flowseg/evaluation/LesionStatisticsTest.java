package io.flowseg.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.dataset.MultiRaterCase;
import io.flowseg.dataset.SyntheticGenerator;
import io.flowseg.dataset.SyntheticPreset;
import io.flowseg.imaging.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class LesionStatisticsTest {

    @Test
    void measuresEmptyRaterShareAreasOffsetAgreementAndContrast() {
        // Case a: two raters mark a 4x4 and a 4x2 square at the centre of an 8x8 image, two mark nothing.
        float[] pixels = new float[64];
        java.util.Arrays.fill(pixels, 51);
        boolean[] square = square(8, 2, 2, 4, 4);
        boolean[] half = square(8, 2, 2, 4, 2);
        for (int p = 0; p < 64; p++) {
            pixels[p] = square[p] ? 153 : 51;
        }
        MultiRaterCase a = new MultiRaterCase("a", new Image(8, 8, 1, pixels),
                List.of(square, half, new boolean[64], new boolean[64]));
        // Case b: one of three raters marks one pixel.
        MultiRaterCase b = new MultiRaterCase("b", new Image(8, 8, 1, new float[64]),
                List.of(square(8, 0, 0, 1, 1), new boolean[64], new boolean[64]));
        LesionStatistics figures = LesionStatistics.of(List.of(a, b));
        assertEquals(2, figures.cases());
        assertEquals(0.5, figures.mostRatersEmptyShare(), 1e-12, "only b has fewer than half its raters marking");
        // Areas in pixels of a 128 px image: 16, 8 and 1 pixels of an 8 px image, times 16^2.
        assertEquals(8 * 256, figures.areaMedian(), 1e-9);
        assertEquals(0.5, figures.pairwiseIoU(), 1e-12);
        // a's union is centred; b's single pixel (0.5, 0.5) lies 3.5 * sqrt(2) px of 8 from the centre.
        assertEquals((0 + 3.5 * Math.sqrt(2) * 16) / 2, figures.centreOffset(), 1e-9);
        assertEquals((0.2 + 0) / 2, figures.backgroundMean(), 1e-6, "backgrounds 0.2 and 0");
        assertEquals((0.4 + 0) / 2, figures.lesionContrast(), 1e-6, "median of contrasts 0.4 and 0");
    }

    @Test
    void theLidcPresetsCasesMatchTheLidcSampleFiguresItWasTunedTo() {
        LesionStatistics figures = LesionStatistics.of(new SyntheticGenerator(128, SyntheticPreset.LIDC).cases(120, 4, 1));
        // The LIDC sample's own figures, as `synth --compare` measures them (28 cases): 0.21, 19 / 102 / 284 px, 0.75.
        assertEquals(0.21, figures.mostRatersEmptyShare(), 0.08);
        assertTrue(figures.areaP10() > 10 && figures.areaP10() < 30, "p10 " + figures.areaP10());
        assertTrue(figures.areaMedian() > 60 && figures.areaMedian() < 140, "median " + figures.areaMedian());
        assertTrue(figures.areaP90() > 200 && figures.areaP90() < 400, "p90 " + figures.areaP90());
        assertEquals(0.75, figures.pairwiseIoU(), 0.06);
        assertTrue(figures.centreOffset() < 3, "offset " + figures.centreOffset());
    }

    private static boolean[] square(int width, int column, int row, int columns, int rows) {
        boolean[] mask = new boolean[width * width];
        for (int r = row; r < row + rows; r++) {
            for (int c = column; c < column + columns; c++) {
                mask[r * width + c] = true;
            }
        }
        return mask;
    }
}
