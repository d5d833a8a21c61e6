package io.flowseg.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Turns a raw pixel buffer, interleaved (HWC) as imaging systems usually send it, into a planar
 * {@link Image}. Dimensions and byte length are checked before any pixel array is allocated.
 */
public final class RawImageDecoder {

    private final ImageLimits limits;

    public RawImageDecoder(ImageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param bytes    samples in row-major order with channels interleaved per pixel
     * @param type     sample type; multi-byte types are little-endian
     * @throws ImageRejectedException with {@link RejectionReason#INVALID_DIMENSIONS},
     *                                {@link RejectionReason#IMAGE_TOO_LARGE} or
     *                                {@link RejectionReason#BYTE_LENGTH_MISMATCH}
     */
    public Image decode(byte[] bytes, int width, int height, int channels, SampleType type) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(type, "type");
        String description = "raw image of " + width + "x" + height + "x" + channels + " " + type.label();
        if (width <= 0 || height <= 0 || channels <= 0) {
            throw new ImageRejectedException(RejectionReason.INVALID_DIMENSIONS,
                    description + " has a zero or negative dimension");
        }
        limits.requireWithin(width, height, "raw image");
        long expectedBytes = (long) width * height * channels * type.bytesPerSample();
        if (bytes.length != expectedBytes) {
            throw new ImageRejectedException(RejectionReason.BYTE_LENGTH_MISMATCH,
                    description + " needs " + expectedBytes + " bytes, got " + bytes.length);
        }
        return new Image(width, height, channels, toPlanar(bytes, width * height, channels, type));
    }

    private static float[] toPlanar(byte[] bytes, int planeSize, int channels, SampleType type) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int stride = type.bytesPerSample();
        float[] planar = new float[planeSize * channels];
        for (int pixel = 0; pixel < planeSize; pixel++) {
            for (int channel = 0; channel < channels; channel++) {
                planar[channel * planeSize + pixel] = type.read(buffer, (pixel * channels + channel) * stride);
            }
        }
        return planar;
    }
}
