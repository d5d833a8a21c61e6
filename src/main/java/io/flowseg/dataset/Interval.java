package io.flowseg.dataset;

import java.util.Random;

/** A closed range [min, max] that generator settings draw from. */
public record Interval(double min, double max) {

    public Interval {
        if (!(min <= max)) {
            throw new IllegalArgumentException("an interval needs min <= max, got " + min + ", " + max);
        }
    }

    /** Uniform in the interval. */
    public double uniform(Random random) {
        return min + (max - min) * random.nextDouble();
    }

    /** Log-uniform in the interval (min > 0): each factor of two is equally likely. */
    public double logUniform(Random random) {
        return min * Math.pow(max / min, random.nextDouble());
    }

    /** A whole number uniform in [floor(min), floor(max)]. */
    public int count(Random random) {
        int low = (int) Math.floor(min);
        return low + random.nextInt((int) Math.floor(max) - low + 1);
    }
}
