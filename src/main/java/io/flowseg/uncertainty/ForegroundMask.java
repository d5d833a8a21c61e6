package io.flowseg.uncertainty;

/**
 * Binarised samples stored as {@code long[]} bitsets (bit i of word i / 64 = pixel i), so that
 * comparing two masks costs one {@link Long#bitCount} per 64 pixels.
 */
final class ForegroundMask {

    private ForegroundMask() {
    }

    /** A cleared mask able to hold {@code pixels} pixels. */
    static long[] empty(int pixels) {
        return new long[(pixels + Long.SIZE - 1) / Long.SIZE];
    }

    /**
     * Adds {@code pixel} to the mask when {@code foreground} is 1 and leaves the mask unchanged when
     * it is 0, so callers need no branch on noisy, hard-to-predict samples.
     */
    static void include(long[] mask, int pixel, int foreground) {
        // Java masks the shift distance to its low 6 bits, i.e. pixel % 64.
        mask[pixel >>> 6] |= (long) foreground << pixel;
    }

    /** Number of foreground pixels. */
    static long size(long[] mask) {
        long size = 0;
        for (long word : mask) {
            size += Long.bitCount(word);
        }
        return size;
    }

    /** Number of pixels that are foreground in both masks. */
    static long intersectionSize(long[] a, long[] b) {
        long size = 0;
        for (int w = 0; w < a.length; w++) {
            size += Long.bitCount(a[w] & b[w]);
        }
        return size;
    }
}
