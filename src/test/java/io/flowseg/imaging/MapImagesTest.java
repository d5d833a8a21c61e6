package io.flowseg.imaging;

import static io.flowseg.imaging.TestSupport.decodePng;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MapImagesTest {

    private static final int RGB_MASK = 0xFFFFFF;

    @Test
    void writesClampedGrayscalePng() {
        float[] values = {0, 0.5f, 1, 1.7f, -0.3f, Float.NaN};

        BufferedImage png = decodePng(MapImages.grayPng(values, 3, 2));

        assertEquals(3, png.getWidth());
        assertEquals(2, png.getHeight());
        assertEquals(1, png.getRaster().getNumBands());
        assertArrayEquals(new int[] {0, 128, 255, 255, 0, 0}, png.getRaster().getSamples(0, 0, 3, 2, 0, new int[6]));
    }

    @Test
    void writesMaskAsBlackAndWhite() {
        boolean[] mask = {true, false, false, true};

        BufferedImage png = decodePng(MapImages.maskPng(mask, 2, 2));

        assertEquals(0xFFFFFF, png.getRGB(0, 0) & RGB_MASK);
        assertEquals(0x000000, png.getRGB(1, 0) & RGB_MASK);
        assertEquals(0x000000, png.getRGB(0, 1) & RGB_MASK);
        assertEquals(0xFFFFFF, png.getRGB(1, 1) & RGB_MASK);
    }

    @Test
    void writtenMaskDecodesToOneChannelOfZeroAnd255() {
        byte[] png = MapImages.maskPng(new boolean[] {false, true, true}, 3, 1);

        Image image = new EncodedImageDecoder(ImageLimits.DEFAULT).decode(png);

        assertEquals(1, image.channels());
        assertArrayEquals(new float[] {0, 255, 255}, image.pixels());
    }

    @Test
    void heatMapSpansTheViridisTableFromZeroToTheMaximum() {
        float max = MapImages.MAX_VARIANCE;
        float[] values = {0, max, max / 2, 1, -1, Float.NaN};

        BufferedImage png = decodePng(MapImages.heatMapPng(values, 6, 1, max));

        int atZero = png.getRGB(0, 0) & RGB_MASK;
        int atMax = png.getRGB(1, 0) & RGB_MASK;
        assertNotEquals(atZero, atMax);
        assertEquals(Viridis.rgb(0), atZero);
        assertEquals(Viridis.rgb(255), atMax);
        assertEquals(Viridis.rgb(128), png.getRGB(2, 0) & RGB_MASK);
        assertEquals(atMax, png.getRGB(3, 0) & RGB_MASK, "above the maximum is clamped");
        assertEquals(atZero, png.getRGB(4, 0) & RGB_MASK, "below zero is clamped");
        assertEquals(atZero, png.getRGB(5, 0) & RGB_MASK, "NaN shows as zero");
    }

    @Test
    void imageShowsItsFirstChannelMinMaxNormalised() {
        // Two channels of 2 x 1: the first spans 50..150, the second is ignored.
        Image image = new Image(2, 1, 2, new float[] {50, 150, 0, 1000});

        BufferedImage png = decodePng(MapImages.imagePng(image));

        assertArrayEquals(new int[] {0, 255}, png.getRaster().getSamples(0, 0, 2, 1, 0, new int[2]));
        BufferedImage flat = decodePng(MapImages.imagePng(new Image(2, 1, 1, new float[] {7, 7})));
        assertArrayEquals(new int[] {0, 0}, flat.getRaster().getSamples(0, 0, 2, 1, 0, new int[2]));
    }

    @Test
    void viridisEndsAreDarkPurpleAndYellow() {
        assertEquals(0x440154, Viridis.rgb(0));
        assertEquals(0xFDE725, Viridis.rgb(Viridis.LEVELS - 1));
    }

    @Test
    void heatMapScaleIsFixedNotStretchedToTheData() {
        float[] lowVariance = {0, 0.025f};

        BufferedImage png = decodePng(MapImages.heatMapPng(lowVariance, 2, 1, MapImages.MAX_VARIANCE));

        // 0.025 is a tenth of the way to 0.25: level round(25.5) = 26, not the top of the scale.
        assertEquals(Viridis.rgb(26), png.getRGB(1, 0) & RGB_MASK);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> MapImages.heatMapPng(new float[4], 2, 2, 0f));
        assertThrows(IllegalArgumentException.class, () -> MapImages.heatMapPng(new float[4], 2, 2, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> MapImages.grayPng(new float[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> MapImages.maskPng(new boolean[0], 0, 0));
    }
}
