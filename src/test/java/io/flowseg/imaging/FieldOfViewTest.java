package io.flowseg.imaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The centred window a model sees: where it lies, and that both directions keep masks aligned. */
class FieldOfViewTest {

    @Test
    void theWindowIsCentred() {
        assertEquals(new FieldOfView.Window(48, 48, 32, 32), new FieldOfView(0.25).window(128, 128));
        assertEquals(new FieldOfView.Window(25, 10, 50, 20), new FieldOfView(0.5).window(100, 40));
        assertEquals(new FieldOfView.Window(0, 0, 128, 96), FieldOfView.WHOLE.window(128, 96));
        assertEquals(new FieldOfView.Window(1, 1, 1, 1), new FieldOfView(0.01).window(3, 3), "at least one pixel");
    }

    @Test
    void sharesOutsideTheImageAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FieldOfView(0));
        assertThrows(IllegalArgumentException.class, () -> new FieldOfView(1.5));
        assertThrows(IllegalArgumentException.class, () -> new FieldOfView(Double.NaN));
    }

    @Test
    void theWholeImageIsAPlainResize() {
        float[] plane = ramp(8, 8);
        assertArrayEquals(Resampler.toModel(plane, 8, 8, 4, 4), FieldOfView.WHOLE.toModel(plane, 8, 8, 4));
        float[] map = ramp(4, 4);
        assertArrayEquals(Resampler.bilinear(map, 4, 4, 8, 8), FieldOfView.WHOLE.toImage(map, 4, 8, 8));
        float[] same = ramp(4, 4);
        assertSame(same, FieldOfView.WHOLE.window(4, 4).cut(same, 4, 4), "no copy when the window is the image");
    }

    @Test
    void theModelSeesTheMiddleAtFullDetail() {
        float[] plane = ramp(128, 128);
        float[] model = new FieldOfView(0.25).toModel(plane, 128, 128, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                assertEquals(plane[(48 + y) * 128 + 48 + x], model[y * 32 + x], "pixel " + x + "," + y);
            }
        }
    }

    /** A mask inside the window goes to the model and back unchanged, and nothing appears outside it. */
    @Test
    void aMaskInsideTheWindowRoundTrips() {
        boolean[] mask = new boolean[128 * 128];
        float[] plane = new float[mask.length];
        for (int y = 60; y < 70; y++) {
            for (int x = 55; x < 63; x++) {
                mask[y * 128 + x] = true;
                plane[y * 128 + x] = 1;
            }
        }
        FieldOfView view = new FieldOfView(0.25);
        float[] model = view.toModel(plane, 128, 128, 32);
        assertArrayEquals(plane, view.toImage(model, 32, 128, 128));
        boolean[] binary = new boolean[model.length];
        for (int p = 0; p < model.length; p++) {
            binary[p] = model[p] >= 0.5f;
        }
        assertArrayEquals(mask, view.toImage(binary, 32, 128, 128));
    }

    /** Shrunk as well as cut (a 64 px window to 16 px): a centred square keeps its centroid and area. */
    @Test
    void aCentredSquareKeepsItsCentroidAndArea() {
        float[] plane = new float[128 * 128];
        for (int y = 56; y < 72; y++) {
            for (int x = 56; x < 72; x++) {
                plane[y * 128 + x] = 1;
            }
        }
        FieldOfView view = new FieldOfView(0.5);
        float[] model = view.toModel(plane, 128, 128, 16);
        double sum = 0;
        double cx = 0;
        double cy = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                float v = model[y * 16 + x];
                sum += v;
                cx += v * (x + 0.5);
                cy += v * (y + 0.5);
            }
        }
        // The square covers 16 x 16 of 128 x 128 pixels, the window's 16 x 16 model pixels 4 x 4 each.
        assertEquals(16.0, sum, 1e-4, "area in model pixels");
        assertEquals(8.0, cx / sum, 1e-6, "centroid column: the window's centre");
        assertEquals(8.0, cy / sum, 1e-6, "centroid row");
        float[] back = view.toImage(model, 16, 128, 128);
        assertEquals(0f, back[10 * 128 + 10], "outside the window the model says nothing");
        assertEquals(1f, back[64 * 128 + 64], 1e-6);
    }

    private static float[] ramp(int width, int height) {
        float[] plane = new float[width * height];
        for (int p = 0; p < plane.length; p++) {
            plane[p] = p;
        }
        return plane;
    }
}
