package io.flowseg.uncertainty;

/**
 * The image the study was acquired at. Maps are computed at model resolution, but areas are
 * reported for this image: a region covering a fraction f of the model pixels covers
 * {@code f * width * height} original pixels.
 *
 * @param width   original width in pixels, {@code > 0}
 * @param height  original height in pixels, {@code > 0}
 * @param spacing physical pixel size, or {@code null} when unknown (then no mm² figures are reported)
 */
public record OriginalImage(int width, int height, PixelSize spacing) {

    public OriginalImage {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "original image size must be positive, got " + width + "x" + height);
        }
    }

    /** An original image of known size whose physical pixel spacing is unknown. */
    public OriginalImage(int width, int height) {
        this(width, height, null);
    }

    /** Number of pixels of the original image; a long because width * height may overflow an int. */
    public long pixelCount() {
        return (long) width * height;
    }
}
