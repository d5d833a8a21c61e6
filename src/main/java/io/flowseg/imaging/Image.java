package io.flowseg.imaging;

import java.util.Arrays;

/**
 * A decoded image with raw (not normalised) sample values in planar channel-major layout: sample
 * (c, y, x) is at {@code pixels[(c * height + y) * width + x]}.
 *
 * <p>The pixel array is shared, not copied, because images can be large; treat it as read-only.
 *
 * @param width    width in pixels, positive
 * @param height   height in pixels, positive
 * @param channels number of channels, positive
 * @param pixels   {@code channels * height * width} samples, CHW
 */
public record Image(int width, int height, int channels, float[] pixels) {

    public Image {
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new IllegalArgumentException(
                    "dimensions must be positive, got " + width + "x" + height + "x" + channels);
        }
        if (pixels.length != (long) width * height * channels) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels
                    + " samples for " + width + "x" + height + "x" + channels + ", got " + pixels.length);
        }
    }

    /** Number of pixels in one channel. */
    public int planeSize() {
        return width * height;
    }

    /** A copy of one channel's plane, row-major. */
    public float[] plane(int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channels);
        }
        int size = planeSize();
        return Arrays.copyOfRange(pixels, channel * size, (channel + 1) * size);
    }
}
