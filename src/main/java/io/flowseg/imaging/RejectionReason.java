package io.flowseg.imaging;

/**
 * Machine-readable reason why an input image was refused. The constant names are stable: they are
 * used as reason codes on dead-letter records, so rename none of them.
 */
public enum RejectionReason {
    /** The bytes are not a PNG or JPEG image that ImageIO can decode. */
    UNDECODABLE_IMAGE,
    /** A raw pixel buffer does not hold exactly width x height x channels samples. */
    BYTE_LENGTH_MISMATCH,
    /** The pixels contain NaN or infinite values. */
    NON_FINITE_PIXELS,
    /** All pixels share one value, so the image cannot be min-max normalised. */
    CONSTANT_IMAGE,
    /** Width, height or channel count is zero or negative. */
    INVALID_DIMENSIONS,
    /** Width or height exceeds the configured {@link ImageLimits}. */
    IMAGE_TOO_LARGE,
    /** The channel count differs from the one the model expects. */
    UNSUPPORTED_CHANNELS
}
