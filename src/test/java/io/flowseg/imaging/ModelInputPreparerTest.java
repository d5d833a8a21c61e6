package io.flowseg.imaging;

import static io.flowseg.imaging.TestSupport.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelInputPreparerTest {

    @Test
    void normalisesToUnitRangeWhenSizeMatches() {
        Image image = new Image(2, 2, 1, new float[] {10, 20, 30, 50});

        float[] prepared = new ModelInputPreparer(1, 2).prepare(image);

        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 1}, prepared, 1e-6f);
    }

    @Test
    void normalisesAllChannelsWithOneRange() {
        Image image = new Image(2, 2, 2, new float[] {0, 10, 0, 10, 20, 40, 20, 40});

        float[] prepared = new ModelInputPreparer(2, 2).prepare(image);

        assertArrayEquals(new float[] {0, 0.25f, 0, 0.25f, 0.5f, 1, 0.5f, 1}, prepared, 1e-6f);
    }

    @Test
    void normalisesNegativeValues() {
        Image image = new Image(2, 1, 1, new float[] {-1000, 3000});

        float[] prepared = new ModelInputPreparer(1, 1).prepare(image);

        // 2 -> 1 samples source x = 0.5: the midpoint.
        assertArrayEquals(new float[] {0.5f}, prepared, 1e-6f);
    }

    @Test
    void resizesEveryChannelBilinearlyToTheModelResolution() {
        Image image = new Image(2, 2, 2, new float[] {0, 1, 2, 3, 3, 2, 1, 0});

        float[] prepared = new ModelInputPreparer(2, 4).prepare(image);

        assertEquals(2 * 4 * 4, prepared.length);
        float third = 1f / 3;
        assertArrayEquals(new float[] {0, 0.25f * third, 0.75f * third, third},
                Arrays.copyOfRange(prepared, 0, 4), 1e-6f);
        assertArrayEquals(new float[] {1, 1 - 0.25f * third, 1 - 0.75f * third, 1 - third},
                Arrays.copyOfRange(prepared, 16, 20), 1e-6f);
    }

    @Test
    void rejectsImageWithChannelCountOtherThanTheModels() {
        Image rgb = new Image(2, 2, 3, new float[12]);

        ImageRejectedException rejection =
                assertRejected(RejectionReason.UNSUPPORTED_CHANNELS, () -> new ModelInputPreparer(1, 8).prepare(rgb));

        assertEquals("image has 3 channels, the model expects 1", rejection.getMessage());
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void rejectsNonFinitePixels(float bad) {
        Image image = new Image(2, 2, 1, new float[] {0, 1, bad, 3});

        assertRejected(RejectionReason.NON_FINITE_PIXELS, () -> new ModelInputPreparer(1, 8).prepare(image));
    }

    @Test
    void rejectsConstantImage() {
        Image image = new Image(3, 3, 1, new float[] {7, 7, 7, 7, 7, 7, 7, 7, 7});

        assertRejected(RejectionReason.CONSTANT_IMAGE, () -> new ModelInputPreparer(1, 8).prepare(image));
    }

    @Test
    void rejectsNonFiniteFloat32RawInputEndToEnd() {
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1f).putFloat(Float.NaN).array();
        Image image = new RawImageDecoder(ImageLimits.DEFAULT).decode(bytes, 2, 1, 1, SampleType.FLOAT32);

        assertRejected(RejectionReason.NON_FINITE_PIXELS, () -> new ModelInputPreparer(1, 4).prepare(image));
    }
}
