package io.flowseg.imaging;

import static io.flowseg.imaging.TestSupport.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawImageDecoderTest {

    private final RawImageDecoder decoder = new RawImageDecoder(ImageLimits.DEFAULT);

    @Test
    void decodesUint8() {
        Image image = decoder.decode(new byte[] {0, 1, (byte) 128, (byte) 255}, 2, 2, 1, SampleType.UINT8);

        assertEquals(2, image.width());
        assertEquals(2, image.height());
        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {0, 1, 128, 255}, image.pixels());
    }

    @Test
    void decodesUint16LittleEndianAndUnsigned() {
        byte[] bytes = {0x34, 0x12, (byte) 0xFF, (byte) 0xFF};

        Image image = decoder.decode(bytes, 2, 1, 1, SampleType.UINT16);

        assertArrayEquals(new float[] {0x1234, 65535}, image.pixels());
    }

    @Test
    void decodesInt16NegativesLittleEndian() {
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, 0x00, (byte) 0x80, 0x34, 0x12};

        Image image = decoder.decode(bytes, 3, 1, 1, SampleType.INT16);

        assertArrayEquals(new float[] {-1, -32768, 0x1234}, image.pixels());
    }

    @Test
    void decodesFloat32LittleEndian() {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(1.5f).putFloat(-2.25e-3f);

        Image image = decoder.decode(bytes.array(), 1, 2, 1, SampleType.FLOAT32);

        assertArrayEquals(new float[] {1.5f, -2.25e-3f}, image.pixels());
    }

    @Test
    void convertsInterleavedChannelsToPlanar() {
        // 2x2 RGB, each pixel's samples next to each other: r g b | r g b ...
        byte[] interleaved = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

        Image image = decoder.decode(interleaved, 2, 2, 3, SampleType.UINT8);

        assertArrayEquals(new float[] {1, 4, 7, 10, 2, 5, 8, 11, 3, 6, 9, 12}, image.pixels());
        assertArrayEquals(new float[] {2, 5, 8, 11}, image.plane(1));
    }

    @Test
    void convertsInterleavedMultiByteChannelsToPlanar() {
        ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) -5).putShort((short) 300).putShort((short) 7).putShort((short) -300);

        Image image = decoder.decode(bytes.array(), 2, 1, 2, SampleType.INT16);

        assertArrayEquals(new float[] {-5, 7, 300, -300}, image.pixels());
    }

    @Test
    void rejectsByteLengthMismatchWithExplainingMessage() {
        ImageRejectedException rejection = assertRejected(RejectionReason.BYTE_LENGTH_MISMATCH,
                () -> decoder.decode(new byte[8000], 64, 64, 1, SampleType.UINT16));

        assertEquals("raw image of 64x64x1 uint16 needs 8192 bytes, got 8000", rejection.getMessage());
    }

    @Test
    void rejectsTooManyBytes() {
        assertRejected(RejectionReason.BYTE_LENGTH_MISMATCH,
                () -> decoder.decode(new byte[17], 2, 2, 1, SampleType.FLOAT32));
    }

    @ParameterizedTest
    @CsvSource({"0, 5, 1", "5, 0, 1", "5, 5, 0", "-1, 5, 1", "5, -3, 1", "5, 5, -2"})
    void rejectsZeroOrNegativeDimensions(int width, int height, int channels) {
        assertRejected(RejectionReason.INVALID_DIMENSIONS,
                () -> decoder.decode(new byte[0], width, height, channels, SampleType.UINT8));
    }

    @ParameterizedTest
    @CsvSource({"5000, 10", "10, 5000", "4097, 4096"})
    void rejectsOversizedImageBeforeCheckingItsBytes(int width, int height) {
        // The buffer is far too short: a size check after the length check would report a mismatch.
        ImageRejectedException rejection = assertRejected(RejectionReason.IMAGE_TOO_LARGE,
                () -> decoder.decode(new byte[10], width, height, 1, SampleType.UINT8));

        assertEquals("raw image of " + width + "x" + height + " exceeds the limit of 4096x4096",
                rejection.getMessage());
    }

    @Test
    void acceptsImageExactlyAtTheLimit() {
        RawImageDecoder small = new RawImageDecoder(new ImageLimits(3, 2));

        assertEquals(6, small.decode(new byte[6], 3, 2, 1, SampleType.UINT8).pixels().length);
        assertRejected(RejectionReason.IMAGE_TOO_LARGE, () -> small.decode(new byte[8], 4, 2, 1, SampleType.UINT8));
    }
}
