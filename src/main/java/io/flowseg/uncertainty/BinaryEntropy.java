package io.flowseg.uncertainty;

/** Entropy of a Bernoulli variable, used on the mean map where p is a pixel's foreground probability. */
final class BinaryEntropy {

    private static final double LN_2 = Math.log(2);

    private BinaryEntropy() {
    }

    /** {@code -p log2 p - (1-p) log2 (1-p)} in bits, taking {@code 0 log 0 = 0} so that p = 0 and p = 1 give 0. */
    static double bits(double p) {
        if (p <= 0 || p >= 1) {
            return 0;
        }
        return -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / LN_2;
    }
}
