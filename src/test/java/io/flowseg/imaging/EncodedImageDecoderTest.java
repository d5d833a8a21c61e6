package io.flowseg.imaging;

import static io.flowseg.imaging.TestSupport.assertRejected;
import static io.flowseg.imaging.TestSupport.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodedImageDecoderTest {

    private final EncodedImageDecoder decoder = new EncodedImageDecoder(ImageLimits.DEFAULT);

    @Test
    void decodesEightBitGrayPng() {
        BufferedImage gray = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 2, 0, new int[] {0, 1, 2, 100, 254, 255});

        Image image = decoder.decode(encode(gray, "png"));

        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {0, 1, 2, 100, 254, 255}, image.pixels());
    }

    @Test
    void keepsSixteenBitRangeOfGrayPng() {
        BufferedImage gray = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        gray.getRaster().setSamples(0, 0, 2, 2, 0, new int[] {0, 1000, 40000, 65535});

        Image image = decoder.decode(encode(gray, "png"));

        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {0, 1000, 40000, 65535}, image.pixels());
    }

    @Test
    void decodesRgbPngToPlanarChannels() {
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x102030);
        rgb.setRGB(1, 0, 0xA0B0C0);

        Image image = decoder.decode(encode(rgb, "png"));

        assertEquals(3, image.channels());
        assertArrayEquals(new float[] {0x10, 0xA0, 0x20, 0xB0, 0x30, 0xC0}, image.pixels());
    }

    @Test
    void dropsAlphaOfRgbaPng() {
        BufferedImage rgba = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x80102030);
        rgba.setRGB(1, 0, 0xFFA0B0C0);

        Image image = decoder.decode(encode(rgba, "png"));

        assertEquals(3, image.channels());
        assertArrayEquals(new float[] {0x10, 0xA0, 0x20, 0xB0, 0x30, 0xC0}, image.pixels());
    }

    @Test
    void looksUpColoursOfPalettePng() {
        byte[] reds = {(byte) 200, 0};
        byte[] greens = {10, 0};
        byte[] blues = {20, (byte) 255};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 2, reds, greens, blues));
        indexed.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {1, 0});

        Image image = decoder.decode(encode(indexed, "png"));

        assertEquals(3, image.channels());
        assertArrayEquals(new float[] {0, 200, 0, 10, 255, 20}, image.pixels());
    }

    @Test
    void decodesOneBitPngAsSingleGrayChannel() {
        BufferedImage binary = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
        binary.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {1, 0, 1});

        Image image = decoder.decode(encode(binary, "png"));

        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {255, 0, 255}, image.pixels());
    }

    @Test
    void decodesGrayJpegApproximately() {
        BufferedImage gray = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                gray.getRaster().setSample(x, y, 0, 8 * x + 4 * y);
            }
        }

        Image image = decoder.decode(encode(gray, "jpeg"));

        assertEquals(16, image.width());
        assertEquals(16, image.height());
        assertEquals(1, image.channels());
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                // JPEG is lossy; a smooth gradient survives within a few grey levels.
                assertEquals(8 * x + 4 * y, image.pixels()[y * 16 + x], 6, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void decodesColourJpegToThreeChannels() {
        BufferedImage rgb = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                rgb.setRGB(x, y, 0xC83214);
            }
        }

        Image image = decoder.decode(encode(rgb, "jpeg"));

        assertEquals(3, image.channels());
        assertEquals(0xC8, image.plane(0)[27], 6);
        assertEquals(0x32, image.plane(1)[27], 6);
        assertEquals(0x14, image.plane(2)[27], 6);
    }

    @Test
    void rejectsGarbageBytes() {
        byte[] garbage = "this is not an image at all".getBytes(StandardCharsets.US_ASCII);

        assertRejected(RejectionReason.UNDECODABLE_IMAGE, () -> decoder.decode(garbage));
    }

    @Test
    void rejectsEmptyBytes() {
        assertRejected(RejectionReason.UNDECODABLE_IMAGE, () -> decoder.decode(new byte[0]));
    }

    @Test
    void rejectsTruncatedPng() {
        BufferedImage gray = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        byte[] png = encode(gray, "png");

        assertRejected(RejectionReason.UNDECODABLE_IMAGE, () -> decoder.decode(Arrays.copyOf(png, 40)));
    }

    @Test
    void rejectsFormatsOtherThanPngAndJpeg() {
        byte[] bmp = encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "bmp");

        assertRejected(RejectionReason.UNDECODABLE_IMAGE, () -> decoder.decode(bmp));
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void rejectsOversizedImage(String format) {
        byte[] wide = encode(new BufferedImage(5000, 10, BufferedImage.TYPE_BYTE_GRAY), format);

        ImageRejectedException rejection =
                assertRejected(RejectionReason.IMAGE_TOO_LARGE, () -> decoder.decode(wide));

        assertEquals(format + " image of 5000x10 exceeds the limit of 4096x4096", rejection.getMessage());
    }

    @Test
    void rejectsOversizedPngFromHeaderWithoutDecodingPixels() {
        // Header only, no pixel data: decoding the pixels would fail as undecodable.
        byte[] headerOnly = pngHeaderOnly(5000, 10);

        assertRejected(RejectionReason.IMAGE_TOO_LARGE, () -> decoder.decode(headerOnly));
        assertRejected(RejectionReason.UNDECODABLE_IMAGE,
                () -> new EncodedImageDecoder(new ImageLimits(8192, 8192)).decode(headerOnly));
    }

    @Test
    void undecodableMessageStatesTheByteCount() {
        ImageRejectedException rejection =
                assertRejected(RejectionReason.UNDECODABLE_IMAGE, () -> decoder.decode(new byte[] {1, 2, 3}));

        assertTrue(rejection.getMessage().contains("3 bytes"), rejection.getMessage());
    }

    /** A PNG signature, an IHDR chunk for an 8-bit gray image and IEND, without any IDAT. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        png.writeBytes(chunk("IEND", new byte[0]));
        return png.toByteArray();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue()).array();
    }
}
