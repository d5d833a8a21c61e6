package io.flowseg.wire;

import io.flowseg.events.EncodedMap;
import io.flowseg.imaging.MapImages;
import io.flowseg.imaging.MaskOverlay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Pictures for people from the maps of result events: the variance heat map, a mask over the image. */
public final class EncodedMaps {

    private EncodedMaps() {
    }

    /** A 16-bit variance map back to values, drawn on the viridis scale up to its scale (0.25). */
    public static byte[] heatMapPng(EncodedMap map) {
        BufferedImage png = read(map);
        int[] codes = png.getRaster().getSamples(0, 0, map.getWidth(), map.getHeight(), 0,
                new int[map.getWidth() * map.getHeight()]);
        float[] values = new float[codes.length];
        for (int i = 0; i < codes.length; i++) {
            values[i] = codes[i] / 65535f * map.getScale();
        }
        return MapImages.heatMapPng(values, map.getWidth(), map.getHeight(), map.getScale());
    }

    /** The consensus mask over the image preview, at the preview's size. */
    public static byte[] overlayPng(EncodedMap preview, EncodedMap mask) {
        return MapImages.png(MaskOverlay.draw(read(preview), read(mask)));
    }

    public static BufferedImage read(EncodedMap map) {
        return read(AvroBytes.copy(map.getData()));
    }

    public static BufferedImage read(byte[] file) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
            if (image == null) {
                throw new IOException("not an image file");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
