package io.flowseg.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes PNG and JPEG bytes into an {@link Image} with the sample values as stored: 8-bit images
 * give 0..255, 16-bit PNGs keep 0..65535. Grayscale gives one channel, colour three; alpha is
 * dropped. The size is read from the file header and checked against the {@link ImageLimits}
 * before any pixel is decoded.
 */
public final class EncodedImageDecoder {

    // ImageIO also reads GIF, BMP, TIFF and WBMP; accepting them would widen the attack surface for no use.
    private static final Set<String> ACCEPTED_FORMATS = Set.of("png", "jpeg");

    private final ImageLimits limits;

    public EncodedImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @throws ImageRejectedException with {@link RejectionReason#UNDECODABLE_IMAGE} or
     *                                {@link RejectionReason#IMAGE_TOO_LARGE}
     */
    public Image decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        // A memory cache avoids ImageIO's default temporary-file cache.
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = readerFor(input, bytes.length);
            try {
                reader.setInput(input, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                limits.requireWithin(reader.getWidth(0), reader.getHeight(0), format + " image");
                return toImage(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (ImageRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Decoders signal corrupt data with assorted runtime exceptions, not only IOException.
            String detail = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ImageRejectedException(RejectionReason.UNDECODABLE_IMAGE,
                    "cannot decode image of " + bytes.length + " bytes: " + detail, e);
        }
    }

    private static ImageReader readerFor(ImageInputStream input, int byteCount) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (ACCEPTED_FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return reader;
            }
        }
        throw new ImageRejectedException(RejectionReason.UNDECODABLE_IMAGE,
                byteCount + " bytes are not a PNG or JPEG image");
    }

    private static Image toImage(BufferedImage decoded) {
        ColorModel colorModel = decoded.getColorModel();
        if (colorModel instanceof IndexColorModel palette) {
            return fromPalette(decoded.getRaster(), palette);
        }
        return fromColourBands(decoded.getRaster(), colorModel.getNumColorComponents());
    }

    /** Colour bands come first in ImageIO's rasters and alpha, if any, last, so it is simply left out. */
    private static Image fromColourBands(Raster raster, int channels) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int planeSize = width * height;
        float[] pixels = new float[channels * planeSize];
        float[] plane = new float[planeSize];
        for (int channel = 0; channel < channels; channel++) {
            raster.getSamples(0, 0, width, height, channel, plane);
            System.arraycopy(plane, 0, pixels, channel * planeSize, planeSize);
        }
        return new Image(width, height, channels, pixels);
    }

    /** Palette PNGs (and low bit-depth grayscale ones) store indices; look up the colours they stand for. */
    private static Image fromPalette(Raster raster, IndexColorModel palette) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int planeSize = width * height;
        int channels = isGray(palette) ? 1 : 3;
        int[] indices = raster.getSamples(0, 0, width, height, 0, new int[planeSize]);
        float[] pixels = new float[channels * planeSize];
        for (int pixel = 0; pixel < planeSize; pixel++) {
            int index = indices[pixel];
            pixels[pixel] = palette.getRed(index);
            if (channels == 3) {
                pixels[planeSize + pixel] = palette.getGreen(index);
                pixels[2 * planeSize + pixel] = palette.getBlue(index);
            }
        }
        return new Image(width, height, channels, pixels);
    }

    private static boolean isGray(IndexColorModel palette) {
        for (int index = 0; index < palette.getMapSize(); index++) {
            int red = palette.getRed(index);
            if (red != palette.getGreen(index) || red != palette.getBlue(index)) {
                return false;
            }
        }
        return true;
    }
}
