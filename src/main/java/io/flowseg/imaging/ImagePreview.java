package io.flowseg.imaging;

/**
 * An image scaled down (never up) to fit a square of {@code maxSide} pixels, min-max normalised to
 * 8-bit greyscale: what a viewer needs to show a mask over the image, at a bounded size.
 *
 * @param width  preview width
 * @param height preview height
 * @param png    8-bit greyscale PNG
 */
public record ImagePreview(int width, int height, byte[] png) {

    public static ImagePreview of(Image image, int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("preview size must be positive, got " + maxSide);
        }
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.width(), image.height()));
        int width = Math.max(1, (int) Math.round(image.width() * scale));
        int height = Math.max(1, (int) Math.round(image.height() * scale));
        float[] plane = Resampler.bilinear(image.plane(0), image.width(), image.height(), width, height);
        return new ImagePreview(width, height, MapImages.imagePng(new Image(width, height, 1, plane)));
    }
}
