package io.flowseg.uncertainty;

/**
 * Thresholds used when turning segmentation samples into uncertainty figures.
 *
 * @param uncertainVarianceLevel a pixel counts as uncertain when its variance across samples is
 *                               strictly greater than this level; finite and {@code >= 0}
 * @param foregroundThreshold    a sample value counts as foreground when it is {@code >=} this
 *                               threshold; finite, within [0, 1]
 */
public record UncertaintySettings(double uncertainVarianceLevel, double foregroundThreshold) {

    /** Default variance above which a pixel is reported as uncertain. */
    public static final double DEFAULT_UNCERTAIN_VARIANCE_LEVEL = 0.05;

    /** Default binarisation threshold for the decoded sample values. */
    public static final double DEFAULT_FOREGROUND_THRESHOLD = 0.5;

    public UncertaintySettings {
        if (!(Double.isFinite(uncertainVarianceLevel) && uncertainVarianceLevel >= 0)) {
            throw new IllegalArgumentException(
                    "uncertainVarianceLevel must be finite and >= 0, got " + uncertainVarianceLevel);
        }
        if (!(foregroundThreshold >= 0 && foregroundThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "foregroundThreshold must lie within [0, 1], got " + foregroundThreshold);
        }
    }

    /** Settings with the default level (0.05) and threshold (0.5). */
    public static UncertaintySettings defaults() {
        return new UncertaintySettings(DEFAULT_UNCERTAIN_VARIANCE_LEVEL, DEFAULT_FOREGROUND_THRESHOLD);
    }
}
