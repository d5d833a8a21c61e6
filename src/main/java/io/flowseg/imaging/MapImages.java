package io.flowseg.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes result planes (row-major, width x height) as PNG bytes: probability-like maps as 8-bit
 * grayscale, masks as black and white, uncertainty maps as viridis heat maps.
 */
public final class MapImages {

    /**
     * Largest variance that values in [0, 1] can have (half at 0, half at 1). Using it as the heat
     * map maximum puts every study on the same fixed colour scale, so heat maps stay comparable
     * instead of each being stretched to its own maximum.
     */
    public static final float MAX_VARIANCE = 0.25f;

    private static final int TOP_LEVEL = Viridis.LEVELS - 1;
    private static final int GRAY16_TOP = 65535;

    private MapImages() {
    }

    /** Values are clamped to [0, 1] and mapped to 0..255; NaN becomes black. */
    public static byte[] grayPng(float[] values, int width, int height) {
        Planes.requireSize(values.length, width, height);
        int[] levels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            levels[i] = level(values[i], 1f);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, levels);
        return png(image);
    }

    /**
     * Values on [0, {@code scale}] as a lossless 16-bit grayscale PNG, code = value / scale x 65535
     * (clamped; NaN becomes 0): the result events' map format, precise to 1.5e-5 of the scale.
     */
    public static byte[] gray16Png(float[] values, int width, int height, float scale) {
        Planes.requireSize(values.length, width, height);
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] > 0f ? Math.round(Math.min(values[i] / scale, 1f) * GRAY16_TOP) : 0;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
        image.getRaster().setSamples(0, 0, width, height, 0, codes);
        return png(image);
    }

    /** The image's first channel, min-max normalised, as 8-bit grayscale (a constant image is black). */
    public static byte[] imagePng(Image image) {
        float[] plane = Arrays.copyOf(image.pixels(), image.planeSize());
        PixelRange range = PixelRange.of(plane);
        return grayPng(range.isConstant() ? new float[plane.length] : range.normalise(plane), image.width(),
                image.height());
    }

    /** True pixels become white, false ones black; written as a 1-bit PNG. */
    public static byte[] maskPng(boolean[] mask, int width, int height) {
        Planes.requireSize(mask.length, width, height);
        int[] bits = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            bits[i] = mask[i] ? 1 : 0;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        image.getRaster().setSamples(0, 0, width, height, 0, bits);
        return png(image);
    }

    /**
     * Colours values on the viridis scale from 0 (dark purple) to {@code max} (yellow); values
     * outside are clamped and NaN gets the colour of 0. For variance maps pass
     * {@link #MAX_VARIANCE} so that colours mean the same in every study.
     */
    public static byte[] heatMapPng(float[] values, int width, int height, float max) {
        Planes.requireSize(values.length, width, height);
        if (!(max > 0f) || Float.isInfinite(max)) {
            throw new IllegalArgumentException("heat map maximum must be positive and finite, got " + max);
        }
        int[] rgb = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            rgb[i] = Viridis.rgb(level(values[i], max));
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return png(image);
    }

    /** Level 0..255 of a value on the scale [0, max], clamped; NaN maps to 0. */
    private static int level(float value, float max) {
        if (!(value > 0f)) {
            return 0;
        }
        return Math.round(Math.min(value / max, 1f) * TOP_LEVEL);
    }

    /** Encodes any image as PNG, in memory. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        // A memory cache avoids ImageIO's default temporary-file cache.
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(image);
        } catch (IOException e) {
            // Writing to memory does not fail with I/O errors; keep the signature free of them.
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
