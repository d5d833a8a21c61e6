package io.flowseg.imaging;

/**
 * Largest image accepted at intake. Checked before any pixel array is allocated or decoded, so an
 * oversized image costs no memory.
 *
 * @param maxWidth  largest accepted width in pixels
 * @param maxHeight largest accepted height in pixels
 */
public record ImageLimits(int maxWidth, int maxHeight) {

    /** 4096 x 4096, enough for common radiology and microscopy tiles. */
    public static final ImageLimits DEFAULT = new ImageLimits(4096, 4096);

    public ImageLimits {
        if (maxWidth <= 0 || maxHeight <= 0) {
            throw new IllegalArgumentException("limits must be positive, got " + maxWidth + "x" + maxHeight);
        }
    }

    /**
     * @param description what is being checked, e.g. "raw image" or "png image", for the message
     * @throws ImageRejectedException with {@link RejectionReason#IMAGE_TOO_LARGE}
     */
    void requireWithin(int width, int height, String description) {
        if (width > maxWidth || height > maxHeight) {
            throw new ImageRejectedException(RejectionReason.IMAGE_TOO_LARGE,
                    description + " of " + width + "x" + height + " exceeds the limit of " + maxWidth + "x" + maxHeight);
        }
    }
}
