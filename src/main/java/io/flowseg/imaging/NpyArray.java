package io.flowseg.imaging;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional float array as stored in a NumPy .npy file, in C (row-major) order. The arrays
 * are shared, not copied; treat them as read-only.
 *
 * @param shape size of each dimension; empty for a scalar
 * @param data  the elements, as many as the product of the shape
 */
public record NpyArray(int[] shape, float[] data) {

    public NpyArray {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(data, "data");
        long count = 1;
        for (int size : shape) {
            if (size < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            count *= size;
        }
        if (count != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + count + " elements, got " + data.length);
        }
    }

    public int rank() {
        return shape.length;
    }
}
