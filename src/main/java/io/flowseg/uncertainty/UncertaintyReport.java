package io.flowseg.uncertainty;

/**
 * Pixel maps and figures describing the uncertainty of one study. All maps are at model
 * resolution, row-major, of length {@code width * height}. The arrays are created for this report
 * and handed out without copying, so callers should treat them as read-only.
 *
 * @param width         map width (model resolution)
 * @param height        map height (model resolution)
 * @param meanMap       per-pixel mean of the samples, in [0, 1]
 * @param varianceMap   per-pixel population variance of the samples (divided by M), in [0, 0.25]
 * @param consensusMask 1 where strictly more than half of the samples are foreground, else 0
 * @param summary       image-wide figures
 */
public record UncertaintyReport(
        int width,
        int height,
        float[] meanMap,
        float[] varianceMap,
        float[] consensusMask,
        UncertaintySummary summary) {
}
