package io.flowseg.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final float EXACT = 1e-6f;

    @Test
    void upscalesTwoByTwoLikePyTorchWithoutAlignedCorners() {
        float[] input = {0, 1, 2, 3};

        float[] resized = Resampler.bilinear(input, 2, 2, 4, 4);

        // Source coordinates per axis are (i + 0.5) / 2 - 0.5 clamped to [0, 1]: 0, 0.25, 0.75, 1.
        assertArrayEquals(new float[] {
            0.0f, 0.25f, 0.75f, 1.0f,
            0.5f, 0.75f, 1.25f, 1.5f,
            1.5f, 1.75f, 2.25f, 2.5f,
            2.0f, 2.25f, 2.75f, 3.0f}, resized, EXACT);
    }

    @Test
    void keepsPlaneWhenSizeIsUnchanged() {
        float[] input = new float[15];
        Random random = new Random(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat() * 1000 - 500;
        }

        assertArrayEquals(input, Resampler.bilinear(input, 5, 3, 5, 3), 0f);
    }

    @Test
    void downscalesWithoutAntialiasing() {
        // Width 4 -> 1 samples source x = 4 * 0.5 - 0.5 = 1.5, the mean of x=1 and x=2 only;
        // an area average would give 32.5.
        float[] resized = Resampler.bilinear(new float[] {0, 10, 20, 100}, 4, 1, 1, 1);

        assertArrayEquals(new float[] {15}, resized, EXACT);
    }

    @Test
    void handlesNonIntegerScaleAndClampsAtTheEdges() {
        // 3 -> 5: scale 0.6, source x = 0.6 * (i + 0.5) - 0.5 = -0.2 (clamped to 0), 0.4, 1.0, 1.6, 2.2 (clamped).
        float[] resized = Resampler.bilinear(new float[] {0, 10, 40}, 3, 1, 5, 1);

        assertArrayEquals(new float[] {0, 4, 10, 28, 40}, resized, 1e-5f);
    }

    @Test
    void resizesRowsAndColumnsIndependently() {
        // 1x2 column -> 3x4: constant along x, interpolated along y with source y = -0.25, 0.25, 0.75, 1.25.
        float[] resized = Resampler.bilinear(new float[] {0, 8}, 1, 2, 3, 4);

        assertArrayEquals(new float[] {0, 0, 0, 2, 2, 2, 6, 6, 6, 8, 8, 8}, resized, EXACT);
    }

    @Test
    void nearestUpscalesMaskIntoBlocks() {
        boolean[] mask = {true, false, false, true};

        boolean[] resized = Resampler.nearest(mask, 2, 2, 4, 4);

        assertArrayEquals(new boolean[] {
            true, true, false, false,
            true, true, false, false,
            false, false, true, true,
            false, false, true, true}, resized);
    }

    @Test
    void nearestDownscalePicksPixelsAtHalfPixelCentres() {
        // 3 -> 2: source index floor((i + 0.5) * 1.5) = 0 and 2.
        boolean[] mask = {
            true, false, false,
            false, false, false,
            false, false, true};

        boolean[] resized = Resampler.nearest(mask, 3, 3, 2, 2);

        assertArrayEquals(new boolean[] {true, false, false, true}, resized);
    }

    @Test
    void rejectsPlaneOfWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Resampler.bilinear(new float[5], 2, 2, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Resampler.nearest(new boolean[4], 2, 2, 0, 4));
    }

    @Test
    void areaMeanAveragesWholeBlocksAtAnIntegerFactor() {
        float[] input = {
            0, 1, 2, 3,
            4, 5, 6, 7,
            8, 9, 10, 11,
            12, 13, 14, 15};
        assertArrayEquals(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, Resampler.areaMean(input, 4, 4, 2, 2), EXACT);
    }

    @Test
    void aCentredSquareKeepsItsCentroidAndAreaOnTheWayToTheModel() {
        // 128 px, an 8 px square centred at 64: in model pixels 16 of them, centred at 32.
        assertCentroidAndArea(square(60), 32, 16);
        // Off the 2 x 2 grid by one pixel: the area mean still puts it at 65 / 2.
        assertCentroidAndArea(square(61), 32.5, 16);
    }

    @Test
    void nearestSamplingShiftsAMaskOffTheGrid() {
        float[] mask = square(61);
        boolean[] binary = new boolean[mask.length];
        for (int p = 0; p < mask.length; p++) {
            binary[p] = mask[p] > 0;
        }
        boolean[] nearest = Resampler.nearest(binary, 128, 128, 64, 64);
        float[] asFloat = new float[nearest.length];
        for (int p = 0; p < nearest.length; p++) {
            asFloat[p] = nearest[p] ? 1 : 0;
        }
        // Pixel 2i + 1 is taken: the square lands at 32, half a source pixel from where it is.
        assertEquals(32, centroidX(asFloat, 64), 1e-9);
    }

    private static float[] square(int from) {
        float[] mask = new float[128 * 128];
        for (int y = from; y < from + 8; y++) {
            for (int x = from; x < from + 8; x++) {
                mask[y * 128 + x] = 1;
            }
        }
        return mask;
    }

    private static void assertCentroidAndArea(float[] mask, double centre, double area) {
        float[] resized = Resampler.toModel(mask, 128, 128, 64, 64);
        double sum = 0;
        for (float v : resized) {
            sum += v;
        }
        assertEquals(area, sum, 1e-4);
        assertEquals(centre, centroidX(resized, 64), 1e-4);
        assertEquals(centre, centroidX(transpose(resized, 64), 64), 1e-4);
    }

    private static double centroidX(float[] plane, int size) {
        double weighted = 0;
        double sum = 0;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                weighted += plane[y * size + x] * (x + 0.5);
                sum += plane[y * size + x];
            }
        }
        return weighted / sum;
    }

    private static float[] transpose(float[] plane, int size) {
        float[] t = new float[plane.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                t[x * size + y] = plane[y * size + x];
            }
        }
        return t;
    }

    @Test
    void theModelPathGrowsBilinearly() {
        float[] input = {0, 1, 2, 3};
        assertArrayEquals(Resampler.bilinear(input, 2, 2, 4, 4), Resampler.toModel(input, 2, 2, 4, 4), 0f);
    }
}
