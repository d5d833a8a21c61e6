package io.flowseg.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.imaging.FieldOfView;
import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageRejectedException;
import io.flowseg.imaging.RejectionReason;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingProgress;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.PixelSize;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationEngineTest {
    private static final int RESOLUTION = 8;

    /**
     * u = (target - x) / (1 - t) with target = +1.5 where the image is bright, -1.5 elsewhere:
     * Euler's last step lands on the target whatever the noise (to float rounding), and decoding
     * clamps it to exactly 1 or 0, so every sample agrees.
     */
    private static final class ConvergingField implements VelocityField {
        private final FieldOfView view;

        ConvergingField(FieldOfView view) {
            this.view = view;
        }

        @Override
        public FieldOfView view() {
            return view;
        }

        @Override
        public int imageChannels() {
            return 1;
        }

        @Override
        public int resolution() {
            return RESOLUTION;
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
            int pixels = RESOLUTION * RESOLUTION;
            float[] u = new float[x.length];
            for (int row = 0; row < batch; row++) {
                for (int p = 0; p < pixels; p++) {
                    float target = images[row * pixels + p] > 0.5f ? 1.5f : -1.5f;
                    u[row * pixels + p] = (target - x[row * pixels + p]) / (1f - t[row]);
                }
            }
            return u;
        }
    }

    /** A 24 x 16 image whose left half is bright. */
    private static Image halfBright() {
        int w = 24;
        int h = 16;
        float[] pixels = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 2; x++) {
                pixels[y * w + x] = 200;
            }
        }
        return new Image(w, h, 1, pixels);
    }

    private static Study study(String id, SamplingSettings settings) {
        return new Study(id, halfBright(), new PixelSize(0.5, 0.5), settings, null);
    }

    private final SegmentationEngine engine =
            new SegmentationEngine(new ConvergingField(FieldOfView.WHOLE), 32, UncertaintySettings.defaults());

    @Test
    void agreeingSamplesGiveZeroVarianceAndMapsAtOriginalSize() {
        StudyResult result = engine.segment(List.of(study("s1",
                new SamplingSettings(5, 0.3f, 4, OdeSolver.EULER, 7L))), SamplingProgress.NONE).get(0);

        assertEquals(24 * 16, result.meanMap().length);
        assertEquals(24 * 16, result.varianceMap().length);
        assertEquals(24 * 16, result.consensusMask().length);
        assertArrayEquals(new float[24 * 16], result.varianceMap(), 0f);
        assertEquals(0.0, result.summary().maxVariance());
        assertEquals(0.0, result.summary().sampleDiversity());
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                assertEquals(x < 12, result.consensusMask()[y * 24 + x], "consensus at " + x + "," + y);
            }
        }
        // Half of a 24 x 16 image at 0.25 mm^2 per pixel.
        assertEquals(192.0, result.summary().foregroundAreaPixels(), 1e-9);
        assertEquals(48.0, result.summary().foregroundAreaMm2(), 1e-9);
        assertEquals(7L, result.seed());
    }

    /** A model that sees the middle half of each side: its maps fill that window, its areas count that window's pixels. */
    @Test
    void aFieldOfViewMapsBackIntoItsWindow() {
        SegmentationEngine centre = new SegmentationEngine(new ConvergingField(new FieldOfView(0.5)), 32,
                UncertaintySettings.defaults());
        StudyResult result = centre.segment(List.of(study("s1",
                new SamplingSettings(3, 0.3f, 4, OdeSolver.EULER, 7L))), SamplingProgress.NONE).get(0);

        // The window of a 24 x 16 image is columns 6-17 and rows 4-11; the bright half ends at column 12.
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                boolean inside = x >= 6 && x < 18 && y >= 4 && y < 12;
                assertEquals(inside && x < 12, result.consensusMask()[y * 24 + x], "consensus at " + x + "," + y);
                if (!inside || x < 10 || x >= 14) { // bilinear blurs the bright edge's two pixels either side
                    float expected = inside && x < 12 ? 1f : 0f;
                    assertEquals(expected, result.meanMap()[y * 24 + x], 1e-6f, "mean at " + x + "," + y);
                    assertEquals(expected, result.sampleAtOriginalSize(0)[y * 24 + x], 1e-6f, "sample at " + x + "," + y);
                }
            }
        }
        assertEquals(48.0, result.summary().foregroundAreaPixels(), 1e-9);
        assertEquals(12.0, result.summary().foregroundAreaMm2(), 1e-9);
    }

    @Test
    void seedIsDerivedFromStudyIdWhenAbsent() {
        SamplingSettings noSeed = new SamplingSettings(2, 0f, 1, OdeSolver.EULER, null);
        List<StudyResult> results = engine.segment(List.of(study("a", noSeed), study("a", noSeed), study("b", noSeed)),
                SamplingProgress.NONE);
        assertEquals(results.get(0).seed(), results.get(1).seed());
        assertNotEquals(results.get(0).seed(), results.get(2).seed());
        assertTrue(results.get(0).seed() >= 0);
    }

    @Test
    void wrongChannelCountIsRejected() {
        Study rgb = new Study("rgb", new Image(4, 4, 3, new float[48]), null,
                new SamplingSettings(1, 0f, 1, OdeSolver.EULER, 1L), null);
        ImageRejectedException e = assertThrows(ImageRejectedException.class,
                () -> engine.segment(List.of(rgb), SamplingProgress.NONE));
        assertEquals(RejectionReason.UNSUPPORTED_CHANNELS, e.reason());
    }
}
