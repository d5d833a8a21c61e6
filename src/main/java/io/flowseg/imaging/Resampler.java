package io.flowseg.imaging;

/**
 * Resizes single planes (row-major, one channel). Images and masks go to the model's resolution by
 * the same geometry, {@link #toModel} (an area mean when shrinking), so a mask stays aligned with
 * its image; model-resolution maps come back by {@link #bilinear}, whose half-pixel centres are
 * that geometry's inverse.
 */
public final class Resampler {

    private Resampler() {
    }

    /**
     * Bilinear resize with the semantics of PyTorch's
     * {@code F.interpolate(mode='bilinear', align_corners=False)}: pixel centres sit at half-integer
     * coordinates, source coordinates are clamped at the edges, and downscaling is not antialiased.
     * Matching PyTorch keeps inference consistent with how the model was trained.
     */
    public static float[] bilinear(float[] plane, int width, int height, int newWidth, int newHeight) {
        requirePlane(plane.length, width, height, newWidth, newHeight);
        LinearAxis columns = LinearAxis.of(width, newWidth);
        LinearAxis rows = LinearAxis.of(height, newHeight);
        float[] resized = new float[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int top = rows.lower[y] * width;
            int bottom = rows.upper[y] * width;
            float bottomWeight = rows.upperWeight[y];
            float topWeight = 1f - bottomWeight;
            for (int x = 0; x < newWidth; x++) {
                int left = columns.lower[x];
                int right = columns.upper[x];
                float rightWeight = columns.upperWeight[x];
                float leftWeight = 1f - rightWeight;
                resized[y * newWidth + x] =
                        topWeight * (leftWeight * plane[top + left] + rightWeight * plane[top + right])
                        + bottomWeight * (leftWeight * plane[bottom + left] + rightWeight * plane[bottom + right]);
            }
        }
        return resized;
    }

    /**
     * To the model's resolution: an area mean along an axis that shrinks, bilinear along one that
     * grows. Images and rater masks both take this path, so their pixels stay aligned.
     */
    public static float[] toModel(float[] plane, int width, int height, int newWidth, int newHeight) {
        if (newWidth <= width && newHeight <= height) {
            return areaMean(plane, width, height, newWidth, newHeight);
        }
        return bilinear(plane, width, height, newWidth, newHeight);
    }

    /**
     * Area-mean resize with the semantics of PyTorch's {@code F.interpolate(mode='area')}
     * ({@code adaptive_avg_pool2d}): output pixel i averages source pixels
     * floor(i in / out) to ceil((i + 1) in / out) - 1 along each axis. At an integer factor this is
     * the plain k x k block mean, whose centre is the output pixel's centre: nothing shifts, and a
     * binary mask keeps its area as the mean's sum.
     */
    public static float[] areaMean(float[] plane, int width, int height, int newWidth, int newHeight) {
        requirePlane(plane.length, width, height, newWidth, newHeight);
        float[] resized = new float[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int top = y * height / newHeight;
            int bottom = ceilDiv((y + 1) * height, newHeight);
            for (int x = 0; x < newWidth; x++) {
                int left = x * width / newWidth;
                int right = ceilDiv((x + 1) * width, newWidth);
                double sum = 0;
                for (int row = top; row < bottom; row++) {
                    int offset = row * width;
                    for (int column = left; column < right; column++) {
                        sum += plane[offset + column];
                    }
                }
                resized[y * newWidth + x] = (float) (sum / ((bottom - top) * (right - left)));
            }
        }
        return resized;
    }

    private static int ceilDiv(int numerator, int denominator) {
        return -Math.floorDiv(-numerator, denominator);
    }

    /**
     * Nearest-neighbour resize for binary masks, so the result stays binary. Uses half-pixel
     * centres (PyTorch's {@code mode='nearest-exact'}), consistent with {@link #bilinear}.
     */
    public static boolean[] nearest(boolean[] mask, int width, int height, int newWidth, int newHeight) {
        requirePlane(mask.length, width, height, newWidth, newHeight);
        int[] sourceColumns = nearestIndices(width, newWidth);
        int[] sourceRows = nearestIndices(height, newHeight);
        boolean[] resized = new boolean[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            int sourceRow = sourceRows[y] * width;
            for (int x = 0; x < newWidth; x++) {
                resized[y * newWidth + x] = mask[sourceRow + sourceColumns[x]];
            }
        }
        return resized;
    }

    private static int[] nearestIndices(int inSize, int outSize) {
        float scale = (float) inSize / outSize;
        int[] indices = new int[outSize];
        for (int out = 0; out < outSize; out++) {
            indices[out] = Math.min((int) Math.floor((out + 0.5f) * scale), inSize - 1);
        }
        return indices;
    }

    private static void requirePlane(int length, int width, int height, int newWidth, int newHeight) {
        Planes.requireSize(length, width, height);
        if (newWidth <= 0 || newHeight <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + newWidth + "x" + newHeight);
        }
    }

    /**
     * For each output index along one axis: the two source indices to blend and the weight of the
     * upper one. Computed in float, as PyTorch does for float tensors.
     */
    private record LinearAxis(int[] lower, int[] upper, float[] upperWeight) {

        static LinearAxis of(int inSize, int outSize) {
            float scale = (float) inSize / outSize;
            int[] lower = new int[outSize];
            int[] upper = new int[outSize];
            float[] upperWeight = new float[outSize];
            for (int out = 0; out < outSize; out++) {
                float source = Math.max(scale * (out + 0.5f) - 0.5f, 0f);
                int index = Math.min((int) source, inSize - 1);
                lower[out] = index;
                upper[out] = Math.min(index + 1, inSize - 1);
                upperWeight[out] = Math.min(source - index, 1f);
            }
            return new LinearAxis(lower, upper, upperWeight);
        }
    }
}
