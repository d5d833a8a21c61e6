package io.flowseg.imaging;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns an {@link Image} into the model's input: checks the channel count, min-max normalises
 * the whole image to [0, 1], cuts every channel to the model's {@link FieldOfView} and resizes it
 * to resolution x resolution by {@link Resampler#toModel} (the geometry training resamples its
 * rater masks by).
 */
public final class ModelInputPreparer {

    private final int channels;
    private final int resolution;
    private final FieldOfView view;

    /** A preparer for a model that sees the whole image. */
    public ModelInputPreparer(int channels, int resolution) {
        this(channels, resolution, FieldOfView.WHOLE);
    }

    /**
     * @param channels   channel count the model expects
     * @param resolution side length of the model's square input
     * @param view       the centred part of the image the input covers
     */
    public ModelInputPreparer(int channels, int resolution, FieldOfView view) {
        if (channels <= 0 || resolution <= 0) {
            throw new IllegalArgumentException(
                    "channels and resolution must be positive, got " + channels + " and " + resolution);
        }
        this.channels = channels;
        this.resolution = resolution;
        this.view = Objects.requireNonNull(view, "view");
    }

    /**
     * @return {@code channels * resolution * resolution} values in [0, 1], planar CHW
     * @throws ImageRejectedException with {@link RejectionReason#UNSUPPORTED_CHANNELS},
     *                                {@link RejectionReason#NON_FINITE_PIXELS} or
     *                                {@link RejectionReason#CONSTANT_IMAGE}
     */
    public float[] prepare(Image image) {
        Objects.requireNonNull(image, "image");
        if (image.channels() != channels) {
            throw new ImageRejectedException(RejectionReason.UNSUPPORTED_CHANNELS,
                    "image has " + image.channels() + " channels, the model expects " + channels);
        }
        PixelRange range = PixelRange.of(image.pixels());
        if (range.isConstant()) {
            throw new ImageRejectedException(RejectionReason.CONSTANT_IMAGE,
                    "all pixels have the value " + range.min() + ", a constant image cannot be normalised");
        }
        // One range for all channels keeps the channels' relative intensities intact.
        float[] normalised = range.normalise(image.pixels());
        int inPlane = image.planeSize();
        int outPlane = resolution * resolution;
        float[] prepared = new float[channels * outPlane];
        for (int channel = 0; channel < channels; channel++) {
            float[] plane = Arrays.copyOfRange(normalised, channel * inPlane, (channel + 1) * inPlane);
            float[] resized = view.toModel(plane, image.width(), image.height(), resolution);
            System.arraycopy(resized, 0, prepared, channel * outPlane, outPlane);
        }
        return prepared;
    }
}
