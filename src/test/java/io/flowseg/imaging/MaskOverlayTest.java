package io.flowseg.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class MaskOverlayTest {

    @Test
    void outlinesAndTintsTheMaskAtTheImagesSizeAndLeavesTheRestGrey() {
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                grey.getRaster().setSample(x, y, 0, 100);
            }
        }
        // A 4 x 4 mask, twice as coarse: its centre 2 x 2 covers the image's centre 4 x 4.
        BufferedImage mask = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 1; y < 3; y++) {
            for (int x = 1; x < 3; x++) {
                mask.getRaster().setSample(x, y, 0, 1);
            }
        }

        BufferedImage overlay = MaskOverlay.draw(grey, mask);

        assertEquals(8, overlay.getWidth());
        assertEquals(0x646464, overlay.getRGB(0, 0) & 0xFFFFFF, "outside: the grey as it was");
        assertEquals(0xFF2828, overlay.getRGB(2, 2) & 0xFFFFFF, "the mask's edge: solid red");
        int inside = overlay.getRGB(3, 3) & 0xFFFFFF;
        assertEquals(Math.round(100 * 0.65 + 255 * 0.35), inside >> 16, "inside: tinted red");
        assertEquals(Math.round(100 * 0.65), inside & 0xFF);
    }

    @Test
    void aPreviewIsScaledDownNeverUp() {
        Image image = new Image(40, 20, 1, new float[800]);
        image.pixels()[0] = 1;
        ImagePreview small = ImagePreview.of(image, 10);
        assertEquals(10, small.width());
        assertEquals(5, small.height());
        ImagePreview same = ImagePreview.of(image, 512);
        assertEquals(40, same.width());
        assertEquals(20, same.height());
    }
}
