package io.flowseg.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int SIZE = 8;

    /** Every pixel a distinct value, so where each one went can be read back. */
    private static float[] numbered(int channels) {
        float[] planes = new float[channels * SIZE * SIZE];
        for (int p = 0; p < planes.length; p++) {
            planes[p] = p;
        }
        return planes;
    }

    @Test
    void theSameDrawMovesTheImageAndEveryMaskAlike() {
        Augmentation augmentation = new Augmentation(true, 2, 0, 0.3f, 0.3f, 0.05f);
        SplittableRandom random = new SplittableRandom(3);
        float[] image = numbered(1);
        float[] mask = new float[image.length];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = image[p] % 3 == 0 ? 1f : -1f; // a mask that is a function of the image's pixel
        }
        for (int i = 0; i < 50; i++) {
            Augmentation.Draw draw = augmentation.draw(random);
            float[] movedImage = draw.geometric(image, SIZE, 1);
            float[] movedMask = draw.geometric(mask, SIZE, 1);
            for (int p = 0; p < mask.length; p++) {
                assertEquals(movedImage[p] % 3 == 0 ? 1f : -1f, movedMask[p], "draw " + draw + " pixel " + p);
            }
        }
    }

    @Test
    void theEightSymmetriesAreDistinctPermutations() {
        float[] image = numbered(1);
        Set<String> seen = new HashSet<>();
        for (int symmetry = 0; symmetry < 8; symmetry++) {
            float[] moved = new Augmentation.Draw(symmetry, 0, 0, 1, 1, 1, 0, 0).geometric(image, SIZE, 1);
            float[] sorted = moved.clone();
            Arrays.sort(sorted);
            assertArrayEquals(image, sorted, 0f, "symmetry " + symmetry + " must only move pixels");
            seen.add(Arrays.toString(moved));
        }
        assertEquals(8, seen.size());
    }

    @Test
    void channelsMoveTogether() {
        float[] planes = numbered(2);
        float[] moved = new Augmentation.Draw(5, 1, -1, 1, 1, 1, 0, 0).geometric(planes, SIZE, 2);
        int plane = SIZE * SIZE;
        for (int p = 0; p < plane; p++) {
            assertEquals(moved[p] + plane, moved[plane + p]);
        }
    }

    @Test
    void intensityJitterStaysInRangeAndNoneLeavesTheImageAlone() {
        float[] image = new float[SIZE * SIZE];
        for (int p = 0; p < image.length; p++) {
            image[p] = p / (float) (image.length - 1);
        }
        Augmentation.Draw draw = new Augmentation(false, 0, 0, 0.5f, 0.5f, 0.1f).draw(new SplittableRandom(1));
        float[] jittered = draw.intensity(image);
        assertTrue(!Arrays.equals(image, jittered));
        for (float v : jittered) {
            assertTrue(v >= 0 && v <= 1, "value " + v);
        }
        Augmentation.Draw none = Augmentation.NONE.draw(new SplittableRandom(1));
        assertSame(image, none.intensity(image));
        assertSame(image, none.geometric(image, SIZE, 1));
    }

    @Test
    void aZoomMovesTheImageAndEveryMaskAlike() {
        // Interpolation is linear, so a mask that is a linear function of the image stays one.
        Augmentation augmentation = new Augmentation(true, 2, 0.4f, 0, 0, 0);
        SplittableRandom random = new SplittableRandom(5);
        float[] image = numbered(1);
        float[] mask = new float[image.length];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = image[p] / (image.length - 1) * 2 - 1;
        }
        int zoomed = 0;
        for (int i = 0; i < 50; i++) {
            Augmentation.Draw draw = augmentation.draw(random);
            zoomed += draw.zoom() != 1f ? 1 : 0;
            float[] movedImage = draw.geometric(image, SIZE, 1);
            float[] movedMask = draw.geometric(mask, SIZE, 1);
            for (int p = 0; p < mask.length; p++) {
                assertEquals(movedImage[p] / (image.length - 1) * 2 - 1, movedMask[p], 1e-5f, "draw " + draw);
            }
        }
        assertEquals(50, zoomed);
    }

    @Test
    void aZoomKeepsACentredSquaresCentroidAndScalesItsArea() {
        int size = 32;
        float[] square = new float[size * size];
        for (int y = 12; y < 20; y++) {
            for (int x = 12; x < 20; x++) {
                square[y * size + x] = 1f;
            }
        }
        for (float zoom : new float[] {0.7f, 1.3f}) {
            for (int symmetry : new int[] {0, 3, 6}) {
                float[] moved = new Augmentation.Draw(symmetry, 0, 0, zoom, 1, 1, 0, 0).geometric(square, size, 1);
                double mass = 0;
                double cx = 0;
                double cy = 0;
                for (int p = 0; p < moved.length; p++) {
                    mass += moved[p];
                    cx += moved[p] * (p % size);
                    cy += moved[p] * (p / size);
                }
                assertEquals(15.5, cx / mass, 1e-4, "column centroid at zoom " + zoom);
                assertEquals(15.5, cy / mass, 1e-4, "row centroid at zoom " + zoom);
                assertEquals(64 * zoom * zoom, mass, 64 * zoom * zoom * 0.1, "area at zoom " + zoom);
            }
        }
    }
}
