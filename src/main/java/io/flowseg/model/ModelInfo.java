package io.flowseg.model;

import io.flowseg.imaging.FieldOfView;

/**
 * What a loaded velocity model is, for reports and for the sampler's input checks.
 *
 * @param name file name the model came from, or {@code untrained-<preset>}
 * @param format {@code flowseg} (a DJL UNet file) or {@code torchscript}
 * @param version the model's own version label
 * @param preset architecture preset ({@code custom} for bring-your-own models)
 * @param imageChannels channels of the conditioning image
 * @param resolution side of the square maps the model works on
 * @param parameters scalar parameter count
 * @param view the centred part of each image the maps cover
 */
public record ModelInfo(String name, String format, String version, String preset,
                        int imageChannels, int resolution, long parameters, FieldOfView view) {
}
