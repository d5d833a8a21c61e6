package io.flowseg.engine;

import io.flowseg.imaging.Image;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.uncertainty.PixelSize;

/**
 * One image to segment.
 *
 * @param id study id; also the source of the seed when the settings carry none
 * @param image the decoded image at its original size
 * @param spacing pixel spacing, or null when unknown (no mm^2 figures then)
 * @param settings sampling settings
 * @param initialNoise explicit x(0) per sample at model resolution, or null to draw from the seed
 */
public record Study(String id, Image image, PixelSize spacing, SamplingSettings settings, float[][] initialNoise) {
}
