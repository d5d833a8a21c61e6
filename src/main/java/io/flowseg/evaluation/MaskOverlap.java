package io.flowseg.evaluation;

/**
 * IoU and Dice between two binary masks of equal length.
 *
 * <p>A pair skipped under {@link EmptyPairConvention#SKIP} is returned as {@code NaN}; every mean in
 * this package ignores NaN, which is how skipped pairs drop out of averages.
 */
public final class MaskOverlap {

    private MaskOverlap() {
    }

    /** Intersection over union; empty-vs-empty follows {@code convention}. */
    public static double iou(boolean[] a, boolean[] b, EmptyPairConvention convention) {
        long[] counts = intersectionAndUnion(a, b);
        if (counts[1] == 0) {
            return emptyPairScore(convention);
        }
        return (double) counts[0] / counts[1];
    }

    /** Dice = 2|A∩B| / (|A|+|B|); empty-vs-empty follows {@code convention}. */
    public static double dice(boolean[] a, boolean[] b, EmptyPairConvention convention) {
        long[] counts = intersectionAndUnion(a, b);
        if (counts[1] == 0) {
            return emptyPairScore(convention);
        }
        // |A|+|B| = |A∩B| + |A∪B|
        return 2.0 * counts[0] / (counts[0] + counts[1]);
    }

    private static double emptyPairScore(EmptyPairConvention convention) {
        return convention == EmptyPairConvention.SCORE_ONE ? 1.0 : Double.NaN;
    }

    private static long[] intersectionAndUnion(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("mask lengths differ: " + a.length + " vs " + b.length);
        }
        long intersection = 0;
        long union = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] && b[i]) {
                intersection++;
            }
            if (a[i] || b[i]) {
                union++;
            }
        }
        return new long[] {intersection, union};
    }
}
