package io.flowseg.imaging;

import java.awt.image.BufferedImage;

/**
 * A mask drawn over a greyscale image for a viewer: inside pixels tinted red, the outline in solid
 * red. The mask may have another size than the image (a preview is scaled down); it is sampled at
 * the nearest pixel.
 */
public final class MaskOverlay {
    private static final int OUTLINE = 0xFF2828;
    private static final double TINT = 0.35;

    private MaskOverlay() {
    }

    public static BufferedImage draw(BufferedImage grey, BufferedImage mask) {
        int width = grey.getWidth();
        int height = grey.getHeight();
        boolean[] inside = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = Math.min(mask.getWidth() - 1, x * mask.getWidth() / width);
                int my = Math.min(mask.getHeight() - 1, y * mask.getHeight() / height);
                inside[y * width + x] = mask.getRaster().getSample(mx, my, 0) != 0;
            }
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int g = grey.getRaster().getSample(x, y, 0);
                int rgb = g << 16 | g << 8 | g;
                if (inside[y * width + x]) {
                    rgb = onOutline(inside, width, height, x, y) ? OUTLINE : tinted(g);
                }
                out.setRGB(x, y, rgb);
            }
        }
        return out;
    }

    private static int tinted(int grey) {
        int red = (int) Math.round(grey * (1 - TINT) + 255 * TINT);
        int other = (int) Math.round(grey * (1 - TINT));
        return red << 16 | other << 8 | other;
    }

    /** An inside pixel with a 4-neighbour outside (or on the image's edge). */
    private static boolean onOutline(boolean[] inside, int width, int height, int x, int y) {
        return x == 0 || y == 0 || x == width - 1 || y == height - 1 || !inside[y * width + x - 1]
                || !inside[y * width + x + 1] || !inside[(y - 1) * width + x] || !inside[(y + 1) * width + x];
    }
}
